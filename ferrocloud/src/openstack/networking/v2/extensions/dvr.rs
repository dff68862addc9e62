//! `dvr`: distributed routers, whose routing runs on every compute host.
//!
//! ```
//! use ferrocloud::openstack::networking::v2::extensions::dvr::Distributed;
//! let d: Distributed = serde_json::from_str(r#"{"distributed": true}"#).unwrap();
//! assert_eq!(d.distributed, Some(true));
//! assert_eq!(serde_json::to_value(Distributed::default().distributed(false)).unwrap(),
//!            serde_json::json!({"distributed": false}));
//! ```

super::attributes! {
    /// Whether a router is distributed (admin to set; read by admins).
    Distributed {
        /// The router is distributed.
        "distributed" => distributed: bool,
    }
}
