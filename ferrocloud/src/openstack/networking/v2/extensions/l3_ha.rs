//! `l3-ha`: highly available routers, run by several L3 agents (one active).
//!
//! ```
//! use ferrocloud::openstack::networking::v2::extensions::l3_ha::Ha;
//! let h: Ha = serde_json::from_str(r#"{"ha": false}"#).unwrap();
//! assert_eq!(h.ha, Some(false));
//! assert_eq!(serde_json::to_value(Ha::default().ha(true)).unwrap(), serde_json::json!({"ha": true}));
//! ```

super::attributes! {
    /// Whether a router is highly available (admin to set; read by admins).
    Ha {
        /// The router is highly available.
        "ha" => ha: bool,
    }
}
