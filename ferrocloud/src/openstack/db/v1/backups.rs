//! Backups of instances: create (full or incremental), list, show, delete, and a
//! waiter for a backup to complete.
//!
//! ```no_run
//! # async fn demo(trove: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::db::v1::backups::{self, CreateOpts};
//! let b = backups::create(&trove, &CreateOpts::new("nightly", "44b277eb")).await.extract()?;
//! backups::wait_for_status(&trove, &b.id, &Default::default()).await?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{ListOpts, db_functions, flag};
use crate::dates::Timestamp;
use crate::de::text_enum;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::wait::{State, WaitOpts};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "database";
    /// List backups.
    LIST = GET "/backups" list("backups", Backup);
    /// Create a backup.
    CREATE = POST "/backups" request("backup", CreateOpts) response("backup", Backup);
    /// Show a backup.
    GET = GET "/backups/{backup_id}" response("backup", Backup);
    /// Delete a backup.
    DELETE = DELETE "/backups/{backup_id}";
}

text_enum! {
    /// Where a backup stands.
    ///
    /// ```
    /// use ferrocloud::openstack::db::v1::backups::BackupStatus;
    /// assert_eq!(serde_json::from_str::<BackupStatus>("\"COMPLETED\"").unwrap(), BackupStatus::Completed);
    /// ```
    BackupStatus {
        /// Accepted.
        New = "NEW",
        /// Being taken.
        Building = "BUILDING",
        /// Being stored.
        Saving = "SAVING",
        /// Done.
        Completed = "COMPLETED",
        /// Failed.
        Failed = "FAILED",
        /// Its deletion failed.
        DeleteFailed = "DELETE_FAILED",
        /// Restored from elsewhere.
        Restored = "RESTORED",
    }
}

/// A backup.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Backup {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// Where it stands.
    pub status: BackupStatus,
    /// The datastore it was taken of.
    pub datastore: BackupDatastore,
    /// The instance it was taken of.
    #[serde(default)]
    pub instance_id: Option<String>,
    /// Where it is stored.
    #[serde(rename = "locationRef", deserialize_with = "crate::de::nullable")]
    pub location_ref: Option<String>,
    /// The backup it is an increment of.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub parent_id: Option<String>,
    /// Its size in GiB.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub size: Option<f64>,
    /// The project.
    #[serde(default)]
    pub project_id: Option<String>,
    /// `swift` or `cinder`.
    #[serde(default)]
    pub storage_driver: Option<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated: Timestamp,
}

/// The datastore version a backup was taken of.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct BackupDatastore {
    /// The datastore (`mysql`).
    #[serde(rename = "type")]
    pub datastore_type: String,
    /// The version's name.
    pub version: String,
    /// The version's ID.
    pub version_id: String,
}

/// A backup elsewhere to register (`restore_from`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RestoreFrom {
    /// Where the backup data is.
    #[serde(rename = "remote_location", default, skip_serializing_if = "Option::is_none")]
    pub remote_location: Option<String>,
    /// The datastore version it was taken of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_datastore_version_id: Option<String>,
    /// Its size in GiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<f64>,
    /// Its checksum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum: Option<String>,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::db::v1::backups::CreateOpts;
/// let opts = CreateOpts { incremental: Some(false), ..CreateOpts::new("b", "44b277eb") };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"name": "b", "instance": "44b277eb", "incremental": 0}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    pub name: String,
    /// The instance to back up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The backup this one is an increment of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    /// An increment of the last backup.
    #[serde(default, with = "flag::option", skip_serializing_if = "Option::is_none")]
    pub incremental: Option<bool>,
    /// The Swift container.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub swift_container: Option<String>,
    /// `swift` or `cinder`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_driver: Option<String>,
    /// Register a backup made elsewhere instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restore_from: Option<RestoreFrom>,
}

impl CreateOpts {
    /// A backup `name` of `instance`.
    pub fn new(name: impl Into<String>, instance: impl Into<String>) -> Self {
        CreateOpts { name: name.into(), instance: Some(instance.into()), ..Default::default() }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("name", !self.name.is_empty())
    }
}

/// What [`list`] filters on.
///
/// ```
/// let opts = ferrocloud::openstack::db::v1::backups::ListBackupsOpts { instance_id: Some("i".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "instance_id=i");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListBackupsOpts {
    /// Backups of this datastore.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub datastore: Option<String>,
    /// Backups of this instance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    /// Every project's (administrators).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_projects: Option<bool>,
    /// One project's (administrators).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Paging.
    #[serde(flatten)]
    pub page: ListOpts,
}

/// Lists backups, following Trove's `links`.
pub fn list(client: &ServiceClient, opts: &ListBackupsOpts) -> Pager<Backup> {
    client.request(&LIST, &[]).query(opts).paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The backups of a page (or of all pages).
    extract_backups, Backup
}

/// Creates a backup (`202`).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Backup> {
    client.request(&CREATE, &[]).json_in("backup", opts).send().await
}

db_functions! { Backup, "backup", extract_backup_items, []; get delete }

/// Waits until the backup is `COMPLETED`; `FAILED` ends the wait with an error.
pub async fn wait_for_status(client: &ServiceClient, id: &str, opts: &WaitOpts) -> Result<Backup> {
    crate::wait::wait_for(
        &format!("backup {id} to be COMPLETED"),
        opts,
        || async { get(client, id).await.extract() },
        |b: &Backup| match b.status {
            BackupStatus::Completed => State::Ready,
            BackupStatus::Failed => State::Failed("the backup is FAILED".into()),
            _ => State::Pending,
        },
        |_| {},
    )
    .await
}
