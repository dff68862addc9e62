//! `OS-EXT-SRV-ATTR`: where a server runs and how it was launched. Admins see these
//! fields by default (policy decides); the second group comes from microversion 2.3, and
//! `hostname` is shown to the owner too from 2.90.
//!
//! ```
//! use ferrocloud::openstack::compute::v2::extensions::extendedserverattributes::ServerAttributes;
//! let a: ServerAttributes = serde_json::from_str(r#"{"OS-EXT-SRV-ATTR:host": "compute-1",
//!     "OS-EXT-SRV-ATTR:instance_name": "instance-00000001", "OS-EXT-SRV-ATTR:launch_index": 0,
//!     "OS-EXT-SRV-ATTR:user_data": "IyEvYmluL2Jhc2gK", "OS-EXT-SRV-ATTR:kernel_id": ""}"#).unwrap();
//! assert_eq!(a.host.as_deref(), Some("compute-1"));
//! assert_eq!(a.launch_index, Some(0));
//! assert_eq!(a.kernel_id.as_deref(), Some(""));
//! ```

use serde::Deserialize;

/// The extended server attributes; flatten them next to a
/// [`Server`](crate::openstack::compute::v2::servers::Server).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ServerAttributes {
    /// The compute host.
    #[serde(default, rename = "OS-EXT-SRV-ATTR:host")]
    pub host: Option<String>,
    /// The hypervisor node.
    #[serde(default, rename = "OS-EXT-SRV-ATTR:hypervisor_hostname")]
    pub hypervisor_hostname: Option<String>,
    /// The instance's name on the hypervisor (`instance-0000002a`).
    #[serde(default, rename = "OS-EXT-SRV-ATTR:instance_name")]
    pub instance_name: Option<String>,
    /// The guest's host name (2.3+).
    #[serde(default, rename = "OS-EXT-SRV-ATTR:hostname")]
    pub hostname: Option<String>,
    /// The kernel image ID (2.3+).
    #[serde(default, rename = "OS-EXT-SRV-ATTR:kernel_id")]
    pub kernel_id: Option<String>,
    /// The RAM disk image ID (2.3+).
    #[serde(default, rename = "OS-EXT-SRV-ATTR:ramdisk_id")]
    pub ramdisk_id: Option<String>,
    /// The index among servers created together (2.3+).
    #[serde(default, rename = "OS-EXT-SRV-ATTR:launch_index")]
    pub launch_index: Option<u32>,
    /// The reservation ID of the servers created together (2.3+).
    #[serde(default, rename = "OS-EXT-SRV-ATTR:reservation_id")]
    pub reservation_id: Option<String>,
    /// The root device name (2.3+).
    #[serde(default, rename = "OS-EXT-SRV-ATTR:root_device_name")]
    pub root_device_name: Option<String>,
    /// The user data, base64-encoded (2.3+).
    #[serde(default, rename = "OS-EXT-SRV-ATTR:user_data")]
    pub user_data: Option<String>,
}
