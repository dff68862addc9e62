//! Actions: the work Senlin does on a cluster or node (`CLUSTER_CREATE`, `NODE_DELETE`,
//! `CLUSTER_SCALE_OUT`…), started by the requests that answer `202`. An action is
//! `INIT`, `WAITING` or `READY`, then `RUNNING`, and ends `SUCCEEDED`, `FAILED` or
//! `CANCELLED`.
//!
//! ```no_run
//! # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::clustering::v1::{actions, clusters};
//! let action = clusters::scale_in(&senlin, "web", Some(2)).await?;
//! let done = actions::wait_for_success(&senlin, &action, &Default::default()).await?;
//! println!("{} took {:?}s", done.name, done.end_time.zip(done.start_time).map(|(e, s)| e - s));
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Object, Paging, senlin_functions};
use crate::dates::Timestamp;
use crate::de::text_enum;
use crate::request::{ApiResult, Validate};
use crate::wait::{State, WaitOpts};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "clustering";
    /// List actions.
    LIST = GET "/actions" list("actions", Action);
    /// Show an action.
    GET = GET "/actions/{action_id}" response("action", Action);
    /// Change an action's status (cancel it; 1.12).
    UPDATE = PATCH "/actions/{action_id}" since("1.12") request("action", UpdateOpts);
}

text_enum! {
    /// Where an action stands.
    ///
    /// ```
    /// use ferrocloud::openstack::clustering::v1::actions::ActionStatus;
    /// let s: ActionStatus = serde_json::from_str("\"SUCCEEDED\"").unwrap();
    /// assert!(s.is_final());
    /// assert!(!ActionStatus::Running.is_final());
    /// assert_eq!(serde_json::from_str::<ActionStatus>("\"PAUSED\"").unwrap().as_str(), "PAUSED");
    /// ```
    ActionStatus {
        /// Created.
        Init = "INIT",
        /// Waiting for the actions it depends on.
        Waiting = "WAITING",
        /// Ready to run.
        Ready = "READY",
        /// Running.
        Running = "RUNNING",
        /// Suspended.
        Suspended = "SUSPENDED",
        /// Done.
        Succeeded = "SUCCEEDED",
        /// Failed (see `status_reason`).
        Failed = "FAILED",
        /// Cancelled.
        Cancelled = "CANCELLED",
        /// Waiting for a lifecycle hook's completion
        /// ([`clusters::complete_lifecycle`](super::clusters::complete_lifecycle)).
        WaitingLifecycleCompletion = "WAITING_LIFECYCLE_COMPLETION",
    }
}

impl ActionStatus {
    /// Whether the action is over: `SUCCEEDED`, `FAILED` or `CANCELLED`.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            ActionStatus::Succeeded | ActionStatus::Failed | ActionStatus::Cancelled
        )
    }
}

/// An action.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Action {
    /// The ID.
    pub id: String,
    /// The name (`cluster_delete_fcc9b635`).
    pub name: String,
    /// What it does (`CLUSTER_DELETE`, `NODE_CREATE`…).
    pub action: String,
    /// Why it runs (`RPC Request`, `Derived Action`).
    pub cause: String,
    /// The ID of the cluster or node it works on.
    pub target: String,
    /// Where it stands.
    pub status: ActionStatus,
    /// Why it is where it stands.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub status_reason: Option<String>,
    /// Its inputs.
    pub inputs: Object,
    /// Its outputs.
    pub outputs: Object,
    /// What it carries along.
    pub data: Object,
    /// The actions waiting for it.
    pub depended_by: Vec<String>,
    /// The actions it waits for.
    pub depends_on: Vec<String>,
    /// When it started (seconds since the epoch).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub start_time: Option<f64>,
    /// When it ended (seconds since the epoch).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub end_time: Option<f64>,
    /// Seconds between runs of a repeated action (`-1`: once).
    pub interval: i64,
    /// Seconds it may run.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub timeout: Option<i64>,
    /// The engine running it.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub owner: Option<String>,
    /// The project.
    pub project: String,
    /// The user.
    pub user: String,
    /// When it was created.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub created_at: Option<Timestamp>,
    /// When it last changed.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::clustering::v1::actions::ListOpts;
/// let o = ListOpts { target: Some("fcc9b635".into()), status: Some("FAILED".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "target=fcc9b635&status=FAILED");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Actions of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Actions on this cluster or node.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Actions doing this (`CLUSTER_SCALE_OUT`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Actions in this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub paging: Paging,
}

/// What [`update`] changes: the status an action is asked to take (`CANCELLED`).
///
/// ```
/// use ferrocloud::openstack::clustering::v1::actions::{ActionStatus, UpdateOpts};
/// let o = UpdateOpts { status: ActionStatus::Cancelled };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"status": "CANCELLED"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// The new status.
    pub status: ActionStatus,
}

impl Validate for UpdateOpts {}

senlin_functions! {
    Action, "action", extract_actions;
    list get
}

/// Changes an action's status (microversion 1.12): cancels it with
/// [`ActionStatus::Cancelled`]. `force` cancels it even when it is not cancellable.
/// Senlin answers `202`.
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::clustering::v1::actions::{self, ActionStatus, UpdateOpts};
/// actions::update(&senlin, "ffbb9175", &UpdateOpts { status: ActionStatus::Cancelled }, false).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn update(
    client: &ServiceClient,
    id: &str,
    opts: &UpdateOpts,
    force: bool,
) -> ApiResult<()> {
    let mut req = client.request(&UPDATE, &[id]).body(opts);
    if force {
        req = req.query_pair("force", "true");
    }
    req.send().await
}

/// Waits until the action is over and returns it when it `SUCCEEDED`; `FAILED` or
/// `CANCELLED` end the wait with an error holding its `status_reason`.
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let done = ferrocloud::openstack::clustering::v1::actions::wait_for_success(
///     &senlin, "2a0ff107", &Default::default()).await?;
/// # Ok(()) }
/// ```
pub async fn wait_for_success(client: &ServiceClient, id: &str, opts: &WaitOpts) -> Result<Action> {
    crate::wait::wait_for(
        &format!("action {id} to succeed"),
        opts,
        || async { get(client, id).await.extract() },
        |a: &Action| match a.status {
            ActionStatus::Succeeded => State::Ready,
            ActionStatus::Failed | ActionStatus::Cancelled => State::Failed(format!(
                "action {} is {}: {}",
                a.name,
                a.status,
                a.status_reason.as_deref().unwrap_or("no reason given")
            )),
            _ => State::Pending,
        },
        |_| {},
    )
    .await
}
