//! Share backups (2.80): copies of a share's data kept by a backup back end, restored
//! into the share (or, from 2.91, into another one). Manila calls the API experimental:
//! every request carries the experimental-API header.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::share_backups::{self, BackupStatus, CreateOpts};
//! use ferrocloud::wait::WaitOpts;
//! let manila = manila.with_microversion("2.80");
//! let b = share_backups::create(&manila, &CreateOpts::new("7b11dd53")).await.extract()?;
//! share_backups::wait_for_status(&manila, &b.id, BackupStatus::Available, &WaitOpts::default()).await?;
//! share_backups::restore(&manila, &b.id, None).await.extract()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::{self, ListControls, need};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "shared-file-system";
    /// List share backups.
    LIST = GET "/share-backups" since("2.80") list("share_backups", BackupSummary);
    /// List share backups with details.
    LIST_DETAIL = GET "/share-backups/detail" since("2.80") list("share_backups", Backup);
    /// Show a share backup.
    GET = GET "/share-backups/{backup_id}" since("2.80") response("share_backup", Backup);
    /// Create a share backup.
    CREATE = POST "/share-backups" since("2.80") request("share_backup", CreateOpts) response("share_backup", Backup);
    /// Update a share backup.
    UPDATE = PUT "/share-backups/{backup_id}" since("2.80") request("share_backup", UpdateOpts) response("share_backup", Backup);
    /// Delete a share backup.
    DELETE = DELETE "/share-backups/{backup_id}" since("2.80");
    /// Restore a share backup.
    RESTORE = POST "/share-backups/{backup_id}/action" since("2.80") request("restore", RestoreTarget) response("restore", Restore);
    /// Reset a share backup's status (admin).
    RESET_STATUS = POST "/share-backups/{backup_id}/action" since("2.80") request("reset_status", common::ResetStatus<BackupStatus>);
}

common::resource_functions! {
    Backup, BackupSummary, "share backup", "share_backups_links", true;
    list list_detail get create update delete find reset_status(BackupStatus) wait(BackupStatus)
}

common::status_enum! {
    /// The status of a share backup.
    BackupStatus {
        /// Being made.
        Creating = "creating",
        /// Ready.
        Available = "available",
        /// Being restored.
        Restoring = "restoring",
        /// Being deleted.
        Deleting = "deleting",
        /// Failed.
        Error = "error",
    }
}

/// A share backup in a listing without details.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct BackupSummary {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The share.
    pub share_id: String,
    /// The status.
    pub status: BackupStatus,
}

/// A share backup.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Backup {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// The share.
    pub share_id: String,
    /// The status.
    pub status: BackupStatus,
    /// The size in GiB.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub size: Option<u64>,
    /// The availability zone.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub availability_zone: Option<String>,
    /// Percent of the backup done (text, as Manila stores it).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub progress: Option<String>,
    /// Percent of the latest restore done (text).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub restore_progress: Option<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// The backup type (2.85).
    #[serde(default)]
    pub backup_type: Option<String>,
    /// The back end host (administrators).
    #[serde(default)]
    pub host: Option<String>,
    /// The service topic (administrators).
    #[serde(default)]
    pub topic: Option<String>,
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
    /// With this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// With this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<BackupStatus>,
    /// Of this share.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_id: Option<String>,
    /// Paging, sorting and other filters.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] takes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The share (`available`).
    pub share_id: String,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Options for the backup driver (such as a `backup_type`, 2.85).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_options: Option<BTreeMap<String, serde_json::Value>>,
}

impl CreateOpts {
    /// A backup of `share_id`.
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

/// What [`update`] takes. Manila reads `name` and `description` (its reference writes
/// `display_name` and `display_description`, which Manila ignores; they are read as
/// aliases).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// The new name.
    #[serde(default, alias = "display_name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The new description.
    #[serde(default, alias = "display_description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Validate for UpdateOpts {}

/// The body of [`restore`]: `null` (the backup's own share), or the share to restore
/// into (2.91).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RestoreTarget(pub Option<String>);

impl Validate for RestoreTarget {}

/// The answer to [`restore`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Restore {
    /// The backup.
    pub backup_id: String,
    /// The share being restored into.
    pub share_id: String,
}

/// Restores a backup into its share, or into `target_share_id` (2.91); `202`, the
/// share goes `restoring`.
pub async fn restore(client: &ServiceClient, id: &str, target_share_id: Option<&str>) -> ApiResult<Restore> {
    if target_share_id.is_some()
        && let Err(e) = need(client, "target_share_id", 91)
    {
        return ApiResult::from_error(e);
    }
    let body = RestoreTarget(target_share_id.map(str::to_string));
    common::action(client, &RESTORE, &[id], &body, None, true).await
}
