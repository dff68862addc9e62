//! `port-hints`: backend-specific tuning hints of a port (admin).

super::attributes! {
    /// The hints of a port.
    Hints {
        /// Hints by mechanism driver (`{"openvswitch": {"other_config": {"tx-steering": "hash"}}}`).
        "hints" => hints: serde_json::Map<String, serde_json::Value>,
    }
}
