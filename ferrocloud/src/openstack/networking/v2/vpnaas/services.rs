//! VPN services (VPNaaS): list, show, create, update, delete, find. A VPN service is a
//! router's VPN endpoint; the router needs an external gateway. neutron-vpnaas refuses
//! to update a service whose status is `PENDING_*` (400): without a VPN agent a new
//! service stays `PENDING_CREATE`.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::vpnaas::services::{self, CreateOpts};
//!
//! let service = services::create(&network, &CreateOpts::new("{router_id}").name("vpn"))
//!     .await.extract()?;
//! println!("public address: {:?}", service.external_v4_ip);
//! services::delete(&network, &service.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::openstack::networking::v2::common::ListControls;
use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List VPN services.
    LIST = GET "/vpn/vpnservices" list("vpnservices", VpnService);
    /// Show a VPN service.
    GET = GET "/vpn/vpnservices/{service_id}" response("vpnservice", VpnService);
    /// Create a VPN service.
    CREATE = POST "/vpn/vpnservices" request("vpnservice", CreateOpts) response("vpnservice", VpnService);
    /// Update a VPN service.
    UPDATE = PUT "/vpn/vpnservices/{service_id}" request("vpnservice", UpdateOpts)
        response("vpnservice", VpnService);
    /// Delete a VPN service.
    DELETE = DELETE "/vpn/vpnservices/{service_id}";
}

/// A VPN service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VpnService {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// The router it runs on.
    pub router_id: String,
    /// The local subnet, for connections with `peer_cidrs`; `None` for services whose
    /// connections use endpoint groups.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub subnet_id: Option<String>,
    /// The VPN flavor (`vpn-flavors`), if any.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub flavor_id: Option<String>,
    /// The administrative state.
    pub admin_state_up: bool,
    /// `ACTIVE`, `DOWN`, `ERROR` or `PENDING_*`.
    pub status: String,
    /// The router's external IPv4 address, the tunnels' local end. Neutron sends it
    /// (`null` without one); the API reference's update sample leaves it out.
    #[serde(default)]
    pub external_v4_ip: Option<String>,
    /// The router's external IPv6 address (as `external_v4_ip`).
    #[serde(default)]
    pub external_v6_ip: Option<String>,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

crate::openstack::networking::v2::plugin_crud::named!(VpnService);

/// Options for creating a VPN service.
///
/// ```
/// use ferrocloud::openstack::networking::v2::vpnaas::services::CreateOpts;
/// let opts = CreateOpts::new("r1").name("vpn").admin_state_up(true);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"router_id": "r1", "name": "vpn", "admin_state_up": true}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The router (required; it needs an external gateway).
    pub router_id: String,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The local subnet (for connections with `peer_cidrs`, an older style than endpoint
    /// groups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subnet_id: Option<String>,
    /// The VPN flavor (`vpn-flavors`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flavor_id: Option<String>,
    /// The administrative state (up by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The same, under the older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl CreateOpts {
    /// A service on `router_id`.
    pub fn new(router_id: impl Into<String>) -> Self {
        CreateOpts {
            router_id: router_id.into(),
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
    /// Sets the local subnet.
    pub fn subnet_id(mut self, subnet_id: impl Into<String>) -> Self {
        self.subnet_id = Some(subnet_id.into());
        self
    }
    /// Sets the VPN flavor.
    pub fn flavor_id(mut self, flavor_id: impl Into<String>) -> Self {
        self.flavor_id = Some(flavor_id.into());
        self
    }
    /// Sets the administrative state.
    pub fn admin_state_up(mut self, up: bool) -> Self {
        self.admin_state_up = Some(up);
        self
    }
    /// Creates it for another project.
    pub fn project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("router_id", !self.router_id.is_empty())?;
        if self.project_id.is_some() && self.tenant_id.is_some() {
            return Err(Error::invalid_input("set project_id or tenant_id, not both"));
        }
        Ok(())
    }
}

/// Changes to a VPN service; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::vpnaas::services::UpdateOpts;
/// let opts = UpdateOpts::default().description("Updated description");
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"description": "Updated description"}));
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
}

impl Validate for UpdateOpts {}

/// Filters for listing VPN services; sorting, paging and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::vpnaas::services::ListOpts;
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
    /// By router.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub router_id: Option<String>,
    /// By subnet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subnet_id: Option<String>,
    /// By status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// By administrative state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

crate::openstack::networking::v2::plugin_crud::plugin_functions! {
    VpnService, "VPN service", "VPN services", "vpnservices", extract_services
}
