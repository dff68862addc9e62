//! `expose-l3-conntrack-helper`: a router's conntrack helpers, listed on the router
//! (managed with [conntrack_helpers](crate::openstack::networking::v2::conntrack_helpers)).
//!
//! ```
//! use ferrocloud::openstack::networking::v2::extensions::l3_conntrack_helper::ConntrackHelpers;
//! let c: ConntrackHelpers = serde_json::from_str(
//!     r#"{"conntrack_helpers": [{"protocol": "tcp", "helper": "ftp", "port": 21}]}"#).unwrap();
//! assert_eq!(c.conntrack_helpers.unwrap()[0].port, 21);
//! ```

use serde::{Deserialize, Serialize};

/// A conntrack helper as a router lists it (without its ID).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RouterConntrackHelper {
    /// The protocol (`tcp`, `udp`…).
    pub protocol: String,
    /// The netfilter helper (`ftp`, `tftp`…).
    pub helper: String,
    /// The port the helper watches.
    pub port: u16,
}

super::attributes! {
    /// The conntrack helpers of a router (read only).
    ConntrackHelpers {
        /// The helpers.
        "conntrack_helpers" => conntrack_helpers: Vec<RouterConntrackHelper>,
    }
}
