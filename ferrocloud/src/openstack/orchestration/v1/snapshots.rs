//! A stack's snapshots (the data of its resources: volume backups…), and restoring one.
//!
//! ```no_run
//! # async fn demo(heat: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::orchestration::v1::snapshots;
//! let snap = snapshots::create(&heat, "web", "8c3c0d25", Some("before-upgrade")).await.extract()?;
//! // … later, once the snapshot is COMPLETE:
//! snapshots::restore(&heat, "web", "8c3c0d25", &snap.id).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::common::check_stack;
use crate::{Result, ServiceClient};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate, require};

crate::operations! {
    service: "orchestration";
    /// Snapshot a stack.
    CREATE = POST "/stacks/{stack_name}/{stack_id}/snapshots" request(CreateOpts) response(Snapshot);
    /// List a stack's snapshots.
    LIST = GET "/stacks/{stack_name}/{stack_id}/snapshots" list("snapshots", Snapshot);
    /// Show a snapshot.
    GET = GET "/stacks/{stack_name}/{stack_id}/snapshots/{snapshot_id}" response("snapshot", Snapshot);
    /// Restore a snapshot.
    RESTORE = POST "/stacks/{stack_name}/{stack_id}/snapshots/{snapshot_id}/restore";
    /// Delete a snapshot.
    DELETE = DELETE "/stacks/{stack_name}/{stack_id}/snapshots/{snapshot_id}";
}

/// A stack snapshot.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Snapshot {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub name: String,
    /// `IN_PROGRESS`, `COMPLETE` or `FAILED`.
    pub status: String,
    /// Why it has that status.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub status_reason: Option<String>,
    /// The snapshot's data (the stack's, as [`StackData`](super::stacks::StackData)
    /// holds it), once taken.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub data: Option<Value>,
    /// `CREATE` (shown by creation and by [`get`]).
    #[serde(default)]
    pub action: Option<String>,
    /// When it was taken.
    #[serde(with = "crate::dates::timestamp")]
    pub creation_time: Timestamp,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::orchestration::v1::snapshots::CreateOpts;
/// let opts = CreateOpts { name: Some("vol_snapshot".into()) };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"name": "vol_snapshot"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The snapshot's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Validate for CreateOpts {}

/// Takes a snapshot of a stack (it is `IN_PROGRESS` at first).
pub async fn create(
    client: &ServiceClient,
    stack_name: &str,
    stack_id: &str,
    name: Option<&str>,
) -> ApiResult<Snapshot> {
    if let Err(e) = check_stack(stack_name, stack_id) {
        return ApiResult::from_error(e);
    }
    let opts = CreateOpts {
        name: name.map(str::to_string),
    };
    client
        .request(&CREATE, &[stack_name, stack_id])
        .body(&opts)
        .send()
        .await
}

/// Lists a stack's snapshots.
pub async fn list(client: &ServiceClient, stack_name: &str, stack_id: &str) -> ApiResult<Vec<Snapshot>> {
    if let Err(e) = check_stack(stack_name, stack_id) {
        return ApiResult::from_error(e);
    }
    client.request(&LIST, &[stack_name, stack_id]).send().await
}

fn check(stack_name: &str, stack_id: &str, snapshot_id: &str) -> crate::Result<()> {
    check_stack(stack_name, stack_id)?;
    require("snapshot ID", !snapshot_id.is_empty())
}

/// Shows a snapshot.
pub async fn get(client: &ServiceClient, stack_name: &str, stack_id: &str, snapshot_id: &str) -> ApiResult<Snapshot> {
    if let Err(e) = check(stack_name, stack_id, snapshot_id) {
        return ApiResult::from_error(e);
    }
    client.request(&GET, &[stack_name, stack_id, snapshot_id]).send().await
}

/// Waits until a snapshot is `COMPLETE`; fails with Heat's reason when it is `FAILED`,
/// and on timeout.
///
/// ```no_run
/// # async fn demo(heat: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::orchestration::v1::snapshots;
/// let snap = snapshots::wait_for_complete(&heat, "web", "0d4f1a2b-5c6d-4e7f-8a9b-0c1d2e3f4a5b",
///     "13c0ae6c-2a46-43a1-8ff0-8d6b4c5e1f2a", &Default::default()).await?;
/// assert_eq!(snap.status, "COMPLETE");
/// # Ok(()) }
/// ```
pub async fn wait_for_complete(
    client: &ServiceClient,
    stack_name: &str,
    stack_id: &str,
    snapshot_id: &str,
    opts: &crate::wait::WaitOpts,
) -> Result<Snapshot> {
    use crate::wait::State;
    crate::wait::wait_for(
        &format!("snapshot {snapshot_id} of stack {stack_name}/{stack_id} to be COMPLETE"),
        opts,
        || async { get(client, stack_name, stack_id, snapshot_id).await.extract() },
        |s: &Snapshot| match s.status.as_str() {
            "COMPLETE" => State::Ready,
            "FAILED" => State::Failed(format!(
                "snapshot {} failed: {}",
                s.id,
                s.status_reason.as_deref().unwrap_or("no reason given")
            )),
            _ => State::Pending,
        },
        |_| {},
    )
    .await
}

/// Restores a stack from a snapshot (`202`; `RESTORE_COMPLETE` when done).
pub async fn restore(client: &ServiceClient, stack_name: &str, stack_id: &str, snapshot_id: &str) -> ApiResult<()> {
    if let Err(e) = check(stack_name, stack_id, snapshot_id) {
        return ApiResult::from_error(e);
    }
    client.request(&RESTORE, &[stack_name, stack_id, snapshot_id]).send().await
}

/// Deletes a snapshot.
pub async fn delete(client: &ServiceClient, stack_name: &str, stack_id: &str, snapshot_id: &str) -> ApiResult<()> {
    if let Err(e) = check(stack_name, stack_id, snapshot_id) {
        return ApiResult::from_error(e);
    }
    client.request(&DELETE, &[stack_name, stack_id, snapshot_id]).send().await
}
