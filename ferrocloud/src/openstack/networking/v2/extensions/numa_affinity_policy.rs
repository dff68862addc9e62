//! `port-numa-affinity-policy`: the NUMA affinity policy of a port's device.
//!
//! ```
//! use ferrocloud::openstack::networking::v2::extensions::numa_affinity_policy::{NumaAffinity, NumaAffinityPolicy};
//! let sent = NumaAffinity::default().numa_affinity_policy(NumaAffinityPolicy::Preferred);
//! assert_eq!(serde_json::to_value(&sent).unwrap(),
//!            serde_json::json!({"numa_affinity_policy": "preferred"}));
//! ```

use serde::{Deserialize, Serialize};

/// A NUMA affinity policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum NumaAffinityPolicy {
    /// The device must be on the instance's NUMA node.
    Required,
    /// On the instance's NUMA node if possible.
    Preferred,
    /// The compute service's legacy behaviour.
    Legacy,
    /// On the instance's socket (`port-numa-affinity-policy-socket`).
    Socket,
    /// A policy this SDK does not name.
    #[serde(untagged)]
    Other(String),
}

super::attributes! {
    /// The NUMA affinity policy of a port.
    NumaAffinity {
        /// The policy (`None`: the flavor's or image's).
        "numa_affinity_policy" => numa_affinity_policy: NumaAffinityPolicy,
    }
}
