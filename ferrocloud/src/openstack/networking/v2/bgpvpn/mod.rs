//! BGP VPNs (the `networking-bgpvpn` plugin, extension aliases `bgpvpn`,
//! `bgpvpn-routes-control`, `bgpvpn-vni`): VPNs a provider's BGP routers carry, joined
//! to networks, routers and ports by associations.
//!
//! A BGP VPN holds route targets (`ASN:n` or `IP:n`; `route_targets` both imports and
//! exports, `import_targets`/`export_targets` one way), optional route distinguishers,
//! and, with `bgpvpn-routes-control`, a local preference; with `bgpvpn-vni`, a VXLAN
//! VNI. Route targets and distinguishers are usually set by an administrator; projects
//! associate their networks, routers and ports.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::bgpvpn::{bgpvpns, network_associations, port_associations};
//! use ferrocloud::openstack::networking::v2::bgpvpn::port_associations::Route;
//!
//! let vpn = bgpvpns::create(&network, &bgpvpns::CreateOpts::new("blue")
//!     .route_targets(["64512:1444"])).await.extract()?;
//! network_associations::create(&network, &vpn.id,
//!     &network_associations::CreateOpts::new("{network_id}")).await.extract()?;
//! port_associations::create(&network, &vpn.id, &port_associations::CreateOpts::new("{port_id}")
//!     .routes([Route::prefix("20.1.0.0/16")])).await.extract()?;
//! # Ok(()) }
//! ```

crate::resources! {
    nested;
    /// BGP VPNs.
    pub mod bgpvpns;
    /// Networks joined to a BGP VPN.
    pub mod network_associations;
    /// Ports joined to a BGP VPN, with extra routes.
    pub mod port_associations;
    /// Routers joined to a BGP VPN.
    pub mod router_associations;
}

/// Implements `project()` (the owning project, under either name) for BGP VPN
/// association types with `project_id` and `tenant_id`.
macro_rules! owner_project {
    ($item:ty) => {
        impl $item {
            /// The owning project, under either name.
            pub fn project(&self) -> Option<&str> {
                self.project_id.as_deref().or(self.tenant_id.as_deref())
            }
        }
    };
}
pub(crate) use owner_project;
