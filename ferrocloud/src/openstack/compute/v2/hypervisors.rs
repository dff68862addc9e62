//! Hypervisors (admin): the compute nodes, their resources, the servers they run,
//! statistics and uptime.
//!
//! What Nova returns depends on the microversion:
//! - before 2.53, hypervisor and service IDs are integers; from 2.53 they are UUIDs
//!   (both are read here as text), and listings take `hypervisor_hostname_pattern` and
//!   `with_servers`, replacing the `search` and `servers` calls (served until 2.52);
//! - paging (`limit`, `marker`) starts at 2.33;
//! - `cpu_info` is JSON text before 2.28 and an object from 2.28;
//! - 2.88 drops the resource figures (`vcpus`, `memory_mb`…, now in Placement) and
//!   the `statistics` and `uptime` calls, and adds `uptime` to the details.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::hypervisors::{self, ListOpts};
//! let compute = compute.with_microversion("2.53");
//! let opts = ListOpts { with_servers: Some(true), ..Default::default() };
//! for h in hypervisors::list_detail(&compute, &opts).all_pages().await?.extract()? {
//!     println!("{} ({}): {} servers", h.hypervisor_hostname, h.state, h.servers.map_or(0, |s| s.len()));
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::{Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// List hypervisors.
    LIST = GET "/os-hypervisors" list("hypervisors", HypervisorRef);
    /// List hypervisors with details.
    LIST_DETAIL = GET "/os-hypervisors/detail" list("hypervisors", Hypervisor);
    /// Show the statistics of all hypervisors (until 2.87).
    STATISTICS = GET "/os-hypervisors/statistics" until("2.87") response("hypervisor_statistics", HypervisorStatistics);
    /// Show a hypervisor.
    GET = GET "/os-hypervisors/{hypervisor_id}" response("hypervisor", Hypervisor);
    /// Show a hypervisor's uptime (until 2.87).
    UPTIME = GET "/os-hypervisors/{hypervisor_id}/uptime" until("2.87") response("hypervisor", HypervisorUptime);
    /// Search hypervisors by host name (until 2.52).
    SEARCH = GET "/os-hypervisors/{hypervisor_hostname_pattern}/search" until("2.52") list("hypervisors", HypervisorRef);
    /// List the servers of the hypervisors matching a host name (until 2.52).
    SERVERS = GET "/os-hypervisors/{hypervisor_hostname_pattern}/servers" until("2.52") list("hypervisors", HypervisorRef);
}

/// A server running on a hypervisor.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct HypervisorServer {
    /// The server's ID.
    pub uuid: String,
    /// Its name.
    pub name: String,
}

/// A hypervisor as the plain listing, `search` and `servers` give it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct HypervisorRef {
    /// The ID: an integer before 2.53, a UUID from 2.53 (as text).
    #[serde(deserialize_with = "crate::de::lenient_string")]
    pub id: String,
    /// The host name of the compute node.
    pub hypervisor_hostname: String,
    /// `up` or `down`.
    pub state: String,
    /// `enabled` or `disabled`.
    pub status: String,
    /// Its servers (`servers`, and `with_servers` from 2.53; absent when it has none).
    #[serde(default)]
    pub servers: Option<Vec<HypervisorServer>>,
}

/// The compute service of a hypervisor.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct HypervisorService {
    /// The service's host.
    pub host: String,
    /// The service's ID: an integer before 2.53, a UUID from 2.53 (as text).
    #[serde(deserialize_with = "crate::de::lenient_string")]
    pub id: String,
    /// Why the service is disabled.
    #[serde(default)]
    pub disabled_reason: Option<String>,
}

/// A hypervisor with details.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Hypervisor {
    /// The ID: an integer before 2.53, a UUID from 2.53 (as text).
    #[serde(deserialize_with = "crate::de::lenient_string")]
    pub id: String,
    /// The host name of the compute node.
    pub hypervisor_hostname: String,
    /// `up` or `down`.
    pub state: String,
    /// `enabled` or `disabled`.
    pub status: String,
    /// The hypervisor type (`QEMU`, `fake`…).
    pub hypervisor_type: String,
    /// The hypervisor version (a number, as text).
    #[serde(deserialize_with = "crate::de::lenient_string")]
    pub hypervisor_version: String,
    /// The compute node's IP address.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub host_ip: Option<String>,
    /// Its compute service.
    pub service: HypervisorService,
    /// Its servers (with `with_servers`, 2.53+; absent when it has none).
    #[serde(default)]
    pub servers: Option<Vec<HypervisorServer>>,
    /// The uptime as the host reports it (2.88+; `None` when the driver does not say).
    #[serde(default)]
    pub uptime: Option<String>,
    /// The CPU description, driver-specific: JSON text before 2.28, an object from 2.28
    /// to 2.87 (see [`Hypervisor::cpu_info_object`]).
    #[serde(default)]
    pub cpu_info: Option<Value>,
    /// vCPUs (until 2.87).
    #[serde(default)]
    pub vcpus: Option<i64>,
    /// vCPUs used (until 2.87).
    #[serde(default)]
    pub vcpus_used: Option<i64>,
    /// RAM in MiB (until 2.87).
    #[serde(default)]
    pub memory_mb: Option<i64>,
    /// RAM used in MiB (until 2.87).
    #[serde(default)]
    pub memory_mb_used: Option<i64>,
    /// Free RAM in MiB (until 2.87).
    #[serde(default)]
    pub free_ram_mb: Option<i64>,
    /// Local disk in GiB (until 2.87).
    #[serde(default)]
    pub local_gb: Option<i64>,
    /// Local disk used in GiB (until 2.87).
    #[serde(default)]
    pub local_gb_used: Option<i64>,
    /// Free local disk in GiB (until 2.87).
    #[serde(default)]
    pub free_disk_gb: Option<i64>,
    /// The least disk available for new servers, in GiB (until 2.87).
    #[serde(default)]
    pub disk_available_least: Option<i64>,
    /// Tasks in progress (until 2.87).
    #[serde(default)]
    pub current_workload: Option<i64>,
    /// Running servers (until 2.87).
    #[serde(default)]
    pub running_vms: Option<i64>,
}

impl Hypervisor {
    /// `cpu_info` as an object, whether Nova sent it as one or as JSON text.
    ///
    /// ```
    /// use ferrocloud::openstack::compute::v2::hypervisors::Hypervisor;
    /// let h: Hypervisor = serde_json::from_str(r#"{"id": 1, "hypervisor_hostname": "c1",
    ///     "state": "up", "status": "enabled", "hypervisor_type": "QEMU", "hypervisor_version": 2012000,
    ///     "host_ip": "192.0.2.1", "service": {"host": "c1", "id": 2, "disabled_reason": null},
    ///     "cpu_info": "{\"arch\": \"x86_64\"}"}"#).unwrap();
    /// assert_eq!(h.cpu_info_object().unwrap()["arch"], "x86_64");
    /// ```
    pub fn cpu_info_object(&self) -> Option<Value> {
        match self.cpu_info.as_ref()? {
            Value::String(s) => serde_json::from_str(s).ok(),
            Value::Null => None,
            other => Some(other.clone()),
        }
    }
}

impl crate::find::Named for Hypervisor {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.hypervisor_hostname
    }
}

/// A hypervisor's uptime (until 2.87).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct HypervisorUptime {
    /// The ID: an integer before 2.53, a UUID from 2.53 (as text).
    #[serde(deserialize_with = "crate::de::lenient_string")]
    pub id: String,
    /// The host name of the compute node.
    pub hypervisor_hostname: String,
    /// `up` or `down`.
    pub state: String,
    /// `enabled` or `disabled`.
    pub status: String,
    /// The output of `uptime` on the host (`None` when the driver does not say).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub uptime: Option<String>,
}

/// The totals over all hypervisors (until 2.87).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct HypervisorStatistics {
    /// The number of hypervisors.
    pub count: i64,
    /// vCPUs.
    pub vcpus: i64,
    /// vCPUs used.
    pub vcpus_used: i64,
    /// RAM in MiB.
    pub memory_mb: i64,
    /// RAM used in MiB.
    pub memory_mb_used: i64,
    /// Free RAM in MiB.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub free_ram_mb: Option<i64>,
    /// Local disk in GiB.
    pub local_gb: i64,
    /// Local disk used in GiB.
    pub local_gb_used: i64,
    /// Free local disk in GiB.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub free_disk_gb: Option<i64>,
    /// The least disk available for new servers, in GiB.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub disk_available_least: Option<i64>,
    /// Tasks in progress.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub current_workload: Option<i64>,
    /// Running servers.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub running_vms: Option<i64>,
}

/// Filters and paging for listing hypervisors.
///
/// ```
/// use ferrocloud::openstack::compute::v2::hypervisors::ListOpts;
/// let opts = ListOpts { hypervisor_hostname_pattern: Some("compute".into()), with_servers: Some(true), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()),
///     "hypervisor_hostname_pattern=compute&with_servers=true");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Page size (2.33+).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The ID of the last hypervisor of the previous page (2.33+).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Only hypervisors whose host name contains this (2.53+).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hypervisor_hostname_pattern: Option<String>,
    /// Include each hypervisor's servers (2.53+).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_servers: Option<bool>,
}

impl ListOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        use super::versions::check_field;
        check_field(client, "limit", self.limit.is_some(), Some("2.33"), None)?;
        check_field(client, "marker", self.marker.is_some(), Some("2.33"), None)?;
        check_field(
            client,
            "hypervisor_hostname_pattern",
            self.hypervisor_hostname_pattern.is_some(),
            Some("2.53"),
            None,
        )?;
        check_field(
            client,
            "with_servers",
            self.with_servers.is_some(),
            Some("2.53"),
            None,
        )
    }
}

/// Options for showing a hypervisor.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GetOpts {
    /// Include its servers (2.53+).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_servers: Option<bool>,
}

fn listing<T>(
    client: &ServiceClient,
    op: &'static crate::operation::Op<Vec<T>>,
    opts: &ListOpts,
) -> Pager<T> {
    let req = client.request(op, &[]).query(opts);
    let req = match opts.check(client) {
        Ok(()) => req,
        Err(e) => req.fail_with(e),
    };
    req.paged(PageStyle::Links("hypervisors_links"))
}

/// Lists hypervisors (ID, host name, state and status).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<HypervisorRef> {
    listing(client, &LIST, opts)
}

/// Lists hypervisors with details.
pub fn list_detail(client: &ServiceClient, opts: &ListOpts) -> Pager<Hypervisor> {
    listing(client, &LIST_DETAIL, opts)
}

/// Shows a hypervisor (by integer ID before 2.53, by UUID from 2.53).
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Hypervisor> {
    client.request(&GET, &[id]).send().await
}

/// Shows a hypervisor, with its servers if asked (2.53+).
pub async fn get_with(client: &ServiceClient, id: &str, opts: &GetOpts) -> ApiResult<Hypervisor> {
    if let Err(e) = super::versions::check_field(
        client,
        "with_servers",
        opts.with_servers.is_some(),
        Some("2.53"),
        None,
    ) {
        return ApiResult::from_error(e);
    }
    client.request(&GET, &[id]).query(opts).send().await
}

/// Shows the totals over all hypervisors (until 2.87).
pub async fn statistics(client: &ServiceClient) -> ApiResult<HypervisorStatistics> {
    client.request(&STATISTICS, &[]).send().await
}

/// Shows a hypervisor's uptime (until 2.87; drivers that cannot tell answer 501).
pub async fn uptime(client: &ServiceClient, id: &str) -> ApiResult<HypervisorUptime> {
    client.request(&UPTIME, &[id]).send().await
}

/// Lists the hypervisors whose host name contains `pattern` (until 2.52; later, use
/// [`list`] with `hypervisor_hostname_pattern`). Nova answers 404 when none matches.
pub fn search(client: &ServiceClient, pattern: &str) -> Pager<HypervisorRef> {
    client.request(&SEARCH, &[pattern]).paged(PageStyle::Single)
}

/// Lists the hypervisors whose host name contains `pattern`, with their servers (until
/// 2.52; later, use [`list`] with `hypervisor_hostname_pattern` and `with_servers`).
pub fn servers(client: &ServiceClient, pattern: &str) -> Pager<HypervisorRef> {
    client
        .request(&SERVERS, &[pattern])
        .paged(PageStyle::Single)
}

/// Finds a hypervisor by ID or exact host name.
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<Hypervisor> {
    crate::find::find(
        "hypervisor",
        name_or_id,
        get(client, name_or_id),
        list_detail(client, &ListOpts::default()),
    )
    .await
}
