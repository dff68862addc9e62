//! Share snapshots: create (`creating`, then `available`: wait with
//! [`wait_for_status`](crate::openstack::sharedfilesystems::v2::snapshots::wait_for_status)),
//! update, delete, reset status, force delete, manage and unmanage (2.12). Their
//! metadata (2.73) is in `snapshot_metadata`, their instances in `snapshot_instances`.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::snapshots::{self, CreateOpts, SnapshotStatus};
//! use ferrocloud::wait::WaitOpts;
//! let opts = CreateOpts { name: Some("before-upgrade".into()), ..CreateOpts::new("406ea93b") };
//! let snap = snapshots::create(&manila, &opts).await.extract()?;
//! snapshots::wait_for_status(&manila, &snap.id, SnapshotStatus::Available, &WaitOpts::default()).await?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::{self, ListControls, need};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Null, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "shared-file-system";
    /// List snapshots.
    LIST = GET "/snapshots" list("snapshots", SnapshotSummary);
    /// List snapshots with details.
    LIST_DETAIL = GET "/snapshots/detail" list("snapshots", Snapshot);
    /// Show a snapshot.
    GET = GET "/snapshots/{snapshot_id}" response("snapshot", Snapshot);
    /// Create a snapshot.
    CREATE = POST "/snapshots" request("snapshot", CreateOpts) response("snapshot", Snapshot);
    /// Update a snapshot.
    UPDATE = PUT "/snapshots/{snapshot_id}" request("snapshot", UpdateOpts) response("snapshot", Snapshot);
    /// Delete a snapshot.
    DELETE = DELETE "/snapshots/{snapshot_id}";
    /// Bring a back end's snapshot under management (2.12).
    MANAGE = POST "/snapshots/manage" since("2.12") request("snapshot", ManageOpts) response("snapshot", Snapshot);
    /// Remove a snapshot from management (2.12).
    UNMANAGE = POST "/snapshots/{snapshot_id}/action" since("2.12") request("unmanage", Null);
    /// Reset a snapshot's status (admin).
    RESET_STATUS = POST "/snapshots/{snapshot_id}/action" request("reset_status", common::ResetStatus<SnapshotStatus>);
    /// Delete a snapshot whatever its status (admin).
    FORCE_DELETE = POST "/snapshots/{snapshot_id}/action" request("force_delete", Null);
}

common::resource_functions! {
    Snapshot, SnapshotSummary, "snapshot", "share_snapshots_links", false;
    list list_detail get update delete find reset_status(SnapshotStatus, legacy) force_delete(legacy)
    wait(SnapshotStatus)
}

common::status_enum! {
    /// The status of a snapshot.
    SnapshotStatus {
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
        /// Being managed.
        ManageStarting = "manage_starting",
        /// Managing failed.
        ManageError = "manage_error",
        /// Being unmanaged.
        Unmanaging = "unmanaging",
        /// Unmanaging failed.
        UnmanageError = "unmanage_error",
        /// Its share is being reverted to it.
        Restoring = "restoring",
    }
}

/// A snapshot in a listing without details.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct SnapshotSummary {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// Links.
    #[serde(default)]
    pub links: Vec<crate::de::Link>,
}

/// A share snapshot.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Snapshot {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// The status.
    pub status: SnapshotStatus,
    /// The share it was taken of.
    pub share_id: String,
    /// The share's protocol.
    pub share_proto: String,
    /// The share's size in GiB.
    pub share_size: u64,
    /// Its size in GiB; `None` (`null`) while a snapshot brought under management
    /// (`manage_starting`) has not been measured yet.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub size: Option<u64>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// The project.
    #[serde(default)]
    pub project_id: Option<String>,
    /// The creating user (2.17).
    #[serde(default)]
    pub user_id: Option<String>,
    /// Where the back end keeps it (administrators, 2.12).
    #[serde(default)]
    pub provider_location: Option<String>,
    /// Metadata (2.73).
    #[serde(default)]
    pub metadata: Option<BTreeMap<String, String>>,
    /// Links.
    #[serde(default)]
    pub links: Vec<crate::de::Link>,
}

impl crate::find::Named for Snapshot {
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
    pub status: Option<SnapshotStatus>,
    /// Of this share.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_id: Option<String>,
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
    /// The share.
    pub share_id: String,
    /// Snapshot a share that is not `available` too.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "lenient_flag")]
    pub force: Option<bool>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Metadata (2.73).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
}

fn lenient_flag<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<bool>, D::Error> {
    crate::de::bool_or_text(d).map(Some)
}

impl CreateOpts {
    /// A snapshot of `share_id`.
    pub fn new(share_id: impl Into<String>) -> Self {
        CreateOpts {
            share_id: share_id.into(),
            ..CreateOpts::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("share_id", !self.share_id.is_empty())
    }
}

/// Creates a snapshot (`202`; it starts `creating`).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Snapshot> {
    if opts.metadata.is_some()
        && let Err(e) = need(client, "metadata", 73)
    {
        return ApiResult::from_error(e);
    }
    client.request(&CREATE, &[]).body(opts).send().await
}

/// What [`update`] takes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// The new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_description: Option<String>,
}

impl Validate for UpdateOpts {}

/// What [`manage`] takes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManageOpts {
    /// The share it belongs to.
    pub share_id: String,
    /// Where the back end keeps it.
    pub provider_location: String,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Options for the driver.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub driver_options: Option<BTreeMap<String, String>>,
    /// Metadata (2.73).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
}

impl Validate for ManageOpts {}

/// Brings a back end's snapshot under Manila's management (admin, 2.12).
pub async fn manage(client: &ServiceClient, opts: &ManageOpts) -> ApiResult<Snapshot> {
    client.request(&MANAGE, &[]).body(opts).send().await
}

/// Removes a snapshot from Manila's management (admin, 2.12).
pub async fn unmanage(client: &ServiceClient, id: &str) -> ApiResult<()> {
    common::action(client, &UNMANAGE, &[id], &Null, None, false).await
}
