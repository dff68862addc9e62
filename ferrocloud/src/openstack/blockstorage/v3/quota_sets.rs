//! Quota sets: a project's quotas, their usage, the defaults, and changing or reverting
//! them (admin).
//!
//! Besides the quotas every project has (volumes, snapshots, gigabytes, backups, …),
//! Cinder keeps per-volume-type quotas under dynamic keys `volumes_<type>`,
//! `gigabytes_<type>` and `snapshots_<type>` (`volumes___DEFAULT__` for the
//! `__DEFAULT__` type): they are in [`QuotaSet::per_type`](crate::openstack::blockstorage::v3::quota_sets::QuotaSet::per_type), and set with
//! [`UpdateOpts::per_type`](crate::openstack::blockstorage::v3::quota_sets::UpdateOpts::per_type). `-1` means unlimited.
//!
//! The paths are `/os-quota-sets/{project_id}` under the caller's (admin's) endpoint;
//! `project_id` names the project whose quotas are meant.
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::quota_sets::{self, QuotaKind, UpdateOpts};
//! let project = "e1b7d0d7b1a4476c9f0cb7a4f3d7ef2e";
//! let q = quota_sets::get(&volumes, project).await.extract()?;
//! println!("{} volumes, {} GiB", q.volumes, q.gigabytes);
//! let opts = UpdateOpts { volumes: Some(20), ..Default::default() }
//!     .per_type(QuotaKind::Volumes, "ssd", 5);
//! quota_sets::update(&volumes, project, &opts).await.extract()?;
//! let usage = quota_sets::get_usage(&volumes, project).await.extract()?;
//! println!("{} of {} volumes used", usage.volumes.in_use, usage.volumes.limit);
//! quota_sets::delete(&volumes, project).await.ok()?; // back to the defaults
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "block-storage";
    /// Show a project's quotas.
    GET = GET "/os-quota-sets/{project_id}" response("quota_set", QuotaSet);
    /// Show a project's quotas with their usage (`?usage=True`).
    GET_USAGE = GET "/os-quota-sets/{project_id}?usage=True" response("quota_set", QuotaUsageSet);
    /// Update a project's quotas (admin).
    UPDATE = PUT "/os-quota-sets/{project_id}" request("quota_set", UpdateOpts) response("quota_set", QuotaSet);
    /// Revert a project's quotas to the defaults (admin).
    DELETE = DELETE "/os-quota-sets/{project_id}";
    /// Show the default quotas.
    DEFAULTS = GET "/os-quota-sets/{project_id}/defaults" response("quota_set", QuotaSet);
}

/// The operations the v2 API documents: all but the usage (which v2 served too, but
/// does not document).
pub static V2_OPERATIONS: &[&crate::Operation] = &[
    GET.operation(),
    UPDATE.operation(),
    DELETE.operation(),
    DEFAULTS.operation(),
];

/// Quotas (of a project, of a quota class, or the defaults). `-1` means unlimited.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::quota_sets::QuotaSet;
/// let q: QuotaSet = serde_json::from_value(serde_json::json!({
///     "id": "p1", "volumes": 10, "snapshots": 10, "gigabytes": 1000, "backups": 10,
///     "backup_gigabytes": 1000, "groups": 10, "per_volume_gigabytes": -1,
///     "volumes_ssd": 5, "gigabytes_ssd": -1})).unwrap();
/// assert_eq!(q.per_type["volumes_ssd"], 5);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct QuotaSet {
    /// The project's (or the class's) ID (not in update answers).
    #[serde(default)]
    pub id: Option<String>,
    /// Volumes.
    pub volumes: i64,
    /// Snapshots.
    pub snapshots: i64,
    /// GiB of volumes and snapshots.
    pub gigabytes: i64,
    /// Backups.
    pub backups: i64,
    /// GiB of backups.
    pub backup_gigabytes: i64,
    /// Groups.
    pub groups: i64,
    /// The largest volume, in GiB.
    pub per_volume_gigabytes: i64,
    /// The per-volume-type quotas: `volumes_<type>`, `gigabytes_<type>`,
    /// `snapshots_<type>`.
    #[serde(flatten)]
    pub per_type: BTreeMap<String, i64>,
}

/// One quota with its usage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct QuotaUsage {
    /// The limit (`-1`: unlimited).
    pub limit: i64,
    /// In use.
    pub in_use: i64,
    /// Reserved by operations in progress.
    pub reserved: i64,
    /// Allocated to child projects (nested quotas only; Cinder dropped them).
    #[serde(default)]
    pub allocated: Option<i64>,
}

/// A project's quotas with their usage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct QuotaUsageSet {
    /// The project's ID.
    pub id: String,
    /// Volumes.
    pub volumes: QuotaUsage,
    /// Snapshots.
    pub snapshots: QuotaUsage,
    /// GiB of volumes and snapshots.
    pub gigabytes: QuotaUsage,
    /// Backups.
    pub backups: QuotaUsage,
    /// GiB of backups.
    pub backup_gigabytes: QuotaUsage,
    /// Groups.
    pub groups: QuotaUsage,
    /// The largest volume, in GiB.
    pub per_volume_gigabytes: QuotaUsage,
    /// The per-volume-type quotas with their usage.
    #[serde(flatten)]
    pub per_type: BTreeMap<String, QuotaUsage>,
}

/// What a per-volume-type quota counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuotaKind {
    /// Volumes of the type (`volumes_<type>`).
    Volumes,
    /// GiB of volumes and snapshots of the type (`gigabytes_<type>`).
    Gigabytes,
    /// Snapshots of the type (`snapshots_<type>`).
    Snapshots,
}

impl QuotaKind {
    /// The key of this quota for a volume type.
    ///
    /// ```
    /// use ferrocloud::openstack::blockstorage::v3::quota_sets::QuotaKind;
    /// assert_eq!(QuotaKind::Gigabytes.key("ssd"), "gigabytes_ssd");
    /// ```
    pub fn key(self, volume_type: &str) -> String {
        let prefix = match self {
            QuotaKind::Volumes => "volumes",
            QuotaKind::Gigabytes => "gigabytes",
            QuotaKind::Snapshots => "snapshots",
        };
        format!("{prefix}_{volume_type}")
    }
}

/// New quotas (of a project or of a quota class); unset ones are left as they are.
/// `-1` means unlimited; Cinder refuses a limit below the current usage.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::quota_sets::{QuotaKind, UpdateOpts};
/// let opts = UpdateOpts { volumes: Some(5), ..Default::default() }
///     .per_type(QuotaKind::Snapshots, "ssd", 2);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"volumes": 5, "snapshots_ssd": 2}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// Volumes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volumes: Option<i64>,
    /// Snapshots.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshots: Option<i64>,
    /// GiB of volumes and snapshots.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gigabytes: Option<i64>,
    /// Backups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backups: Option<i64>,
    /// GiB of backups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_gigabytes: Option<i64>,
    /// Groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<i64>,
    /// The largest volume, in GiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_volume_gigabytes: Option<i64>,
    /// Per-volume-type quotas by key (`volumes_<type>`, `gigabytes_<type>`,
    /// `snapshots_<type>`; see [`UpdateOpts::per_type`]).
    #[serde(flatten)]
    pub per_type: BTreeMap<String, i64>,
}

impl UpdateOpts {
    /// Sets a per-volume-type quota.
    pub fn per_type(mut self, kind: QuotaKind, volume_type: &str, limit: i64) -> Self {
        self.per_type.insert(kind.key(volume_type), limit);
        self
    }
}

impl Validate for UpdateOpts {
    /// Limits are -1 (unlimited) or 0 to `i32::MAX`; per-type keys start with
    /// `volumes_`, `gigabytes_` or `snapshots_` and name a type; at least one quota is set.
    fn validate(&self) -> Result<()> {
        let fixed = [
            ("volumes", self.volumes),
            ("snapshots", self.snapshots),
            ("gigabytes", self.gigabytes),
            ("backups", self.backups),
            ("backup_gigabytes", self.backup_gigabytes),
            ("groups", self.groups),
            ("per_volume_gigabytes", self.per_volume_gigabytes),
        ];
        let all = fixed
            .iter()
            .filter_map(|(k, v)| v.map(|v| (*k, v)))
            .chain(self.per_type.iter().map(|(k, v)| (k.as_str(), *v)));
        let mut any = false;
        for (name, value) in all {
            any = true;
            if !(-1..=i64::from(i32::MAX)).contains(&value) {
                return Err(Error::invalid_input(format!(
                    "{name} must be -1 (unlimited) or between 0 and {}",
                    i32::MAX
                )));
            }
        }
        for key in self.per_type.keys() {
            let named = ["volumes_", "gigabytes_", "snapshots_"]
                .iter()
                .any(|p| key.strip_prefix(p).is_some_and(|t| !t.is_empty()));
            if !named {
                return Err(Error::invalid_input(format!(
                    "per_type quota {key:?} must be volumes_<type>, gigabytes_<type> or snapshots_<type>"
                )));
            }
        }
        if !any {
            return Err(Error::invalid_input("quota update: set at least one quota"));
        }
        Ok(())
    }
}

/// Shows a project's quotas.
pub async fn get(client: &ServiceClient, project_id: &str) -> ApiResult<QuotaSet> {
    client.request(&GET, &[project_id]).send().await
}

/// Shows a project's quotas with their usage (`GET …?usage=True`).
pub async fn get_usage(client: &ServiceClient, project_id: &str) -> ApiResult<QuotaUsageSet> {
    client.request(&GET_USAGE, &[project_id]).send().await
}

/// Shows the default quotas (the `default` quota class, the same for every project).
pub async fn get_defaults(client: &ServiceClient, project_id: &str) -> ApiResult<QuotaSet> {
    client.request(&DEFAULTS, &[project_id]).send().await
}

/// Updates a project's quotas (admin); the answer holds them all (without `id`).
pub async fn update(
    client: &ServiceClient,
    project_id: &str,
    opts: &UpdateOpts,
) -> ApiResult<QuotaSet> {
    client.request(&UPDATE, &[project_id]).body(opts).send().await
}

/// Reverts a project's quotas to the defaults (admin).
pub async fn delete(client: &ServiceClient, project_id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[project_id]).send().await
}
