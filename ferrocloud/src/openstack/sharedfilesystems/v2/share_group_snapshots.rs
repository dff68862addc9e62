//! Share group snapshots (2.31): a snapshot of every share of a share group at once.
//! A new share group can be made from one (`source_share_group_snapshot_id`). Manila
//! called the API experimental before 2.55: requests of older clients carry the
//! experimental-API header.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::share_group_snapshots::{self, CreateOpts};
//! use ferrocloud::openstack::sharedfilesystems::v2::share_groups::ShareGroupStatus;
//! use ferrocloud::wait::WaitOpts;
//! let manila = manila.with_microversion("2.55");
//! let s = share_group_snapshots::create(&manila, &CreateOpts::new("cd7a3d06")).await.extract()?;
//! share_group_snapshots::wait_for_status(&manila, &s.id, ShareGroupStatus::Available, &WaitOpts::default()).await?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{self, ExperimentalBefore, ListControls};
pub use super::share_groups::ShareGroupStatus;
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

/// Share group snapshots left the experimental API at 2.55.
const EXPERIMENTAL: ExperimentalBefore = ExperimentalBefore(55);

crate::operations! {
    service: "shared-file-system";
    /// List share group snapshots.
    LIST = GET "/share-group-snapshots" since("2.31") list("share_group_snapshots", GroupSnapshotSummary);
    /// List share group snapshots with details.
    LIST_DETAIL = GET "/share-group-snapshots/detail" since("2.31") list("share_group_snapshots", GroupSnapshot);
    /// Show a share group snapshot.
    GET = GET "/share-group-snapshots/{group_snapshot_id}" since("2.31") response("share_group_snapshot", GroupSnapshot);
    /// List the share snapshots of a share group snapshot.
    LIST_MEMBERS = GET "/share-group-snapshots/{group_snapshot_id}/members" since("2.31") list("share_group_snapshot_members", Member);
    /// Create a share group snapshot.
    CREATE = POST "/share-group-snapshots" since("2.31") request("share_group_snapshot", CreateOpts) response("share_group_snapshot", GroupSnapshot);
    /// Update a share group snapshot.
    UPDATE = PUT "/share-group-snapshots/{group_snapshot_id}" since("2.31") request("share_group_snapshot", UpdateOpts) response("share_group_snapshot", GroupSnapshot);
    /// Delete a share group snapshot.
    DELETE = DELETE "/share-group-snapshots/{group_snapshot_id}" since("2.31");
    /// Reset a share group snapshot's status (admin).
    RESET_STATUS = POST "/share-group-snapshots/{group_snapshot_id}/action" since("2.31") request("reset_status", common::ResetStatus<ShareGroupStatus>);
}

/// The action the API reference leaves out (Manila serves it since 2.31).
#[allow(dead_code)] // its empty OPERATIONS list
mod undocumented {
    use crate::request::Null;
    crate::operations! {
        service: "shared-file-system", undocumented;
        /// Delete a share group snapshot whatever its status (admin).
        FORCE_DELETE = POST "/share-group-snapshots/{group_snapshot_id}/action" since("2.31") request("force_delete", Null);
    }
}
use undocumented::FORCE_DELETE;

common::resource_functions! {
    GroupSnapshot, GroupSnapshotSummary, "share group snapshot", "share_group_snapshot_links", EXPERIMENTAL;
    list list_detail get create update delete find reset_status(ShareGroupStatus) force_delete
    wait(ShareGroupStatus)
}

/// A share group snapshot in a listing without details.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct GroupSnapshotSummary {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// Links.
    pub links: Vec<crate::de::Link>,
}

/// A share group snapshot.
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
    /// The status.
    pub status: ShareGroupStatus,
    /// The share group.
    pub share_group_id: String,
    /// The project.
    pub project_id: String,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// Its share snapshots, in short.
    pub members: Vec<MemberSummary>,
    /// Links.
    pub links: Vec<crate::de::Link>,
}

impl crate::find::Named for GroupSnapshot {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        self.name.as_deref().unwrap_or("")
    }
}

/// A share snapshot of a group snapshot, as the group snapshot lists it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct MemberSummary {
    /// The ID.
    pub id: String,
    /// Its size in GiB.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub size: Option<u64>,
    /// The share it was taken of.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub share_id: Option<String>,
}

/// A share snapshot of a group snapshot, as [`list_members`] shows it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Member {
    /// The ID.
    pub id: String,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// Its size in GiB (none until it is made).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub size: Option<u64>,
    /// The share it was taken of.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub share_id: Option<String>,
    /// The share's protocol (Manila names it `share_protocol`; the reference
    /// `share_proto`).
    #[serde(default, alias = "share_proto")]
    pub share_protocol: Option<String>,
    /// The project.
    #[serde(default)]
    pub project_id: Option<String>,
    /// The group snapshot.
    #[serde(default)]
    pub share_group_snapshot_id: Option<String>,
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
    /// Of this share group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_group_id: Option<String>,
    /// Of every project (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_tenants: Option<bool>,
    /// Paging, sorting and other filters.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] takes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The share group.
    pub share_group_id: String,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CreateOpts {
    /// A snapshot of the group `share_group_id`.
    pub fn new(share_group_id: impl Into<String>) -> Self {
        CreateOpts {
            share_group_id: share_group_id.into(),
            ..CreateOpts::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("share_group_id", !self.share_group_id.is_empty())
    }
}

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

/// Lists the share snapshots of a share group snapshot.
pub async fn list_members(client: &ServiceClient, id: &str) -> ApiResult<Vec<Member>> {
    common::request(client, &LIST_MEMBERS, &[id], EXPERIMENTAL)
        .send()
        .await
}
