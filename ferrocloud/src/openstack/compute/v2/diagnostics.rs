//! Server diagnostics: what the hypervisor reports about a server (admin by default).
//!
//! From microversion 2.48 the answer has a standard form ([`Diagnostics`](crate::openstack::compute::v2::diagnostics::Diagnostics)'s named
//! fields); before, each driver sent its own keys, kept in `other`.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::diagnostics;
//! let d = diagnostics::get(&compute.with_microversion("2.48"), "0e44cc9c").await.extract()?;
//! println!("{:?} on {:?}, up {:?} s", d.state, d.driver, d.uptime);
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "compute";
    /// Show server diagnostics.
    GET = GET "/servers/{server_id}/diagnostics" response(Diagnostics);
}

/// A virtual CPU's statistics (2.48+).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct CpuDiagnostics {
    /// The CPU's number.
    #[serde(default)]
    pub id: Option<u32>,
    /// CPU time in nanoseconds.
    #[serde(default)]
    pub time: Option<u64>,
    /// Utilisation in percent.
    #[serde(default)]
    pub utilisation: Option<u32>,
}

/// A disk's statistics (2.48+).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct DiskDiagnostics {
    /// Bytes read.
    #[serde(default)]
    pub read_bytes: Option<u64>,
    /// Read requests.
    #[serde(default)]
    pub read_requests: Option<u64>,
    /// Bytes written.
    #[serde(default)]
    pub write_bytes: Option<u64>,
    /// Write requests.
    #[serde(default)]
    pub write_requests: Option<u64>,
    /// Errors.
    #[serde(default)]
    pub errors_count: Option<i64>,
}

/// A network interface's statistics (2.48+).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct NicDiagnostics {
    /// The MAC address.
    #[serde(default)]
    pub mac_address: Option<String>,
    /// Bytes received.
    #[serde(default)]
    pub rx_octets: Option<u64>,
    /// Receive errors.
    #[serde(default)]
    pub rx_errors: Option<u64>,
    /// Received packets dropped.
    #[serde(default)]
    pub rx_drop: Option<u64>,
    /// Packets received.
    #[serde(default)]
    pub rx_packets: Option<u64>,
    /// Receive rate.
    #[serde(default)]
    pub rx_rate: Option<u64>,
    /// Bytes sent.
    #[serde(default)]
    pub tx_octets: Option<u64>,
    /// Send errors.
    #[serde(default)]
    pub tx_errors: Option<u64>,
    /// Sent packets dropped.
    #[serde(default)]
    pub tx_drop: Option<u64>,
    /// Packets sent.
    #[serde(default)]
    pub tx_packets: Option<u64>,
    /// Send rate.
    #[serde(default)]
    pub tx_rate: Option<u64>,
}

/// Memory statistics (2.48+).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct MemoryDiagnostics {
    /// The memory the guest may use, in MiB.
    #[serde(default)]
    pub maximum: Option<u64>,
    /// The memory in use, in MiB.
    #[serde(default)]
    pub used: Option<u64>,
}

/// A server's diagnostics.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Diagnostics {
    /// The power state (`running`, `paused`, `shutdown`…; 2.48+).
    #[serde(default)]
    pub state: Option<String>,
    /// The driver (`libvirt`, `ironic`, `vmwareapi`…; 2.48+).
    #[serde(default)]
    pub driver: Option<String>,
    /// The hypervisor (`kvm`…; 2.48+).
    #[serde(default)]
    pub hypervisor: Option<String>,
    /// The hypervisor's operating system (2.48+).
    #[serde(default)]
    pub hypervisor_os: Option<String>,
    /// Seconds since the guest started (2.48+).
    #[serde(default)]
    pub uptime: Option<u64>,
    /// Whether a config drive is attached (2.48+).
    #[serde(default)]
    pub config_drive: Option<bool>,
    /// The number of vCPUs (2.48+).
    #[serde(default)]
    pub num_cpus: Option<u32>,
    /// The number of disks (2.48+).
    #[serde(default)]
    pub num_disks: Option<u32>,
    /// The number of network interfaces (2.48+).
    #[serde(default)]
    pub num_nics: Option<u32>,
    /// Memory (2.48+).
    #[serde(default)]
    pub memory_details: Option<MemoryDiagnostics>,
    /// vCPUs (2.48+).
    #[serde(default)]
    pub cpu_details: Option<Vec<CpuDiagnostics>>,
    /// Disks (2.48+).
    #[serde(default)]
    pub disk_details: Option<Vec<DiskDiagnostics>>,
    /// Network interfaces (2.48+).
    #[serde(default)]
    pub nic_details: Option<Vec<NicDiagnostics>>,
    /// The driver's own keys (before 2.48: `cpu0_time`, `vda_read`, `memory`…).
    #[serde(flatten)]
    pub other: BTreeMap<String, Value>,
}

/// Shows a server's diagnostics.
pub async fn get(client: &ServiceClient, server_id: &str) -> ApiResult<Diagnostics> {
    client.request(&GET, &[server_id]).send().await
}
