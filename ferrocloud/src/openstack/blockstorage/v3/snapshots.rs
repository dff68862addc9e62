//! Volume snapshots: point-in-time copies of a volume, kept by its back end, from which
//! new volumes are made (and volumes reverted, with 3.40).
//!
//! Creating answers at once with the snapshot `creating`; it becomes `available` when
//! the back end is done (wait with [`wait_for_status`](crate::openstack::blockstorage::v3::snapshots::wait_for_status)).
//! A snapshot of an attached (`in-use`) volume needs `force`. Its metadata is in
//! [`snapshot_metadata`].
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::snapshots::{self, CreateOpts, SnapshotStatus};
//! use ferrocloud::wait::WaitOpts;
//!
//! let opts = CreateOpts::new("5aa119a8-d25b-45a7-8d1b-88e127885635").name("before-upgrade");
//! let snap = snapshots::create(&volumes, &opts).await.extract()?;
//! let snap = snapshots::wait_for_status(&volumes, &snap.id, SnapshotStatus::Available, &WaitOpts::default()).await?;
//! println!("{} GiB at {}", snap.size, snap.created_at);
//! snapshots::delete(&volumes, &snap.id).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "block-storage";
    /// List snapshots.
    LIST = GET "/snapshots" list("snapshots", Snapshot);
    /// List snapshots with their details (progress, project).
    LIST_DETAIL = GET "/snapshots/detail" list("snapshots", Snapshot);
    /// Show a snapshot.
    GET = GET "/snapshots/{snapshot_id}" response("snapshot", Snapshot);
    /// Create a snapshot of a volume.
    CREATE = POST "/snapshots" request("snapshot", CreateOpts) response("snapshot", Snapshot);
    /// Update a snapshot's name and description.
    UPDATE = PUT "/snapshots/{snapshot_id}" request("snapshot", UpdateOpts) response("snapshot", Snapshot);
    /// Delete a snapshot.
    DELETE = DELETE "/snapshots/{snapshot_id}";
    /// Reset a snapshot's status (admin).
    RESET_STATUS = POST "/snapshots/{snapshot_id}/action" request("os-reset_status", ResetStatusOpts);
    /// Update a snapshot's status and progress (for volume drivers working through Nova).
    UPDATE_STATUS = POST "/snapshots/{snapshot_id}/action" request("os-update_snapshot_status", UpdateStatusOpts);
    /// Delete a snapshot whatever its status (admin).
    FORCE_DELETE = POST "/snapshots/{snapshot_id}/action" request("os-force_delete", super::common::Empty);
}

/// The operations the v2 API documents: all but the status update and force delete.
pub static V2_OPERATIONS: &[&crate::Operation] = &[
    LIST.operation(),
    LIST_DETAIL.operation(),
    GET.operation(),
    CREATE.operation(),
    UPDATE.operation(),
    DELETE.operation(),
    RESET_STATUS.operation(),
];

super::common::resource_functions! {
    Snapshot, Snapshot, "snapshot", "snapshots";
    list list_detail get create update delete find reset_status(SnapshotStatus) force_delete
    wait(SnapshotStatus)
}

// ------------------------------------------------------------------ types

super::common::status_enum! {
    /// The status of a snapshot.
    SnapshotStatus {
        /// Being made.
        Creating = "creating",
        /// Ready.
        Available = "available",
        /// Being backed up.
        BackingUp = "backing-up",
        /// Being deleted.
        Deleting = "deleting",
        /// Deleted (seen by admins listing deleted snapshots).
        Deleted = "deleted",
        /// Being removed from Cinder's management.
        Unmanaging = "unmanaging",
        /// A volume is being reverted to it.
        Restoring = "restoring",
        /// Creation failed.
        Error = "error",
        /// Deletion failed.
        ErrorDeleting = "error_deleting",
    }
}



/// A snapshot. Listings without `/detail` leave out the `os-extended-snapshot-attributes`.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::snapshots::{Snapshot, SnapshotStatus};
/// let s: Snapshot = serde_json::from_value(serde_json::json!({
///     "id": "2bb8", "name": null, "description": null, "status": "backing-up", "size": 1,
///     "volume_id": "5aa1", "metadata": {}, "created_at": "2013-02-25T04:13:17.000000",
///     "updated_at": null})).unwrap();
/// assert_eq!(s.status, SnapshotStatus::BackingUp);
/// assert_eq!(s.name, None);
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Snapshot {
    /// The ID.
    pub id: String,
    /// The name (Cinder allows none).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// The status.
    pub status: SnapshotStatus,
    /// The size of the volume it was taken of, in GiB.
    pub size: u64,
    /// The volume it was taken of.
    pub volume_id: String,
    /// Metadata.
    pub metadata: BTreeMap<String, String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it was last updated (`null` until the first change).
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// How far the back end got (`"100%"`; detail listings and show).
    #[serde(default, rename = "os-extended-snapshot-attributes:progress")]
    pub progress: Option<String>,
    /// The owning project (detail listings and show).
    #[serde(default, rename = "os-extended-snapshot-attributes:project_id")]
    pub project_id: Option<String>,
    /// The group snapshot it belongs to (since 3.14).
    #[serde(default)]
    pub group_snapshot_id: Option<String>,
    /// The creating user (since 3.41).
    #[serde(default)]
    pub user_id: Option<String>,
    /// Whether it counts against the project's quota (since 3.65).
    #[serde(default)]
    pub consumes_quota: Option<bool>,
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
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::snapshots::{ListOpts, SnapshotStatus};
/// let opts = ListOpts { volume_id: Some("v1".into()), status: Some(SnapshotStatus::Available), ..Default::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "status=available&volume_id=v1");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Snapshots with this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Snapshots with this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<SnapshotStatus>,
    /// Snapshots of this volume.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume_id: Option<String>,
    /// Snapshots of every project (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_tenants: Option<bool>,
    /// Snapshots of this project (admin, with `all_tenants`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Paging, sorting, `with_count` (3.45) and other filters.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] takes.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::snapshots::CreateOpts;
/// let opts = CreateOpts::new("vol-1").name("snap").force(true).metadata("key", "v3");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!(
///     {"volume_id": "vol-1", "name": "snap", "force": true, "metadata": {"key": "v3"}}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The volume to snapshot (required).
    pub volume_id: String,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Snapshot the volume even when it is attached (`in-use`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
    /// Metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
}

impl CreateOpts {
    /// A snapshot of `volume_id`.
    pub fn new(volume_id: impl Into<String>) -> Self {
        CreateOpts {
            volume_id: volume_id.into(),
            ..CreateOpts::default()
        }
    }
    /// Sets the name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// Snapshots an attached volume too.
    pub fn force(mut self, force: bool) -> Self {
        self.force = Some(force);
        self
    }
    /// Adds a metadata item.
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.metadata
            .get_or_insert_with(BTreeMap::new)
            .insert(key.into(), value.into());
        self
    }
}

fn check_text(field: &str, value: &Option<String>) -> Result<()> {
    match value {
        Some(v) if v.chars().count() > 255 => Err(Error::invalid_input(format!(
            "{field} is longer than 255 characters"
        ))),
        _ => Ok(()),
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("volume_id", !self.volume_id.is_empty())?;
        check_text("name", &self.name)?;
        check_text("description", &self.description)?;
        crate::metadata::check_all(self.metadata.iter().flatten(), "/")
    }
}

/// What [`update`] takes: the fields to change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl UpdateOpts {
    /// Sets the name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        check_text("name", &self.name)?;
        check_text("description", &self.description)
    }
}

/// What [`update_status`] takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateStatusOpts {
    /// The new status (`creating` to `available` or `error`, or `deleting` to
    /// `error_deleting`).
    pub status: SnapshotStatus,
    /// How far the back end got (`"80%"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<String>,
}

impl Validate for UpdateStatusOpts {}

// ------------------------------------------------------------------ functions

/// Updates a snapshot's status and progress, as a volume driver working through Nova
/// does (`202`). Cinder takes only the moves listed at [`UpdateStatusOpts::status`].
pub async fn update_status(
    client: &ServiceClient,
    id: &str,
    opts: &UpdateStatusOpts,
) -> ApiResult<()> {
    client.request(&UPDATE_STATUS, &[id]).body(opts).send().await
}

