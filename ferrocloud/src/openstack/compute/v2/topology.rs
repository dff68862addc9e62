//! Server NUMA topology (2.78+): the guest's NUMA nodes, and for admins their placement
//! on the host (host node, CPU pinning).
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::topology;
//! let t = topology::get(&compute.with_microversion("2.78"), "0e44cc9c").await.extract()?;
//! for node in &t.nodes {
//!     println!("{:?} MiB on vCPUs {:?}", node.memory_mb, node.vcpu_set);
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "compute";
    /// Show a server's NUMA topology (2.78+).
    GET = GET "/servers/{server_id}/topology" since("2.78") response(Topology);
}

/// One NUMA node of a server.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct NumaNode {
    /// Its memory in MiB.
    pub memory_mb: u64,
    /// Its virtual CPUs.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub vcpu_set: Vec<u32>,
    /// Sibling threads of its CPUs.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub siblings: Vec<Vec<u32>>,
    /// The host NUMA node it is on (admin).
    #[serde(default)]
    pub host_node: Option<u32>,
    /// The host CPU each virtual CPU is pinned to, by virtual CPU number (admin, pinned
    /// servers).
    #[serde(default)]
    pub cpu_pinning: Option<BTreeMap<String, u32>>,
}

/// A server's NUMA topology.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Topology {
    /// Its NUMA nodes (none for a server without a NUMA topology).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub nodes: Vec<NumaNode>,
    /// The page size in KiB (admin; `None` when not set).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub pagesize_kb: Option<u64>,
}

/// Shows a server's NUMA topology.
pub async fn get(client: &ServiceClient, server_id: &str) -> ApiResult<Topology> {
    client.request(&GET, &[server_id]).send().await
}
