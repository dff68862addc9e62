//! `routerservicetype`: the service type a router was created with, on clouds whose
//! plugin loads this extension (Neutron's own L3 plugin does not).
//!
//! ```
//! use ferrocloud::openstack::networking::v2::extensions::router_service_type::ServiceTypeId;
//! let s: ServiceTypeId = serde_json::from_str(r#"{"service_type_id": null}"#).unwrap();
//! assert_eq!(s.service_type_id, None);
//! ```

super::attributes! {
    /// A router's service type.
    ServiceTypeId {
        /// The service type's ID (`null`, read as `None`, for none).
        "service_type_id" => service_type_id: String,
    }
}
