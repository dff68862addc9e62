//! Absolute and rate limits of the project.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::limits;
//! let l = limits::get(&manila).await.extract()?;
//! println!("{}/{} shares", l.absolute.total_shares_used, l.absolute.max_total_shares);
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::ServiceClient;
use crate::request::ApiResult;

crate::operations! {
    service: "shared-file-system";
    /// Show the limits.
    GET = GET "/limits" response("limits", Limits);
}

/// The limits.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Limits {
    /// Rate limits (usually none).
    #[serde(default)]
    pub rate: Vec<serde_json::Value>,
    /// Absolute limits and usage.
    pub absolute: Absolute,
}

/// Absolute limits and usage (`-1`: unlimited).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Absolute {
    /// Shares allowed.
    pub max_total_shares: i64,
    /// Shares used.
    pub total_shares_used: i64,
    /// GiB of shares allowed.
    pub max_total_share_gigabytes: i64,
    /// GiB of shares used.
    pub total_share_gigabytes_used: i64,
    /// Snapshots allowed.
    pub max_total_share_snapshots: i64,
    /// Snapshots used.
    pub total_share_snapshots_used: i64,
    /// GiB of snapshots allowed.
    pub max_total_snapshot_gigabytes: i64,
    /// GiB of snapshots used.
    pub total_snapshot_gigabytes_used: i64,
    /// Share networks allowed.
    pub max_total_share_networks: i64,
    /// Share networks used.
    pub total_share_networks_used: i64,
    /// Replicas allowed (2.53).
    #[serde(default)]
    pub max_total_share_replicas: Option<i64>,
    /// Replicas used (2.53).
    #[serde(default)]
    pub total_share_replicas_used: Option<i64>,
    /// GiB of replicas allowed (2.53).
    #[serde(default)]
    pub max_total_replica_gigabytes: Option<i64>,
    /// GiB of replicas used (2.53).
    #[serde(default)]
    pub total_replica_gigabytes_used: Option<i64>,
    /// Backups allowed (2.80).
    #[serde(default)]
    pub max_total_share_backups: Option<i64>,
    /// Backups used (2.80).
    #[serde(default)]
    pub total_share_backups_used: Option<i64>,
    /// GiB of backups allowed (2.80).
    #[serde(default)]
    pub max_total_backup_gigabytes: Option<i64>,
    /// GiB of backups used (2.80).
    #[serde(default)]
    pub total_backup_gigabytes_used: Option<i64>,
}

/// Shows the project's limits.
pub async fn get(client: &ServiceClient) -> ApiResult<Limits> {
    client.request(&GET, &[]).send().await
}
