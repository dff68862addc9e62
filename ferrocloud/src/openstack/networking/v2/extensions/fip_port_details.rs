//! `fip-port-details`: the port a floating IP is associated with, summarised on the
//! floating IP.
//!
//! ```
//! use ferrocloud::openstack::networking::v2::extensions::fip_port_details::PortDetails;
//! let p: PortDetails = serde_json::from_str(r#"{"port_details": null}"#).unwrap();
//! assert_eq!(p.port_details, None);
//! ```

use serde::{Deserialize, Serialize};

/// The associated port, as a floating IP shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FipPortDetails {
    /// The port's name.
    pub name: String,
    /// Its network.
    pub network_id: String,
    /// Its MAC address.
    pub mac_address: String,
    /// Its administrative state.
    pub admin_state_up: bool,
    /// Its status.
    pub status: String,
    /// What uses it (a server's ID…).
    pub device_id: String,
    /// What kind of thing uses it (`compute:nova`…).
    pub device_owner: String,
}

super::attributes! {
    /// The floating IP's port (read only).
    PortDetails {
        /// The port (`null`, read as `None`, when the floating IP is not associated).
        "port_details" => port_details: FipPortDetails,
    }
}
