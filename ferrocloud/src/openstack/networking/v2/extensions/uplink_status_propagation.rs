//! `uplink-status-propagation`: whether a port's status follows its uplink (SR-IOV VFs).

super::attributes! {
    /// Whether the uplink's status propagates to the port.
    PropagateUplinkStatus {
        /// Propagate the uplink status.
        "propagate_uplink_status" => propagate_uplink_status: bool,
    }
}
