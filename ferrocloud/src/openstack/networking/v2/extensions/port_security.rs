//! `port-security`: port security (security groups, anti-spoofing) on a network, the
//! default of its ports, or on a port.

super::attributes! {
    /// Whether port security applies.
    PortSecurity {
        /// Port security applies (the default of a network's new ports).
        "port_security_enabled" => port_security_enabled: bool,
    }
}
