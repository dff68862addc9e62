//! Volume backups: copies of a volume (or of one of its snapshots) kept by the
//! cinder-backup service, full or incremental, restored to a new or an existing volume,
//! exported and imported as records.
//!
//! Creating answers the short form (ID, name, links) with `202`; the backup then goes
//! from `creating` to `available` (wait with [`wait_for_status`](crate::openstack::blockstorage::v3::backups::wait_for_status)). Restoring answers at
//! once with the target volume; the backup is `restoring` until the copy ends. Without a
//! running cinder-backup service Cinder refuses creation with `503` ("Service
//! cinder-backup could not be found") — a backup is made by a cinder-backup service in
//! the volume's availability zone.
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::backups::{self, BackupStatus, CreateOpts, RestoreOpts};
//! use ferrocloud::wait::WaitOpts;
//! let volume_id = "0aa67a0c-7339-4be6-b5d5-2afe21ca270c";
//!
//! let created = backups::create(&volumes, &CreateOpts::new(volume_id).name("nightly")).await.extract()?;
//! let full = backups::wait_for_status(&volumes, &created.id, BackupStatus::Available, &WaitOpts::default()).await?;
//! let later = backups::create(&volumes, &CreateOpts::new(volume_id).incremental(true)).await.extract()?;
//! let restored = backups::restore(&volumes, &full.id, &RestoreOpts::default().name("copy")).await.extract()?;
//! println!("restoring into {}", restored.volume_id);
//! # let _ = later;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::{ListControls, Summary};
use crate::dates::Timestamp;
use crate::microversion::check_field;
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "block-storage";
    /// List backups (the short form).
    LIST = GET "/backups" list("backups", Summary);
    /// List backups with their details.
    LIST_DETAIL = GET "/backups/detail" list("backups", Backup);
    /// Show a backup.
    GET = GET "/backups/{backup_id}" response("backup", Backup);
    /// Create a backup (answers the short form).
    CREATE = POST "/backups" request("backup", CreateOpts) response("backup", Summary);
    /// Update a backup's name, description (3.9) and metadata (3.43).
    UPDATE = PUT "/backups/{backup_id}" since("3.9") request("backup", UpdateOpts) response("backup", Summary);
    /// Delete a backup.
    DELETE = DELETE "/backups/{backup_id}";
    /// Restore a backup to a new or an existing volume.
    RESTORE = POST "/backups/{backup_id}/restore" request("restore", RestoreOpts) response("restore", Restore);
    /// Export a backup's record (admin).
    EXPORT_RECORD = GET "/backups/{backup_id}/export_record" response("backup-record", BackupRecord);
    /// Import a backup record (admin).
    IMPORT_RECORD = POST "/backups/import_record" request("backup-record", BackupRecord) response("backup", Summary);
    /// Reset a backup's status (admin).
    RESET_STATUS = POST "/backups/{backup_id}/action" request("os-reset_status", ResetStatusOpts);
    /// Delete a backup whatever its status (admin).
    FORCE_DELETE = POST "/backups/{backup_id}/action" request("os-force_delete", super::common::Empty);
}

/// The operations the v2 API documents: all of them but update (a 3.9 addition).
pub static V2_OPERATIONS: &[&crate::Operation] = &[
    LIST.operation(),
    LIST_DETAIL.operation(),
    GET.operation(),
    CREATE.operation(),
    DELETE.operation(),
    RESTORE.operation(),
    EXPORT_RECORD.operation(),
    IMPORT_RECORD.operation(),
    RESET_STATUS.operation(),
    FORCE_DELETE.operation(),
];

super::common::resource_functions! {
    Backup, Summary, "backup", "backups";
    list list_detail get delete find reset_status(BackupStatus) force_delete
    wait(BackupStatus, fail_reason)
}

// ------------------------------------------------------------------ types

super::common::status_enum! {
    /// The status of a backup.
    BackupStatus {
        /// Being made.
        Creating = "creating",
        /// Ready to restore.
        Available = "available",
        /// Being deleted.
        Deleting = "deleting",
        /// Deleted (seen by admins listing deleted backups).
        Deleted = "deleted",
        /// Creation, restore or deletion failed (see `fail_reason`).
        Error = "error",
        /// Being restored to a volume.
        Restoring = "restoring",
        /// Failed to restore.
        ErrorRestoring = "error_restoring",
    }
}



/// A backup with its details.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Backup {
    /// The ID.
    pub id: String,
    /// The name (Cinder allows none).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The description.
    #[serde(default)]
    pub description: Option<String>,
    /// The status.
    pub status: BackupStatus,
    /// Why the last operation failed.
    #[serde(default)]
    pub fail_reason: Option<String>,
    /// The size of the backed-up volume, in GiB.
    pub size: u64,
    /// How many objects (chunks) the backup store holds for it.
    pub object_count: u64,
    /// The availability zone of the backup service (none until one is chosen).
    #[serde(default)]
    pub availability_zone: Option<String>,
    /// The container (Swift container, POSIX directory…) holding the backup.
    #[serde(default)]
    pub container: Option<String>,
    /// The backed-up volume.
    pub volume_id: String,
    /// The backed-up snapshot, when the backup was made from one.
    #[serde(default)]
    pub snapshot_id: Option<String>,
    /// Whether it is an incremental backup.
    #[serde(default)]
    pub is_incremental: bool,
    /// Whether incremental backups depend on it (it cannot be deleted first).
    #[serde(default)]
    pub has_dependent_backups: bool,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it was last updated.
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// The time of the data it holds (the snapshot's creation for a backup of a
    /// snapshot, else its own creation).
    #[serde(default, with = "crate::dates::option")]
    pub data_timestamp: Option<Timestamp>,
    /// Metadata (since 3.43).
    #[serde(default)]
    pub metadata: Option<BTreeMap<String, String>>,
    /// The owning project (`os-backup-project-attr:project_id`, since 3.18, admins).
    #[serde(default, rename = "os-backup-project-attr:project_id")]
    pub project_id: Option<String>,
    /// The creating user (since 3.56).
    #[serde(default)]
    pub user_id: Option<String>,
    /// The key manager ID of the encryption key of an encrypted volume's backup (since
    /// 3.64; absent for unencrypted volumes).
    #[serde(default)]
    pub encryption_key_id: Option<String>,
    /// Links (`self`, `bookmark`).
    pub links: Vec<crate::de::Link>,
}

impl crate::find::Named for Backup {
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
    /// Backups with this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Backups with this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<BackupStatus>,
    /// Backups of this volume.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume_id: Option<String>,
    /// Backups of every project (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_tenants: Option<bool>,
    /// Backups of this project (admin, with `all_tenants`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Paging, sorting (sorting by `name` since 3.37), `with_count` (3.45) and other
    /// filters.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// The total count of a listing made with `with_count` (3.45): the `count` of its first
/// page, or `None` when Cinder did not send one.
pub fn extract_count<T>(page: &crate::pagination::Page<T>) -> Result<Option<u64>> {
    #[derive(Deserialize)]
    struct Count {
        #[serde(default)]
        count: Option<u64>,
    }
    match page.responses().first() {
        Some(r) => serde_json::from_slice::<Count>(r.body())
            .map(|c| c.count)
            .map_err(|e| Error::decode("reading the count of a backups listing", e)),
        None => Ok(None),
    }
}

/// What [`create`] takes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The volume to back up (required).
    pub volume_id: String,
    /// The container (Swift container, POSIX directory…) to store it in; the backup
    /// driver's default when `None`.
    #[serde(default)]
    pub container: Option<String>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default)]
    pub description: Option<String>,
    /// An incremental backup (of what changed since the volume's last backup).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incremental: Option<bool>,
    /// Back up the volume even when it is attached (`in-use`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
    /// Back up this snapshot of the volume instead of the volume.
    #[serde(default)]
    pub snapshot_id: Option<String>,
    /// Metadata (since 3.43).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
    /// The availability zone of the backup service to use (since 3.51).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
}

impl CreateOpts {
    /// A backup of `volume_id`.
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
    /// Sets the container.
    pub fn container(mut self, container: impl Into<String>) -> Self {
        self.container = Some(container.into());
        self
    }
    /// Makes an incremental (or, with `false`, an explicit full) backup.
    pub fn incremental(mut self, incremental: bool) -> Self {
        self.incremental = Some(incremental);
        self
    }
    /// Backs up an attached volume too.
    pub fn force(mut self, force: bool) -> Self {
        self.force = Some(force);
        self
    }
    /// Backs up this snapshot of the volume.
    pub fn snapshot_id(mut self, snapshot_id: impl Into<String>) -> Self {
        self.snapshot_id = Some(snapshot_id.into());
        self
    }
    /// Adds a metadata item (3.43).
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.metadata
            .get_or_insert_with(BTreeMap::new)
            .insert(key.into(), value.into());
        self
    }
    /// Chooses the backup service's availability zone (3.51).
    pub fn availability_zone(mut self, zone: impl Into<String>) -> Self {
        self.availability_zone = Some(zone.into());
        self
    }

    /// Refuses the fields the client's microversion does not take.
    pub fn check_microversion(&self, client: &ServiceClient) -> Result<()> {
        check_field(
            client,
            "metadata",
            self.metadata.is_some(),
            Some("3.43"),
            None,
        )?;
        check_field(
            client,
            "availability_zone",
            self.availability_zone.is_some(),
            Some("3.51"),
            None,
        )
    }
}

fn check_name(field: &str, value: &Option<String>, max: usize) -> Result<()> {
    match value {
        Some(v) if v.chars().count() > max => Err(Error::invalid_input(format!(
            "{field} is longer than {max} characters"
        ))),
        _ => Ok(()),
    }
}

fn check_metadata(metadata: &Option<BTreeMap<String, String>>) -> Result<()> {
    for (k, v) in metadata.iter().flatten() {
        if k.is_empty() || k.chars().count() > 255 {
            return Err(Error::invalid_input(format!(
                "metadata key {k:?} must be 1 to 255 characters"
            )));
        }
        if v.chars().count() > 255 {
            return Err(Error::invalid_input(format!(
                "metadata value of {k:?} is longer than 255 characters"
            )));
        }
    }
    Ok(())
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("volume_id", !self.volume_id.is_empty())?;
        check_name("name", &self.name, 255)?;
        check_name("description", &self.description, 255)?;
        check_name("container", &self.container, 255)?;
        check_metadata(&self.metadata)
    }
}

/// What [`update`] takes (3.9): the fields to change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// New metadata, replacing all items (since 3.43).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
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
    /// Adds a metadata item (3.43; the items sent replace all others).
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.metadata
            .get_or_insert_with(BTreeMap::new)
            .insert(key.into(), value.into());
        self
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        check_name("name", &self.name, 255)?;
        check_name("description", &self.description, 255)?;
        check_metadata(&self.metadata)
    }
}

/// What [`restore`] takes: neither field for a new volume named after the backup.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RestoreOpts {
    /// Restore into this existing volume (`available`, at least the backup's size);
    /// a new volume when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_id: Option<String>,
    /// The name of the new volume (ignored with `volume_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl RestoreOpts {
    /// Restores into an existing volume.
    pub fn volume_id(mut self, id: impl Into<String>) -> Self {
        self.volume_id = Some(id.into());
        self
    }
    /// Names the new volume.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
}

impl Validate for RestoreOpts {
    fn validate(&self) -> Result<()> {
        check_name("name", &self.name, 255)
    }
}

/// The answer of [`restore`]: the backup and the volume it is restored into.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Restore {
    /// The backup.
    pub backup_id: String,
    /// The volume being written.
    pub volume_id: String,
    /// The volume's name.
    #[serde(default)]
    pub volume_name: Option<String>,
}

/// A backup's record: what [`export_record`] gives and [`import_record`] takes, to
/// recreate the backup's database entry in another Cinder sharing its backup store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupRecord {
    /// The backup driver that made it (e.g. `cinder.backup.drivers.posix.PosixBackupDriver`).
    pub backup_service: String,
    /// The encoded record (base64 of JSON).
    pub backup_url: String,
}

impl Validate for BackupRecord {
    fn validate(&self) -> Result<()> {
        crate::request::require("backup_service", !self.backup_service.is_empty())?;
        crate::request::require("backup_url", !self.backup_url.is_empty())
    }
}

// ------------------------------------------------------------------ functions

/// Creates a backup; the answer is the short form (wait for `available` with
/// [`wait_for_status`]). Fields the client's microversion does not take are refused
/// before sending.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Summary> {
    if let Err(e) = opts.check_microversion(client) {
        return ApiResult::from_error(e);
    }
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Updates a backup's name and description (3.9) or metadata (3.43); the answer is the
/// short form.
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<Summary> {
    if let Err(e) = check_field(
        client,
        "metadata",
        opts.metadata.is_some(),
        Some("3.43"),
        None,
    ) {
        return ApiResult::from_error(e);
    }
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Restores a backup into a new volume, or into an existing one (`202`); the backup is
/// `restoring` and the volume `restoring-backup` until the copy ends.
pub async fn restore(client: &ServiceClient, id: &str, opts: &RestoreOpts) -> ApiResult<Restore> {
    client.request(&RESTORE, &[id]).body(opts).send().await
}

/// Exports a backup's record (admin).
pub async fn export_record(client: &ServiceClient, id: &str) -> ApiResult<BackupRecord> {
    client.request(&EXPORT_RECORD, &[id]).send().await
}

/// Imports a backup record (admin, `201`): the backup reappears with the record's ID,
/// `creating` then `available` once the backup service has checked it.
pub async fn import_record(client: &ServiceClient, record: &BackupRecord) -> ApiResult<Summary> {
    client.request(&IMPORT_RECORD, &[]).body(record).send().await
}

