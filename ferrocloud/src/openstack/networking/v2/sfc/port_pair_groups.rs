//! Port pair groups (networking-sfc): list, show, create, update, delete, find. A group
//! balances traffic over equivalent [port pairs](crate::openstack::networking::v2::sfc::port_pairs);
//! a pair belongs to one group at most.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::sfc::port_pair_groups::{self, CreateOpts, UpdateOpts};
//! let group = port_pair_groups::create(&network, &CreateOpts::new(["{pair_id}"]).name("fws"))
//!     .await.extract()?;
//! port_pair_groups::update(&network, &group.id, &UpdateOpts::default().port_pairs(["{other_pair}"]))
//!     .await.extract()?;
//! port_pair_groups::delete(&network, &group.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::openstack::networking::v2::common::ListControls;
use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List port pair groups.
    LIST = GET "/sfc/port_pair_groups" list("port_pair_groups", PortPairGroup);
    /// Show a port pair group.
    GET = GET "/sfc/port_pair_groups/{port_pair_group_id}" response("port_pair_group", PortPairGroup);
    /// Create a port pair group.
    CREATE = POST "/sfc/port_pair_groups" request("port_pair_group", CreateOpts)
        response("port_pair_group", PortPairGroup);
    /// Update a port pair group.
    UPDATE = PUT "/sfc/port_pair_groups/{port_pair_group_id}" request("port_pair_group", UpdateOpts)
        response("port_pair_group", PortPairGroup);
    /// Delete a port pair group.
    DELETE = DELETE "/sfc/port_pair_groups/{port_pair_group_id}";
}

/// A port pair group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PortPairGroup {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// Its port pairs.
    pub port_pairs: Vec<String>,
    /// Its parameters: `lb_fields` (the fields load balancing hashes) and
    /// `ppg_n_tuple_mapping` (networking-sfc sends them; the API reference's samples
    /// leave them out).
    #[serde(default)]
    pub port_pair_group_parameters: Map<String, Value>,
    /// Whether its service functions are passive taps (networking-sfc sends it; the
    /// API reference's samples leave it out).
    #[serde(default)]
    pub tap_enabled: Option<bool>,
    /// The group's number in the data path (networking-sfc sends it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<u64>,
    /// The owning project (networking-sfc sends it; the API reference's samples show only
    /// `tenant_id`).
    #[serde(default)]
    pub project_id: Option<String>,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

crate::openstack::networking::v2::plugin_crud::named!(PortPairGroup);

/// Options for creating a port pair group.
///
/// ```
/// use ferrocloud::openstack::networking::v2::sfc::port_pair_groups::CreateOpts;
/// let opts = CreateOpts::new(["pp1"]).name("fws").tap_enabled(false);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"port_pairs": ["pp1"], "name": "fws", "tap_enabled": false}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// Its port pairs.
    pub port_pairs: Vec<String>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its parameters (`lb_fields`, `ppg_n_tuple_mapping`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_pair_group_parameters: Option<Map<String, Value>>,
    /// Passive taps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tap_enabled: Option<bool>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The same, under the older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl CreateOpts {
    /// A group of `port_pairs`.
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(port_pairs: I) -> Self {
        CreateOpts {
            port_pairs: port_pairs.into_iter().map(Into::into).collect(),
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
    /// Makes its service functions passive taps, or not.
    pub fn tap_enabled(mut self, tap: bool) -> Self {
        self.tap_enabled = Some(tap);
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        if self.port_pairs.iter().any(String::is_empty) {
            return Err(Error::invalid_input("a port pair ID must not be empty"));
        }
        if self.project_id.is_some() && self.tenant_id.is_some() {
            return Err(Error::invalid_input("set project_id or tenant_id, not both"));
        }
        Ok(())
    }
}

/// Changes to a port pair group; `port_pairs` replaces the whole list.
///
/// ```
/// use ferrocloud::openstack::networking::v2::sfc::port_pair_groups::UpdateOpts;
/// let opts = UpdateOpts::default().port_pairs(["pp2"]);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"port_pairs": ["pp2"]}));
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
    /// A new list of port pairs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_pairs: Option<Vec<String>>,
    /// New parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_pair_group_parameters: Option<Map<String, Value>>,
    /// Passive taps, or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tap_enabled: Option<bool>,
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
    /// Replaces its port pairs.
    pub fn port_pairs<I: IntoIterator<Item = S>, S: Into<String>>(mut self, pairs: I) -> Self {
        self.port_pairs = Some(pairs.into_iter().map(Into::into).collect());
        self
    }
}

impl Validate for UpdateOpts {}

/// Filters for listing port pair groups; sorting, paging and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::sfc::port_pair_groups::ListOpts;
/// let opts = ListOpts { name: Some("fws".into()), ..ListOpts::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "name=fws");
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
    PortPairGroup, "port pair group", "port pair groups", "port_pair_groups", extract_port_pair_groups
}
