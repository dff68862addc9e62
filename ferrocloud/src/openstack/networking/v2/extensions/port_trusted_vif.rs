//! `port-trusted-vif`: whether a port's VF is trusted (SR-IOV; admin). The API
//! reference calls the attribute `port_trusted_vif`; Neutron sends and accepts `trusted`.

super::attributes! {
    /// Whether a port is trusted.
    Trusted {
        /// Trusted (`None`: never set).
        "trusted" => trusted: bool,
    }
}
