//! Subnets: list (typed filters, sorting, tags, any attribute), show, create (one or in
//! bulk, from a CIDR or from a subnet pool), update (optionally only if unchanged since
//! read), delete, find.
//! A subnet is deleted once no port holds one of its addresses.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, net_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::subnets::{self, AllocationPool, CreateOpts};
//! let opts = CreateOpts::ipv4(net_id, "10.0.0.0/24")
//!     .name("web")
//!     .gateway_ip(Some("10.0.0.1"))
//!     .allocation_pools([AllocationPool::new("10.0.0.10", "10.0.0.200")])
//!     .dns_nameservers(["10.0.0.2"]);
//! let subnet = subnets::create(&network, &opts).await.extract()?;
//! assert_eq!(subnet.cidr, "10.0.0.0/24");
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use super::extensions::dns::DnsPublishFixedIp;
use super::extensions::external::External;
use super::extensions::segments::SegmentId;
use super::extensions::service_types::ServiceTypes;
use crate::dates::Timestamp;
use crate::request::{Extensible, Validate};
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List subnets.
    LIST = GET "/subnets" list("subnets", Subnet)
        extensions(SegmentId, ServiceTypes, DnsPublishFixedIp, External);
    /// Show a subnet.
    GET = GET "/subnets/{subnet_id}" response("subnet", Subnet)
        extensions(SegmentId, ServiceTypes, DnsPublishFixedIp, External);
    /// Create a subnet.
    CREATE = POST "/subnets"
        request("subnet", CreateOpts; SegmentId, ServiceTypes, DnsPublishFixedIp)
        response("subnet", Subnet)
        extensions(SegmentId, ServiceTypes, DnsPublishFixedIp, External);
    /// Create several subnets at once (all or none).
    CREATE_BULK = POST "/subnets"
        request("subnets", Vec<CreateOpts>; SegmentId, ServiceTypes, DnsPublishFixedIp)
        list("subnets", Subnet)
        extensions(SegmentId, ServiceTypes, DnsPublishFixedIp, External);
    /// Update a subnet.
    UPDATE = PUT "/subnets/{subnet_id}"
        request("subnet", UpdateOpts; SegmentId, ServiceTypes, DnsPublishFixedIp)
        response("subnet", Subnet)
        extensions(SegmentId, ServiceTypes, DnsPublishFixedIp, External);
    /// Delete a subnet.
    DELETE = DELETE "/subnets/{subnet_id}";
}

/// A range of addresses Neutron allocates from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AllocationPool {
    /// The first address.
    pub start: String,
    /// The last address.
    pub end: String,
}

impl AllocationPool {
    /// The addresses from `start` to `end`.
    pub fn new(start: impl Into<String>, end: impl Into<String>) -> Self {
        AllocationPool {
            start: start.into(),
            end: end.into(),
        }
    }
}

/// A static route handed out by DHCP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HostRoute {
    /// The destination CIDR.
    pub destination: String,
    /// The next hop.
    pub nexthop: String,
}

impl HostRoute {
    /// A route to `destination` through `nexthop`.
    pub fn new(destination: impl Into<String>, nexthop: impl Into<String>) -> Self {
        HostRoute {
            destination: destination.into(),
            nexthop: nexthop.into(),
        }
    }
}

/// A subnet, with the attributes every Neutron sends (extension attributes are read
/// with [extensions](crate::openstack::networking::v2::extensions)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Subnet {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// The network it belongs to.
    pub network_id: String,
    /// 4 or 6.
    pub ip_version: u8,
    /// Its CIDR.
    pub cidr: String,
    /// The gateway address (`None`: no gateway).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub gateway_ip: Option<String>,
    /// DHCP is enabled.
    pub enable_dhcp: bool,
    /// The DNS servers DHCP hands out.
    pub dns_nameservers: Vec<String>,
    /// The ranges addresses are allocated from.
    pub allocation_pools: Vec<AllocationPool>,
    /// The static routes DHCP hands out.
    pub host_routes: Vec<HostRoute>,
    /// IPv6 address mode (`slaac`, `dhcpv6-stateful`, `dhcpv6-stateless`), if any (the
    /// API reference's update answer leaves it out, with the RA mode and the pool).
    #[serde(default)]
    pub ipv6_address_mode: Option<String>,
    /// IPv6 router advertisement mode, if any.
    #[serde(default)]
    pub ipv6_ra_mode: Option<String>,
    /// The subnet pool it was allocated from, if any.
    #[serde(default)]
    pub subnetpool_id: Option<String>,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// Its tags (empty when the `standard-attr-tag` extension is not loaded).
    #[serde(default)]
    pub tags: Vec<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated_at: Timestamp,
    /// Incremented on every change; see [`update_if_revision`].
    pub revision_number: u64,
}

impl crate::find::Named for Subnet {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

fn strings<I: IntoIterator<Item = S>, S: Into<String>>(items: I) -> Vec<String> {
    items.into_iter().map(Into::into).collect()
}

/// Options for creating a subnet: on a network, from a CIDR ([`CreateOpts::ipv4`],
/// [`CreateOpts::ipv6`]) or from a subnet pool ([`CreateOpts::from_pool`]); join
/// extension attributes with [`With`](crate::request::With).
///
/// ```
/// use ferrocloud::openstack::networking::v2::subnets::CreateOpts;
/// let opts = CreateOpts::ipv4("net-1", "192.168.199.0/24").gateway_ip(None);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "network_id": "net-1", "ip_version": 4, "cidr": "192.168.199.0/24", "gateway_ip": null}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The network.
    pub network_id: String,
    /// 4 or 6.
    pub ip_version: u8,
    /// The CIDR (or none, with a subnet pool).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cidr: Option<String>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The gateway: `Some(Some(ip))`, `Some(None)` for no gateway, `None` for Neutron's
    /// choice (the first address).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::double_option"
    )]
    pub gateway_ip: Option<Option<String>>,
    /// Enable DHCP (the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_dhcp: Option<bool>,
    /// DNS servers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dns_nameservers: Vec<String>,
    /// Allocation ranges (Neutron's default: the whole CIDR but the gateway).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allocation_pools: Vec<AllocationPool>,
    /// Static routes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub host_routes: Vec<HostRoute>,
    /// IPv6 address mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipv6_address_mode: Option<String>,
    /// IPv6 router advertisement mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipv6_ra_mode: Option<String>,
    /// Allocate the CIDR from this subnet pool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subnetpool_id: Option<String>,
    /// Allocate from the default subnet pool of the IP version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub use_default_subnetpool: Option<bool>,
    /// The prefix length to allocate from the pool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefixlen: Option<u8>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

impl CreateOpts {
    /// An IPv4 subnet `cidr` on `network_id`.
    pub fn ipv4(network_id: impl Into<String>, cidr: impl Into<String>) -> Self {
        Self::with_cidr(network_id.into(), 4, cidr.into())
    }
    /// An IPv6 subnet `cidr` on `network_id`.
    pub fn ipv6(network_id: impl Into<String>, cidr: impl Into<String>) -> Self {
        Self::with_cidr(network_id.into(), 6, cidr.into())
    }
    fn with_cidr(network_id: String, ip_version: u8, cidr: String) -> Self {
        CreateOpts {
            network_id,
            ip_version,
            cidr: Some(cidr),
            ..Default::default()
        }
    }
    /// A subnet on `network_id` whose CIDR comes from the subnet pool `subnetpool_id`.
    pub fn from_pool(network_id: impl Into<String>, ip_version: u8, subnetpool_id: impl Into<String>) -> Self {
        CreateOpts {
            network_id: network_id.into(),
            ip_version,
            subnetpool_id: Some(subnetpool_id.into()),
            ..Default::default()
        }
    }
    /// Sets the name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// Sets the gateway (`None`: no gateway).
    pub fn gateway_ip(mut self, gateway_ip: Option<&str>) -> Self {
        self.gateway_ip = Some(gateway_ip.map(str::to_string));
        self
    }
    /// Enables or disables DHCP.
    pub fn enable_dhcp(mut self, enable: bool) -> Self {
        self.enable_dhcp = Some(enable);
        self
    }
    /// Sets the DNS servers.
    pub fn dns_nameservers<I: IntoIterator<Item = S>, S: Into<String>>(mut self, servers: I) -> Self {
        self.dns_nameservers = strings(servers);
        self
    }
    /// Sets the allocation ranges.
    pub fn allocation_pools<I: IntoIterator<Item = AllocationPool>>(mut self, pools: I) -> Self {
        self.allocation_pools = pools.into_iter().collect();
        self
    }
    /// Sets the static routes.
    pub fn host_routes<I: IntoIterator<Item = HostRoute>>(mut self, routes: I) -> Self {
        self.host_routes = routes.into_iter().collect();
        self
    }
    /// Sets the prefix length to allocate from the subnet pool.
    pub fn prefixlen(mut self, prefixlen: u8) -> Self {
        self.prefixlen = Some(prefixlen);
        self
    }
}

impl Extensible for CreateOpts {
    type Base = CreateOpts;
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        if self.network_id.is_empty() {
            return Err(Error::invalid_input("network_id is required"));
        }
        if !matches!(self.ip_version, 4 | 6) {
            return Err(Error::invalid_input(format!(
                "ip_version must be 4 or 6, not {}",
                self.ip_version
            )));
        }
        let pooled = self.subnetpool_id.is_some() || self.use_default_subnetpool == Some(true);
        if self.cidr.is_none() && !pooled {
            return Err(Error::invalid_input(
                "a subnet needs a cidr, or a subnet pool to allocate it from",
            ));
        }
        Ok(())
    }
}

/// Changes to a subnet; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::subnets::UpdateOpts;
/// let opts = UpdateOpts::default().name("my_subnet").gateway_ip(None);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///            serde_json::json!({"name": "my_subnet", "gateway_ip": null}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A new gateway (`Some(None)`: remove it).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::double_option"
    )]
    pub gateway_ip: Option<Option<String>>,
    /// Enable or disable DHCP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_dhcp: Option<bool>,
    /// New DNS servers (replace the old ones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns_nameservers: Option<Vec<String>>,
    /// New allocation ranges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocation_pools: Option<Vec<AllocationPool>>,
    /// New static routes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_routes: Option<Vec<HostRoute>>,
}

impl UpdateOpts {
    /// Renames it.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// Sets the gateway (`None`: remove it).
    pub fn gateway_ip(mut self, gateway_ip: Option<&str>) -> Self {
        self.gateway_ip = Some(gateway_ip.map(str::to_string));
        self
    }
    /// Enables or disables DHCP.
    pub fn enable_dhcp(mut self, enable: bool) -> Self {
        self.enable_dhcp = Some(enable);
        self
    }
    /// Replaces the DNS servers.
    pub fn dns_nameservers<I: IntoIterator<Item = S>, S: Into<String>>(mut self, servers: I) -> Self {
        self.dns_nameservers = Some(strings(servers));
        self
    }
}

impl Extensible for UpdateOpts {
    type Base = UpdateOpts;
}

impl Validate for UpdateOpts {}

/// Filters for listing subnets; sorting, paging, tags and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::subnets::ListOpts;
/// let opts = ListOpts { network_id: Some("n1".into()), ip_version: Some(6), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "network_id=n1&ip_version=6");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By name (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By description (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// By network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_id: Option<String>,
    /// By IP version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_version: Option<u8>,
    /// By CIDR.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cidr: Option<String>,
    /// By gateway.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gateway_ip: Option<String>,
    /// With DHCP enabled, or disabled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_dhcp: Option<bool>,
    /// By IPv6 address mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ipv6_address_mode: Option<String>,
    /// By IPv6 router advertisement mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ipv6_ra_mode: Option<String>,
    /// By subnet pool.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subnetpool_id: Option<String>,
    /// By segment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segment_id: Option<String>,
    /// Subnets of shared networks only, or of unshared ones.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// By revision number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_number: Option<u64>,
    /// By whether fixed IPs are published in DNS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dns_publish_fixed_ip: Option<bool>,
    /// Sorting, paging, fields, tags and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::common::resource_functions! {
    Subnet, "subnet", "subnets", extract_subnets
}
