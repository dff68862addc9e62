//! `OS-EXT-AZ`: the availability zone a server runs in.
//!
//! ```
//! use ferrocloud::openstack::compute::v2::extensions::availabilityzone::AvailabilityZone;
//! use ferrocloud::openstack::compute::v2::servers::Server;
//! #[derive(serde::Deserialize)]
//! struct ServerWithZone {
//!     #[serde(flatten)]
//!     server: Server,
//!     #[serde(flatten)]
//!     zone: AvailabilityZone,
//! }
//! let s: ServerWithZone = serde_json::from_str(r#"{"id": "1", "name": "web", "status": "ACTIVE",
//!     "tenant_id": "p1", "user_id": "u1", "created": "2013-09-03T04:01:32Z", "links": [],
//!     "OS-EXT-AZ:availability_zone": "nova"}"#).unwrap();
//! assert_eq!(s.zone.availability_zone.as_deref(), Some("nova"));
//! assert_eq!(s.server.name.as_deref(), Some("web"));
//! ```

use serde::Deserialize;

/// The availability zone field; flatten it next to a
/// [`Server`](crate::openstack::compute::v2::servers::Server).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct AvailabilityZone {
    /// The zone (`UNKNOWN` for a server in a cell that is down).
    #[serde(default, rename = "OS-EXT-AZ:availability_zone")]
    pub availability_zone: Option<String>,
}
