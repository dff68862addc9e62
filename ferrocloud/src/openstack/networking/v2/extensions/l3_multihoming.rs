//! `external-gateway-multihoming` (with `enable-default-route-ecmp` and
//! `enable-default-route-bfd`): routers with several external gateways, managed with
//! [`add_external_gateways`](crate::openstack::networking::v2::routers::add_external_gateways)
//! and its siblings. The first gateway is also the router's `external_gateway_info`.
//! Neutron's OVN driver has these extensions; its ML2/OVS L3 plugin does not.
//!
//! ```
//! use ferrocloud::openstack::networking::v2::extensions::l3_multihoming::ExternalGateways;
//! let g: ExternalGateways = serde_json::from_str(r#"{"external_gateways": [
//!     {"network_id": "n1", "enable_snat": false, "external_fixed_ips": []}],
//!     "enable_default_route_ecmp": true}"#).unwrap();
//! assert_eq!(g.external_gateways.unwrap()[0].network_id, "n1");
//! assert_eq!(g.enable_default_route_ecmp, Some(true));
//! assert_eq!(serde_json::to_value(ExternalGateways::default().enable_default_route_bfd(true)).unwrap(),
//!            serde_json::json!({"enable_default_route_bfd": true}));
//! ```

use crate::openstack::networking::v2::routers::GatewayInfo;

super::attributes! {
    /// A router's external gateways and how its default routes use them.
    ExternalGateways {
        /// Every external gateway (read only: change them with the gateway actions).
        "external_gateways" => external_gateways: Vec<GatewayInfo>,
        /// Install a default route through every gateway (equal-cost multipath).
        "enable_default_route_ecmp" => enable_default_route_ecmp: bool,
        /// Watch the default routes' next hops with BFD.
        "enable_default_route_bfd" => enable_default_route_bfd: bool,
    }
}
