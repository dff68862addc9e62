//! Port pairs (networking-sfc): list, show, create, update, delete, find. A port pair is
//! the ingress and egress ports of one service function instance; networking-sfc
//! requires both ports to have the same, non-empty `device_id` (400 otherwise). Only the
//! name and description change after creation.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::sfc::port_pairs::{self, CreateOpts};
//! let pair = port_pairs::create(&network, &CreateOpts::new("{in}", "{out}").name("fw1")).await.extract()?;
//! port_pairs::delete(&network, &pair.id).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::openstack::networking::v2::common::ListControls;
use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List port pairs.
    LIST = GET "/sfc/port_pairs" list("port_pairs", PortPair);
    /// Show a port pair.
    GET = GET "/sfc/port_pairs/{port_pair_id}" response("port_pair", PortPair);
    /// Create a port pair.
    CREATE = POST "/sfc/port_pairs" request("port_pair", CreateOpts) response("port_pair", PortPair);
    /// Update a port pair.
    UPDATE = PUT "/sfc/port_pairs/{port_pair_id}" request("port_pair", UpdateOpts)
        response("port_pair", PortPair);
    /// Delete a port pair.
    DELETE = DELETE "/sfc/port_pairs/{port_pair_id}";
}

/// A port pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PortPair {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// The port traffic enters the service function by.
    pub ingress: String,
    /// The port traffic leaves it by.
    pub egress: String,
    /// The service function's parameters: `correlation` (`null`, `mpls` or `nsh`) and
    /// `weight` (networking-sfc sends them; the API reference's samples leave them out).
    #[serde(default)]
    pub service_function_parameters: BTreeMap<String, Value>,
    /// The owning project (networking-sfc sends it; the API reference's samples show only
    /// `tenant_id`).
    #[serde(default)]
    pub project_id: Option<String>,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

crate::openstack::networking::v2::plugin_crud::named!(PortPair);

/// Options for creating a port pair.
///
/// ```
/// use ferrocloud::openstack::networking::v2::sfc::port_pairs::CreateOpts;
/// let opts = CreateOpts::new("in", "out").correlation("mpls");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"ingress": "in",
///     "egress": "out", "service_function_parameters": {"correlation": "mpls"}}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The ingress port (required).
    pub ingress: String,
    /// The egress port (required; may be the ingress port).
    pub egress: String,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The service function's parameters (`correlation`, `weight`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_function_parameters: Option<BTreeMap<String, Value>>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The same, under the older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl CreateOpts {
    /// A pair of `ingress` and `egress` ports.
    pub fn new(ingress: impl Into<String>, egress: impl Into<String>) -> Self {
        CreateOpts {
            ingress: ingress.into(),
            egress: egress.into(),
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
    /// Sets the correlation (`mpls`, `nsh`): chains in a service graph need it.
    pub fn correlation(mut self, correlation: impl Into<String>) -> Self {
        self.service_function_parameters
            .get_or_insert_with(BTreeMap::new)
            .insert("correlation".into(), Value::String(correlation.into()));
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("ingress", !self.ingress.is_empty())?;
        crate::request::require("egress", !self.egress.is_empty())?;
        if self.project_id.is_some() && self.tenant_id.is_some() {
            return Err(Error::invalid_input("set project_id or tenant_id, not both"));
        }
        Ok(())
    }
}

/// Changes to a port pair: its name and description only.
///
/// ```
/// use ferrocloud::openstack::networking::v2::sfc::port_pairs::UpdateOpts;
/// let opts = UpdateOpts::default().name("fw2");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"name": "fw2"}));
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

/// Filters for listing port pairs; sorting, paging and other filters are in `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::sfc::port_pairs::ListOpts;
/// let opts = ListOpts { ingress: Some("p1".into()), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "ingress=p1");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By name (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By ingress port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ingress: Option<String>,
    /// By egress port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub egress: Option<String>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

crate::openstack::networking::v2::plugin_crud::plugin_functions! {
    PortPair, "port pair", "port pairs", "port_pairs", extract_port_pairs
}
