//! `qos-port-network-policy` / `qos-fip-network-policy`: the QoS policy a port or
//! floating IP inherits from its network (read only).
//!
//! ```
//! use ferrocloud::openstack::networking::v2::extensions::qos_network_policy::QosNetworkPolicyId;
//! let q: QosNetworkPolicyId = serde_json::from_str(r#"{"qos_network_policy_id": "p1"}"#).unwrap();
//! assert_eq!(q.qos_network_policy_id.as_deref(), Some("p1"));
//! ```

super::attributes! {
    /// The QoS policy of the network.
    QosNetworkPolicyId {
        /// The network's policy (`null`, read as `None`, when none applies).
        "qos_network_policy_id" => qos_network_policy_id: String,
    }
}
