//! `port-hardware-offload-type`: the hardware offload a port asks for.

super::attributes! {
    /// The hardware offload type of a port.
    HardwareOffloadType {
        /// `switchdev`, or empty for none.
        "hardware_offload_type" => hardware_offload_type: String,
    }
}
