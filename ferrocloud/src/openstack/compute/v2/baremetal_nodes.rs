//! Bare metal nodes through the compute API (proxy to the bare metal service, until 2.35).
//!
//! Nova shows the Bare Metal service's (Ironic's) nodes in a short, read-only form. These
//! calls are deprecated and answer 404 from microversion 2.36: the SDK refuses them
//! before sending when the client's microversion is newer. Use the Bare Metal API
//! instead. A compute client without a microversion (the base version, 2.1) may use
//! them. A cloud without a Bare Metal service answers with an error (Nova's own 500
//! "Unexpected API Error", or 501).
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::baremetal_nodes;
//! let compute = compute.with_microversion("2.35");
//! for node in baremetal_nodes::extract_nodes(&baremetal_nodes::list(&compute).all_pages().await?)? {
//!     println!("{}: {} ({} CPUs)", node.id, node.task_state, node.cpus);
//! }
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "compute";
    /// List bare metal nodes, up to 2.35.
    LIST = GET "/os-baremetal-nodes" until("2.35") list("nodes", Node);
    /// Show a bare metal node, up to 2.35.
    GET = GET "/os-baremetal-nodes/{node_id}" until("2.35") response("node", Node);
}

/// A network interface (port) of a node.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Interface {
    /// The MAC address.
    #[serde(default)]
    pub address: Option<String>,
}

/// A bare metal node, as Nova shows it. The sizes are text, as the node's properties in
/// the Bare Metal service hold them (`"0"` when unset).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Node {
    /// The node's ID.
    pub id: String,
    /// Always `IRONIC MANAGED`.
    #[serde(deserialize_with = "crate::de::lenient_string")]
    pub host: String,
    /// The node's provision state (`active`, `available`…).
    #[serde(deserialize_with = "crate::de::lenient_string")]
    pub task_state: String,
    /// CPUs.
    #[serde(deserialize_with = "crate::de::lenient_string")]
    pub cpus: String,
    /// RAM in MiB.
    #[serde(deserialize_with = "crate::de::lenient_string")]
    pub memory_mb: String,
    /// Local disk in GiB.
    #[serde(deserialize_with = "crate::de::lenient_string")]
    pub disk_gb: String,
    /// Its ports (only when showing one node; the listing leaves them empty).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub interfaces: Vec<Interface>,
    /// The server deployed on it (only when showing one node).
    #[serde(default)]
    pub instance_uuid: Option<String>,
}

/// Lists the bare metal nodes (admin).
///
/// Served up to microversion 2.35; use the Bare Metal service (Ironic) instead.
pub fn list(client: &ServiceClient) -> Pager<Node> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The nodes of a page.
    extract_nodes, Node
}

/// Shows a bare metal node with its ports (admin).
///
/// Served up to microversion 2.35; use the Bare Metal service (Ironic) instead.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Node> {
    client.request(&GET, &[id]).send().await
}
