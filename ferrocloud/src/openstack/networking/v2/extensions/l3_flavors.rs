//! `l3-flavors`: the flavor (service provider) a router was created with.
//!
//! ```
//! use ferrocloud::openstack::networking::v2::extensions::l3_flavors::FlavorId;
//! let f: FlavorId = serde_json::from_str(r#"{"flavor_id": null}"#).unwrap();
//! assert_eq!(f.flavor_id, None);
//! assert_eq!(serde_json::to_value(FlavorId::default().flavor_id("gold")).unwrap(),
//!            serde_json::json!({"flavor_id": "gold"}));
//! ```

super::attributes! {
    /// A router's flavor.
    FlavorId {
        /// The flavor's ID (`null`, read as `None`, for the default provider). Set at
        /// creation only.
        "flavor_id" => flavor_id: String,
    }
}
