//! Port chains (networking-sfc): list, show, create, update, delete, find. A chain steers
//! the traffic its flow classifiers match through its port pair groups, in order.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::sfc::port_chains::{self, CreateOpts};
//! let chain = port_chains::create(&network, &CreateOpts::new(["{group_id}"]).flow_classifiers(["{fc_id}"]))
//!     .await.extract()?;
//! port_chains::delete(&network, &chain.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::openstack::networking::v2::common::ListControls;
use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List port chains.
    LIST = GET "/sfc/port_chains" list("port_chains", PortChain);
    /// Show a port chain.
    GET = GET "/sfc/port_chains/{port_chain_id}" response("port_chain", PortChain);
    /// Create a port chain.
    CREATE = POST "/sfc/port_chains" request("port_chain", CreateOpts) response("port_chain", PortChain);
    /// Update a port chain.
    UPDATE = PUT "/sfc/port_chains/{port_chain_id}" request("port_chain", UpdateOpts)
        response("port_chain", PortChain);
    /// Delete a port chain.
    DELETE = DELETE "/sfc/port_chains/{port_chain_id}";
}

/// A port chain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PortChain {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// Its port pair groups, in the order traffic goes through them.
    pub port_pair_groups: Vec<String>,
    /// The flow classifiers of the traffic it steers.
    #[serde(default)]
    pub flow_classifiers: Vec<String>,
    /// Its parameters: `correlation` (`mpls`, `nsh`) and `symmetric` (networking-sfc
    /// sends them; the API reference's samples leave them out).
    #[serde(default)]
    pub chain_parameters: Map<String, Value>,
    /// The chain's number in the data path (networking-sfc sends it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chain_id: Option<u64>,
    /// The owning project (networking-sfc sends it; the API reference's samples show only
    /// `tenant_id`).
    #[serde(default)]
    pub project_id: Option<String>,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

crate::openstack::networking::v2::plugin_crud::named!(PortChain);

/// Options for creating a port chain.
///
/// ```
/// use ferrocloud::openstack::networking::v2::sfc::port_chains::CreateOpts;
/// use ferrocloud::request::Validate;
/// let opts = CreateOpts::new(["g1", "g2"]).name("PC1").flow_classifiers(["fc1"]);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "port_pair_groups": ["g1", "g2"], "name": "PC1", "flow_classifiers": ["fc1"]}));
/// assert!(CreateOpts::new(Vec::<String>::new()).validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// Its port pair groups, in order (required, at least one).
    pub port_pair_groups: Vec<String>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The flow classifiers of the traffic to steer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow_classifiers: Option<Vec<String>>,
    /// Its parameters (`correlation`, `symmetric`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chain_parameters: Option<Map<String, Value>>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The same, under the older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl CreateOpts {
    /// A chain through `port_pair_groups`, in order.
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(port_pair_groups: I) -> Self {
        CreateOpts {
            port_pair_groups: port_pair_groups.into_iter().map(Into::into).collect(),
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
    /// Sets the flow classifiers.
    pub fn flow_classifiers<I: IntoIterator<Item = S>, S: Into<String>>(mut self, ids: I) -> Self {
        self.flow_classifiers = Some(ids.into_iter().map(Into::into).collect());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("port_pair_groups", !self.port_pair_groups.is_empty())?;
        if self.project_id.is_some() && self.tenant_id.is_some() {
            return Err(Error::invalid_input("set project_id or tenant_id, not both"));
        }
        Ok(())
    }
}

/// Changes to a port chain; the lists replace the current ones.
///
/// ```
/// use ferrocloud::openstack::networking::v2::sfc::port_chains::UpdateOpts;
/// let opts = UpdateOpts::default().flow_classifiers(Vec::<String>::new());
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"flow_classifiers": []}));
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
    /// New port pair groups, in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_pair_groups: Option<Vec<String>>,
    /// New flow classifiers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow_classifiers: Option<Vec<String>>,
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
    /// Replaces its port pair groups.
    pub fn port_pair_groups<I: IntoIterator<Item = S>, S: Into<String>>(mut self, ids: I) -> Self {
        self.port_pair_groups = Some(ids.into_iter().map(Into::into).collect());
        self
    }
    /// Replaces its flow classifiers.
    pub fn flow_classifiers<I: IntoIterator<Item = S>, S: Into<String>>(mut self, ids: I) -> Self {
        self.flow_classifiers = Some(ids.into_iter().map(Into::into).collect());
        self
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.port_pair_groups.as_ref().is_some_and(Vec::is_empty) {
            return Err(Error::invalid_input("a port chain needs at least one port pair group"));
        }
        Ok(())
    }
}

/// Filters for listing port chains; sorting, paging and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::sfc::port_chains::ListOpts;
/// let opts = ListOpts { name: Some("PC1".into()), ..ListOpts::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "name=PC1");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By name (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

crate::openstack::networking::v2::plugin_crud::plugin_functions! {
    PortChain, "port chain", "port chains", "port_chains", extract_port_chains
}
