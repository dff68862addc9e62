//! `dns-integration` on ports: a port's DNS name, and the names Neutron gave its
//! addresses. The port's own DNS domain (`dns-domain-ports`) is
//! [`DnsDomain`](crate::openstack::networking::v2::extensions::dns::DnsDomain).
//!
//! ```
//! use ferrocloud::openstack::networking::v2::extensions::port_dns::PortDns;
//! assert_eq!(serde_json::to_value(PortDns::default().dns_name("web-1")).unwrap(),
//!            serde_json::json!({"dns_name": "web-1"}));
//! ```

use serde::{Deserialize, Serialize};

/// The DNS name of one of a port's addresses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DnsAssignment {
    /// The host name.
    pub hostname: String,
    /// The address.
    pub ip_address: String,
    /// The fully qualified name.
    pub fqdn: String,
}

/// The DNS attributes of a port: `dns_name` may be sent, `dns_assignment` is read-only.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PortDns {
    /// The port's DNS name (empty: none; Neutron ignores it when it has no DNS domain
    /// configured).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns_name: Option<String>,
    /// The names of its addresses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns_assignment: Option<Vec<DnsAssignment>>,
}

impl PortDns {
    /// Sets the DNS name.
    pub fn dns_name(mut self, name: impl Into<String>) -> Self {
        self.dns_name = Some(name.into());
        self
    }
}

impl crate::request::Validate for PortDns {
    fn validate(&self) -> crate::Result<()> {
        if self.dns_assignment.is_some() {
            return Err(crate::Error::invalid_input(
                "dns_assignment is set by Neutron, not sent",
            ));
        }
        Ok(())
    }
}
