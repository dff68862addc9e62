//! `mac-learning`: MAC learning on a port (some backends only).

super::attributes! {
    /// Whether a port learns MAC addresses.
    MacLearning {
        /// MAC learning is enabled.
        "mac_learning_enabled" => mac_learning_enabled: bool,
    }
}
