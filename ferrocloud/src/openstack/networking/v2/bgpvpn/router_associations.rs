//! Router associations: the routers joined to a BGP VPN (list, show, create, update,
//! delete). With `bgpvpn-routes-control`, an association also says whether the
//! router's extra routes are advertised.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::bgpvpn::router_associations::{self, CreateOpts, UpdateOpts};
//!
//! let assoc = router_associations::create(&network, "{bgpvpn_id}", &CreateOpts::new("{router_id}"))
//!     .await.extract()?;
//! router_associations::update(&network, "{bgpvpn_id}", &assoc.id,
//!     &UpdateOpts::default().advertise_extra_routes(false)).await.extract()?;
//! router_associations::delete(&network, "{bgpvpn_id}", &assoc.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::openstack::networking::v2::common::ListControls;
use crate::request::Validate;
use crate::Result;

crate::operations! {
    service: "network";
    /// List a BGP VPN's router associations.
    LIST = GET "/bgpvpn/bgpvpns/{bgpvpn_id}/router_associations"
        list("router_associations", RouterAssociation);
    /// Show a router association.
    GET = GET "/bgpvpn/bgpvpns/{bgpvpn_id}/router_associations/{router_association_id}"
        response("router_association", RouterAssociation);
    /// Associate a router with a BGP VPN.
    CREATE = POST "/bgpvpn/bgpvpns/{bgpvpn_id}/router_associations"
        request("router_association", CreateOpts)
        response("router_association", RouterAssociation);
    /// Update a router association (`bgpvpn-routes-control`).
    UPDATE = PUT "/bgpvpn/bgpvpns/{bgpvpn_id}/router_associations/{router_association_id}"
        request("router_association", UpdateOpts)
        response("router_association", RouterAssociation);
    /// Delete a router association.
    DELETE = DELETE "/bgpvpn/bgpvpns/{bgpvpn_id}/router_associations/{router_association_id}";
}

/// A router joined to a BGP VPN.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RouterAssociation {
    /// The association's ID.
    pub id: String,
    /// The router's ID.
    pub router_id: String,
    /// Whether the router's extra routes are advertised (`bgpvpn-routes-control`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advertise_extra_routes: Option<bool>,
    /// The owning project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The owning project, under its older name (the plugin's own name for it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

/// A new router association.
///
/// ```
/// use ferrocloud::openstack::networking::v2::bgpvpn::router_associations::CreateOpts;
/// let opts = CreateOpts::new("router-1").advertise_extra_routes(false);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"router_id": "router-1", "advertise_extra_routes": false}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The router to join.
    pub router_id: String,
    /// Advertise the router's extra routes (default true; `bgpvpn-routes-control`).
    /// networking-bgpvpn's DB-based drivers ignore it on create (the association starts
    /// advertising); [`update`] sets it (seen with networking-bgpvpn 24).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advertise_extra_routes: Option<bool>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

impl CreateOpts {
    /// Joins the router `router_id`.
    pub fn new(router_id: impl Into<String>) -> Self {
        CreateOpts {
            router_id: router_id.into(),
            ..Default::default()
        }
    }
    /// Advertises the router's extra routes, or not.
    pub fn advertise_extra_routes(mut self, yes: bool) -> Self {
        self.advertise_extra_routes = Some(yes);
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("router_id", !self.router_id.is_empty())
    }
}

/// Changes to a router association. The API reference's sample repeats `router_id`,
/// which Neutron does not allow to change; it is sent only when set.
///
/// ```
/// use ferrocloud::openstack::networking::v2::bgpvpn::router_associations::UpdateOpts;
/// let opts = UpdateOpts::default().advertise_extra_routes(false);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"advertise_extra_routes": false}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// The router (unchanged; Neutron refuses another one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub router_id: Option<String>,
    /// Advertise the router's extra routes, or stop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advertise_extra_routes: Option<bool>,
}

impl UpdateOpts {
    /// Advertises the router's extra routes, or stops.
    pub fn advertise_extra_routes(mut self, yes: bool) -> Self {
        self.advertise_extra_routes = Some(yes);
        self
    }
}

impl Validate for UpdateOpts {}

/// Filters for listing router associations; sorting, paging and other filters are in
/// `controls`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By router.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub router_id: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

crate::openstack::networking::v2::common::child_resource_functions! {
    RouterAssociation, "router association", "router_associations", "BGP VPN", extract_router_associations, ListOpts;
    list get create update delete
}

super::owner_project!(RouterAssociation);
