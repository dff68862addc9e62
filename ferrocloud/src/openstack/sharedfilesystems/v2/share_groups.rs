//! Share groups (2.31): shares that are snapshotted together (`share_group_snapshots`).
//! A group has a share group type and the share types its shares may have; shares join
//! it at creation (`share_group_id` of a share's `CreateOpts`). Manila called the API
//! experimental before 2.55: requests of older clients carry the experimental-API
//! header.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::share_groups::{self, CreateOpts, ShareGroupStatus};
//! use ferrocloud::wait::WaitOpts;
//! let manila = manila.with_microversion("2.55");
//! let g = share_groups::create(&manila, &CreateOpts { name: Some("db".into()), ..Default::default() })
//!     .await.extract()?;
//! share_groups::wait_for_status(&manila, &g.id, ShareGroupStatus::Available, &WaitOpts::default()).await?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{self, ExperimentalBefore, ListControls};
use crate::dates::Timestamp;
use crate::request::Validate;

/// Share groups left the experimental API at 2.55.
const EXPERIMENTAL: ExperimentalBefore = ExperimentalBefore(55);

crate::operations! {
    service: "shared-file-system";
    /// List share groups.
    LIST = GET "/share-groups" since("2.31") list("share_groups", ShareGroupSummary);
    /// List share groups with details.
    LIST_DETAIL = GET "/share-groups/detail" since("2.31") list("share_groups", ShareGroup);
    /// Show a share group.
    GET = GET "/share-groups/{share_group_id}" since("2.31") response("share_group", ShareGroup);
    /// Create a share group.
    CREATE = POST "/share-groups" since("2.31") request("share_group", CreateOpts) response("share_group", ShareGroup);
    /// Update a share group.
    UPDATE = PUT "/share-groups/{share_group_id}" since("2.31") request("share_group", UpdateOpts) response("share_group", ShareGroup);
    /// Delete a share group.
    DELETE = DELETE "/share-groups/{share_group_id}" since("2.31");
    /// Reset a share group's status (admin).
    RESET_STATUS = POST "/share-groups/{share_group_id}/action" since("2.31") request("reset_status", common::ResetStatus<ShareGroupStatus>);
}

/// The action the API reference leaves out (Manila serves it since 2.31).
#[allow(dead_code)] // its empty OPERATIONS list
mod undocumented {
    use crate::request::Null;
    crate::operations! {
        service: "shared-file-system", undocumented;
        /// Delete a share group whatever its status (admin).
        FORCE_DELETE = POST "/share-groups/{share_group_id}/action" since("2.31") request("force_delete", Null);
    }
}
use undocumented::FORCE_DELETE;

common::resource_functions! {
    ShareGroup, ShareGroupSummary, "share group", "share_groups_links", EXPERIMENTAL;
    list list_detail get create update delete find reset_status(ShareGroupStatus) force_delete
    wait(ShareGroupStatus)
}

common::status_enum! {
    /// The status of a share group or a share group snapshot.
    ShareGroupStatus {
        /// Being made.
        Creating = "creating",
        /// Ready.
        Available = "available",
        /// Being deleted.
        Deleting = "deleting",
        /// Creation failed.
        Error = "error",
        /// Deletion failed.
        ErrorDeleting = "error_deleting",
    }
}

/// A share group in a listing without details.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ShareGroupSummary {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// Links.
    pub links: Vec<crate::de::Link>,
}

/// A share group.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ShareGroup {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// The status.
    pub status: ShareGroupStatus,
    /// The project.
    pub project_id: String,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// The back end host (none until it is scheduled).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub host: Option<String>,
    /// The share group type.
    pub share_group_type_id: String,
    /// The share types its shares may have.
    pub share_types: Vec<String>,
    /// The group snapshot it was made from.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub source_share_group_snapshot_id: Option<String>,
    /// The share network.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub share_network_id: Option<String>,
    /// The availability zone (2.34).
    #[serde(default)]
    pub availability_zone: Option<String>,
    /// `pool` or `host`: how its shares' snapshots are consistent, if they are (2.34).
    #[serde(default)]
    pub consistent_snapshot_support: Option<String>,
    /// The share server (administrators).
    #[serde(default)]
    pub share_server_id: Option<String>,
    /// Links.
    pub links: Vec<crate::de::Link>,
}

impl crate::find::Named for ShareGroup {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        self.name.as_deref().unwrap_or("")
    }
}

/// Filters of [`list`] and [`list_detail`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// With this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// With this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ShareGroupStatus>,
    /// Of this share group type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_group_type_id: Option<String>,
    /// Of every project (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_tenants: Option<bool>,
    /// Paging, sorting and other filters.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] takes: all optional (the default share group type, its share types).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The share group type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_group_type_id: Option<String>,
    /// The share types (of the group type) its shares may have.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_types: Option<Vec<String>>,
    /// The availability zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
    /// The share network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_network_id: Option<String>,
    /// A group snapshot to make it (and its shares) from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_share_group_snapshot_id: Option<String>,
}

impl Validate for CreateOpts {}

/// What [`update`] takes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// The new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Validate for UpdateOpts {}
