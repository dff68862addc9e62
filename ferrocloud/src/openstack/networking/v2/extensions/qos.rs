//! `qos`: the QoS policy of a network or port.

super::attributes! {
    /// The QoS policy applied.
    QosPolicyId {
        /// The policy's ID (`null` when none applies).
        "qos_policy_id" => qos_policy_id: String,
    }
}
