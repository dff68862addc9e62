//! `qos-port-network-policy`: the QoS policy a port gets from its network (read-only).

use serde::{Deserialize, Serialize};

/// The QoS policy of a port's network.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct QosNetworkPolicyId {
    /// The network's policy (`None`: none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qos_network_policy_id: Option<String>,
}
