//! Routers: list (typed filters, sorting, tags, any attribute), show, create, update
//! (optionally only if unchanged since read), delete, find; their external gateway,
//! interfaces (by subnet or by port), extra routes (added and removed atomically),
//! several external gateways (`external-gateway-multihoming`), and a waiter for the
//! router's status.
//!
//! Extension attributes (`distributed`, `ha`, `flavor_id`, availability zones,
//! `enable_ndp_proxy`, the listed conntrack helpers…) are read and sent with the types
//! of [extensions](crate::openstack::networking::v2::extensions), joined to the router
//! with [`With`](crate::request::With). Neutron creates routers one at a time (it
//! answers 400 "Bulk operation not supported" to a list), so there is no bulk creation.
//!
//! Real Neutron (28) differs from its API reference here: the extra-route actions answer
//! with the whole router; the interface actions answer without tags (and without
//! `tenant_id`); and while a router has an external gateway, Neutron bumps its revision
//! while handling any update, before it checks `If-Match`, so that
//! [`update_if_revision`](crate::openstack::networking::v2::routers::update_if_revision) always gets 412 for such a router (it works on routers without
//! a gateway).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, ext_net: &str, subnet: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::extensions::l3_ha::Ha;
//! use ferrocloud::openstack::networking::v2::routers::{self, CreateOpts, GatewayOpts, InterfaceOpts, Route, Router};
//! use ferrocloud::request::With;
//!
//! let opts = CreateOpts::new("edge").external_gateway_info(GatewayOpts::new(ext_net).enable_snat(true));
//! let router = routers::create(&network, &opts).await.extract()?;
//! let gw = router.external_gateway_info.as_ref().expect("a gateway");
//! println!("gateway address {}", gw.external_fixed_ips[0].ip_address);
//!
//! // Plug a subnet in, and route a prefix through a host on it.
//! let iface = routers::add_interface(&network, &router.id, &InterfaceOpts::subnet(subnet)).await.extract()?;
//! routers::add_extra_routes(&network, &router.id, &[Route::new("10.9.0.0/24", "10.0.0.5")]).await.ok()?;
//!
//! // Read an extension attribute next to the router.
//! let shown = routers::get(&network, &router.id).await.extract_into::<With<Router, Ha>>()?;
//! println!("{} ha: {:?}", shown.name, shown.ext.ha);
//!
//! routers::remove_interface(&network, &router.id, &InterfaceOpts::port(&iface.port_id)).await.ok()?;
//! routers::delete(&network, &router.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use super::extensions::availability_zones::AvailabilityZones;
use super::extensions::dvr::Distributed;
use super::extensions::l3_conntrack_helper::ConntrackHelpers;
use super::extensions::l3_flavors::FlavorId;
use super::extensions::l3_ha::Ha;
use super::extensions::l3_multihoming::ExternalGateways;
use super::extensions::l3_ndp_proxy::EnableNdpProxy;
use super::extensions::router_service_type::ServiceTypeId;
use crate::dates::Timestamp;
use crate::request::{ApiResult, Extensible, Validate};
use crate::wait::WaitOpts;
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "network";
    /// List routers.
    LIST = GET "/routers" list("routers", Router)
        extensions(Distributed, Ha, FlavorId, AvailabilityZones, EnableNdpProxy, ConntrackHelpers,
                   ExternalGateways, ServiceTypeId);
    /// Show a router.
    GET = GET "/routers/{router_id}" response("router", Router)
        extensions(Distributed, Ha, FlavorId, AvailabilityZones, EnableNdpProxy, ConntrackHelpers,
                   ExternalGateways, ServiceTypeId);
    /// Create a router.
    CREATE = POST "/routers"
        request("router", CreateOpts; Distributed, Ha, FlavorId, AvailabilityZones, EnableNdpProxy,
                ExternalGateways, ServiceTypeId)
        response("router", Router)
        extensions(Distributed, Ha, FlavorId, AvailabilityZones, EnableNdpProxy, ConntrackHelpers,
                   ExternalGateways, ServiceTypeId);
    /// Update a router.
    UPDATE = PUT "/routers/{router_id}"
        request("router", UpdateOpts; Distributed, Ha, EnableNdpProxy, ExternalGateways)
        response("router", Router)
        extensions(Distributed, Ha, FlavorId, AvailabilityZones, EnableNdpProxy, ConntrackHelpers,
                   ExternalGateways, ServiceTypeId);
    /// Delete a router.
    DELETE = DELETE "/routers/{router_id}";
    /// Add an interface to a router (a subnet or a port).
    ADD_INTERFACE = PUT "/routers/{router_id}/add_router_interface"
        request(InterfaceOpts) response(InterfaceInfo);
    /// Remove an interface from a router.
    REMOVE_INTERFACE = PUT "/routers/{router_id}/remove_router_interface"
        request(InterfaceOpts) response(InterfaceInfo);
    /// Add extra routes to a router.
    ADD_EXTRA_ROUTES = PUT "/routers/{router_id}/add_extraroutes"
        request("router", RoutesOpts) response("router", RouterRoutes);
    /// Remove extra routes from a router.
    REMOVE_EXTRA_ROUTES = PUT "/routers/{router_id}/remove_extraroutes"
        request("router", RoutesOpts) response("router", RouterRoutes);
    /// Add external gateways to a router.
    ADD_EXTERNAL_GATEWAYS = PUT "/routers/{router_id}/add_external_gateways"
        request("router", GatewaysOpts) response("router", Router)
        extensions(Distributed, Ha, FlavorId, AvailabilityZones, EnableNdpProxy, ConntrackHelpers,
                   ExternalGateways, ServiceTypeId);
    /// Update external gateways of a router.
    UPDATE_EXTERNAL_GATEWAYS = PUT "/routers/{router_id}/update_external_gateways"
        request("router", GatewaysOpts) response("router", Router)
        extensions(Distributed, Ha, FlavorId, AvailabilityZones, EnableNdpProxy, ConntrackHelpers,
                   ExternalGateways, ServiceTypeId);
    /// Remove external gateways from a router.
    REMOVE_EXTERNAL_GATEWAYS = PUT "/routers/{router_id}/remove_external_gateways"
        request("router", GatewaysOpts) response("router", Router)
        extensions(Distributed, Ha, FlavorId, AvailabilityZones, EnableNdpProxy, ConntrackHelpers,
                   ExternalGateways, ServiceTypeId);
}

/// An address of a router's gateway on an external network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExternalFixedIp {
    /// The external subnet.
    pub subnet_id: String,
    /// The address.
    pub ip_address: String,
}

/// A router's gateway on an external network, as Neutron shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GatewayInfo {
    /// The external network.
    pub network_id: String,
    /// Source NAT of the router's internal traffic through this gateway
    /// (`ext-gw-mode`; absent where the extension is not loaded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_snat: Option<bool>,
    /// The gateway's addresses.
    pub external_fixed_ips: Vec<ExternalFixedIp>,
}

/// A static route of a router (`extraroute`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Route {
    /// The destination CIDR.
    pub destination: String,
    /// The next hop, an address on one of the router's subnets.
    pub nexthop: String,
}

impl Route {
    /// A route to `destination` through `nexthop`.
    pub fn new(destination: impl Into<String>, nexthop: impl Into<String>) -> Self {
        Route {
            destination: destination.into(),
            nexthop: nexthop.into(),
        }
    }
}

/// A router, with the attributes every Neutron with the `router` extension sends
/// (extension attributes are read with
/// [extensions](crate::openstack::networking::v2::extensions)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Router {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// The administrative state: false takes the router down.
    pub admin_state_up: bool,
    /// `ACTIVE`, `ALLOCATING` (being scheduled), `DOWN` or `ERROR`; see
    /// [`wait_for_status`].
    pub status: String,
    /// The gateway on an external network (`None`: no gateway).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub external_gateway_info: Option<GatewayInfo>,
    /// The extra routes (`extraroute`; empty where the extension is not loaded).
    #[serde(default)]
    pub routes: Vec<Route>,
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

impl crate::find::Named for Router {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// An address of the gateway asked for: on a subnet, a given address, or both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FixedIpOpts {
    /// The external subnet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subnet_id: Option<String>,
    /// The address (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
}

impl FixedIpOpts {
    /// Any address on `subnet_id`.
    pub fn subnet(subnet_id: impl Into<String>) -> Self {
        FixedIpOpts {
            subnet_id: Some(subnet_id.into()),
            ip_address: None,
        }
    }
    /// This address (admin).
    pub fn address(ip_address: impl Into<String>) -> Self {
        FixedIpOpts {
            subnet_id: None,
            ip_address: Some(ip_address.into()),
        }
    }
    /// This address on `subnet_id` (admin).
    pub fn on_subnet(subnet_id: impl Into<String>, ip_address: impl Into<String>) -> Self {
        FixedIpOpts {
            subnet_id: Some(subnet_id.into()),
            ip_address: Some(ip_address.into()),
        }
    }
}

/// A gateway asked for: on an external network, optionally with SNAT set and given
/// addresses. Also names the gateway to change or remove in
/// [`update_external_gateways`] and [`remove_external_gateways`].
///
/// ```
/// use ferrocloud::openstack::networking::v2::routers::{FixedIpOpts, GatewayOpts};
/// let gw = GatewayOpts::new("ext").enable_snat(false).external_fixed_ips([FixedIpOpts::subnet("s1")]);
/// assert_eq!(serde_json::to_value(&gw).unwrap(), serde_json::json!({
///     "network_id": "ext", "enable_snat": false, "external_fixed_ips": [{"subnet_id": "s1"}]}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GatewayOpts {
    /// The external network.
    pub network_id: String,
    /// Source NAT through this gateway (Neutron's default: on; admin to turn off).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_snat: Option<bool>,
    /// The addresses (Neutron's choice when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external_fixed_ips: Vec<FixedIpOpts>,
}

impl GatewayOpts {
    /// A gateway on `network_id`.
    pub fn new(network_id: impl Into<String>) -> Self {
        GatewayOpts {
            network_id: network_id.into(),
            ..Default::default()
        }
    }
    /// Turns source NAT on or off.
    pub fn enable_snat(mut self, enable: bool) -> Self {
        self.enable_snat = Some(enable);
        self
    }
    /// Asks for these addresses.
    pub fn external_fixed_ips<I: IntoIterator<Item = FixedIpOpts>>(mut self, ips: I) -> Self {
        self.external_fixed_ips = ips.into_iter().collect();
        self
    }
}

impl Validate for GatewayOpts {
    fn validate(&self) -> Result<()> {
        if self.network_id.is_empty() {
            return Err(Error::invalid_input("a gateway's network_id must not be empty"));
        }
        if self
            .external_fixed_ips
            .iter()
            .any(|ip| ip.subnet_id.is_none() && ip.ip_address.is_none())
        {
            return Err(Error::invalid_input(
                "each external fixed IP needs a subnet_id, an ip_address or both",
            ));
        }
        Ok(())
    }
}

/// Options for creating a router; join extension attributes with
/// [`With`](crate::request::With).
///
/// ```
/// use ferrocloud::openstack::networking::v2::routers::{CreateOpts, GatewayOpts};
/// let opts = CreateOpts::new("r1").admin_state_up(true).external_gateway_info(GatewayOpts::new("ext"));
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "name": "r1", "admin_state_up": true, "external_gateway_info": {"network_id": "ext"}}));
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
    /// A gateway on an external network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_gateway_info: Option<GatewayOpts>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The same, under the older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl CreateOpts {
    /// A router named `name`.
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
    /// Sets the external gateway.
    pub fn external_gateway_info(mut self, gateway: GatewayOpts) -> Self {
        self.external_gateway_info = Some(gateway);
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
            return Err(Error::invalid_input("set project_id or tenant_id, not both"));
        }
        self.external_gateway_info
            .as_ref()
            .map_or(Ok(()), Validate::validate)
    }
}

/// Changes to a router; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::routers::{Route, UpdateOpts};
/// let opts = UpdateOpts::default().name("renamed").clear_external_gateway().routes([]);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "name": "renamed", "external_gateway_info": null, "routes": []}));
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
    /// A new gateway: `Some(Some(gateway))`, `Some(None)` to remove the gateway, `None`
    /// to leave it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::double_option"
    )]
    pub external_gateway_info: Option<Option<GatewayOpts>>,
    /// Replaces every extra route (an empty list removes them all); to add or remove
    /// some without a race, see [`add_extra_routes`] and [`remove_extra_routes`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routes: Option<Vec<Route>>,
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
    /// Sets the external gateway.
    pub fn external_gateway_info(mut self, gateway: GatewayOpts) -> Self {
        self.external_gateway_info = Some(Some(gateway));
        self
    }
    /// Removes the external gateway.
    pub fn clear_external_gateway(mut self) -> Self {
        self.external_gateway_info = Some(None);
        self
    }
    /// Replaces the extra routes.
    pub fn routes<I: IntoIterator<Item = Route>>(mut self, routes: I) -> Self {
        self.routes = Some(routes.into_iter().collect());
        self
    }
}

impl Extensible for UpdateOpts {
    type Base = UpdateOpts;
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        match &self.external_gateway_info {
            Some(Some(gateway)) => gateway.validate(),
            _ => Ok(()),
        }
    }
}

/// Filters for listing routers; sorting, paging, tags and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::routers::ListOpts;
/// let opts = ListOpts { name: Some("edge".into()), admin_state_up: Some(true), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "name=edge&admin_state_up=true");
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
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// By revision number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_number: Option<u64>,
    /// Distributed routers only, or centralised only (`dvr`, admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distributed: Option<bool>,
    /// Highly available routers only, or not (`l3-ha`, admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ha: Option<bool>,
    /// Sorting, paging, fields, tags and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::common::resource_functions! {
    Router, "router", "routers", extract_routers, without_bulk
}

// ------------------------------------------------------------------ interfaces

/// The interface to add or remove: a subnet (Neutron makes a port with the subnet's
/// gateway address) or an existing port.
///
/// ```
/// use ferrocloud::openstack::networking::v2::routers::InterfaceOpts;
/// assert_eq!(serde_json::to_value(InterfaceOpts::subnet("s1")).unwrap(),
///            serde_json::json!({"subnet_id": "s1"}));
/// use ferrocloud::request::Validate;
/// assert!(InterfaceOpts::default().validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InterfaceOpts {
    /// The subnet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subnet_id: Option<String>,
    /// The port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_id: Option<String>,
}

impl InterfaceOpts {
    /// The interface on `subnet_id`.
    pub fn subnet(subnet_id: impl Into<String>) -> Self {
        InterfaceOpts {
            subnet_id: Some(subnet_id.into()),
            port_id: None,
        }
    }
    /// The interface through `port_id`.
    pub fn port(port_id: impl Into<String>) -> Self {
        InterfaceOpts {
            subnet_id: None,
            port_id: Some(port_id.into()),
        }
    }
}

impl Validate for InterfaceOpts {
    fn validate(&self) -> Result<()> {
        crate::request::exactly_one_of(&[
            ("subnet_id", self.subnet_id.is_some()),
            ("port_id", self.port_id.is_some()),
        ])
    }
}

/// A router interface that was added or removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InterfaceInfo {
    /// The router.
    pub id: String,
    /// The interface's port.
    pub port_id: String,
    /// The port's network.
    pub network_id: String,
    /// The (first) subnet of the port.
    pub subnet_id: String,
    /// Every subnet of the port.
    pub subnet_ids: Vec<String>,
    /// The router's project.
    pub project_id: String,
    /// The router's project, under its older name (Neutron 2024 and later leave it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

/// Adds an interface to a router: on a subnet (by its gateway address) or through a
/// port that has an address and no device.
pub async fn add_interface(
    client: &ServiceClient,
    router_id: &str,
    opts: &InterfaceOpts,
) -> ApiResult<InterfaceInfo> {
    client
        .request(&ADD_INTERFACE, &[router_id])
        .body(opts)
        .send()
        .await
}

/// Removes an interface from a router, named by its subnet or its port. A port that
/// Neutron created for a subnet interface is deleted with it.
pub async fn remove_interface(
    client: &ServiceClient,
    router_id: &str,
    opts: &InterfaceOpts,
) -> ApiResult<InterfaceInfo> {
    client
        .request(&REMOVE_INTERFACE, &[router_id])
        .body(opts)
        .send()
        .await
}

// ------------------------------------------------------------------ extra routes

/// Routes to add or remove (`extraroute-atomic`).
///
/// ```
/// use ferrocloud::openstack::networking::v2::routers::{Route, RoutesOpts};
/// use ferrocloud::request::Validate;
/// let opts = RoutesOpts::new([Route::new("10.1.0.0/24", "10.0.0.3")]);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "routes": [{"destination": "10.1.0.0/24", "nexthop": "10.0.0.3"}]}));
/// assert!(RoutesOpts::new([]).validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RoutesOpts {
    /// The routes.
    pub routes: Vec<Route>,
}

impl RoutesOpts {
    /// These routes.
    pub fn new<I: IntoIterator<Item = Route>>(routes: I) -> Self {
        RoutesOpts {
            routes: routes.into_iter().collect(),
        }
    }
}

impl Validate for RoutesOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("at least one route", !self.routes.is_empty())
    }
}

/// A router's routes after they were added or removed. The API reference documents this
/// answer as the router's ID, name and routes; Neutron sends the whole router (read it
/// with `extract_into::<Router>()`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RouterRoutes {
    /// The router.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Every extra route it now has.
    pub routes: Vec<Route>,
}

/// Adds extra routes to a router in one step, keeping the others (routes it already
/// has are left as they are).
pub async fn add_extra_routes(
    client: &ServiceClient,
    router_id: &str,
    routes: &[Route],
) -> ApiResult<RouterRoutes> {
    put_on(client, &ADD_EXTRA_ROUTES, router_id, &RoutesOpts::new(routes.iter().cloned())).await
}

/// Removes extra routes from a router in one step, keeping the others (routes it does
/// not have are ignored).
pub async fn remove_extra_routes(
    client: &ServiceClient,
    router_id: &str,
    routes: &[Route],
) -> ApiResult<RouterRoutes> {
    put_on(client, &REMOVE_EXTRA_ROUTES, router_id, &RoutesOpts::new(routes.iter().cloned())).await
}

// ------------------------------------------------------------------ external gateways

/// External gateways to add, change or remove (`external-gateway-multihoming`).
///
/// ```
/// use ferrocloud::openstack::networking::v2::routers::{GatewayOpts, GatewaysOpts};
/// let opts = GatewaysOpts::new([GatewayOpts::new("ext2")]);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "external_gateways": [{"network_id": "ext2"}]}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GatewaysOpts {
    /// The gateways.
    pub external_gateways: Vec<GatewayOpts>,
}

impl GatewaysOpts {
    /// These gateways.
    pub fn new<I: IntoIterator<Item = GatewayOpts>>(gateways: I) -> Self {
        GatewaysOpts {
            external_gateways: gateways.into_iter().collect(),
        }
    }
}

impl Validate for GatewaysOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("at least one external gateway", !self.external_gateways.is_empty())?;
        self.external_gateways.iter().try_for_each(Validate::validate)
    }
}

/// Adds external gateways to a router (the first one also becomes its
/// `external_gateway_info` if it had none). Read them with
/// `extract_into::<With<Router, ExternalGateways>>()`
/// ([`ExternalGateways`]).
pub async fn add_external_gateways(
    client: &ServiceClient,
    router_id: &str,
    gateways: &[GatewayOpts],
) -> ApiResult<Router> {
    put_on(client, &ADD_EXTERNAL_GATEWAYS, router_id, &GatewaysOpts::new(gateways.iter().cloned())).await
}

/// Changes external gateways of a router (SNAT, addresses), each named by its network
/// (and addresses, when it has several gateways on one network).
pub async fn update_external_gateways(
    client: &ServiceClient,
    router_id: &str,
    gateways: &[GatewayOpts],
) -> ApiResult<Router> {
    put_on(client, &UPDATE_EXTERNAL_GATEWAYS, router_id, &GatewaysOpts::new(gateways.iter().cloned())).await
}

/// Removes external gateways from a router, each named by its network (and
/// addresses).
pub async fn remove_external_gateways(
    client: &ServiceClient,
    router_id: &str,
    gateways: &[GatewayOpts],
) -> ApiResult<Router> {
    put_on(client, &REMOVE_EXTERNAL_GATEWAYS, router_id, &GatewaysOpts::new(gateways.iter().cloned())).await
}

// ------------------------------------------------------------------ waiters

/// Sends `body` to one of the router's `PUT …/{router_id}/<action>` operations.
async fn put_on<O, B>(client: &ServiceClient, op: &'static O, router_id: &str, body: &B) -> ApiResult<O::Response>
where
    O: crate::operation::Declared,
    B: Serialize + Validate,
{
    client.request(op, &[router_id]).body(body).send().await
}

/// Waits until the router has `status` (`ACTIVE`: a router being scheduled, such as an
/// HA router, is `ALLOCATING` first). A router in `ERROR` ends the wait (unless `ERROR`
/// is what was asked for).
pub async fn wait_for_status(
    client: &ServiceClient,
    id: &str,
    status: &str,
    opts: &WaitOpts,
) -> Result<Router> {
    wait_for_status_of(
        &format!("router {id}"),
        status,
        opts,
        || async { get(client, id).await.extract() },
        |r: &Router| r.status.as_str(),
    )
    .await
}

/// Polls `poll` until the resource's status (`status_of`) is `status`; `ERROR` ends
/// the wait unless it is the status asked for. Shared by the routers' and floating
/// IPs' waiters.
pub(crate) async fn wait_for_status_of<T, P, Fut>(
    what: &str,
    status: &str,
    opts: &WaitOpts,
    poll: P,
    status_of: fn(&T) -> &str,
) -> Result<T>
where
    P: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T>>,
{
    use crate::wait::State;
    crate::wait::wait_for(
        &format!("{what} to be {status}"),
        opts,
        poll,
        |t: &T| {
            let current = status_of(t);
            if current.eq_ignore_ascii_case(status) {
                State::Ready
            } else if current.eq_ignore_ascii_case("ERROR") {
                State::Failed(format!("{what} is in ERROR"))
            } else {
                State::Pending
            }
        },
        |_| {},
    )
    .await
}

/// Waits until the router is gone (404).
pub async fn wait_for_delete(client: &ServiceClient, id: &str, opts: &WaitOpts) -> Result<()> {
    crate::wait::wait_for_deletion(&format!("router {id}"), opts, || async {
        get(client, id).await.extract()
    })
    .await
}
