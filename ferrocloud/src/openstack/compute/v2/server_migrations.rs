//! Migrations of one server: list and show the live migrations in progress, force one
//! to complete, abort one (admin by default).
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::server_migrations;
//! let compute = compute.with_microversion("2.80");
//! let server = "4cfba335-03d8-49b2-8c52-e69043d1e8fe";
//! for m in server_migrations::list(&compute, server).all_pages().await?.extract()? {
//!     println!("{} {} -> {:?}: {}", m.id, m.source_compute.unwrap_or_default(), m.dest_compute, m.status);
//!     server_migrations::force_complete(&compute, server, m.id).await.ok()?;
//! }
//! # Ok(()) }
//! ```

use serde::Deserialize;

use super::server_actions::Null;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "compute";
    /// List the live migrations of a server in progress (2.23+).
    LIST = GET "/servers/{server_id}/migrations" since("2.23") list("migrations", ServerMigration);
    /// Show one live migration of a server (2.23+).
    GET = GET "/servers/{server_id}/migrations/{migration_id}" since("2.23") response("migration", ServerMigration);
    /// Force a live migration to complete (2.22+).
    FORCE_COMPLETE = POST "/servers/{server_id}/migrations/{migration_id}/action" since("2.22") request("force_complete", Null);
    /// Abort a live migration (2.24+).
    ABORT = DELETE "/servers/{server_id}/migrations/{migration_id}" since("2.24");
}

/// A live migration of a server.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ServerMigration {
    /// The migration's ID.
    pub id: u64,
    /// Its UUID (2.59+).
    #[serde(default)]
    pub uuid: Option<String>,
    /// The server.
    pub server_uuid: String,
    /// Its status (`queued`, `preparing`, `running`, `completed`…).
    pub status: String,
    /// The source compute service's host.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub source_compute: Option<String>,
    /// The source hypervisor node.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub source_node: Option<String>,
    /// The destination compute service's host.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub dest_compute: Option<String>,
    /// The destination host's IP address.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub dest_host: Option<String>,
    /// The destination hypervisor node.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub dest_node: Option<String>,
    /// Memory to transfer, in bytes.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub memory_total_bytes: Option<u64>,
    /// Memory transferred, in bytes.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub memory_processed_bytes: Option<u64>,
    /// Memory left, in bytes.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub memory_remaining_bytes: Option<u64>,
    /// Disk to transfer, in bytes.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub disk_total_bytes: Option<u64>,
    /// Disk transferred, in bytes.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub disk_processed_bytes: Option<u64>,
    /// Disk left, in bytes.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub disk_remaining_bytes: Option<u64>,
    /// When it started.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// The user who started it (2.80+).
    #[serde(default)]
    pub user_id: Option<String>,
    /// The project of that user (2.80+).
    #[serde(default)]
    pub project_id: Option<String>,
}

/// Lists the live migrations of a server in progress (one page).
pub fn list(client: &ServiceClient, server_id: &str) -> Pager<ServerMigration> {
    client.request(&LIST, &[server_id]).paged(PageStyle::Single)
}

/// Shows one live migration of a server.
pub async fn get(
    client: &ServiceClient,
    server_id: &str,
    migration_id: u64,
) -> ApiResult<ServerMigration> {
    client
        .request(&GET, &[server_id, &migration_id.to_string()])
        .send()
        .await
}

/// Forces a live migration to complete (pausing the guest, or switching to post-copy).
pub async fn force_complete(
    client: &ServiceClient,
    server_id: &str,
    migration_id: u64,
) -> ApiResult<()> {
    client
        .request(&FORCE_COMPLETE, &[server_id, &migration_id.to_string()])
        .body(&Null)
        .send()
        .await
}

/// Aborts a live migration (`queued` or `preparing` ones from 2.65; `running` ones
/// before).
pub async fn abort(client: &ServiceClient, server_id: &str, migration_id: u64) -> ApiResult<()> {
    client
        .request(&ABORT, &[server_id, &migration_id.to_string()])
        .send()
        .await
}
