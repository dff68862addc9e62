//! Share migration (admin): moving a share to another back end or pool, in two phases.
//! [`start`](crate::openstack::sharedfilesystems::v2::share_migration::start) copies
//! the data (the share's `task_state` goes to `migration_driver_phase1_done` or
//! `data_copying_completed`), then
//! [`complete`](crate::openstack::sharedfilesystems::v2::share_migration::complete)
//! switches over; [`cancel`](crate::openstack::sharedfilesystems::v2::share_migration::cancel)
//! stops it during the first phase. Manila calls the API experimental before 2.96: its
//! requests carry the experimental-API header there. The progress is read with an
//! action before 2.98, with `GET /shares/{id}/migration-progress` from 2.98; the
//! function picks the one the client's microversion reads.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::share_migration::{self, StartOpts};
//! let manila = manila.with_microversion("2.95");
//! share_migration::start(&manila, "406ea93b", &StartOpts::new("ubuntu@generic2#GENERIC2")).await.ok()?;
//! let progress = share_migration::get_progress(&manila, "406ea93b").await.extract()?;
//! println!("{}% ({:?})", progress.total_progress, progress.task_state);
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::{self, ExperimentalBefore};
use crate::microversion::{Microversion, at_least};
use crate::request::{ApiResult, Null, Validate};
use crate::{Result, ServiceClient};

/// Share migration leaves the experimental API at 2.96.
const EXPERIMENTAL: ExperimentalBefore = ExperimentalBefore(96);

crate::operations! {
    service: "shared-file-system";
    /// Start migrating a share (2.29: the form with `preserve_snapshots` and `writable`).
    START = POST "/shares/{share_id}/action" since("2.29") request("migration_start", StartOpts);
    /// Complete a share migration (2.22).
    COMPLETE = POST "/shares/{share_id}/action" since("2.22") request("migration_complete", Null);
    /// Cancel a share migration (2.22).
    CANCEL = POST "/shares/{share_id}/action" since("2.22") request("migration_cancel", Null);
    /// Show a share migration's progress, the action form (2.22).
    GET_PROGRESS_ACTION = POST "/shares/{share_id}/action" since("2.22") request("migration_get_progress", Null) response(Progress);
    /// Show a share migration's progress (2.98).
    GET_PROGRESS = GET "/shares/{share_id}/migration-progress" since("2.98") response(Progress);
}

/// What [`start`] takes: where to, and what the move must keep.
///
/// ```
/// use ferrocloud::openstack::sharedfilesystems::v2::share_migration::StartOpts;
/// assert_eq!(serde_json::to_value(StartOpts::new("h@b#p")).unwrap(), serde_json::json!({
///     "host": "h@b#p", "writable": true, "preserve_metadata": true,
///     "preserve_snapshots": true, "nondisruptive": false}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StartOpts {
    /// The destination pool (`host@backend#pool`).
    pub host: String,
    /// Whether the share stays writable while it moves.
    pub writable: bool,
    /// Whether its metadata is kept.
    pub preserve_metadata: bool,
    /// Whether its snapshots move too.
    pub preserve_snapshots: bool,
    /// Whether clients keep their access without interruption.
    pub nondisruptive: bool,
    /// Copy the data through the data service, not the driver.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force_host_assisted_migration: Option<bool>,
    /// A share type for the migrated share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_share_type_id: Option<String>,
    /// A share network for the migrated share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_share_network_id: Option<String>,
}

impl StartOpts {
    /// A writable, disruptive move to `host` that keeps the metadata and snapshots.
    pub fn new(host: impl Into<String>) -> Self {
        StartOpts {
            host: host.into(),
            writable: true,
            preserve_metadata: true,
            preserve_snapshots: true,
            nondisruptive: false,
            ..StartOpts::default()
        }
    }
}

impl Validate for StartOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("host", !self.host.is_empty())
    }
}

/// A share migration's progress.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Progress {
    /// Percent done.
    pub total_progress: u32,
    /// The share's task state (`migration_driver_in_progress`…).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub task_state: Option<String>,
    /// What the driver adds (2.59).
    #[serde(default)]
    pub details: Option<BTreeMap<String, serde_json::Value>>,
}

/// Starts migrating a share (admin, 2.29, `202`).
pub async fn start(client: &ServiceClient, share_id: &str, opts: &StartOpts) -> ApiResult<()> {
    common::action(client, &START, &[share_id], opts, None, EXPERIMENTAL).await
}

/// Completes a share migration whose first phase is done (admin, `202`).
pub async fn complete(client: &ServiceClient, share_id: &str) -> ApiResult<()> {
    common::action(client, &COMPLETE, &[share_id], &Null, None, EXPERIMENTAL).await
}

/// Cancels a share migration (admin, `202`).
pub async fn cancel(client: &ServiceClient, share_id: &str) -> ApiResult<()> {
    common::action(client, &CANCEL, &[share_id], &Null, None, EXPERIMENTAL).await
}

/// Shows a share migration's progress (admin): `GET …/migration-progress` from 2.98, the
/// `migration_get_progress` action before.
pub async fn get_progress(client: &ServiceClient, share_id: &str) -> ApiResult<Progress> {
    if at_least(client, Microversion::new(2, 98)) {
        common::request(client, &GET_PROGRESS, &[share_id], EXPERIMENTAL)
            .send()
            .await
    } else {
        common::action(client, &GET_PROGRESS_ACTION, &[share_id], &Null, None, EXPERIMENTAL).await
    }
}
