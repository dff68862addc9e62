//! `dns-integration` on floating IPs: the DNS name and domain published for the address.
//!
//! ```
//! use ferrocloud::openstack::networking::v2::extensions::fip_dns::FloatingIpDns;
//! let d: FloatingIpDns = serde_json::from_str(r#"{"dns_name": "web", "dns_domain": "example.org."}"#).unwrap();
//! assert_eq!(d.dns_name.as_deref(), Some("web"));
//! assert_eq!(serde_json::to_value(FloatingIpDns::default().dns_name("web").dns_domain("example.org.")).unwrap(),
//!            serde_json::json!({"dns_name": "web", "dns_domain": "example.org."}));
//! ```

super::attributes! {
    /// A floating IP's DNS name and domain (set at creation only).
    FloatingIpDns {
        /// The host name (empty when none).
        "dns_name" => dns_name: String,
        /// The domain, with its final dot (empty when none).
        "dns_domain" => dns_domain: String,
    }
}
