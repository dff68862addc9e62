//! `l3-ext-ndp-proxy`: whether a router answers IPv6 neighbour solicitations for its NDP
//! proxies ([ndp_proxies](crate::openstack::networking::v2::ndp_proxies)).
//!
//! ```
//! use ferrocloud::openstack::networking::v2::extensions::l3_ndp_proxy::EnableNdpProxy;
//! let e: EnableNdpProxy = serde_json::from_str(r#"{"enable_ndp_proxy": false}"#).unwrap();
//! assert_eq!(e.enable_ndp_proxy, Some(false));
//! assert_eq!(serde_json::to_value(EnableNdpProxy::default().enable_ndp_proxy(true)).unwrap(),
//!            serde_json::json!({"enable_ndp_proxy": true}));
//! ```

super::attributes! {
    /// Whether a router's NDP proxies are enabled.
    EnableNdpProxy {
        /// NDP proxies are enabled (Neutron's `enable_ndp_proxy_by_default` otherwise).
        "enable_ndp_proxy" => enable_ndp_proxy: bool,
    }
}
