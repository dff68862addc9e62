//! `network_availability_zone` and `router_availability_zone`: where a network's DHCP
//! or a router's L3 agents run.

super::attributes! {
    /// Availability zones of a network or router.
    AvailabilityZones {
        /// The zones asked for at creation.
        "availability_zone_hints" => availability_zone_hints: Vec<String>,
        /// The zones it is in (read only).
        "availability_zones" => availability_zones: Vec<String>,
    }
}
