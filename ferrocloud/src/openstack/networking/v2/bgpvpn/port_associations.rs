//! Port associations: the ports joined to a BGP VPN (`bgpvpn-routes-control`; list,
//! show, create, update, delete). An association advertises the port's fixed IPs
//! (unless told not to) and extra routes through the port: prefixes, or the routes of
//! another BGP VPN ("leaking"), each with an optional local preference.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::bgpvpn::port_associations::{self, CreateOpts, Route, UpdateOpts};
//!
//! let opts = CreateOpts::new("{port_id}").routes([Route::prefix("20.1.0.0/16").local_pref(100)]);
//! let assoc = port_associations::create(&network, "{bgpvpn_id}", &opts).await.extract()?;
//! let update = UpdateOpts::default().routes([Route::bgpvpn("{other_bgpvpn_id}")]).advertise_fixed_ips(false);
//! port_associations::update(&network, "{bgpvpn_id}", &assoc.id, &update).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::openstack::networking::v2::common::ListControls;
use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List a BGP VPN's port associations.
    LIST = GET "/bgpvpn/bgpvpns/{bgpvpn_id}/port_associations"
        list("port_associations", PortAssociation);
    /// Show a port association.
    GET = GET "/bgpvpn/bgpvpns/{bgpvpn_id}/port_associations/{port_association_id}"
        response("port_association", PortAssociation);
    /// Associate a port with a BGP VPN.
    CREATE = POST "/bgpvpn/bgpvpns/{bgpvpn_id}/port_associations"
        request("port_association", CreateOpts)
        response("port_association", PortAssociation);
    /// Update a port association.
    UPDATE = PUT "/bgpvpn/bgpvpns/{bgpvpn_id}/port_associations/{port_association_id}"
        request("port_association", UpdateOpts)
        response("port_association", PortAssociation);
    /// Delete a port association.
    DELETE = DELETE "/bgpvpn/bgpvpns/{bgpvpn_id}/port_associations/{port_association_id}";
}

/// A route advertised through an associated port, by its `type`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::bgpvpn::port_associations::Route;
/// assert_eq!(serde_json::to_value(Route::prefix("20.1.0.0/16")).unwrap(),
///     serde_json::json!({"type": "prefix", "prefix": "20.1.0.0/16"}));
/// assert_eq!(serde_json::to_value(Route::bgpvpn("vpn-2").local_pref(111)).unwrap(),
///     serde_json::json!({"type": "bgpvpn", "bgpvpn_id": "vpn-2", "local_pref": 111}));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
#[non_exhaustive]
pub enum Route {
    /// A prefix, with the port as next hop.
    Prefix {
        /// The prefix (`20.1.0.0/16`).
        prefix: String,
        /// Its BGP local preference (`None`: the BGP VPN's).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        local_pref: Option<u32>,
    },
    /// Every route of another BGP VPN, with the port as next hop.
    Bgpvpn {
        /// The other BGP VPN's ID.
        bgpvpn_id: String,
        /// Their BGP local preference (`None`: the BGP VPN's).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        local_pref: Option<u32>,
    },
}

impl Route {
    /// A prefix route.
    pub fn prefix(prefix: impl Into<String>) -> Self {
        Route::Prefix {
            prefix: prefix.into(),
            local_pref: None,
        }
    }
    /// The routes of the BGP VPN `bgpvpn_id`.
    pub fn bgpvpn(bgpvpn_id: impl Into<String>) -> Self {
        Route::Bgpvpn {
            bgpvpn_id: bgpvpn_id.into(),
            local_pref: None,
        }
    }
    /// Sets the local preference.
    pub fn local_pref(self, value: u32) -> Self {
        match self {
            Route::Prefix { prefix, .. } => Route::Prefix {
                prefix,
                local_pref: Some(value),
            },
            Route::Bgpvpn { bgpvpn_id, .. } => Route::Bgpvpn {
                bgpvpn_id,
                local_pref: Some(value),
            },
        }
    }
}

fn check_routes(routes: &Option<Vec<Route>>) -> Result<()> {
    for r in routes.iter().flatten() {
        let empty = match r {
            Route::Prefix { prefix, .. } => prefix.is_empty().then_some("prefix"),
            Route::Bgpvpn { bgpvpn_id, .. } => bgpvpn_id.is_empty().then_some("bgpvpn_id"),
        };
        if let Some(field) = empty {
            return Err(Error::invalid_input(format!("routes: {field} is required")));
        }
    }
    Ok(())
}

/// A port joined to a BGP VPN.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PortAssociation {
    /// The association's ID.
    pub id: String,
    /// The port's ID.
    pub port_id: String,
    /// The extra routes advertised through the port.
    pub routes: Vec<Route>,
    /// Whether the port's fixed IPs are advertised.
    pub advertise_fixed_ips: bool,
    /// The owning project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The owning project, under its older name (the plugin's own name for it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

fn routes<I: IntoIterator<Item = Route>>(items: I) -> Option<Vec<Route>> {
    Some(items.into_iter().collect())
}

/// A new port association.
///
/// ```
/// use ferrocloud::openstack::networking::v2::bgpvpn::port_associations::{CreateOpts, Route};
/// let opts = CreateOpts::new("port-1").routes([Route::prefix("20.1.0.0/16")]);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"port_id": "port-1",
///     "routes": [{"type": "prefix", "prefix": "20.1.0.0/16"}]}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The port to join.
    pub port_id: String,
    /// Extra routes to advertise through it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routes: Option<Vec<Route>>,
    /// Advertise its fixed IPs (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advertise_fixed_ips: Option<bool>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

impl CreateOpts {
    /// Joins the port `port_id`.
    pub fn new(port_id: impl Into<String>) -> Self {
        CreateOpts {
            port_id: port_id.into(),
            ..Default::default()
        }
    }
    /// Sets the extra routes.
    pub fn routes<I: IntoIterator<Item = Route>>(mut self, items: I) -> Self {
        self.routes = routes(items);
        self
    }
    /// Advertises its fixed IPs, or not.
    pub fn advertise_fixed_ips(mut self, yes: bool) -> Self {
        self.advertise_fixed_ips = Some(yes);
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("port_id", !self.port_id.is_empty())?;
        check_routes(&self.routes)
    }
}

/// Changes to a port association: its routes (replaced as a whole; an empty list
/// removes them) and whether fixed IPs are advertised. The API reference's sample
/// repeats `port_id`, which cannot change; it is sent only when set.
///
/// ```
/// use ferrocloud::openstack::networking::v2::bgpvpn::port_associations::UpdateOpts;
/// let opts = UpdateOpts::default().routes([]).advertise_fixed_ips(false);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"routes": [], "advertise_fixed_ips": false}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// The port (unchanged; Neutron refuses another one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_id: Option<String>,
    /// New extra routes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routes: Option<Vec<Route>>,
    /// Advertise its fixed IPs, or stop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advertise_fixed_ips: Option<bool>,
}

impl UpdateOpts {
    /// Replaces the extra routes.
    pub fn routes<I: IntoIterator<Item = Route>>(mut self, items: I) -> Self {
        self.routes = routes(items);
        self
    }
    /// Advertises its fixed IPs, or stops.
    pub fn advertise_fixed_ips(mut self, yes: bool) -> Self {
        self.advertise_fixed_ips = Some(yes);
        self
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        check_routes(&self.routes)
    }
}

/// Filters for listing port associations; sorting, paging and other filters are in
/// `controls`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port_id: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

crate::openstack::networking::v2::common::child_resource_functions! {
    PortAssociation, "port association", "port_associations", "BGP VPN", extract_port_associations, ListOpts;
    list get create update delete
}

super::owner_project!(PortAssociation);
