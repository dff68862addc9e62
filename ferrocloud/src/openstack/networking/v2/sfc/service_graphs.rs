//! Service graphs (networking-sfc, `service_graph`): list, show, create, update, delete,
//! find. A graph links port chains: traffic leaving a chain (a key of `port_chains`)
//! continues into the chains its value lists. Only the name and description change after
//! creation.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::sfc::service_graphs::{self, CreateOpts};
//! let opts = CreateOpts::default().name("graph").link("{chain_a}", ["{chain_b}"]);
//! let graph = service_graphs::create(&network, &opts).await.extract()?;
//! service_graphs::delete(&network, &graph.id).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::openstack::networking::v2::common::ListControls;
use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List service graphs.
    LIST = GET "/sfc/service_graphs" list("service_graphs", ServiceGraph);
    /// Show a service graph.
    GET = GET "/sfc/service_graphs/{service_graph_id}" response("service_graph", ServiceGraph);
    /// Create a service graph.
    CREATE = POST "/sfc/service_graphs" request("service_graph", CreateOpts)
        response("service_graph", ServiceGraph);
    /// Update a service graph.
    UPDATE = PUT "/sfc/service_graphs/{service_graph_id}" request("service_graph", UpdateOpts)
        response("service_graph", ServiceGraph);
    /// Delete a service graph.
    DELETE = DELETE "/sfc/service_graphs/{service_graph_id}";
}

/// A service graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ServiceGraph {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// Each source chain and the chains its traffic continues into.
    pub port_chains: BTreeMap<String, Vec<String>>,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

crate::openstack::networking::v2::plugin_crud::named!(ServiceGraph);

/// Options for creating a service graph.
///
/// ```
/// use ferrocloud::openstack::networking::v2::sfc::service_graphs::CreateOpts;
/// use ferrocloud::request::Validate;
/// let opts = CreateOpts::default().link("a", ["b", "c"]);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"port_chains": {"a": ["b", "c"]}}));
/// assert!(CreateOpts::default().validate().is_err());
/// assert!(CreateOpts::default().link("a", ["a"]).validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// Each source chain and the chains its traffic continues into (required).
    pub port_chains: BTreeMap<String, Vec<String>>,
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
    /// Sends the traffic leaving chain `from` into the chains `to`.
    pub fn link<I: IntoIterator<Item = S>, S: Into<String>>(
        mut self,
        from: impl Into<String>,
        to: I,
    ) -> Self {
        self.port_chains
            .entry(from.into())
            .or_default()
            .extend(to.into_iter().map(Into::into));
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("port_chains", !self.port_chains.is_empty())?;
        for (from, to) in &self.port_chains {
            if to.is_empty() || to.iter().any(|t| t == from) {
                return Err(Error::invalid_input(format!(
                    "port chain {from} must lead to at least one other chain"
                )));
            }
        }
        if self.project_id.is_some() && self.tenant_id.is_some() {
            return Err(Error::invalid_input("set project_id or tenant_id, not both"));
        }
        Ok(())
    }
}

/// Changes to a service graph: its name and description only.
///
/// ```
/// use ferrocloud::openstack::networking::v2::sfc::service_graphs::UpdateOpts;
/// let opts = UpdateOpts::default().name("new-name");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"name": "new-name"}));
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

/// Filters for listing service graphs; sorting, paging and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::sfc::service_graphs::ListOpts;
/// let opts = ListOpts { name: Some("graph".into()), ..ListOpts::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "name=graph");
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
    ServiceGraph, "service graph", "service graphs", "service_graphs", extract_service_graphs
}
