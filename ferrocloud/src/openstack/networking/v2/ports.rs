//! Ports: list (typed filters, fixed-IP filters, sorting, tags, any attribute), show,
//! create (one or in bulk), update (optionally only if unchanged since read), delete,
//! find, and a waiter for a port's status.
//!
//! Extension attributes (`binding:*`, DNS, QoS, port security, data plane status, NUMA
//! affinity, hints, trunk details…) are read and sent with the types of
//! [extensions](crate::openstack::networking::v2::extensions), joined to the port with
//! [`With`](crate::request::With).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, net_id: &str, subnet_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::extensions::binding::{Binding, VnicType};
//! use ferrocloud::openstack::networking::v2::ports::{self, CreateOpts, FixedIpFilter, FixedIpOpts, ListOpts, Port};
//! use ferrocloud::request::With;
//!
//! let opts = With::new(
//!     CreateOpts::new(net_id).name("web-1").fixed_ips([FixedIpOpts::address(subnet_id, "10.0.0.10")]),
//!     Binding::default().host_id("compute-1").vnic_type(VnicType::Normal),
//! );
//! let result = ports::create(&network, &opts).await;
//! let port = result.extract()?;
//! let bound = result.extract_into::<With<Port, Binding>>()?;
//! println!("{} on {:?} as {:?}", port.id, bound.ext.host_id, bound.ext.vif_type);
//!
//! // Ports holding an address of the subnet.
//! let opts = ListOpts { fixed_ips: vec![FixedIpFilter::SubnetId(subnet_id.into())], ..ListOpts::default() };
//! let on_subnet = ports::list(&network, &opts).all().await?;
//! ports::delete(&network, &port.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use super::extensions::binding::Binding;
use super::extensions::data_plane_status::DataPlaneStatus;
use super::extensions::dns::DnsDomain;
use super::extensions::ip_allocation::IpAllocation;
use super::extensions::mac_learning::MacLearning;
use super::extensions::numa_affinity_policy::NumaAffinity;
use super::extensions::port_device_profile::DeviceProfile;
use super::extensions::port_dns::PortDns;
use super::extensions::port_hardware_offload_type::HardwareOffloadType;
use super::extensions::port_hints::Hints;
use super::extensions::port_resource_request::PortResourceRequest;
use super::extensions::port_security::PortSecurity;
use super::extensions::port_trusted_vif::Trusted;
use super::extensions::pvlan::Pvlan;
use super::extensions::qos::QosPolicyId;
use super::extensions::qos_network_policy::QosNetworkPolicyId;
use super::extensions::trunk_details::TrunkDetails;
use super::extensions::uplink_status_propagation::PropagateUplinkStatus;
use crate::dates::Timestamp;
use crate::request::{Extensible, Validate};
use crate::{Error, Result, ServiceClient};

/// Declares the port operations with one list of the extension types read from a port,
/// and the ones sent to create or update one.
macro_rules! port_operations {
    (read($($ext:ty),+) create($($cx:ty),+) update($($ux:ty),+)) => {
        crate::operations! {
            service: "network";
            /// List ports.
            LIST = GET "/ports" list("ports", Port) extensions($($ext),+);
            /// Show a port (with its `trunk_details` when it is a trunk's parent).
            GET = GET "/ports/{port_id}" response("port", Port) extensions($($ext),+);
            /// Create a port.
            CREATE = POST "/ports" request("port", CreateOpts; $($cx),+)
                response("port", Port) extensions($($ext),+);
            /// Create several ports at once (all or none).
            CREATE_BULK = POST "/ports" request("ports", Vec<CreateOpts>; $($cx),+)
                list("ports", Port) extensions($($ext),+);
            /// Update a port.
            UPDATE = PUT "/ports/{port_id}" request("port", UpdateOpts; $($ux),+)
                response("port", Port) extensions($($ext),+);
            /// Delete a port.
            DELETE = DELETE "/ports/{port_id}";
        }
    };
}

port_operations! {
    read(Binding, PortDns, DnsDomain, PortSecurity, QosPolicyId, QosNetworkPolicyId,
         DataPlaneStatus, IpAllocation, PropagateUplinkStatus, NumaAffinity, Hints,
         DeviceProfile, Trusted, MacLearning, HardwareOffloadType, Pvlan,
         PortResourceRequest, TrunkDetails)
    create(Binding, PortDns, DnsDomain, PortSecurity, QosPolicyId, PropagateUplinkStatus,
           NumaAffinity, Hints, DeviceProfile, Trusted, MacLearning, HardwareOffloadType, Pvlan)
    update(Binding, PortDns, DnsDomain, PortSecurity, QosPolicyId, PropagateUplinkStatus,
           NumaAffinity, Hints, Trusted, MacLearning, Pvlan, DataPlaneStatus)
}

/// An address of a port.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FixedIp {
    /// The subnet it belongs to.
    pub subnet_id: String,
    /// The address.
    pub ip_address: String,
}

/// An address to give a port: a subnet (any free address of it), an address (on the
/// subnet that holds it), or both.
///
/// ```
/// use ferrocloud::openstack::networking::v2::ports::FixedIpOpts;
/// assert_eq!(serde_json::to_value(FixedIpOpts::subnet("s1")).unwrap(),
///            serde_json::json!({"subnet_id": "s1"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FixedIpOpts {
    /// The subnet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subnet_id: Option<String>,
    /// The address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
}

impl FixedIpOpts {
    /// Any free address of `subnet_id`.
    pub fn subnet(subnet_id: impl Into<String>) -> Self {
        FixedIpOpts {
            subnet_id: Some(subnet_id.into()),
            ip_address: None,
        }
    }
    /// The address `ip_address` of `subnet_id`.
    pub fn address(subnet_id: impl Into<String>, ip_address: impl Into<String>) -> Self {
        FixedIpOpts {
            subnet_id: Some(subnet_id.into()),
            ip_address: Some(ip_address.into()),
        }
    }
    /// The address `ip_address`, on whichever subnet of the network holds it.
    pub fn ip(ip_address: impl Into<String>) -> Self {
        FixedIpOpts {
            subnet_id: None,
            ip_address: Some(ip_address.into()),
        }
    }
}

impl Validate for FixedIpOpts {
    fn validate(&self) -> Result<()> {
        crate::request::at_least_one_of(&[
            ("fixed_ips.subnet_id", self.subnet_id.is_some()),
            ("fixed_ips.ip_address", self.ip_address.is_some()),
        ])
    }
}

/// An address (or CIDR) and MAC address a port may also send from
/// (`allowed-address-pairs`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AddressPair {
    /// The address or CIDR.
    pub ip_address: String,
    /// The MAC address (Neutron answers with the port's own when none is sent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac_address: Option<String>,
}

impl AddressPair {
    /// `ip_address` with the port's own MAC address.
    pub fn new(ip_address: impl Into<String>) -> Self {
        AddressPair {
            ip_address: ip_address.into(),
            mac_address: None,
        }
    }
    /// Sets the MAC address.
    pub fn mac_address(mut self, mac: impl Into<String>) -> Self {
        self.mac_address = Some(mac.into());
        self
    }
}

/// A DHCP option handed to the port (`extra_dhcp_opt`).
///
/// ```
/// use ferrocloud::openstack::networking::v2::ports::ExtraDhcpOpt;
/// assert_eq!(serde_json::to_value(ExtraDhcpOpt::remove("mtu")).unwrap(),
///            serde_json::json!({"opt_name": "mtu", "opt_value": null}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExtraDhcpOpt {
    /// The option's name (`bootfile-name`, `mtu`…).
    pub opt_name: String,
    /// Its value (`None`, sent as `null` in an update, removes the option).
    pub opt_value: Option<String>,
    /// 4 or 6 (Neutron's default: 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_version: Option<u8>,
}

impl ExtraDhcpOpt {
    /// The option `name` with `value`.
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        ExtraDhcpOpt {
            opt_name: name.into(),
            opt_value: Some(value.into()),
            ip_version: None,
        }
    }
    /// Removes the option `name` (in an update).
    pub fn remove(name: impl Into<String>) -> Self {
        ExtraDhcpOpt {
            opt_name: name.into(),
            opt_value: None,
            ip_version: None,
        }
    }
    /// For IPv4 or IPv6.
    pub fn ip_version(mut self, version: u8) -> Self {
        self.ip_version = Some(version);
        self
    }
}

impl Validate for ExtraDhcpOpt {
    fn validate(&self) -> Result<()> {
        crate::request::require("extra_dhcp_opts.opt_name", !self.opt_name.is_empty())?;
        match self.ip_version {
            None | Some(4) | Some(6) => Ok(()),
            Some(v) => Err(Error::invalid_input(format!(
                "extra_dhcp_opts.ip_version must be 4 or 6, not {v}"
            ))),
        }
    }
}

/// A port, with the attributes every Neutron sends (extension attributes are read with
/// [extensions](crate::openstack::networking::v2::extensions)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Port {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// The network it is on.
    pub network_id: String,
    /// The administrative state: false takes the port down.
    pub admin_state_up: bool,
    /// `ACTIVE`, `DOWN`, `BUILD`, `ERROR` or `N/A`.
    pub status: String,
    /// Its MAC address.
    pub mac_address: String,
    /// Its addresses.
    pub fixed_ips: Vec<FixedIp>,
    /// What uses it (a server's, router's or DHCP agent's ID; may be empty).
    pub device_id: String,
    /// The kind of user (`compute:nova`, `network:router_interface`, `network:dhcp`…; may
    /// be empty).
    pub device_owner: String,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// Its security groups (empty where the `security-group` extension is not loaded).
    #[serde(default)]
    pub security_groups: Vec<String>,
    /// The other addresses it may send from (`allowed-address-pairs`).
    #[serde(default)]
    pub allowed_address_pairs: Vec<AddressPair>,
    /// Extra DHCP options (`extra_dhcp_opt`).
    #[serde(default)]
    pub extra_dhcp_opts: Vec<ExtraDhcpOpt>,
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

impl crate::find::Named for Port {
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

fn validate_all<T: Validate>(items: &[T]) -> Result<()> {
    items.iter().try_for_each(Validate::validate)
}

/// Options for creating a port on a network; join extension attributes with
/// [`With`](crate::request::With).
///
/// ```
/// use ferrocloud::openstack::networking::v2::ports::{AddressPair, CreateOpts, FixedIpOpts};
/// let opts = CreateOpts::new("net-1")
///     .name("web")
///     .fixed_ips([FixedIpOpts::subnet("s1")])
///     .security_groups(["sg-1"])
///     .allowed_address_pairs([AddressPair::new("10.0.0.100")]);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "network_id": "net-1", "name": "web", "fixed_ips": [{"subnet_id": "s1"}],
///     "security_groups": ["sg-1"], "allowed_address_pairs": [{"ip_address": "10.0.0.100"}]}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The network (required: [`Validate`] refuses options without it; it reads as
    /// empty from a JSON object that lacks it, as the API reference's bound-port create
    /// sample does).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub network_id: String,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The administrative state (up by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// The MAC address (Neutron's choice by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac_address: Option<String>,
    /// The addresses (Neutron's default: one from each subnet of each IP version).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixed_ips: Vec<FixedIpOpts>,
    /// What uses it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<String>,
    /// The kind of user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_owner: Option<String>,
    /// Its security groups (`Some(vec![])`: none; `None`: the project's default group).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_groups: Option<Vec<String>>,
    /// Other addresses it may send from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_address_pairs: Vec<AddressPair>,
    /// Extra DHCP options.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_dhcp_opts: Vec<ExtraDhcpOpt>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The same, under the older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl CreateOpts {
    /// A port on `network_id`.
    pub fn new(network_id: impl Into<String>) -> Self {
        CreateOpts {
            network_id: network_id.into(),
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
    /// Sets the administrative state.
    pub fn admin_state_up(mut self, up: bool) -> Self {
        self.admin_state_up = Some(up);
        self
    }
    /// Sets the MAC address.
    pub fn mac_address(mut self, mac: impl Into<String>) -> Self {
        self.mac_address = Some(mac.into());
        self
    }
    /// Sets the addresses.
    pub fn fixed_ips<I: IntoIterator<Item = FixedIpOpts>>(mut self, ips: I) -> Self {
        self.fixed_ips = ips.into_iter().collect();
        self
    }
    /// Sets what uses it.
    pub fn device_id(mut self, device_id: impl Into<String>) -> Self {
        self.device_id = Some(device_id.into());
        self
    }
    /// Sets the kind of user.
    pub fn device_owner(mut self, owner: impl Into<String>) -> Self {
        self.device_owner = Some(owner.into());
        self
    }
    /// Sets the security groups (an empty list: none).
    pub fn security_groups<I: IntoIterator<Item = S>, S: Into<String>>(mut self, groups: I) -> Self {
        self.security_groups = Some(strings(groups));
        self
    }
    /// Sets the allowed address pairs.
    pub fn allowed_address_pairs<I: IntoIterator<Item = AddressPair>>(mut self, pairs: I) -> Self {
        self.allowed_address_pairs = pairs.into_iter().collect();
        self
    }
    /// Sets the extra DHCP options.
    pub fn extra_dhcp_opts<I: IntoIterator<Item = ExtraDhcpOpt>>(mut self, opts: I) -> Self {
        self.extra_dhcp_opts = opts.into_iter().collect();
        self
    }
    /// Creates it for another project.
    pub fn project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }
}

impl Extensible for CreateOpts {
    type Base = CreateOpts;
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("network_id", !self.network_id.is_empty())?;
        if self.project_id.is_some() && self.tenant_id.is_some() {
            return Err(Error::invalid_input("set project_id or tenant_id, not both"));
        }
        validate_all(&self.fixed_ips)?;
        validate_all(&self.extra_dhcp_opts)
    }
}

/// Changes to a port; unset fields are left as they are, lists replace the old ones.
///
/// ```
/// use ferrocloud::openstack::networking::v2::ports::UpdateOpts;
/// let opts = UpdateOpts::default().name("renamed").security_groups(Vec::<String>::new());
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///            serde_json::json!({"name": "renamed", "security_groups": []}));
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
    /// A new administrative state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// A new MAC address (admin; an unbound port only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac_address: Option<String>,
    /// New addresses (replace the old ones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_ips: Option<Vec<FixedIpOpts>>,
    /// What uses it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<String>,
    /// The kind of user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_owner: Option<String>,
    /// New security groups (an empty list removes them all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_groups: Option<Vec<String>>,
    /// New allowed address pairs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_address_pairs: Option<Vec<AddressPair>>,
    /// Extra DHCP options to set or (with no value) remove.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra_dhcp_opts: Option<Vec<ExtraDhcpOpt>>,
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
    /// Sets the administrative state.
    pub fn admin_state_up(mut self, up: bool) -> Self {
        self.admin_state_up = Some(up);
        self
    }
    /// Sets the MAC address.
    pub fn mac_address(mut self, mac: impl Into<String>) -> Self {
        self.mac_address = Some(mac.into());
        self
    }
    /// Replaces the addresses.
    pub fn fixed_ips<I: IntoIterator<Item = FixedIpOpts>>(mut self, ips: I) -> Self {
        self.fixed_ips = Some(ips.into_iter().collect());
        self
    }
    /// Sets what uses it.
    pub fn device_id(mut self, device_id: impl Into<String>) -> Self {
        self.device_id = Some(device_id.into());
        self
    }
    /// Sets the kind of user.
    pub fn device_owner(mut self, owner: impl Into<String>) -> Self {
        self.device_owner = Some(owner.into());
        self
    }
    /// Replaces the security groups.
    pub fn security_groups<I: IntoIterator<Item = S>, S: Into<String>>(mut self, groups: I) -> Self {
        self.security_groups = Some(strings(groups));
        self
    }
    /// Replaces the allowed address pairs.
    pub fn allowed_address_pairs<I: IntoIterator<Item = AddressPair>>(mut self, pairs: I) -> Self {
        self.allowed_address_pairs = Some(pairs.into_iter().collect());
        self
    }
    /// Sets or removes extra DHCP options.
    pub fn extra_dhcp_opts<I: IntoIterator<Item = ExtraDhcpOpt>>(mut self, opts: I) -> Self {
        self.extra_dhcp_opts = Some(opts.into_iter().collect());
        self
    }
}

impl Extensible for UpdateOpts {
    type Base = UpdateOpts;
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        validate_all(self.fixed_ips.as_deref().unwrap_or_default())?;
        validate_all(self.extra_dhcp_opts.as_deref().unwrap_or_default())
    }
}

/// A `fixed_ips` filter of a port listing: each one is sent as its own `fixed_ips=`
/// query value, and a port matches when it matches all of them.
///
/// ```
/// use ferrocloud::openstack::networking::v2::ports::{FixedIpFilter, ListOpts};
/// let opts = ListOpts {
///     fixed_ips: vec![FixedIpFilter::SubnetId("s1".into()), FixedIpFilter::IpAddressSubstr("10.0.".into())],
///     ..ListOpts::default()
/// };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs),
///     "fixed_ips=subnet_id%3Ds1&fixed_ips=ip_address_substr%3D10.0.");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FixedIpFilter {
    /// Ports with this address.
    IpAddress(String),
    /// Ports with an address of this subnet.
    SubnetId(String),
    /// Ports with an address containing this text (`ip-substring-filtering`).
    IpAddressSubstr(String),
}

impl Serialize for FixedIpFilter {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let (key, value) = match self {
            FixedIpFilter::IpAddress(v) => ("ip_address", v),
            FixedIpFilter::SubnetId(v) => ("subnet_id", v),
            FixedIpFilter::IpAddressSubstr(v) => ("ip_address_substr", v),
        };
        s.serialize_str(&format!("{key}={value}"))
    }
}

/// Filters for listing ports; sorting, paging, tags and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::ports::ListOpts;
/// let opts = ListOpts {
///     network_id: Some("n1".into()),
///     device_owner: Some("compute:nova".into()),
///     host_id: Some("compute-1".into()),
///     ..ListOpts::default()
/// };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs),
///     "network_id=n1&device_owner=compute%3Anova&binding%3Ahost_id=compute-1");
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
    /// By administrative state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// By status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// By MAC address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mac_address: Option<String>,
    /// By user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_id: Option<String>,
    /// By kind of user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_owner: Option<String>,
    /// By address, subnet or address fragment; all must match.
    pub fixed_ips: Vec<FixedIpFilter>,
    /// Ports in any of these security groups (`port-security-groups-filtering`).
    pub security_groups: Vec<String>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// By revision number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_number: Option<u64>,
    /// By binding host (`binding`, admin).
    #[serde(rename = "binding:host_id", skip_serializing_if = "Option::is_none")]
    pub host_id: Option<String>,
    /// By VNIC type (`binding`).
    #[serde(rename = "binding:vnic_type", skip_serializing_if = "Option::is_none")]
    pub vnic_type: Option<super::extensions::binding::VnicType>,
    /// By IP allocation (`immediate`, `deferred`, `none`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_allocation: Option<String>,
    /// By DNS name (`dns-integration`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dns_name: Option<String>,
    /// By MAC learning (`mac-learning`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mac_learning_enabled: Option<bool>,
    /// Sorting, paging, fields, tags and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::common::resource_functions! {
    Port, "port", "ports", extract_ports
}

/// Waits until the port has `status` (`ACTIVE` once bound and wired, `DOWN`…). A port
/// in `ERROR` ends the wait (unless `ERROR` is what was asked for).
pub async fn wait_for_status(
    client: &ServiceClient,
    id: &str,
    status: &str,
    opts: &crate::wait::WaitOpts,
) -> Result<Port> {
    use crate::wait::State;
    crate::wait::wait_for(
        &format!("port {id} to be {status}"),
        opts,
        || async { get(client, id).await.extract() },
        |p: &Port| {
            if p.status.eq_ignore_ascii_case(status) {
                State::Ready
            } else if p.status.eq_ignore_ascii_case("ERROR") {
                State::Failed(format!("port {} is in ERROR", p.id))
            } else {
                State::Pending
            }
        },
        |_| {},
    )
    .await
}
