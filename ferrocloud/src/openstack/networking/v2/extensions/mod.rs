//! Attributes that Neutron's API extensions add to the base resources. Each type both
//! reads (`extract_into::<With<Network, Provider>>()`) and writes
//! (`With::new(CreateOpts::new(..), Provider::vlan(..))`): unset fields are not sent.
//!
//! ```
//! use ferrocloud::openstack::networking::v2::extensions::mtu::Mtu;
//! let read: Mtu = serde_json::from_str(r#"{"mtu": 1450}"#).unwrap();
//! assert_eq!(read.mtu, Some(1450));
//! assert_eq!(serde_json::to_value(Mtu::default().mtu(9000u32)).unwrap(),
//!            serde_json::json!({"mtu": 9000}));
//! assert_eq!(serde_json::to_value(Mtu::default()).unwrap(), serde_json::json!({}));
//! ```

pub mod address_scopes;
pub mod availability_zones;
pub mod binding;
pub mod data_plane_status;
pub mod dns;
pub mod dvr;
pub mod external;
pub mod fip_dns;
pub mod fip_port_details;
pub mod fip_port_forwardings;
pub mod ip_allocation;
pub mod l2_adjacency;
pub mod l3_conntrack_helper;
pub mod l3_flavors;
pub mod l3_ha;
pub mod l3_multihoming;
pub mod l3_ndp_proxy;
pub mod mac_learning;
pub mod mtu;
pub mod numa_affinity_policy;
pub mod port_device_profile;
pub mod port_dns;
pub mod port_hardware_offload_type;
pub mod port_hints;
pub mod port_resource_request;
pub mod port_security;
pub mod port_trusted_vif;
pub mod provider;
pub mod pvlan;
pub mod qos;
pub mod qos_network_policy;
pub mod router_service_type;
pub mod segments;
pub mod service_types;
pub mod trunk_details;
pub mod uplink_status_propagation;
pub mod vlan_transparent;

/// Declares an extension type of optional attributes, each with a setter of its name.
macro_rules! attributes {
    ($(#[$meta:meta])* $name:ident {
        $($(#[$fmeta:meta])* $key:literal => $field:ident: $ty:ty),+ $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[non_exhaustive]
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[serde(rename = $key, default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )+
        }

        impl $name {
            $(
                #[doc = concat!("Sets `", $key, "`.")]
                pub fn $field(mut self, value: impl Into<$ty>) -> Self {
                    self.$field = Some(value.into());
                    self
                }
            )+
        }

        impl $crate::request::Validate for $name {}
    };
}
pub(crate) use attributes;
