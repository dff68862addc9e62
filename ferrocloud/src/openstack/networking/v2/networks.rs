//! Networks: list (typed filters, sorting, tags, any attribute), show, create (one or in
//! bulk), update (optionally only if unchanged since read), delete, find.
//! A network is deleted once its ports are gone, apart from the network's own.
//!
//! Extension attributes (`provider:*`, `router:external`, `mtu`, `port_security_enabled`
//! …) are read and sent with the types of [extensions](crate::openstack::networking::v2::extensions), joined to
//! the network with [`With`](crate::request::With).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::common::{ListControls, SortDir};
//! use ferrocloud::openstack::networking::v2::extensions::{external::External, mtu::Mtu};
//! use ferrocloud::openstack::networking::v2::networks::{self, CreateOpts, ListOpts, Network};
//! use ferrocloud::request::With;
//!
//! let opts = With::new(CreateOpts::new("web").description("front end"), Mtu::default().mtu(1400u32));
//! let net = networks::create(&network, &opts).await.extract()?;
//!
//! // Read an extension attribute next to the network.
//! let shown = networks::get(&network, &net.id).await.extract_into::<With<Network, External>>()?;
//! println!("{} external: {:?}", shown.name, shown.ext.external);
//!
//! let opts = ListOpts {
//!     controls: ListControls::default().sort("name", SortDir::Asc).tags(["prod"]),
//!     ..ListOpts::default()
//! };
//! let all = networks::list(&network, &opts).all().await?;
//! networks::delete(&network, &net.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use super::extensions::address_scopes::AddressScopes;
use super::extensions::availability_zones::AvailabilityZones;
use super::extensions::dns::DnsDomain;
use super::extensions::external::External;
use super::extensions::l2_adjacency::L2Adjacency;
use super::extensions::mtu::Mtu;
use super::extensions::port_security::PortSecurity;
use super::extensions::provider::Provider;
use super::extensions::qos::QosPolicyId;
use super::extensions::vlan_transparent::VlanTransparent;
use crate::dates::Timestamp;
use crate::request::{Extensible, Validate};
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List networks.
    LIST = GET "/networks" list("networks", Network)
        extensions(Provider, External, PortSecurity, Mtu, DnsDomain, QosPolicyId, L2Adjacency,
                   VlanTransparent, AvailabilityZones, AddressScopes);
    /// Show a network.
    GET = GET "/networks/{network_id}" response("network", Network)
        extensions(Provider, External, PortSecurity, Mtu, DnsDomain, QosPolicyId, L2Adjacency,
                   VlanTransparent, AvailabilityZones, AddressScopes);
    /// Create a network.
    CREATE = POST "/networks"
        request("network", CreateOpts; Provider, External, PortSecurity, Mtu, DnsDomain,
                QosPolicyId, VlanTransparent, AvailabilityZones)
        response("network", Network)
        extensions(Provider, External, PortSecurity, Mtu, DnsDomain, QosPolicyId, L2Adjacency,
                   VlanTransparent, AvailabilityZones, AddressScopes);
    /// Create several networks at once (all or none).
    CREATE_BULK = POST "/networks"
        request("networks", Vec<CreateOpts>; Provider, External, PortSecurity, Mtu, DnsDomain,
                QosPolicyId, VlanTransparent, AvailabilityZones)
        list("networks", Network)
        extensions(Provider, External, PortSecurity, Mtu, DnsDomain, QosPolicyId, L2Adjacency,
                   VlanTransparent, AvailabilityZones, AddressScopes);
    /// Update a network.
    UPDATE = PUT "/networks/{network_id}"
        request("network", UpdateOpts; Provider, External, PortSecurity, Mtu, DnsDomain, QosPolicyId)
        response("network", Network)
        extensions(Provider, External, PortSecurity, Mtu, DnsDomain, QosPolicyId, L2Adjacency,
                   VlanTransparent, AvailabilityZones, AddressScopes);
    /// Delete a network.
    DELETE = DELETE "/networks/{network_id}";
}

/// A network, with the attributes every Neutron sends (extension attributes are read
/// with [extensions](crate::openstack::networking::v2::extensions)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Network {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// The administrative state: false takes the network down.
    pub admin_state_up: bool,
    /// `ACTIVE`, `DOWN`, `BUILD` or `ERROR`.
    pub status: String,
    /// Shared with every project.
    pub shared: bool,
    /// The IDs of its subnets.
    pub subnets: Vec<String>,
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

impl crate::find::Named for Network {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// Options for creating a network; join extension attributes with
/// [`With`](crate::request::With).
///
/// ```
/// use ferrocloud::openstack::networking::v2::networks::CreateOpts;
/// let opts = CreateOpts::new("private").admin_state_up(false).shared(true);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"name": "private", "admin_state_up": false, "shared": true}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The administrative state (up by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// Share it with every project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The same, under the older name (some clouds' samples send it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl CreateOpts {
    /// A network named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: Some(name.into()),
            ..Default::default()
        }
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
    /// Shares it with every project.
    pub fn shared(mut self, shared: bool) -> Self {
        self.shared = Some(shared);
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
        if self.project_id.is_some() && self.tenant_id.is_some() {
            return Err(Error::invalid_input(
                "set project_id or tenant_id, not both",
            ));
        }
        Ok(())
    }
}

/// Changes to a network; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::networks::UpdateOpts;
/// let opts = UpdateOpts::default().name("renamed");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"name": "renamed"}));
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
    /// Share it with every project, or stop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// Make it the default external network (`auto-allocated-topology`, admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
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
    /// Shares it with every project, or stops.
    pub fn shared(mut self, shared: bool) -> Self {
        self.shared = Some(shared);
        self
    }
}

impl Extensible for UpdateOpts {
    type Base = UpdateOpts;
}

impl Validate for UpdateOpts {}

/// Filters for listing networks; sorting, paging, tags and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::networks::ListOpts;
/// let opts = ListOpts { name: Some("private".into()), shared: Some(false), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "name=private&shared=false");
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
    /// By administrative state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// By status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Shared networks only, or unshared only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// By revision number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_number: Option<u64>,
    /// External networks only, or internal only (`external-net`).
    #[serde(rename = "router:external", skip_serializing_if = "Option::is_none")]
    pub external: Option<bool>,
    /// By MTU (`net-mtu`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mtu: Option<u32>,
    /// By provider network type (`provider`, admin).
    #[serde(rename = "provider:network_type", skip_serializing_if = "Option::is_none")]
    pub network_type: Option<String>,
    /// By physical network (`provider`, admin).
    #[serde(rename = "provider:physical_network", skip_serializing_if = "Option::is_none")]
    pub physical_network: Option<String>,
    /// By segmentation ID (`provider`, admin).
    #[serde(rename = "provider:segmentation_id", skip_serializing_if = "Option::is_none")]
    pub segmentation_id: Option<u32>,
    /// By VLAN transparency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vlan_transparent: Option<bool>,
    /// The default external network only, or the others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
    /// Sorting, paging, fields, tags and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::common::resource_functions! {
    Network, "network", "networks", extract_networks
}
