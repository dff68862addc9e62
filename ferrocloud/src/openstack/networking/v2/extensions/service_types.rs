//! `subnet-service-types`: which kinds of ports a subnet gives addresses to.

super::attributes! {
    /// The device owners (`network:floatingip`, `compute:nova`…) a subnet serves.
    ServiceTypes {
        /// The device owners (empty: every port).
        "service_types" => service_types: Vec<String>,
    }
}
