//! `port-device-profile`: the Cyborg device profile of a port.

super::attributes! {
    /// The device profile of a port.
    DeviceProfile {
        /// The device profile's name (`None`: none).
        "device_profile" => device_profile: String,
    }
}
