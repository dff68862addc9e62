//! Tap-as-a-Service (the `tap-as-a-service` plugin, extension aliases `taas`,
//! `taas-vlan-filter`, `tap-mirror`): port mirroring. A tap service names the port that
//! receives mirrored traffic; tap flows copy the traffic of source ports to it; a tap
//! mirror sends a port's traffic to a remote address over GRE or ERSPAN instead.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::taas::{tap_flows, tap_services};
//! use ferrocloud::openstack::networking::v2::taas::tap_flows::Direction;
//!
//! let service = tap_services::create(&network, &tap_services::CreateOpts::new("{monitor_port_id}")
//!     .name("ts1")).await.extract()?;
//! let flow = tap_flows::create(&network,
//!     &tap_flows::CreateOpts::new(&service.id, "{source_port_id}", Direction::Both).vlan_filter("1-5,9"))
//!     .await.extract()?;
//! tap_flows::delete(&network, &flow.id).await.ok()?;
//! tap_services::delete(&network, &service.id).await.ok()?;
//! # Ok(()) }
//! ```

crate::resources! {
    nested;
    /// Tap flows: the ports whose traffic a tap service receives.
    pub mod tap_flows;
    /// Tap mirrors: a port's traffic sent to a remote address (GRE, ERSPAN).
    pub mod tap_mirrors;
    /// Tap services: the ports that receive mirrored traffic.
    pub mod tap_services;
}
