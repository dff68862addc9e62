//! Group snapshots (3.14): a snapshot of every volume of a generic volume group, taken
//! together; a group is made from one with
//! [`groups::create_from_src`].
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::group_snapshots::{self, CreateOpts, GroupSnapshotStatus};
//! use ferrocloud::wait::WaitOpts;
//! let volumes = volumes.with_microversion("3.14");
//! let s = group_snapshots::create(&volumes, &CreateOpts::new("6f519a48").name("nightly")).await.extract()?;
//! group_snapshots::wait_for_status(&volumes, &s.id, GroupSnapshotStatus::Available, &WaitOpts::default()).await?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "block-storage";
    /// List group snapshots.
    LIST = GET "/group_snapshots" since("3.14") list("group_snapshots", GroupSnapshotSummary);
    /// List group snapshots with details.
    LIST_DETAIL = GET "/group_snapshots/detail" since("3.14") list("group_snapshots", GroupSnapshot);
    /// Show group snapshot details.
    GET = GET "/group_snapshots/{group_snapshot_id}" since("3.14") response("group_snapshot", GroupSnapshot);
    /// Create a group snapshot.
    CREATE = POST "/group_snapshots" since("3.14") request("group_snapshot", CreateOpts) response("group_snapshot", GroupSnapshotSummary);
    /// Delete a group snapshot.
    DELETE = DELETE "/group_snapshots/{group_snapshot_id}" since("3.14");
    /// Reset a group snapshot's status (admin).
    RESET_STATUS = POST "/group_snapshots/{group_snapshot_id}/action" since("3.19") request("reset_status", ResetStatusOpts);
}

/// The operations the v2 API documents: none (3.14).
pub static V2_OPERATIONS: &[&crate::Operation] = &[];

super::common::resource_functions! {
    GroupSnapshot, GroupSnapshotSummary, "group snapshot", "group snapshots";
    list("group_snapshot_links") list_detail("group_snapshot_links") get delete find
    reset_status(GroupSnapshotStatus) wait(GroupSnapshotStatus)
}

super::common::status_enum! {
    /// The status of a group snapshot.
    GroupSnapshotStatus {
        /// Being made.
        Creating = "creating",
        /// Ready.
        Available = "available",
        /// Being deleted.
        Deleting = "deleting",
        /// Deleted (admins listing deleted ones).
        Deleted = "deleted",
        /// Creation failed.
        Error = "error",
        /// Deletion failed.
        ErrorDeleting = "error_deleting",
    }
}

/// A group snapshot in a short listing, or as created.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct GroupSnapshotSummary {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// Its group's group type (in a creation's answer; Cinder 28's short listing
    /// leaves it out).
    #[serde(default)]
    pub group_type_id: Option<String>,
}

/// A group snapshot with its details.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct GroupSnapshot {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// The group it was taken of.
    pub group_id: String,
    /// Its group's group type.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub group_type_id: Option<String>,
    /// The status.
    pub status: GroupSnapshotStatus,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// The owning project (3.58, for those the policy lets see it).
    #[serde(default)]
    pub project_id: Option<String>,
}

impl crate::find::Named for GroupSnapshot {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        self.name.as_deref().unwrap_or("")
    }
}

/// What [`list`] and [`list_detail`] filter on (paging and sorting from 3.29).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Group snapshots of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Every project's group snapshots (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_tenants: Option<bool>,
    /// Paging, sorting and other filters (`group_id`, `status`…).
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::group_snapshots::CreateOpts;
/// let opts = CreateOpts::new("6f519a48").name("first_group_snapshot").description("first group snapshot");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "group_id": "6f519a48", "name": "first_group_snapshot", "description": "first group snapshot"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The group to snapshot.
    pub group_id: String,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CreateOpts {
    /// A snapshot of `group_id`.
    pub fn new(group_id: impl Into<String>) -> Self {
        CreateOpts {
            group_id: group_id.into(),
            name: None,
            description: None,
        }
    }
    /// Sets the name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.description = Some(d.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("group_id", !self.group_id.is_empty())
    }
}

/// Snapshots a group (`202`; it is `creating`).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<GroupSnapshotSummary> {
    client.request(&CREATE, &[]).body(opts).send().await
}
