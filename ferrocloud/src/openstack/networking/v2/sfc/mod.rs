//! Service function chaining (networking-sfc, API extensions `sfc`, `flow_classifier`
//! and `service_graph`), under `/v2.0/sfc`: a
//! [port pair](crate::openstack::networking::v2::sfc::port_pairs) is a service function's
//! ingress and egress ports, [port pair groups](crate::openstack::networking::v2::sfc::port_pair_groups)
//! balance over equivalent pairs, a [port chain](crate::openstack::networking::v2::sfc::port_chains)
//! steers the traffic that its [flow classifiers](crate::openstack::networking::v2::sfc::flow_classifiers)
//! match through its groups in order, and a
//! [service graph](crate::openstack::networking::v2::sfc::service_graphs) links chains.
//! The API reference writes these paths under `/v1.0` and its delete paths with dashes;
//! networking-sfc serves them under `/v2.0` with underscores, as this module sends them.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::sfc::{flow_classifiers, port_chains, port_pair_groups, port_pairs};
//!
//! let pair = port_pairs::create(&network, &port_pairs::CreateOpts::new("{in_port}", "{out_port}"))
//!     .await.extract()?;
//! let group = port_pair_groups::create(&network,
//!     &port_pair_groups::CreateOpts::new([pair.id.as_str()])).await.extract()?;
//! let web = flow_classifiers::create(&network, &flow_classifiers::CreateOpts::default()
//!     .logical_source_port("{client_port}").protocol("tcp").destination_ports(80, 80))
//!     .await.extract()?;
//! let chain = port_chains::create(&network, &port_chains::CreateOpts::new([group.id.as_str()])
//!     .flow_classifiers([web.id.as_str()])).await.extract()?;
//! # Ok(()) }
//! ```

crate::resources! {
    nested;
    /// Flow classifiers: the traffic a chain steers.
    pub mod flow_classifiers;
    /// Port chains.
    pub mod port_chains;
    /// Port pair groups.
    pub mod port_pair_groups;
    /// Port pairs: a service function's ports.
    pub mod port_pairs;
    /// Service graphs: chains linked to chains.
    pub mod service_graphs;
}
