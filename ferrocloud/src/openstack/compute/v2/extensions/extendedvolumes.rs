//! `os-extended-volumes`: the volumes attached to a server.
//!
//! ```
//! use ferrocloud::openstack::compute::v2::extensions::extendedvolumes::ExtendedVolumes;
//! let v: ExtendedVolumes = serde_json::from_str(r#"{"os-extended-volumes:volumes_attached":
//!     [{"id": "a26887c6-c47b-4654-abb5-dfadf7d3f803", "delete_on_termination": false}]}"#).unwrap();
//! assert_eq!(v.volumes_attached[0].id, "a26887c6-c47b-4654-abb5-dfadf7d3f803");
//! assert_eq!(v.volumes_attached[0].delete_on_termination, Some(false));
//! ```

use serde::Deserialize;

/// A volume attached to a server.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct AttachedVolume {
    /// The volume ID.
    pub id: String,
    /// Whether the volume goes with the server (2.3+).
    #[serde(default)]
    pub delete_on_termination: Option<bool>,
}

/// The attached volumes; flatten them next to a
/// [`Server`](crate::openstack::compute::v2::servers::Server).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ExtendedVolumes {
    /// The volumes.
    #[serde(
        default,
        rename = "os-extended-volumes:volumes_attached",
        deserialize_with = "crate::de::null_as_default"
    )]
    pub volumes_attached: Vec<AttachedVolume>,
}
