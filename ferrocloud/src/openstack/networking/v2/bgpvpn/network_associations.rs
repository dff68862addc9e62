//! Network associations: the networks joined to a BGP VPN (list, show, create, delete;
//! an association does not change).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::bgpvpn::network_associations::{self, CreateOpts, ListOpts};
//!
//! let assoc = network_associations::create(&network, "{bgpvpn_id}", &CreateOpts::new("{network_id}"))
//!     .await.extract()?;
//! let all = network_associations::list(&network, "{bgpvpn_id}", &ListOpts::default()).all().await?;
//! network_associations::delete(&network, "{bgpvpn_id}", &assoc.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::openstack::networking::v2::common::ListControls;
use crate::request::Validate;
use crate::Result;

crate::operations! {
    service: "network";
    /// List a BGP VPN's network associations.
    LIST = GET "/bgpvpn/bgpvpns/{bgpvpn_id}/network_associations"
        list("network_associations", NetworkAssociation);
    /// Show a network association.
    GET = GET "/bgpvpn/bgpvpns/{bgpvpn_id}/network_associations/{network_association_id}"
        response("network_association", NetworkAssociation);
    /// Associate a network with a BGP VPN.
    CREATE = POST "/bgpvpn/bgpvpns/{bgpvpn_id}/network_associations"
        request("network_association", CreateOpts)
        response("network_association", NetworkAssociation);
    /// Delete a network association.
    DELETE = DELETE "/bgpvpn/bgpvpns/{bgpvpn_id}/network_associations/{network_association_id}";
}

/// A network joined to a BGP VPN.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NetworkAssociation {
    /// The association's ID.
    pub id: String,
    /// The network's ID.
    pub network_id: String,
    /// The owning project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The owning project, under its older name (the plugin's own name for it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

/// A new network association.
///
/// ```
/// use ferrocloud::openstack::networking::v2::bgpvpn::network_associations::CreateOpts;
/// use ferrocloud::request::Validate;
/// let opts = CreateOpts::new("8c5d88dc-60ac-4b02-a65a-36b65888ddcd");
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"network_id": "8c5d88dc-60ac-4b02-a65a-36b65888ddcd"}));
/// assert!(CreateOpts::new("").validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The network to join.
    pub network_id: String,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

impl CreateOpts {
    /// Joins the network `network_id`.
    pub fn new(network_id: impl Into<String>) -> Self {
        CreateOpts {
            network_id: network_id.into(),
            ..Default::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("network_id", !self.network_id.is_empty())
    }
}

/// Filters for listing network associations; sorting, paging and other filters are in
/// `controls`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_id: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

crate::openstack::networking::v2::common::child_resource_functions! {
    NetworkAssociation, "network association", "network_associations", "BGP VPN", extract_network_associations, ListOpts;
    list get create delete
}

super::owner_project!(NetworkAssociation);
