//! `provider` and `multi-provider`: how a network is realized (type, physical network,
//! segmentation ID), shown to and set by administrators.
//!
//! ```
//! use ferrocloud::openstack::networking::v2::{extensions::provider::Provider, networks};
//! use ferrocloud::request::With;
//! let opts = With::new(networks::CreateOpts::new("vlan-100"), Provider::vlan("public", 100));
//! assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
//!     "name": "vlan-100", "provider:network_type": "vlan",
//!     "provider:physical_network": "public", "provider:segmentation_id": 100}));
//! ```

use serde::{Deserialize, Serialize};

use crate::request::Validate;

/// One segment of a network: its type, physical network and segmentation ID.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// `flat`, `vlan`, `vxlan`, `geneve`, `gre`, `local`.
    #[serde(
        rename = "provider:network_type",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_type: Option<String>,
    /// The physical network (flat and VLAN networks).
    #[serde(
        rename = "provider:physical_network",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub physical_network: Option<String>,
    /// The VLAN ID or tunnel ID.
    #[serde(
        rename = "provider:segmentation_id",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub segmentation_id: Option<u32>,
}

/// The provider attributes of a network: one segment (`provider:*`), or several
/// (`segments`, with the `multi-provider` extension).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Provider {
    /// `flat`, `vlan`, `vxlan`, `geneve`, `gre`, `local` (when the network has one
    /// segment).
    #[serde(
        rename = "provider:network_type",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub network_type: Option<String>,
    /// The physical network (flat and VLAN networks).
    #[serde(
        rename = "provider:physical_network",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub physical_network: Option<String>,
    /// The VLAN ID or tunnel ID.
    #[serde(
        rename = "provider:segmentation_id",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub segmentation_id: Option<u32>,
    /// The segments, when the network has several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segments: Option<Vec<Segment>>,
}

impl Provider {
    fn one(network_type: &str, physical_network: Option<&str>, id: Option<u32>) -> Self {
        Provider {
            network_type: Some(network_type.to_string()),
            physical_network: physical_network.map(str::to_string),
            segmentation_id: id,
            segments: None,
        }
    }
    /// A VLAN network on `physical_network` with the VLAN ID `vlan_id`.
    pub fn vlan(physical_network: &str, vlan_id: u32) -> Self {
        Self::one("vlan", Some(physical_network), Some(vlan_id))
    }
    /// A flat (untagged) network on `physical_network`.
    pub fn flat(physical_network: &str) -> Self {
        Self::one("flat", Some(physical_network), None)
    }
    /// A tunnelled network (`vxlan`, `geneve`, `gre`), with a tunnel ID or one Neutron
    /// picks.
    pub fn tunnel(network_type: &str, id: Option<u32>) -> Self {
        Self::one(network_type, None, id)
    }
    /// Several segments (`multi-provider`).
    pub fn segments(segments: Vec<Segment>) -> Self {
        Provider {
            segments: Some(segments),
            ..Provider::default()
        }
    }
}

impl Validate for Provider {}
