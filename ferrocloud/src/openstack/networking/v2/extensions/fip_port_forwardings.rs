//! `expose-port-forwarding-in-fip`: a floating IP's port forwardings, listed on the
//! floating IP (managed with
//! [port_forwardings](crate::openstack::networking::v2::port_forwardings)).
//!
//! ```
//! use ferrocloud::openstack::networking::v2::extensions::fip_port_forwardings::PortForwardings;
//! let p: PortForwardings = serde_json::from_str(r#"{"port_forwardings": [{"id": "pf1",
//!     "protocol": "tcp", "internal_ip_address": "10.0.0.5", "internal_port": 22,
//!     "internal_port_id": "port1", "external_port": 2222}]}"#).unwrap();
//! assert_eq!(p.port_forwardings.unwrap()[0].external_port, Some(2222));
//! ```

use crate::openstack::networking::v2::port_forwardings::PortForwarding;

super::attributes! {
    /// The port forwardings of a floating IP (read only).
    PortForwardings {
        /// The forwardings.
        "port_forwardings" => port_forwardings: Vec<PortForwarding>,
    }
}
