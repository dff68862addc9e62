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

/// The functions of a BGP VPN association (a resource under
/// `/bgpvpn/bgpvpns/{bgpvpn_id}/…`): `list`, `extract_<items>`, `get`, `create`,
/// `delete`, and with `update`, `update`. The module declares the operations `LIST`,
/// `GET`, `CREATE`, `DELETE` (and `UPDATE`) and the types `ListOpts`, `CreateOpts` (and
/// `UpdateOpts`).
macro_rules! association_functions {
    ($item:ty, $noun:literal, $plural:literal, $extract:ident) => {
        #[doc = concat!("Lists a BGP VPN's ", $plural, ", following `", $plural, "_links` from page to page.")]
        pub fn list(
            client: &$crate::ServiceClient,
            bgpvpn_id: &str,
            opts: &ListOpts,
        ) -> $crate::pagination::Pager<$item> {
            client
                .request(&LIST, &[bgpvpn_id])
                .query(opts)
                .paged($crate::pagination::PageStyle::Links(concat!($plural, "_links")))
        }

        $crate::operation::extract_fn! {
            #[doc = concat!("The ", $plural, " of a page.")]
            $extract, $item
        }

        #[doc = concat!("Shows a ", $noun, " of a BGP VPN.")]
        pub async fn get(
            client: &$crate::ServiceClient,
            bgpvpn_id: &str,
            id: &str,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&GET, &[bgpvpn_id, id]).send().await
        }

        #[doc = concat!("Creates a ", $noun, " of a BGP VPN.")]
        pub async fn create(
            client: &$crate::ServiceClient,
            bgpvpn_id: &str,
            opts: &CreateOpts,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&CREATE, &[bgpvpn_id]).body(opts).send().await
        }

        #[doc = concat!("Deletes a ", $noun, " of a BGP VPN.")]
        pub async fn delete(
            client: &$crate::ServiceClient,
            bgpvpn_id: &str,
            id: &str,
        ) -> $crate::request::ApiResult<()> {
            client.request(&DELETE, &[bgpvpn_id, id]).send().await
        }

        impl $item {
            /// The owning project, under either name.
            pub fn project(&self) -> Option<&str> {
                self.project_id.as_deref().or(self.tenant_id.as_deref())
            }
        }
    };
    ($item:ty, $noun:literal, $plural:literal, $extract:ident, update) => {
        $crate::openstack::networking::v2::bgpvpn::association_functions! {
            $item, $noun, $plural, $extract
        }

        #[doc = concat!("Updates a ", $noun, " of a BGP VPN.")]
        pub async fn update(
            client: &$crate::ServiceClient,
            bgpvpn_id: &str,
            id: &str,
            opts: &UpdateOpts,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&UPDATE, &[bgpvpn_id, id]).body(opts).send().await
        }
    };
}
pub(crate) use association_functions;
