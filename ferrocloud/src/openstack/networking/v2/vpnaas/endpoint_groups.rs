//! VPN endpoint groups (VPNaaS, `vpn-endpoint-groups`): list, show, create, update,
//! delete, find. A group is a list of endpoints of one type: the local subnets of a
//! connection (`subnet`) or the peer's CIDRs (`cidr`). Only the name and description
//! change after creation.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::vpnaas::endpoint_groups::{self, CreateOpts, EndpointType};
//!
//! let peers = CreateOpts::new(EndpointType::Cidr, ["10.2.0.0/24", "10.3.0.0/24"]).name("peers");
//! let group = endpoint_groups::create(&network, &peers).await.extract()?;
//! endpoint_groups::delete(&network, &group.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::openstack::networking::v2::common::ListControls;
use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List VPN endpoint groups.
    LIST = GET "/vpn/endpoint-groups" list("endpoint_groups", EndpointGroup);
    /// Show a VPN endpoint group.
    GET = GET "/vpn/endpoint-groups/{endpoint_group_id}" response("endpoint_group", EndpointGroup);
    /// Create a VPN endpoint group.
    CREATE = POST "/vpn/endpoint-groups" request("endpoint_group", CreateOpts)
        response("endpoint_group", EndpointGroup);
    /// Update a VPN endpoint group.
    UPDATE = PUT "/vpn/endpoint-groups/{endpoint_group_id}" request("endpoint_group", UpdateOpts)
        response("endpoint_group", EndpointGroup);
    /// Delete a VPN endpoint group.
    DELETE = DELETE "/vpn/endpoint-groups/{endpoint_group_id}";
}

/// What the endpoints of a group are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EndpointType {
    /// Subnet IDs (local endpoints).
    Subnet,
    /// CIDRs (peer endpoints).
    Cidr,
    /// Network IDs.
    Network,
    /// Router IDs.
    Router,
    /// VLAN IDs.
    Vlan,
    /// A value this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// A VPN endpoint group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EndpointGroup {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// What its endpoints are.
    #[serde(rename = "type")]
    pub endpoint_type: EndpointType,
    /// The endpoints: IDs or CIDRs, by type.
    pub endpoints: Vec<String>,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

crate::openstack::networking::v2::plugin_crud::named!(EndpointGroup);

/// Options for creating a VPN endpoint group.
///
/// ```
/// use ferrocloud::openstack::networking::v2::vpnaas::endpoint_groups::{CreateOpts, EndpointType};
/// use ferrocloud::request::Validate;
/// let opts = CreateOpts::new(EndpointType::Subnet, ["s1"]).name("locals");
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"type": "subnet", "endpoints": ["s1"], "name": "locals"}));
/// assert!(CreateOpts::new(EndpointType::Cidr, Vec::<String>::new()).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// What the endpoints are (required).
    #[serde(rename = "type")]
    pub endpoint_type: EndpointType,
    /// The endpoints (required, at least one).
    pub endpoints: Vec<String>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The same, under the older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl CreateOpts {
    /// A group of `endpoints` of `endpoint_type`.
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(
        endpoint_type: EndpointType,
        endpoints: I,
    ) -> Self {
        CreateOpts {
            endpoint_type,
            endpoints: endpoints.into_iter().map(Into::into).collect(),
            name: None,
            description: None,
            project_id: None,
            tenant_id: None,
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
    /// Creates it for another project.
    pub fn project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("endpoints", !self.endpoints.is_empty())?;
        if self.endpoints.iter().any(String::is_empty) {
            return Err(Error::invalid_input("an endpoint must not be empty"));
        }
        if self.project_id.is_some() && self.tenant_id.is_some() {
            return Err(Error::invalid_input("set project_id or tenant_id, not both"));
        }
        Ok(())
    }
}

/// Changes to a VPN endpoint group: its name and description only.
///
/// ```
/// use ferrocloud::openstack::networking::v2::vpnaas::endpoint_groups::UpdateOpts;
/// let opts = UpdateOpts::default().description("New description");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"description": "New description"}));
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

impl Validate for UpdateOpts {}

/// Filters for listing VPN endpoint groups; sorting, paging and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::vpnaas::endpoint_groups::{EndpointType, ListOpts};
/// let opts = ListOpts { endpoint_type: Some(EndpointType::Cidr), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "type=cidr");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By name (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By type.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub endpoint_type: Option<EndpointType>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

crate::openstack::networking::v2::plugin_crud::plugin_functions! {
    EndpointGroup, "VPN endpoint group", "VPN endpoint groups", "endpoint_groups", extract_endpoint_groups
}
