//! Floating IP pools (`floatingip-pools`): the subnets of external networks that
//! floating IPs can come from.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::floating_ip_pools;
//! for pool in floating_ip_pools::list(&network).all().await? {
//!     println!("{} {} on {}", pool.subnet_name, pool.cidr, pool.network_id);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::pagination::{PageStyle, Pager};
use crate::ServiceClient;

crate::operations! {
    service: "network";
    /// List floating IP pools.
    LIST = GET "/floatingip_pools" list("floatingip_pools", FloatingIpPool);
}

/// A subnet floating IPs can come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FloatingIpPool {
    /// The subnet.
    pub subnet_id: String,
    /// Its name.
    pub subnet_name: String,
    /// Its CIDR.
    pub cidr: String,
    /// Its external network.
    pub network_id: String,
    /// The subnet's project.
    pub project_id: String,
    /// The subnet's project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

/// Lists the floating IP pools (one page).
pub fn list(client: &ServiceClient) -> Pager<FloatingIpPool> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The pools of a page.
    extract_floating_ip_pools, FloatingIpPool
}
