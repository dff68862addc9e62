//! NDP proxies (`l3-ndp-proxy`): a router answers IPv6 neighbour solicitations on its
//! external gateway for an internal port's address, so that the address is reachable
//! from outside without NAT. The router needs `enable_ndp_proxy`
//! ([`EnableNdpProxy`](crate::openstack::networking::v2::extensions::l3_ndp_proxy::EnableNdpProxy)),
//! an IPv6 external gateway, and the internal subnet in the same address scope as the
//! external one.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, router: &str, port: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::ndp_proxies::{self, CreateOpts, UpdateOpts};
//! let proxy = ndp_proxies::create(&network, &CreateOpts::new(router, port).name("web")).await.extract()?;
//! println!("{} answers for {}", proxy.router_id, proxy.ip_address);
//! ndp_proxies::update(&network, &proxy.id, &UpdateOpts::default().description("v6 web")).await.ok()?;
//! ndp_proxies::delete(&network, &proxy.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::dates::Timestamp;
use crate::request::{Extensible, Validate};
use crate::Result;

crate::operations! {
    service: "network";
    /// List NDP proxies.
    LIST = GET "/ndp_proxies" list("ndp_proxies", NdpProxy);
    /// Show an NDP proxy.
    GET = GET "/ndp_proxies/{ndp_proxy_id}" response("ndp_proxy", NdpProxy);
    /// Create an NDP proxy.
    CREATE = POST "/ndp_proxies" request("ndp_proxy", CreateOpts) response("ndp_proxy", NdpProxy);
    /// Update an NDP proxy.
    UPDATE = PUT "/ndp_proxies/{ndp_proxy_id}" request("ndp_proxy", UpdateOpts) response("ndp_proxy", NdpProxy);
    /// Delete an NDP proxy.
    DELETE = DELETE "/ndp_proxies/{ndp_proxy_id}";
}

/// An NDP proxy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NdpProxy {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// The router that answers for the address.
    pub router_id: String,
    /// The internal port.
    pub port_id: String,
    /// The port's IPv6 address the router answers for.
    pub ip_address: String,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated_at: Timestamp,
    /// Incremented on every change; see [`update_if_revision`].
    pub revision_number: u64,
}

impl crate::find::Named for NdpProxy {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// Options for creating an NDP proxy.
///
/// ```
/// use ferrocloud::openstack::networking::v2::ndp_proxies::CreateOpts;
/// let opts = CreateOpts::new("r1", "p1").ip_address("2001:db8::5");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "router_id": "r1", "port_id": "p1", "ip_address": "2001:db8::5"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The router.
    pub router_id: String,
    /// The internal port.
    pub port_id: String,
    /// The port's IPv6 address (Neutron picks it when the port has one only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

impl CreateOpts {
    /// A proxy on `router_id` for the port `port_id`.
    pub fn new(router_id: impl Into<String>, port_id: impl Into<String>) -> Self {
        CreateOpts {
            router_id: router_id.into(),
            port_id: port_id.into(),
            ..Default::default()
        }
    }
    /// Sets the address.
    pub fn ip_address(mut self, ip_address: impl Into<String>) -> Self {
        self.ip_address = Some(ip_address.into());
        self
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
}

impl Extensible for CreateOpts {
    type Base = CreateOpts;
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("router_id", !self.router_id.is_empty())?;
        crate::request::require("port_id", !self.port_id.is_empty())
    }
}

/// Changes to an NDP proxy; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::ndp_proxies::UpdateOpts;
/// assert_eq!(serde_json::to_value(UpdateOpts::default().name("n")).unwrap(),
///            serde_json::json!({"name": "n"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
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
}

impl Extensible for UpdateOpts {
    type Base = UpdateOpts;
}

impl Validate for UpdateOpts {}

/// Filters for listing NDP proxies; sorting, paging and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::ndp_proxies::ListOpts;
/// let opts = ListOpts { router_id: Some("r1".into()), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "router_id=r1");
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
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// By router.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub router_id: Option<String>,
    /// By port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port_id: Option<String>,
    /// By address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    /// By revision number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_number: Option<u64>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::common::resource_functions! {
    NdpProxy, "NDP proxy", "ndp_proxies", extract_ndp_proxies, without_bulk
}
