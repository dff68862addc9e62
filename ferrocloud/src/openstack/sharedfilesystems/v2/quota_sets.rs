//! Quotas of a project, of a user in it, or of a share type in it (2.39), and their
//! defaults; detail with usage since 2.25.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::quota_sets::{self, Scope, UpdateOpts};
//! let manila = manila.with_microversion("2.53");
//! let q = quota_sets::get(&manila, "16e1ab15", &Scope::default()).await.extract()?;
//! println!("{} shares", q.shares);
//! let opts = UpdateOpts { shares: Some(100), ..Default::default() };
//! quota_sets::update(&manila, "16e1ab15", &Scope::default(), &opts).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::request::{ApiResult, Validate};
use crate::{Error, ServiceClient};

crate::operations! {
    service: "shared-file-system";
    /// Show the quotas of a project.
    GET = GET "/quota-sets/{project_id}" since("2.7") response("quota_set", QuotaSet);
    /// Show the default quotas.
    DEFAULTS = GET "/quota-sets/{project_id}/defaults" since("2.7") response("quota_set", QuotaSet);
    /// Show the quotas with their usage (2.25).
    DETAIL = GET "/quota-sets/{project_id}/detail" since("2.25") response("quota_set", QuotaDetail);
    /// Update quotas.
    UPDATE = PUT "/quota-sets/{project_id}" since("2.7") request("quota_set", UpdateOpts) response("quota_set", QuotaSet);
    /// Reset quotas to the defaults.
    DELETE = DELETE "/quota-sets/{project_id}" since("2.7");
}

/// Quotas (`-1`: unlimited). Kinds a microversion added are `None` on older ones.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct QuotaSet {
    /// The project (absent after an update).
    #[serde(default)]
    pub id: Option<String>,
    /// Shares.
    pub shares: i64,
    /// GiB of shares.
    pub gigabytes: i64,
    /// Snapshots.
    pub snapshots: i64,
    /// GiB of snapshots.
    pub snapshot_gigabytes: i64,
    /// Share networks (not for share-type quotas).
    #[serde(default)]
    pub share_networks: Option<i64>,
    /// Share groups (2.40).
    #[serde(default)]
    pub share_groups: Option<i64>,
    /// Share group snapshots (2.40).
    #[serde(default)]
    pub share_group_snapshots: Option<i64>,
    /// Replicas (2.53).
    #[serde(default)]
    pub share_replicas: Option<i64>,
    /// GiB of replicas (2.53).
    #[serde(default)]
    pub replica_gigabytes: Option<i64>,
    /// GiB per share (2.62).
    #[serde(default)]
    pub per_share_gigabytes: Option<i64>,
    /// Backups (2.80).
    #[serde(default)]
    pub backups: Option<i64>,
    /// GiB of backups (2.80).
    #[serde(default)]
    pub backup_gigabytes: Option<i64>,
    /// Encryption keys (2.90).
    #[serde(default)]
    pub encryption_keys: Option<i64>,
}

/// One quota with its usage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Usage {
    /// The limit.
    pub limit: i64,
    /// In use.
    pub in_use: i64,
    /// Reserved.
    pub reserved: i64,
}

/// Quotas with their usage (2.25).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct QuotaDetail {
    /// The project.
    pub id: String,
    /// Shares.
    pub shares: Usage,
    /// GiB of shares.
    pub gigabytes: Usage,
    /// Snapshots.
    pub snapshots: Usage,
    /// GiB of snapshots.
    pub snapshot_gigabytes: Usage,
    /// Share networks.
    #[serde(default)]
    pub share_networks: Option<Usage>,
    /// Share groups (2.40).
    #[serde(default)]
    pub share_groups: Option<Usage>,
    /// Share group snapshots (2.40).
    #[serde(default)]
    pub share_group_snapshots: Option<Usage>,
    /// Replicas (2.53).
    #[serde(default)]
    pub share_replicas: Option<Usage>,
    /// GiB of replicas (2.53).
    #[serde(default)]
    pub replica_gigabytes: Option<Usage>,
    /// GiB per share (2.62).
    #[serde(default)]
    pub per_share_gigabytes: Option<Usage>,
    /// Backups (2.80).
    #[serde(default)]
    pub backups: Option<Usage>,
    /// GiB of backups (2.80).
    #[serde(default)]
    pub backup_gigabytes: Option<Usage>,
    /// Encryption keys (2.90).
    #[serde(default)]
    pub encryption_keys: Option<Usage>,
}

/// Whose quotas: the project's, one user's, or one share type's (2.39); not both.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scope {
    /// A user of the project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// A share type (2.39).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_type: Option<String>,
}

impl Scope {
    fn check(&self, client: &ServiceClient) -> crate::Result<()> {
        if self.user_id.is_some() && self.share_type.is_some() {
            return Err(Error::invalid_input(
                "quotas are per user or per share type, not both",
            ));
        }
        if self.share_type.is_some() {
            super::common::need(client, "share_type quotas", 39)?;
        }
        Ok(())
    }
}

/// What [`update`] changes (unset kinds stay).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// Set the limit below current usage anyway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
    /// Shares.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shares: Option<i64>,
    /// GiB of shares.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gigabytes: Option<i64>,
    /// Snapshots.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshots: Option<i64>,
    /// GiB of snapshots.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot_gigabytes: Option<i64>,
    /// Share networks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_networks: Option<i64>,
    /// Share groups (2.40).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_groups: Option<i64>,
    /// Share group snapshots (2.40).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_group_snapshots: Option<i64>,
    /// Replicas (2.53).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_replicas: Option<i64>,
    /// GiB of replicas (2.53).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replica_gigabytes: Option<i64>,
    /// GiB per share (2.62).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_share_gigabytes: Option<i64>,
    /// Backups (2.80).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backups: Option<i64>,
    /// GiB of backups (2.80).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_gigabytes: Option<i64>,
    /// Encryption keys (2.90).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption_keys: Option<i64>,
}

impl Validate for UpdateOpts {}

/// Shows the quotas of a project (or of a user or share type in it).
pub async fn get(client: &ServiceClient, project_id: &str, scope: &Scope) -> ApiResult<QuotaSet> {
    if let Err(e) = scope.check(client) {
        return ApiResult::from_error(e);
    }
    client.request(&GET, &[project_id]).query(scope).send().await
}

/// Shows the default quotas.
pub async fn defaults(client: &ServiceClient, project_id: &str) -> ApiResult<QuotaSet> {
    client.request(&DEFAULTS, &[project_id]).send().await
}

/// Shows the quotas with their usage (2.25).
pub async fn detail(client: &ServiceClient, project_id: &str, scope: &Scope) -> ApiResult<QuotaDetail> {
    if let Err(e) = scope.check(client) {
        return ApiResult::from_error(e);
    }
    client.request(&DETAIL, &[project_id]).query(scope).send().await
}

/// Updates quotas (admin).
pub async fn update(
    client: &ServiceClient,
    project_id: &str,
    scope: &Scope,
    opts: &UpdateOpts,
) -> ApiResult<QuotaSet> {
    if let Err(e) = scope.check(client) {
        return ApiResult::from_error(e);
    }
    client.request(&UPDATE, &[project_id]).query(scope).body(opts).send().await
}

/// Resets quotas to the defaults (admin).
pub async fn delete(client: &ServiceClient, project_id: &str, scope: &Scope) -> ApiResult<()> {
    if let Err(e) = scope.check(client) {
        return ApiResult::from_error(e);
    }
    client.request(&DELETE, &[project_id]).query(scope).send().await
}
