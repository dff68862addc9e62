//! `port-resource-request` and `port-resource-request-groups`: the Placement resources a
//! port needs (minimum bandwidth or packet rate QoS rules), read-only and for admins.
//!
//! ```
//! use ferrocloud::openstack::networking::v2::extensions::port_resource_request::PortResourceRequest;
//! let r: PortResourceRequest = serde_json::from_str(r#"{"resource_request": {
//!     "request_groups": [{"id": "g1", "required": ["CUSTOM_VNIC_TYPE_NORMAL"],
//!                         "resources": {"NET_BW_EGR_KILOBIT_PER_SEC": 1000}}],
//!     "same_subtree": ["g1"]}}"#).unwrap();
//! let groups = &r.resource_request.unwrap().request_groups;
//! assert_eq!(groups[0].resources["NET_BW_EGR_KILOBIT_PER_SEC"], 1000);
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One group of resources to allocate from one resource provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RequestGroup {
    /// The group's ID.
    pub id: String,
    /// The traits the provider must have.
    #[serde(default)]
    pub required: Vec<String>,
    /// Amounts by resource class.
    #[serde(default)]
    pub resources: BTreeMap<String, u64>,
}

/// What a port asks Placement for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResourceRequest {
    /// The groups (`port-resource-request-groups`).
    #[serde(default)]
    pub request_groups: Vec<RequestGroup>,
    /// The IDs of groups to allocate from one provider subtree.
    #[serde(default)]
    pub same_subtree: Vec<String>,
    /// Traits, in the older format (one group; before `port-resource-request-groups`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<Vec<String>>,
    /// Amounts, in the older format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<BTreeMap<String, u64>>,
}

/// The resource request of a port.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PortResourceRequest {
    /// The request (`None`: the port needs nothing from Placement).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_request: Option<ResourceRequest>,
}
