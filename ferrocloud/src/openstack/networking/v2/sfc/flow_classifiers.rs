//! Flow classifiers (networking-sfc): list, show, create, update, delete, find. A
//! classifier matches the traffic a [port chain](crate::openstack::networking::v2::sfc::port_chains)
//! steers; networking-sfc's OVS driver requires a `logical_source_port`. Only the name
//! and description change after creation.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::sfc::flow_classifiers::{self, CreateOpts};
//! let opts = CreateOpts::default().name("web").logical_source_port("{port_id}")
//!     .protocol("tcp").destination_ports(80, 80);
//! let fc = flow_classifiers::create(&network, &opts).await.extract()?;
//! flow_classifiers::delete(&network, &fc.id).await.ok()?;
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
    /// List flow classifiers.
    LIST = GET "/sfc/flow_classifiers" list("flow_classifiers", FlowClassifier);
    /// Show a flow classifier.
    GET = GET "/sfc/flow_classifiers/{flow_classifier_id}" response("flow_classifier", FlowClassifier);
    /// Create a flow classifier.
    CREATE = POST "/sfc/flow_classifiers" request("flow_classifier", CreateOpts)
        response("flow_classifier", FlowClassifier);
    /// Update a flow classifier.
    UPDATE = PUT "/sfc/flow_classifiers/{flow_classifier_id}" request("flow_classifier", UpdateOpts)
        response("flow_classifier", FlowClassifier);
    /// Delete a flow classifier.
    DELETE = DELETE "/sfc/flow_classifiers/{flow_classifier_id}";
}

/// A flow classifier. `None` on a match field means any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FlowClassifier {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// `IPv4` or `IPv6` (networking-sfc sends it; the API reference's samples leave it out).
    #[serde(default)]
    pub ethertype: Option<String>,
    /// The IP protocol (`tcp`, `udp`, `icmp`… as networking-sfc stores it; the API
    /// reference's samples write `TCP`), `None` for any.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub protocol: Option<String>,
    /// The lowest source port.
    #[serde(default)]
    pub source_port_range_min: Option<u16>,
    /// The highest source port.
    #[serde(default)]
    pub source_port_range_max: Option<u16>,
    /// The lowest destination port.
    #[serde(default)]
    pub destination_port_range_min: Option<u16>,
    /// The highest destination port.
    #[serde(default)]
    pub destination_port_range_max: Option<u16>,
    /// The source CIDR.
    #[serde(default)]
    pub source_ip_prefix: Option<String>,
    /// The destination CIDR.
    #[serde(default)]
    pub destination_ip_prefix: Option<String>,
    /// The Neutron port the traffic comes from.
    #[serde(default)]
    pub logical_source_port: Option<String>,
    /// The Neutron port the traffic goes to.
    #[serde(default)]
    pub logical_destination_port: Option<String>,
    /// Layer 7 parameters (networking-sfc sends `{}`).
    #[serde(default)]
    pub l7_parameters: BTreeMap<String, Value>,
    /// The owning project (networking-sfc sends it; the API reference's samples show only
    /// `tenant_id`).
    #[serde(default)]
    pub project_id: Option<String>,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

crate::openstack::networking::v2::plugin_crud::named!(FlowClassifier);

/// Options for creating a flow classifier; unset fields match anything.
///
/// ```
/// use ferrocloud::openstack::networking::v2::sfc::flow_classifiers::CreateOpts;
/// use ferrocloud::request::Validate;
/// let opts = CreateOpts::default().protocol("tcp").destination_ports(80, 80);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"protocol": "tcp",
///     "destination_port_range_min": 80, "destination_port_range_max": 80}));
/// assert!(CreateOpts::default().source_ports(9000, 80).validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `IPv4` (the default) or `IPv6`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ethertype: Option<String>,
    /// The IP protocol.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    /// The lowest source port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_port_range_min: Option<u16>,
    /// The highest source port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_port_range_max: Option<u16>,
    /// The lowest destination port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination_port_range_min: Option<u16>,
    /// The highest destination port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination_port_range_max: Option<u16>,
    /// The source CIDR.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_ip_prefix: Option<String>,
    /// The destination CIDR.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination_ip_prefix: Option<String>,
    /// The Neutron port the traffic comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logical_source_port: Option<String>,
    /// The Neutron port the traffic goes to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logical_destination_port: Option<String>,
    /// Layer 7 parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub l7_parameters: Option<BTreeMap<String, Value>>,
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
    /// Matches this ethertype (`IPv4`, `IPv6`).
    pub fn ethertype(mut self, ethertype: impl Into<String>) -> Self {
        self.ethertype = Some(ethertype.into());
        self
    }
    /// Matches this protocol.
    pub fn protocol(mut self, protocol: impl Into<String>) -> Self {
        self.protocol = Some(protocol.into());
        self
    }
    /// Matches source ports `min` to `max`.
    pub fn source_ports(mut self, min: u16, max: u16) -> Self {
        self.source_port_range_min = Some(min);
        self.source_port_range_max = Some(max);
        self
    }
    /// Matches destination ports `min` to `max`.
    pub fn destination_ports(mut self, min: u16, max: u16) -> Self {
        self.destination_port_range_min = Some(min);
        self.destination_port_range_max = Some(max);
        self
    }
    /// Matches this source CIDR.
    pub fn source_ip_prefix(mut self, cidr: impl Into<String>) -> Self {
        self.source_ip_prefix = Some(cidr.into());
        self
    }
    /// Matches this destination CIDR.
    pub fn destination_ip_prefix(mut self, cidr: impl Into<String>) -> Self {
        self.destination_ip_prefix = Some(cidr.into());
        self
    }
    /// Matches traffic from this Neutron port.
    pub fn logical_source_port(mut self, port_id: impl Into<String>) -> Self {
        self.logical_source_port = Some(port_id.into());
        self
    }
    /// Matches traffic to this Neutron port.
    pub fn logical_destination_port(mut self, port_id: impl Into<String>) -> Self {
        self.logical_destination_port = Some(port_id.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        for (what, min, max) in [
            ("source", self.source_port_range_min, self.source_port_range_max),
            ("destination", self.destination_port_range_min, self.destination_port_range_max),
        ] {
            if let (Some(lo), Some(hi)) = (min, max)
                && lo > hi
            {
                return Err(Error::invalid_input(format!(
                    "the {what} port range is empty: {lo} > {hi}"
                )));
            }
        }
        if self.project_id.is_some() && self.tenant_id.is_some() {
            return Err(Error::invalid_input("set project_id or tenant_id, not both"));
        }
        Ok(())
    }
}

/// Changes to a flow classifier: its name and description only.
///
/// ```
/// use ferrocloud::openstack::networking::v2::sfc::flow_classifiers::UpdateOpts;
/// let opts = UpdateOpts::default().description("web traffic");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"description": "web traffic"}));
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

/// Filters for listing flow classifiers; sorting, paging and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::sfc::flow_classifiers::ListOpts;
/// let opts = ListOpts { protocol: Some("tcp".into()), ..ListOpts::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "protocol=tcp");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By name (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By protocol.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    /// By source port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logical_source_port: Option<String>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

crate::openstack::networking::v2::plugin_crud::plugin_functions! {
    FlowClassifier, "flow classifier", "flow classifiers", "flow_classifiers", extract_flow_classifiers
}
