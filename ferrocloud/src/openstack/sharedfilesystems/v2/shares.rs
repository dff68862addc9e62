//! Shares: file systems exported over NFS, CIFS, CephFS… Create one, wait until it is
//! `available` ([`wait_for_status`](crate::openstack::sharedfilesystems::v2::shares::wait_for_status)),
//! grant access (`share_access`), mount one of its export locations.
//!
//! The share actions are here too: extend, shrink, revert to a snapshot (2.27), reset
//! status, force delete, unmanage (2.7), soft delete and restore (the recycle bin,
//! 2.69). Before 2.7 Manila named the actions with an `os-` prefix; the functions send
//! the name the client's microversion reads.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::shares::{self, CreateOpts, ShareStatus};
//! use ferrocloud::wait::WaitOpts;
//!
//! let manila = manila.with_microversion("2.65");
//! let share = shares::create(&manila, &CreateOpts::new("NFS", 1).name("data")).await.extract()?;
//! let share = shares::wait_for_status(&manila, &share.id, ShareStatus::Available, &WaitOpts::default()).await?;
//! shares::extend(&manila, &share.id, 2, false).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::{self, ListControls, need};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Null, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "shared-file-system";
    /// List shares.
    LIST = GET "/shares" list("shares", ShareSummary);
    /// List shares with details.
    LIST_DETAIL = GET "/shares/detail" list("shares", Share);
    /// Show a share.
    GET = GET "/shares/{share_id}" response("share", Share);
    /// Create a share.
    CREATE = POST "/shares" request("share", CreateOpts) response("share", Share);
    /// Update a share.
    UPDATE = PUT "/shares/{share_id}" request("share", UpdateOpts) response("share", Share);
    /// Delete a share.
    DELETE = DELETE "/shares/{share_id}";
    /// Bring a share of a back end under Manila's management (2.7).
    MANAGE = POST "/shares/manage" since("2.7") request("share", ManageOpts) response("share", Share);
    /// Bring a share under management, before 2.7.
    MANAGE_LEGACY = POST "/os-share-manage" until("2.6") request("share", ManageOpts) response("share", Share);
    /// Remove a share from management, before 2.7.
    UNMANAGE_LEGACY = POST "/os-share-unmanage/{share_id}/unmanage" until("2.6");
    /// Remove a share from Manila's management, leaving its data (2.7).
    UNMANAGE = POST "/shares/{share_id}/action" since("2.7") request("unmanage", Null);
    /// Reset a share's status (admin).
    RESET_STATUS = POST "/shares/{share_id}/action" request("reset_status", common::ResetStatus<ShareStatus>);
    /// Delete a share whatever its status (admin).
    FORCE_DELETE = POST "/shares/{share_id}/action" request("force_delete", Null);
    /// Grow a share.
    EXTEND = POST "/shares/{share_id}/action" request("extend", ResizeOpts);
    /// Shrink a share.
    SHRINK = POST "/shares/{share_id}/action" request("shrink", ResizeOpts);
    /// Revert a share to its latest snapshot (2.27).
    REVERT = POST "/shares/{share_id}/action" since("2.27") request("revert", RevertOpts);
    /// Move a share to the recycle bin (2.69).
    SOFT_DELETE = POST "/shares/{share_id}/action" since("2.69") request("soft_delete", Null);
    /// Restore a share from the recycle bin (2.69).
    RESTORE = POST "/shares/{share_id}/action" since("2.69") request("restore", Null);
}

common::resource_functions! {
    Share, ShareSummary, "share", "shares_links", false;
    list list_detail get update delete find reset_status(ShareStatus, legacy) force_delete(legacy)
}

common::status_enum! {
    /// The status of a share.
    ShareStatus {
        /// Being made.
        Creating = "creating",
        /// Being made from a snapshot.
        CreatingFromSnapshot = "creating_from_snapshot",
        /// Ready.
        Available = "available",
        /// Being deleted.
        Deleting = "deleting",
        /// Deleted.
        Deleted = "deleted",
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
        /// Unmanaged.
        Unmanaged = "unmanaged",
        /// Being extended.
        Extending = "extending",
        /// Extending failed.
        ExtendingError = "extending_error",
        /// Being shrunk.
        Shrinking = "shrinking",
        /// Shrinking failed.
        ShrinkingError = "shrinking_error",
        /// Shrinking failed without harm: the data did not fit.
        ShrinkingPossibleDataLossError = "shrinking_possible_data_loss_error",
        /// Being migrated.
        Migrating = "migrating",
        /// The destination of a migration.
        MigratingTo = "migrating_to",
        /// Being reverted to a snapshot.
        Reverting = "reverting",
        /// Reverting failed.
        RevertingError = "reverting_error",
        /// Its share server is being migrated.
        ServerMigrating = "server_migrating",
        /// Being restored from a backup.
        BackupRestoring = "backup_restoring",
        /// Restoring a backup failed.
        BackupRestoringError = "backup_restoring_error",
        /// Being backed up.
        BackupCreating = "backup_creating",
        /// Being transferred to another project.
        AwaitingTransfer = "awaiting_transfer",
        /// Being ensured by its share service.
        Ensuring = "ensuring",
    }
}

/// A share in a listing without details.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ShareSummary {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// Links.
    pub links: Vec<crate::de::Link>,
}

/// A share. Fields that a microversion added are `None` on older ones.
///
/// ```
/// use ferrocloud::openstack::sharedfilesystems::v2::shares::{Share, ShareStatus};
/// let s: Share = serde_json::from_value(serde_json::json!({
///     "id": "1", "name": "data", "size": 1, "availability_zone": "nova", "status": "extending_error",
///     "description": null, "project_id": "p", "snapshot_id": null, "share_network_id": null,
///     "share_proto": "NFS", "metadata": {}, "share_type": "t", "volume_type": "default",
///     "is_public": false, "created_at": "2015-09-18T10:25:24.000000", "links": []})).unwrap();
/// assert_eq!(s.status, Some(ShareStatus::ExtendingError));
/// assert!(s.status.unwrap().is_error());
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Share {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// The size in GiB (`null` while a managed share is measured).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub size: Option<u64>,
    /// The status (`null` in the answer to a creation on some releases).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub status: Option<ShareStatus>,
    /// The availability zone.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub availability_zone: Option<String>,
    /// The owning project.
    pub project_id: String,
    /// The snapshot it was made from.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub snapshot_id: Option<String>,
    /// Its share network.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub share_network_id: Option<String>,
    /// The protocol (`NFS`, `CIFS`, `CEPHFS`…).
    pub share_proto: String,
    /// Metadata.
    pub metadata: BTreeMap<String, String>,
    /// The share type: its ID since 2.6, its name before.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub share_type: Option<String>,
    /// The share type's name (2.6).
    #[serde(default)]
    pub share_type_name: Option<String>,
    /// The share type (the name Manila's first API used).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub volume_type: Option<String>,
    /// Whether every project sees it.
    pub is_public: bool,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// Links.
    pub links: Vec<crate::de::Link>,
    /// Its share server (administrators only).
    #[serde(default)]
    pub share_server_id: Option<String>,
    /// Its back end, `host@backend#pool` (administrators only).
    #[serde(default)]
    pub host: Option<String>,
    /// The export location (before 2.9).
    #[serde(default)]
    pub export_location: Option<String>,
    /// The export locations (before 2.9; then `share_export_locations`).
    #[serde(default)]
    pub export_locations: Option<Vec<String>>,
    /// Whether snapshots can be taken (2.2).
    #[serde(default)]
    pub snapshot_support: Option<bool>,
    /// The task in progress, such as a migration phase (2.5).
    #[serde(default)]
    pub task_state: Option<String>,
    /// The state of its access rules: `active`, `queued_to_apply`, `syncing`, `error` (2.10).
    #[serde(default)]
    pub access_rules_status: Option<String>,
    /// The replication type, if any (2.11).
    #[serde(default)]
    pub replication_type: Option<String>,
    /// Whether it has replicas (2.11).
    #[serde(default)]
    pub has_replicas: Option<bool>,
    /// The creating user (2.16).
    #[serde(default)]
    pub user_id: Option<String>,
    /// Whether shares can be made from its snapshots (2.24).
    #[serde(default)]
    pub create_share_from_snapshot_support: Option<bool>,
    /// Whether it can be reverted to a snapshot (2.27).
    #[serde(default)]
    pub revert_to_snapshot_support: Option<bool>,
    /// Its share group (2.31).
    #[serde(default)]
    pub share_group_id: Option<String>,
    /// The group snapshot member it was made from (2.31).
    #[serde(default)]
    pub source_share_group_snapshot_member_id: Option<String>,
    /// Whether its snapshots can be mounted (2.32).
    #[serde(default)]
    pub mount_snapshot_support: Option<bool>,
    /// How far its creation got (`"100%"`, 2.54).
    #[serde(default)]
    pub progress: Option<String>,
    /// Whether it is in the recycle bin (2.69).
    #[serde(default)]
    pub is_soft_deleted: Option<bool>,
    /// When the recycle bin deletes it (2.69).
    #[serde(default, with = "crate::dates::option")]
    pub scheduled_to_be_deleted_at: Option<Timestamp>,
    /// The backup it was restored from (2.80).
    #[serde(default)]
    pub source_backup_id: Option<String>,
    /// The encryption key's reference (2.90).
    #[serde(default)]
    pub encryption_key_ref: Option<String>,
    /// Whether its snapshots inherit its access rules (2.99).
    #[serde(default)]
    pub snapshot_inherit_share_access_support: Option<bool>,
}

impl crate::find::Named for Share {
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
/// use ferrocloud::openstack::sharedfilesystems::v2::shares::{ListOpts, ShareStatus};
/// let opts = ListOpts { status: Some(ShareStatus::Available), name: Some("data".into()), ..Default::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "name=data&status=available");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Shares with this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Shares whose name contains this (2.36).
    #[serde(rename = "name~", skip_serializing_if = "Option::is_none")]
    pub name_contains: Option<String>,
    /// Shares whose description contains this (2.36).
    #[serde(rename = "description~", skip_serializing_if = "Option::is_none")]
    pub description_contains: Option<String>,
    /// Shares with this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ShareStatus>,
    /// Shares of every project (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_tenants: Option<bool>,
    /// Shares of this project (admin, with `all_tenants`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Shares on this share server.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_server_id: Option<String>,
    /// Shares of this share type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_type_id: Option<String>,
    /// Shares made from this snapshot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snapshot_id: Option<String>,
    /// Shares on this back end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// Shares on this share network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_network_id: Option<String>,
    /// Shares of this share group (2.31).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_group_id: Option<String>,
    /// Public shares too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_public: Option<bool>,
    /// Shares with this export location ID (2.35).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_location_id: Option<String>,
    /// Shares with this export location path (2.35).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_location_path: Option<String>,
    /// Shares in the recycle bin (2.69).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_soft_deleted: Option<bool>,
    /// Shares in this availability zone (2.97).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
    /// Ask for the total count (`count`, 2.42).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_count: Option<bool>,
    /// Paging, sorting and other filters.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] takes.
///
/// ```
/// use ferrocloud::openstack::sharedfilesystems::v2::shares::CreateOpts;
/// let opts = CreateOpts::new("NFS", 1).name("data").metadata("aim", "doc");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!(
///     {"share_proto": "NFS", "size": 1, "name": "data", "metadata": {"aim": "doc"}}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The protocol: `NFS`, `CIFS`, `GlusterFS`, `HDFS`, `CephFS`, `MAPRFS`.
    pub share_proto: String,
    /// The size in GiB.
    pub size: u64,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The share type (name or ID; the default type when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_type: Option<String>,
    /// The snapshot to make it from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot_id: Option<String>,
    /// Whether every project sees it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_public: Option<bool>,
    /// Metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
    /// The share network (for types that handle share servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_network_id: Option<String>,
    /// The availability zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
    /// The share group (2.31).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_group_id: Option<String>,
    /// Scheduler hints: `same_host`, `different_host`, `only_host` (2.65).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduler_hints: Option<BTreeMap<String, String>>,
    /// The mount point name (2.84).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mount_point_name: Option<String>,
    /// The encryption key's reference in the key manager (2.90).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption_key_ref: Option<String>,
}

impl CreateOpts {
    /// A share of `size` GiB over `protocol`.
    pub fn new(protocol: impl Into<String>, size: u64) -> Self {
        CreateOpts {
            share_proto: protocol.into(),
            size,
            ..CreateOpts::default()
        }
    }
    /// Sets the name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// Sets the share type.
    pub fn share_type(mut self, share_type: impl Into<String>) -> Self {
        self.share_type = Some(share_type.into());
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

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        if self.share_proto.is_empty() {
            return Err(Error::invalid_input("share_proto must not be empty"));
        }
        if self.size == 0 {
            return Err(Error::invalid_input("size must be at least 1 GiB"));
        }
        match &self.metadata {
            Some(m) => crate::metadata::check_all(m, "/"),
            None => Ok(()),
        }
    }
}

/// Creates a share (`202`; it starts `creating`). Fields of later microversions are
/// refused before sending on older clients.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Share> {
    let checks = [
        ("share_group_id", opts.share_group_id.is_some(), 31),
        ("scheduler_hints", opts.scheduler_hints.is_some(), 65),
        ("mount_point_name", opts.mount_point_name.is_some(), 84),
        ("encryption_key_ref", opts.encryption_key_ref.is_some(), 90),
    ];
    for (field, set, minor) in checks {
        if set && let Err(e) = need(client, field, minor) {
            return ApiResult::from_error(e);
        }
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
    /// Whether every project sees it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_public: Option<bool>,
}

impl Validate for UpdateOpts {}

/// What [`delete_with`] takes.
///
/// ```
/// use ferrocloud::openstack::sharedfilesystems::v2::shares::DeleteOpts;
/// let o = DeleteOpts { share_group_id: Some("a8c1a2b4".into()) };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "share_group_id=a8c1a2b4");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DeleteOpts {
    /// The share group the share belongs to (2.31): Manila refuses to delete a share of a
    /// group without it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_group_id: Option<String>,
}

/// Deletes a share with options (`202`): the share group of a share in a group (2.31,
/// refused before sending on older clients).
///
/// ```no_run
/// # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::sharedfilesystems::v2::shares::{self, DeleteOpts};
/// let manila = manila.with_microversion("2.31");
/// let opts = DeleteOpts { share_group_id: Some("a8c1a2b4".into()) };
/// shares::delete_with(&manila, "011d21e2", &opts).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete_with(client: &ServiceClient, id: &str, opts: &DeleteOpts) -> ApiResult<()> {
    if opts.share_group_id.is_some()
        && let Err(e) = need(client, "share_group_id", 31)
    {
        return ApiResult::from_error(e);
    }
    client.request(&DELETE, &[id]).query(opts).send().await
}

/// What [`manage`] takes: a share that exists on a back end.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManageOpts {
    /// The protocol.
    pub protocol: String,
    /// The back end, `host@backend#pool`.
    pub service_host: String,
    /// Its export path on the back end.
    pub export_path: String,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The share type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_type: Option<String>,
    /// Options for the driver.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub driver_options: Option<BTreeMap<String, String>>,
    /// Whether every project sees it (2.8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_public: Option<bool>,
    /// The share server it is on (2.49; for types that handle share servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_server_id: Option<String>,
    /// The mount point name (2.92).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mount_point_name: Option<String>,
}

impl Validate for ManageOpts {}

/// Brings a back end's share under Manila's management (admin): `POST /shares/manage`
/// from 2.7, `POST /os-share-manage` before.
pub async fn manage(client: &ServiceClient, opts: &ManageOpts) -> ApiResult<Share> {
    if opts.share_server_id.is_some()
        && let Err(e) = need(client, "share_server_id", 49)
    {
        return ApiResult::from_error(e);
    }
    let op = if common::renamed_actions(client) {
        &MANAGE
    } else {
        &MANAGE_LEGACY
    };
    client.request(op, &[]).body(opts).send().await
}

/// Removes a share from Manila's management; its data stays on the back end (admin).
pub async fn unmanage(client: &ServiceClient, id: &str) -> ApiResult<()> {
    if common::renamed_actions(client) {
        common::action(client, &UNMANAGE, &[id], &Null, None, false).await
    } else {
        client.request(&UNMANAGE_LEGACY, &[id]).send().await
    }
}

/// The body of the extend and shrink actions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResizeOpts {
    /// The new size in GiB.
    pub new_size: u64,
    /// Extend without the scheduler's capacity check (admin, 2.64).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
}

impl Validate for ResizeOpts {}

/// Grows a share to `new_size` GiB (`202`; the share goes `extending`). `force` skips
/// the scheduler's capacity check (admin, 2.64).
pub async fn extend(client: &ServiceClient, id: &str, new_size: u64, force: bool) -> ApiResult<()> {
    if force && let Err(e) = need(client, "force", 64) {
        return ApiResult::from_error(e);
    }
    let body = ResizeOpts {
        new_size,
        force: force.then_some(true),
    };
    common::action(client, &EXTEND, &[id], &body, Some("os-extend"), false).await
}

/// Shrinks a share to `new_size` GiB (`202`; the share goes `shrinking`).
pub async fn shrink(client: &ServiceClient, id: &str, new_size: u64) -> ApiResult<()> {
    let body = ResizeOpts {
        new_size,
        force: None,
    };
    common::action(client, &SHRINK, &[id], &body, Some("os-shrink"), false).await
}

/// The body of the revert action.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevertOpts {
    /// The share's latest snapshot.
    pub snapshot_id: String,
}

impl Validate for RevertOpts {}

/// Reverts a share to its latest snapshot (2.27, `202`; the share goes `reverting`).
pub async fn revert(client: &ServiceClient, id: &str, snapshot_id: &str) -> ApiResult<()> {
    let body = RevertOpts {
        snapshot_id: snapshot_id.to_string(),
    };
    common::action(client, &REVERT, &[id], &body, None, false).await
}

/// Moves a share to the recycle bin (2.69); it is deleted later unless restored.
pub async fn soft_delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    common::action(client, &SOFT_DELETE, &[id], &Null, None, false).await
}

/// Restores a share from the recycle bin (2.69).
pub async fn restore(client: &ServiceClient, id: &str) -> ApiResult<()> {
    common::action(client, &RESTORE, &[id], &Null, None, false).await
}

/// Waits until the share has `status`. A failed status (`error`, `extending_error`,
/// `shrinking_error`, `manage_error`…) ends the wait with an error naming it and, on
/// clients of 2.37 or later, the latest user message Manila wrote about the share.
pub async fn wait_for_status(
    client: &ServiceClient,
    id: &str,
    status: ShareStatus,
    opts: &crate::wait::WaitOpts,
) -> Result<Share> {
    use crate::wait::State;
    let failed = std::cell::Cell::new(false);
    let outcome = crate::wait::wait_for(
        &format!("share {id} to be {status}"),
        opts,
        || async { get(client, id).await.extract() },
        |s: &Share| match &s.status {
            Some(now) if *now == status => State::Ready,
            Some(now) if now.is_error() => {
                failed.set(true);
                State::Failed(format!("share {id} is {now}"))
            }
            _ => State::Pending,
        },
        |_| {},
    )
    .await;
    match outcome {
        Err(e) if failed.get() => match super::messages::latest_for(client, id).await {
            Some(m) => Err(Error::new(e.kind(), format!("{}: {m}", e.service_message()))),
            None => Err(e),
        },
        other => other,
    }
}

/// Waits until the share is gone (404); `error_deleting` ends the wait.
pub async fn wait_for_delete(
    client: &ServiceClient,
    id: &str,
    opts: &crate::wait::WaitOpts,
) -> Result<()> {
    common::wait_gone(
        "share",
        id,
        opts,
        || async { get(client, id).await.extract() },
        |s: &Share| s.status == Some(ShareStatus::ErrorDeleting),
    )
    .await
}
