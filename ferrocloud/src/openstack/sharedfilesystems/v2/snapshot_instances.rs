//! Snapshot instances (admin, 2.19): a snapshot's copy on each share instance.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::snapshot_instances::{self, ListOpts};
//! let manila = manila.with_microversion("2.19");
//! let all = snapshot_instances::list_detail(&manila, &ListOpts::default()).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common;
use super::snapshots::SnapshotStatus;
use crate::dates::Timestamp;
use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "shared-file-system";
    /// List snapshot instances.
    LIST = GET "/snapshot-instances" since("2.19") list("snapshot_instances", SnapshotInstanceSummary);
    /// List snapshot instances with details.
    LIST_DETAIL = GET "/snapshot-instances/detail" since("2.19") list("snapshot_instances", SnapshotInstance);
    /// Show a snapshot instance.
    GET = GET "/snapshot-instances/{snapshot_instance_id}" since("2.19") response("snapshot_instance", SnapshotInstance);
    /// Reset a snapshot instance's status.
    RESET_STATUS = POST "/snapshot-instances/{snapshot_instance_id}/action" since("2.19") request("reset_status", common::ResetStatus<SnapshotStatus>);
}

common::resource_functions! {
    SnapshotInstance, SnapshotInstanceSummary, "snapshot instance", "snapshot_instances_links", false;
    get reset_status(SnapshotStatus)
}

/// A snapshot instance in a listing without details.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct SnapshotInstanceSummary {
    /// The ID.
    pub id: String,
    /// Its snapshot.
    pub snapshot_id: String,
    /// The status.
    pub status: SnapshotStatus,
}

/// A snapshot instance.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct SnapshotInstance {
    /// The ID.
    pub id: String,
    /// Its snapshot.
    pub snapshot_id: String,
    /// The status.
    pub status: SnapshotStatus,
    /// The share.
    pub share_id: String,
    /// The share instance.
    pub share_instance_id: String,
    /// How far the back end got.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub progress: Option<String>,
    /// Where the back end keeps it.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub provider_location: Option<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it was last updated.
    #[serde(with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
}

/// Filters of [`list`] and [`list_detail`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Instances of this snapshot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snapshot_id: Option<String>,
}

/// Lists snapshot instances.
pub async fn list(client: &ServiceClient, opts: &ListOpts) -> ApiResult<Vec<SnapshotInstanceSummary>> {
    client.request(&LIST, &[]).query(opts).send().await
}

/// Lists snapshot instances with details.
pub async fn list_detail(client: &ServiceClient, opts: &ListOpts) -> ApiResult<Vec<SnapshotInstance>> {
    client.request(&LIST_DETAIL, &[]).query(opts).send().await
}
