//! Introspection of nodes: start it, follow its status, abort it, wait for its end.
//!
//! Nodes are named by Ironic UUID or name. Introspection goes `starting`, `waiting`
//! (for the ramdisk's data), `processing`, and ends `finished` or `error`; an aborted
//! introspection ends `error` ("Canceled by operator").
//!
//! ```no_run
//! # async fn demo(inspector: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetalintrospection::v1::introspection::{self, StartOpts};
//! introspection::start(&inspector, "node-1", &StartOpts::default()).await.ok()?;
//! let status = introspection::wait_for_finish(&inspector, "node-1", &Default::default()).await?;
//! println!("{} finished at {:?}", status.uuid, status.finished_at);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{field, request};
use crate::dates::Timestamp;
use crate::de::{Link, text_enum};
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::wait::{State, WaitOpts};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "baremetal-introspection";
    /// Start introspecting a node (`202`).
    START = POST "/introspection/{node_id}";
    /// Show a node's introspection status.
    GET = GET "/introspection/{node_id}" response(Status);
    /// List introspection statuses (1.8).
    LIST = GET "/introspection" list("introspection", Status);
    /// Abort a node's introspection (1.3, `202`).
    ABORT = POST "/introspection/{node_id}/abort";
}

text_enum! {
    /// Where a node's introspection stands.
    ///
    /// ```
    /// use ferrocloud::openstack::baremetalintrospection::v1::introspection::IntrospectionState;
    /// let s: IntrospectionState = serde_json::from_str("\"waiting\"").unwrap();
    /// assert_eq!(s, IntrospectionState::Waiting);
    /// assert_eq!(IntrospectionState::Finished.to_string(), "finished");
    /// ```
    IntrospectionState {
        /// The request to start was received.
        Starting = "starting",
        /// Waiting for the ramdisk's data.
        Waiting = "waiting",
        /// Processing the data.
        Processing = "processing",
        /// Done.
        Finished = "finished",
        /// Failed or aborted: see [`Status::error`].
        Error = "error",
        /// Processing stored data again.
        Reapplying = "reapplying",
        /// Enrolling a node Ironic did not know.
        Enrolling = "enrolling",
        /// The request to abort was received.
        Aborting = "aborting",
    }
}

/// A node's introspection status (Inspector writes `uuid`, the dates and `state` from
/// microversions 1.7 and 1.10, which the functions of this module require of a pinned
/// client).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Status {
    /// The node's UUID.
    pub uuid: String,
    /// Where it stands.
    pub state: IntrospectionState,
    /// Whether it is over (finished or failed).
    pub finished: bool,
    /// Why it failed (`null` unless it did).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub error: Option<String>,
    /// When it started.
    #[serde(with = "crate::dates::timestamp")]
    pub started_at: Timestamp,
    /// When it ended (`null` while it runs).
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub finished_at: Option<Timestamp>,
    /// Its links.
    pub links: Vec<Link>,
}

/// What [`start`] asks for.
///
/// ```
/// use ferrocloud::openstack::baremetalintrospection::v1::introspection::StartOpts;
/// let o = StartOpts { manage_boot: Some(false) };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "manage_boot=false");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct StartOpts {
    /// Whether Inspector powers the node on and boots it into the ramdisk (its default),
    /// or leaves that to the operator (`false`) (1.13).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manage_boot: Option<bool>,
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::baremetalintrospection::v1::introspection::{IntrospectionState, ListOpts};
/// let o = ListOpts { limit: Some(50), state: vec![IntrospectionState::Waiting, IntrospectionState::Error], ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()),
///     "limit=50&state=waiting%2Cerror");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Start after this node's UUID (the pager sets it for the next pages).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// At most this many per page (Inspector's `api_max_limit`, 1000, by default and
    /// at most).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Only introspections in these states (1.18).
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "crate::query::comma"
    )]
    pub state: Vec<IntrospectionState>,
}

/// The microversion from which Inspector writes every field of [`Status`].
const STATUS_FIELDS: u32 = 10;

/// Starts introspecting a node (UUID or name; names need 1.5). Inspector answers `202`
/// at once; follow the status with [`get`] or [`wait_for_finish`].
///
/// ```no_run
/// # async fn demo(inspector: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::baremetalintrospection::v1::introspection::{self, StartOpts};
/// let opts = StartOpts { manage_boot: Some(false) };
/// introspection::start(&inspector, "c244557e-899f-46fa-a1ff-5b2c6718616b", &opts).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn start(client: &ServiceClient, node: &str, opts: &StartOpts) -> ApiResult<()> {
    let req = client.request(&START, &[node]).query(opts);
    field(req, client, opts.manage_boot.is_some(), "manage_boot", 13)
        .send()
        .await
}

/// Shows a node's introspection status (UUID or name).
///
/// ```no_run
/// # async fn demo(inspector: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let s = ferrocloud::openstack::baremetalintrospection::v1::introspection::get(&inspector, "node-1")
///     .await.extract()?;
/// println!("{} {}", s.state, s.error.unwrap_or_default());
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, node: &str) -> ApiResult<Status> {
    request(client, &GET, &[node], STATUS_FIELDS).send().await
}

/// Lists introspection statuses, newest first, page after page (marker: the last
/// node's UUID).
///
/// ```no_run
/// # async fn demo(inspector: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::baremetalintrospection::v1::introspection::{self, IntrospectionState, ListOpts};
/// let opts = ListOpts { state: vec![IntrospectionState::Error], ..Default::default() };
/// for s in introspection::list(&inspector, &opts).all().await? {
///     println!("{}: {:?}", s.uuid, s.error);
/// }
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Status> {
    let req = request(client, &LIST, &[], STATUS_FIELDS).query(opts);
    field(req, client, !opts.state.is_empty(), "the state filter", 18)
        .paged(PageStyle::Marker("uuid"))
}

crate::operation::extract_fn! {
    /// The statuses of a page (or of all pages).
    extract_statuses, Status
}

/// Aborts a node's introspection (UUID or name; `202`). It ends in state `error`.
///
/// ```no_run
/// # async fn demo(inspector: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::baremetalintrospection::v1::introspection::abort(&inspector, "node-1")
///     .await.ok()?;
/// # Ok(()) }
/// ```
pub async fn abort(client: &ServiceClient, node: &str) -> ApiResult<()> {
    request(client, &ABORT, &[node], 3).send().await
}

/// Waits until a node's introspection is `finished` and returns its status; fails with
/// Inspector's `error` text when it ends in `error` (a failure or an abort).
///
/// ```no_run
/// # async fn demo(inspector: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use std::time::Duration;
/// use ferrocloud::openstack::baremetalintrospection::v1::introspection;
/// let opts = ferrocloud::wait::WaitOpts::new(Duration::from_secs(1800));
/// match introspection::wait_for_finish(&inspector, "node-1", &opts).await {
///     Ok(s) => println!("done at {:?}", s.finished_at),
///     Err(e) => eprintln!("{e}"),
/// }
/// # Ok(()) }
/// ```
pub async fn wait_for_finish(client: &ServiceClient, node: &str, opts: &WaitOpts) -> Result<Status> {
    crate::wait::wait_for(
        &format!("the introspection of node {node} to finish"),
        opts,
        || async { get(client, node).await.extract() },
        classify,
        |_| {},
    )
    .await
}

/// Where a status leaves a wait for the end: `finished` is the end, `error` a failure
/// with Inspector's text.
fn classify(s: &Status) -> State {
    match s.state {
        IntrospectionState::Finished => State::Ready,
        IntrospectionState::Error => State::Failed(
            s.error
                .clone()
                .unwrap_or_else(|| "introspection failed".into()),
        ),
        _ => State::Pending,
    }
}
