//! Limits: a project's absolute limits (its quotas, and what it uses of them) and the
//! rate limits of the API.
//!
//! Cinder answers with the caller's project; an administrator asks for another
//! project's with [`LimitsOpts::project_id`](crate::openstack::blockstorage::v3::limits::LimitsOpts::project_id) (since 3.39, refused before sending on an
//! older client). The rate limits are empty unless the deployment adds a rate-limiting
//! middleware.
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::limits;
//! let l = limits::get(&volumes).await.extract()?;
//! println!("{} of {} volumes", l.absolute.total_volumes_used, l.absolute.max_total_volumes);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "block-storage";
    /// Show absolute limits (and rate limits) for a project.
    GET = GET "/limits" response("limits", Limits);
}

/// The operations the v2 API documents: all of them.
pub static V2_OPERATIONS: &[&crate::Operation] = OPERATIONS;

/// A project's limits.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Limits {
    /// The quotas and their usage.
    pub absolute: AbsoluteLimits,
    /// The rate limits, by URI (empty without a rate-limiting middleware).
    pub rate: Vec<RateLimit>,
}

/// A project's quotas and what it uses (`-1`: unlimited).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AbsoluteLimits {
    /// Volumes allowed.
    pub max_total_volumes: i64,
    /// Snapshots allowed.
    pub max_total_snapshots: i64,
    /// GiB of volumes and snapshots allowed.
    pub max_total_volume_gigabytes: i64,
    /// Backups allowed.
    pub max_total_backups: i64,
    /// GiB of backups allowed.
    pub max_total_backup_gigabytes: i64,
    /// Volumes in use.
    pub total_volumes_used: i64,
    /// Snapshots in use.
    pub total_snapshots_used: i64,
    /// GiB of volumes and snapshots in use.
    pub total_gigabytes_used: i64,
    /// Backups in use.
    pub total_backups_used: i64,
    /// GiB of backups in use.
    pub total_backup_gigabytes_used: i64,
}

/// The rate limits of one URI pattern.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct RateLimit {
    /// The pattern of the URIs limited.
    pub regex: String,
    /// The URI, as written in the configuration.
    pub uri: String,
    /// The limits, one per HTTP verb.
    pub limit: Vec<RateLimitEntry>,
}

/// One rate limit.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct RateLimitEntry {
    /// The HTTP verb limited.
    pub verb: String,
    /// Requests allowed per unit.
    pub value: i64,
    /// Requests left in the current unit.
    pub remaining: i64,
    /// `SECOND`, `MINUTE`, `HOUR` or `DAY`.
    pub unit: String,
    /// When the next request is allowed.
    #[serde(rename = "next-available", default, with = "crate::dates::option")]
    pub next_available: Option<Timestamp>,
}

/// Whose limits (admin, since 3.39).
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::limits::LimitsOpts;
/// let pairs = ferrocloud::query::to_pairs(&LimitsOpts::project("p2")).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "project_id=p2");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LimitsOpts {
    /// Another project's ID (admin; since 3.39: older microversions ignore it, so the
    /// SDK refuses it before sending).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

impl LimitsOpts {
    /// The limits of `project_id`.
    pub fn project(project_id: impl Into<String>) -> Self {
        LimitsOpts {
            project_id: Some(project_id.into()),
        }
    }
}

/// Shows the limits of the caller's project.
pub async fn get(client: &ServiceClient) -> ApiResult<Limits> {
    get_with(client, &LimitsOpts::default()).await
}

/// Shows the limits of a project (another one needs admin and 3.39).
pub async fn get_with(client: &ServiceClient, opts: &LimitsOpts) -> ApiResult<Limits> {
    if let Err(e) = crate::microversion::check_field(
        client,
        "project_id",
        opts.project_id.is_some(),
        Some("3.39"),
        None,
    ) {
        return ApiResult::from_error(e);
    }
    client.request(&GET, &[]).query(opts).send().await
}
