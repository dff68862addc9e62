//! `trunk-details`: the trunk a port is the parent of, and its subports (read-only).

use serde::{Deserialize, Serialize};

/// A subport as the parent port shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubportDetails {
    /// The subport.
    pub port_id: String,
    /// `vlan` (or `inherit`).
    pub segmentation_type: String,
    /// The VLAN ID.
    pub segmentation_id: u32,
    /// The subport's MAC address.
    pub mac_address: String,
}

/// The trunk of a parent port.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TrunkDetailsBody {
    /// The trunk.
    pub trunk_id: String,
    /// Its subports.
    pub sub_ports: Vec<SubportDetails>,
}

/// The trunk details of a port.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TrunkDetails {
    /// Present when the port is a trunk's parent port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trunk_details: Option<TrunkDetailsBody>,
}
