//! Hosts (`os-hosts`, admin): the enabled services by host, and the volumes and
//! snapshots a volume host holds, in total and per project.
//!
//! Cinder writes the counts and sizes of [`get`](crate::openstack::blockstorage::v3::hosts::get) as text (`"8"`); they are integers here.
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::hosts::{self, ListOpts};
//! for h in hosts::list(&volumes, &ListOpts::default()).all().await? {
//!     println!("{} {} {}", h.host_name, h.service, h.service_status);
//! }
//! for item in hosts::get(&volumes, "node1@lvm").await.extract()? {
//!     let r = item.resource;
//!     println!("{}: {} volumes, {} GiB", r.project, r.volume_count, r.total_volume_gb);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "block-storage";
    /// List the hosts.
    LIST = GET "/os-hosts" list("hosts", Host);
    /// Show what a volume host holds.
    GET = GET "/os-hosts/{host_name}" list("host", HostResourceItem);
}

/// The operations the v2 API documents: all of them.
pub static V2_OPERATIONS: &[&crate::Operation] = OPERATIONS;

/// An enabled service, by host.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Host {
    /// The host (`host@backend` for a volume service).
    pub host_name: String,
    /// The service's binary (`cinder-volume`…).
    pub service: String,
    /// The availability zone.
    pub zone: String,
    /// `available` or `unavailable` (up or down).
    #[serde(rename = "service-status")]
    pub service_status: String,
    /// `enabled` (disabled services are not listed).
    #[serde(rename = "service-state")]
    pub service_state: String,
    /// The service's last report.
    #[serde(rename = "last-update", with = "crate::dates::option")]
    pub last_update: Option<Timestamp>,
}

/// Filters of [`list`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Only the services of this availability zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
}

/// One item of [`get`]'s answer (`{"resource": {…}}`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct HostResourceItem {
    /// The resource usage.
    pub resource: HostResource,
}

/// The volumes and snapshots of a host, in total or of one project.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct HostResource {
    /// The host.
    pub host: String,
    /// A project's ID, or `(total)` for the first item.
    pub project: String,
    /// Volumes.
    #[serde(deserialize_with = "crate::de::int_or_empty")]
    pub volume_count: u64,
    /// GiB of volumes.
    #[serde(deserialize_with = "crate::de::int_or_empty")]
    pub total_volume_gb: u64,
    /// Snapshots.
    #[serde(deserialize_with = "crate::de::int_or_empty")]
    pub snapshot_count: u64,
    /// GiB of snapshots.
    #[serde(deserialize_with = "crate::de::int_or_empty")]
    pub total_snapshot_gb: u64,
}

impl HostResource {
    /// Whether this is the total of the host (rather than one project's).
    pub fn is_total(&self) -> bool {
        self.project == "(total)"
    }
}

/// Lists the enabled services by host (one page).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Host> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The hosts of a page of [`list`].
    extract_hosts, Host
}

/// Shows the volumes and snapshots of a volume host: the total first, then one item per
/// project with volumes there (404 for a host without a volume service).
pub async fn get(client: &ServiceClient, host_name: &str) -> ApiResult<Vec<HostResourceItem>> {
    client.request(&GET, &[host_name]).send().await
}
