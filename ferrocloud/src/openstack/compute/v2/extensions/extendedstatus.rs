//! `OS-EXT-STS`: the server's power, task and VM states.
//!
//! ```
//! use ferrocloud::openstack::compute::v2::extensions::extendedstatus::ExtendedStatus;
//! let s: ExtendedStatus = serde_json::from_str(
//!     r#"{"OS-EXT-STS:power_state": 1, "OS-EXT-STS:task_state": null, "OS-EXT-STS:vm_state": "active"}"#).unwrap();
//! assert_eq!(s.power_state, Some(1));
//! assert_eq!(s.vm_state.as_deref(), Some("active"));
//! ```

use serde::Deserialize;

/// The extended status fields; flatten it next to a server to read both at once:
/// `struct MyServer { #[serde(flatten)] server: Server, #[serde(flatten)] status: ExtendedStatus }`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ExtendedStatus {
    /// The power state (0 no state, 1 running, 3 paused, 4 shut down, 6 crashed, 7 suspended).
    #[serde(default, rename = "OS-EXT-STS:power_state")]
    pub power_state: Option<i32>,
    /// The task under way, if any.
    #[serde(default, rename = "OS-EXT-STS:task_state")]
    pub task_state: Option<String>,
    /// The VM state.
    #[serde(default, rename = "OS-EXT-STS:vm_state")]
    pub vm_state: Option<String>,
}
