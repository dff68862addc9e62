//! How many addresses each network and each of its subnets has, and how many are used
//! (admin). IPv6 subnets count up to 2^64 addresses, so counts are `u128`.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, net_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::network_ip_availability;
//! let a = network_ip_availability::get(&network, net_id).await.extract()?;
//! println!("{} of {} used", a.used_ips, a.total_ips);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "network";
    /// List the IP availability of networks.
    LIST = GET "/network-ip-availabilities" list("network_ip_availabilities", NetworkIpAvailability);
    /// Show a network's IP availability.
    GET = GET "/network-ip-availabilities/{network_id}" response("network_ip_availability", NetworkIpAvailability);
}

/// Address counts split by where they come from (`network-ip-availability-details`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Details {
    /// Addresses in the subnets' CIDRs.
    #[serde(deserialize_with = "crate::de::count")]
    pub total_ips_in_subnet: u128,
    /// Addresses in the allocation pools.
    #[serde(deserialize_with = "crate::de::count")]
    pub total_ips_in_allocation_pool: u128,
    /// Used addresses anywhere in the subnets.
    #[serde(deserialize_with = "crate::de::count")]
    pub used_ips_in_subnet: u128,
    /// Used addresses in the allocation pools.
    #[serde(deserialize_with = "crate::de::count")]
    pub used_ips_in_allocation_pool: u128,
}

/// The addresses of one subnet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubnetIpAvailability {
    /// The subnet.
    pub subnet_id: String,
    /// Its name.
    pub subnet_name: String,
    /// Its CIDR.
    pub cidr: String,
    /// 4 or 6.
    pub ip_version: u8,
    /// Allocatable addresses.
    #[serde(deserialize_with = "crate::de::count")]
    pub total_ips: u128,
    /// Used addresses.
    #[serde(deserialize_with = "crate::de::count")]
    pub used_ips: u128,
    /// The split counts, where Neutron has the details extension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_availability_details: Option<Details>,
}

/// The addresses of one network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NetworkIpAvailability {
    /// The network.
    pub network_id: String,
    /// Its name.
    pub network_name: String,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// Allocatable addresses over all its subnets.
    #[serde(deserialize_with = "crate::de::count")]
    pub total_ips: u128,
    /// Used addresses.
    #[serde(deserialize_with = "crate::de::count")]
    pub used_ips: u128,
    /// Per subnet.
    pub subnet_ip_availability: Vec<SubnetIpAvailability>,
    /// The split counts, where Neutron has the details extension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_availability_details: Option<Details>,
}

/// Filters for listing IP availability.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_id: Option<String>,
    /// By network name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_name: Option<String>,
    /// By project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Networks with subnets of this IP version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_version: Option<u8>,
}

/// Lists the IP availability of networks (one page).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<NetworkIpAvailability> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The entries of a page.
    extract_network_ip_availabilities, NetworkIpAvailability
}

/// Shows a network's IP availability.
pub async fn get(client: &ServiceClient, network_id: &str) -> ApiResult<NetworkIpAvailability> {
    client.request(&GET, &[network_id]).send().await
}
