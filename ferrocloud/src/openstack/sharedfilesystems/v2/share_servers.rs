//! Share servers (admin): what a back end with `driver_handles_share_servers = True`
//! makes for a share network to serve its shares. List, show, show back-end details,
//! delete, manage and unmanage (2.49), reset status (2.49), and migrate to another
//! back end (2.57; an API Manila calls experimental: its requests carry the
//! experimental-API header): check compatibility, start, see progress, complete or
//! cancel.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::share_servers::{self, MigrationOpts};
//! let manila = manila.with_microversion("2.57");
//! let opts = MigrationOpts::new("foohost2@backend2");
//! let check = share_servers::migration_check(&manila, "ba11930a", &opts).await.extract()?;
//! if check.compatible {
//!     share_servers::migration_start(&manila, "ba11930a", &opts).await.ok()?;
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::{self, ListControls};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Null, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "shared-file-system";
    /// List share servers.
    LIST = GET "/share-servers" list("share_servers", ShareServer);
    /// Show a share server.
    GET = GET "/share-servers/{share_server_id}" response("share_server", ShareServer);
    /// Show a share server's back-end details.
    GET_DETAILS = GET "/share-servers/{share_server_id}/details" response("details", BTreeMap<String, String>);
    /// Delete a share server.
    DELETE = DELETE "/share-servers/{share_server_id}";
    /// Bring a back end's share server under management (2.49).
    MANAGE = POST "/share-servers/manage" since("2.49") request("share_server", ManageOpts) response("share_server", ShareServer);
    /// Remove a share server from management (2.49).
    UNMANAGE = POST "/share-servers/{share_server_id}/action" since("2.49") request("unmanage", UnmanageOpts);
    /// Reset a share server's status (2.49).
    RESET_STATUS = POST "/share-servers/{share_server_id}/action" since("2.49") request("reset_status", common::ResetStatus<ShareServerStatus>);
    /// Check whether a share server can migrate to a host (2.57).
    MIGRATION_CHECK = POST "/share-servers/{share_server_id}/action" since("2.57") request("migration_check", MigrationOpts) response(MigrationCheck);
    /// Start migrating a share server (2.57).
    MIGRATION_START = POST "/share-servers/{share_server_id}/action" since("2.57") request("migration_start", MigrationOpts);
    /// Complete a share server migration (2.57).
    MIGRATION_COMPLETE = POST "/share-servers/{share_server_id}/action" since("2.57") request("migration_complete", Null) response(MigrationCompleted);
    /// Show a share server migration's progress (2.57).
    MIGRATION_GET_PROGRESS = POST "/share-servers/{share_server_id}/action" since("2.57") request("migration_get_progress", Null) response(MigrationProgress);
    /// Cancel a share server migration (2.57).
    MIGRATION_CANCEL = POST "/share-servers/{share_server_id}/action" since("2.57") request("migration_cancel", Null);
}

common::resource_functions! {
    ShareServer, ShareServer, "share server", "share_servers_links", false;
    get delete reset_status(ShareServerStatus) wait(ShareServerStatus)
}

common::status_enum! {
    /// The status of a share server.
    ShareServerStatus {
        /// Being made.
        Creating = "creating",
        /// Serving.
        Active = "active",
        /// Being deleted.
        Deleting = "deleting",
        /// Failed.
        Error = "error",
        /// Being managed.
        ManageStarting = "manage_starting",
        /// Managing failed.
        ManageError = "manage_error",
        /// Being unmanaged.
        UnmanageStarting = "unmanage_starting",
        /// Unmanaging failed.
        UnmanageError = "unmanage_error",
        /// Unmanaged.
        Unmanaged = "unmanaged",
        /// Being migrated.
        ServerMigrating = "server_migrating",
        /// The destination of a migration.
        ServerMigratingTo = "server_migrating_to",
        /// Its network is being changed.
        NetworkChange = "network_change",
    }
}

/// A share server.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ShareServer {
    /// The ID.
    pub id: String,
    /// The project.
    pub project_id: String,
    /// The status.
    pub status: ShareServerStatus,
    /// The back end host.
    pub host: String,
    /// The share network.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub share_network_id: Option<String>,
    /// The share network's name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub share_network_name: Option<String>,
    /// When it last changed.
    #[serde(with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// When it was created (not in listings).
    #[serde(default, with = "crate::dates::option")]
    pub created_at: Option<Timestamp>,
    /// What the back end says about it (not in listings).
    #[serde(default)]
    pub backend_details: Option<BTreeMap<String, String>>,
    /// Whether Manila deletes it with its last share (2.49).
    #[serde(default)]
    pub is_auto_deletable: Option<bool>,
    /// The back end's name for it (2.49).
    #[serde(default)]
    pub identifier: Option<String>,
    /// The share network subnet (2.51 to 2.69).
    #[serde(default)]
    pub share_network_subnet_id: Option<String>,
    /// The migration task in progress (2.57).
    #[serde(default)]
    pub task_state: Option<String>,
    /// The server it is migrated from (2.57).
    #[serde(default)]
    pub source_share_server_id: Option<String>,
    /// Whether its security services can be updated (2.63).
    #[serde(default)]
    pub security_service_update_support: Option<bool>,
    /// The share network subnets (2.70).
    #[serde(default)]
    pub share_network_subnet_ids: Option<Vec<String>>,
    /// Whether its network allocations can be updated (2.70).
    #[serde(default)]
    pub network_allocation_update_support: Option<bool>,
    /// The encryption key reference (2.90).
    #[serde(default)]
    pub encryption_key_ref: Option<String>,
}

/// Filters of [`list`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// On this host.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// With this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ShareServerStatus>,
    /// Of this share network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_network: Option<String>,
    /// Of this project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Other filters.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// Lists share servers (one page: Manila does not page them).
pub async fn list(client: &ServiceClient, opts: &ListOpts) -> ApiResult<Vec<ShareServer>> {
    client.request(&LIST, &[]).query(opts).send().await
}

/// Shows what the back end says about a share server.
pub async fn get_details(client: &ServiceClient, id: &str) -> ApiResult<BTreeMap<String, String>> {
    client.request(&GET_DETAILS, &[id]).send().await
}

/// What [`manage`] takes (2.49).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManageOpts {
    /// The back end host (`host@backend`).
    pub host: String,
    /// The share network.
    pub share_network_id: String,
    /// The back end's name for the server.
    pub identifier: String,
    /// The share network subnet (2.51).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_network_subnet_id: Option<String>,
    /// Options for the driver.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub driver_options: Option<BTreeMap<String, String>>,
}

impl Validate for ManageOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require(
            "host, share_network_id and identifier",
            !self.host.is_empty() && !self.share_network_id.is_empty() && !self.identifier.is_empty(),
        )
    }
}

/// Brings a back end's share server under Manila's management (2.49).
pub async fn manage(client: &ServiceClient, opts: &ManageOpts) -> ApiResult<ShareServer> {
    client.request(&MANAGE, &[]).body(opts).send().await
}

/// The body of [`unmanage`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnmanageOpts {
    /// Unmanage it even if the driver fails to.
    #[serde(deserialize_with = "crate::de::bool_or_text")]
    pub force: bool,
}

impl Validate for UnmanageOpts {}

/// Removes a share server from Manila's management (2.49, `202`).
pub async fn unmanage(client: &ServiceClient, id: &str, force: bool) -> ApiResult<()> {
    common::action(client, &UNMANAGE, &[id], &UnmanageOpts { force }, None, false).await
}

/// What [`migration_check`] and [`migration_start`] take.
///
/// ```
/// use ferrocloud::openstack::sharedfilesystems::v2::share_servers::MigrationOpts;
/// assert_eq!(serde_json::to_value(MigrationOpts::new("h@b")).unwrap(), serde_json::json!(
///     {"host": "h@b", "writable": true, "nondisruptive": false, "preserve_snapshots": true}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MigrationOpts {
    /// The destination (`host@backend`).
    pub host: String,
    /// Whether the shares stay writable while they move.
    #[serde(deserialize_with = "crate::de::bool_or_text")]
    pub writable: bool,
    /// Whether clients keep their access without interruption.
    #[serde(deserialize_with = "crate::de::bool_or_text")]
    pub nondisruptive: bool,
    /// Whether the snapshots move too.
    #[serde(deserialize_with = "crate::de::bool_or_text")]
    pub preserve_snapshots: bool,
    /// A share network for the destination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_share_network_id: Option<String>,
}

impl MigrationOpts {
    /// A writable, disruptive move to `host` that keeps the snapshots.
    pub fn new(host: impl Into<String>) -> Self {
        MigrationOpts {
            host: host.into(),
            writable: true,
            nondisruptive: false,
            preserve_snapshots: true,
            new_share_network_id: None,
        }
    }
}

impl Validate for MigrationOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("host", !self.host.is_empty())
    }
}

/// What a back end can do for a share server migration, as [`MigrationCheck`] tells.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct SupportedCapabilities {
    /// Whether the shares stay writable.
    pub writable: bool,
    /// Whether clients keep their access.
    pub nondisruptive: bool,
    /// Whether the snapshots move too.
    pub preserve_snapshots: bool,
    /// The destination's share network.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub share_network_id: Option<String>,
    /// Whether the migration can be cancelled.
    pub migration_cancel: bool,
    /// Whether its progress can be read.
    pub migration_get_progress: bool,
}

/// The answer to [`migration_check`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct MigrationCheck {
    /// Whether the server can migrate as asked.
    pub compatible: bool,
    /// What was asked (as Manila echoes it).
    pub requested_capabilities: BTreeMap<String, serde_json::Value>,
    /// What the destination can do.
    pub supported_capabilities: SupportedCapabilities,
}

/// The answer to [`migration_complete`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct MigrationCompleted {
    /// The share server that now serves the shares.
    pub destination_share_server_id: String,
}

/// The answer to [`migration_get_progress`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct MigrationProgress {
    /// Percent done.
    pub total_progress: u32,
    /// The migration phase (`migration_driver_in_progress`…).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub task_state: Option<String>,
    /// The share server being made at the destination.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub destination_share_server_id: Option<String>,
}

/// Checks whether a share server can migrate as `opts` asks (2.57, experimental).
pub async fn migration_check(client: &ServiceClient, id: &str, opts: &MigrationOpts) -> ApiResult<MigrationCheck> {
    common::action(client, &MIGRATION_CHECK, &[id], opts, None, true).await
}

/// Starts migrating a share server (2.57, experimental, `202`).
pub async fn migration_start(client: &ServiceClient, id: &str, opts: &MigrationOpts) -> ApiResult<()> {
    common::action(client, &MIGRATION_START, &[id], opts, None, true).await
}

/// Completes a share server migration whose first phase is done (2.57, experimental).
pub async fn migration_complete(client: &ServiceClient, id: &str) -> ApiResult<MigrationCompleted> {
    common::action(client, &MIGRATION_COMPLETE, &[id], &Null, None, true).await
}

/// Shows a share server migration's progress (2.57, experimental).
pub async fn migration_get_progress(client: &ServiceClient, id: &str) -> ApiResult<MigrationProgress> {
    common::action(client, &MIGRATION_GET_PROGRESS, &[id], &Null, None, true).await
}

/// Cancels a share server migration (2.57, experimental, `202`).
pub async fn migration_cancel(client: &ServiceClient, id: &str) -> ApiResult<()> {
    common::action(client, &MIGRATION_CANCEL, &[id], &Null, None, true).await
}
