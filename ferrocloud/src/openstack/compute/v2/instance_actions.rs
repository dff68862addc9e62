//! Instance actions of a server and their events (`os-instance-actions`).
//!
//! Nova records every action taken on a server (`create`, `stop`, `reboot`,
//! `attach_volume`…) with the request that caused it, and the steps (events) the action
//! went through. From microversion 2.58 the listing pages (`limit`, `marker`) and filters
//! (`changes-since`, and `changes-before` from 2.66); events are shown to the server's
//! owner from 2.51 (with tracebacks and hosts for admins only), with `hostId` from 2.62
//! and `details` from 2.84.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use futures::TryStreamExt;
//! use ferrocloud::openstack::compute::v2::instance_actions::{self, ListOpts};
//! let compute = compute.with_microversion("2.84");
//! let server = "0e44cc9c-e052-415d-afbf-469b0d384170";
//!
//! let opts = ListOpts { limit: Some(20), ..Default::default() };
//! let mut actions = instance_actions::list(&compute, server, &opts).items();
//! while let Some(a) = actions.try_next().await? {
//!     println!("{} {} by {:?}", a.start_time, a.action, a.user_id);
//! }
//! let detail = instance_actions::get(&compute, server, "req-14122cb1-4256-4a16-a4f9-6faf494afaa7").await.extract()?;
//! for e in detail.events.unwrap_or_default() {
//!     println!("{}: {:?}", e.event, e.result);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// List the actions recorded for a server.
    LIST = GET "/servers/{server_id}/os-instance-actions" list("instanceActions", InstanceAction);
    /// Show one action of a server, with its events.
    GET = GET "/servers/{server_id}/os-instance-actions/{request_id}" response("instanceAction", InstanceAction);
}

/// One action taken on a server.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct InstanceAction {
    /// The action (`create`, `stop`, `reboot`, `attach_volume`…).
    pub action: String,
    /// The ID of the request that started it.
    pub request_id: String,
    /// The server's ID.
    pub instance_uuid: String,
    /// The project that asked (`None` for actions started outside the API).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub project_id: Option<String>,
    /// The user that asked (`None` for actions started outside the API).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub user_id: Option<String>,
    /// When it started.
    #[serde(with = "crate::dates::timestamp")]
    pub start_time: Timestamp,
    /// When it last changed (2.58+).
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// A message, mostly `Error` when the action failed.
    #[serde(default)]
    pub message: Option<String>,
    /// Its events, when showing one action (to admins only before 2.51); `None` in
    /// listings.
    #[serde(default)]
    pub events: Option<Vec<Event>>,
}

/// One step of an action.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// The step (`compute_stop_instance`, `conductor_schedule_and_build_instances`…).
    pub event: String,
    /// When it started.
    #[serde(with = "crate::dates::timestamp")]
    pub start_time: Timestamp,
    /// When it finished (`None` while it runs).
    #[serde(with = "crate::dates::option")]
    pub finish_time: Option<Timestamp>,
    /// `Success` or `Error` (`None` while it runs).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub result: Option<String>,
    /// The traceback of a failure (admins only by default).
    #[serde(default)]
    pub traceback: Option<String>,
    /// The host it ran on (admins only by default; 2.62+).
    #[serde(default)]
    pub host: Option<String>,
    /// An obfuscated host ID, unique per project (2.62+).
    #[serde(default, rename = "hostId")]
    pub host_id: Option<String>,
    /// Details of a failure, safe to show to users (2.84+).
    #[serde(default)]
    pub details: Option<String>,
}

/// Paging and filters for listing actions; all need microversion 2.58
/// (`changes_before` 2.66), and are refused before sending otherwise.
///
/// ```
/// use ferrocloud::openstack::compute::v2::instance_actions::ListOpts;
/// let since = ferrocloud::dates::parse("2018-04-25T01:26:29Z").unwrap();
/// let o = ListOpts { limit: Some(1), changes_since: Some(since), ..Default::default() };
/// let q = ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap());
/// assert_eq!(q, "limit=1&changes-since=2018-04-25T01%3A26%3A29Z");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Page size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The request ID of the last action of the previous page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Only actions changed at or after this time.
    #[serde(
        rename = "changes-since",
        serialize_with = "crate::dates::option::serialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub changes_since: Option<Timestamp>,
    /// Only actions changed at or before this time (2.66+).
    #[serde(
        rename = "changes-before",
        serialize_with = "crate::dates::option::serialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub changes_before: Option<Timestamp>,
}

impl ListOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        if let (Some(since), Some(before)) = (&self.changes_since, &self.changes_before)
            && before < since {
                return Err(Error::invalid_input(
                    "changes-before must not be earlier than changes-since",
                ));
            }
        let fields = [
            ("limit", self.limit.is_some(), "2.58"),
            ("marker", self.marker.is_some(), "2.58"),
            ("changes-since", self.changes_since.is_some(), "2.58"),
            ("changes-before", self.changes_before.is_some(), "2.66"),
        ];
        for (field, set, version) in fields {
            if set {
                needs(client, field, version)?;
            }
        }
        Ok(())
    }
}

/// Refuses a field the client's microversion does not have yet.
fn needs(client: &ServiceClient, field: &str, version: &str) -> Result<()> {
    crate::microversion::check_field(client, field, true, Some(version), None)
}

/// Lists the actions of a server, newest first, following the `next` links (2.58+).
pub fn list(client: &ServiceClient, server_id: &str, opts: &ListOpts) -> Pager<InstanceAction> {
    let mut req = client.request(&LIST, &[server_id]);
    req = match opts.check(client) {
        Ok(()) => req.query(opts),
        // Carried by the pager: the first request fails before anything is sent.
        Err(e) => req.query(&Refused(e)),
    };
    req.paged(PageStyle::Links("links"))
}

/// A query that fails to serialize with a given error, so that the pager reports it.
struct Refused(Error);

impl Serialize for Refused {
    fn serialize<S: serde::Serializer>(&self, _: S) -> std::result::Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom(self.0.service_message()))
    }
}

crate::operation::extract_fn! {
    /// The actions of a page.
    extract_instance_actions, InstanceAction
}

/// Shows one action of a server by its request ID, with its events.
pub async fn get(
    client: &ServiceClient,
    server_id: &str,
    request_id: &str,
) -> ApiResult<InstanceAction> {
    client.request(&GET, &[server_id, request_id]).send().await
}
