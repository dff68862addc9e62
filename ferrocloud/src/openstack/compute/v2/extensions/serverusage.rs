//! `OS-SRV-USG`: when a server was launched and terminated.
//!
//! ```
//! use ferrocloud::openstack::compute::v2::extensions::serverusage::ServerUsage;
//! let u: ServerUsage = serde_json::from_str(
//!     r#"{"OS-SRV-USG:launched_at": "2013-09-23T13:37:00.880302", "OS-SRV-USG:terminated_at": null}"#).unwrap();
//! assert_eq!(u.launched_at.unwrap().to_rfc3339(), "2013-09-23T13:37:00.880302+00:00");
//! assert!(u.terminated_at.is_none());
//! ```

use serde::Deserialize;

use crate::dates::Timestamp;

/// The launch and termination times; flatten them next to a
/// [`Server`](crate::openstack::compute::v2::servers::Server).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ServerUsage {
    /// When the server was last launched (`None` while it builds).
    #[serde(
        default,
        rename = "OS-SRV-USG:launched_at",
        with = "crate::dates::option"
    )]
    pub launched_at: Option<Timestamp>,
    /// When it was terminated.
    #[serde(
        default,
        rename = "OS-SRV-USG:terminated_at",
        with = "crate::dates::option"
    )]
    pub terminated_at: Option<Timestamp>,
}
