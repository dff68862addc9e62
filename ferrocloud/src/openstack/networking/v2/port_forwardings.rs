//! Port forwardings of a floating IP (`floating-ip-port-forwarding`): traffic to a port
//! (or port range) of the floating IP goes to a port of an internal address. A floating
//! IP with port forwardings cannot be associated with a port.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, fip: &str, port: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::port_forwardings::{self, CreateOpts, UpdateOpts};
//! let opts = CreateOpts::new("tcp", port, "10.0.0.5").ports(22, 2222).description("ssh");
//! let pf = port_forwardings::create(&network, fip, &opts).await.extract()?;
//! port_forwardings::update(&network, fip, &pf.id, &UpdateOpts::default().external_port(2200)).await.ok()?;
//! port_forwardings::delete(&network, fip, &pf.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List the port forwardings of a floating IP.
    LIST = GET "/floatingips/{floatingip_id}/port_forwardings"
        list("port_forwardings", PortForwarding);
    /// Show a port forwarding.
    GET = GET "/floatingips/{floatingip_id}/port_forwardings/{port_forwarding_id}"
        response("port_forwarding", PortForwarding);
    /// Create a port forwarding.
    CREATE = POST "/floatingips/{floatingip_id}/port_forwardings"
        request("port_forwarding", CreateOpts) response("port_forwarding", PortForwarding);
    /// Update a port forwarding.
    UPDATE = PUT "/floatingips/{floatingip_id}/port_forwardings/{port_forwarding_id}"
        request("port_forwarding", UpdateOpts) response("port_forwarding", PortForwarding);
    /// Delete a port forwarding.
    DELETE = DELETE "/floatingips/{floatingip_id}/port_forwardings/{port_forwarding_id}";
}

/// A port forwarding. It forwards one port (`external_port` to `internal_port`) or a
/// range (`external_port_range` to `internal_port_range`, `floating-ip-port-forwarding-port-ranges`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PortForwarding {
    /// The ID.
    pub id: String,
    /// The protocol (`tcp`, `udp`…).
    pub protocol: String,
    /// The internal port (a Neutron port's ID) traffic goes to.
    pub internal_port_id: String,
    /// The address of the internal port traffic goes to.
    pub internal_ip_address: String,
    /// The internal port number (`None` for a range).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_port: Option<u16>,
    /// The floating IP's port number (`None` for a range).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_port: Option<u16>,
    /// The internal port range (`80:90`), for a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_port_range: Option<String>,
    /// The floating IP's port range (`8080:8090`), for a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_port_range: Option<String>,
    /// Its description (`floating-ip-port-forwarding-description`; a floating IP's own
    /// listing of its forwardings leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Options for creating a port forwarding: a protocol, the internal port and address,
/// and either one port on each side ([`CreateOpts::ports`]) or ranges
/// ([`CreateOpts::port_ranges`]).
///
/// ```
/// use ferrocloud::openstack::networking::v2::port_forwardings::CreateOpts;
/// use ferrocloud::request::Validate;
/// let opts = CreateOpts::new("tcp", "p1", "10.0.0.5").ports(22, 2222);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"protocol": "tcp",
///     "internal_port_id": "p1", "internal_ip_address": "10.0.0.5", "internal_port": 22,
///     "external_port": 2222}));
/// assert!(CreateOpts::new("tcp", "p1", "10.0.0.5").validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The protocol (`tcp`, `udp`…).
    pub protocol: String,
    /// The internal port (a Neutron port's ID).
    pub internal_port_id: String,
    /// One of the internal port's addresses.
    pub internal_ip_address: String,
    /// The internal port number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_port: Option<u16>,
    /// The floating IP's port number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_port: Option<u16>,
    /// The internal port range (`80:90`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_port_range: Option<String>,
    /// The floating IP's port range (`8080:8090`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_port_range: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CreateOpts {
    /// Forwards `protocol` to `internal_ip_address` on the port `internal_port_id`; set
    /// the port numbers with [`ports`](Self::ports) or [`port_ranges`](Self::port_ranges).
    pub fn new(
        protocol: impl Into<String>,
        internal_port_id: impl Into<String>,
        internal_ip_address: impl Into<String>,
    ) -> Self {
        CreateOpts {
            protocol: protocol.into(),
            internal_port_id: internal_port_id.into(),
            internal_ip_address: internal_ip_address.into(),
            ..Default::default()
        }
    }
    /// Forwards the floating IP's port `external` to the internal port `internal`.
    pub fn ports(mut self, internal: u16, external: u16) -> Self {
        self.internal_port = Some(internal);
        self.external_port = Some(external);
        self
    }
    /// Forwards the floating IP's ports `external` (`8080:8090`) to the internal ports
    /// `internal` (`80:90`, as many).
    pub fn port_ranges(mut self, internal: impl Into<String>, external: impl Into<String>) -> Self {
        self.internal_port_range = Some(internal.into());
        self.external_port_range = Some(external.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}

fn check_ports(
    internal: Option<u16>,
    external: Option<u16>,
    internal_range: Option<&String>,
    external_range: Option<&String>,
) -> Result<()> {
    if internal == Some(0) || external == Some(0) {
        return Err(Error::invalid_input("port numbers go from 1 to 65535"));
    }
    if (internal.is_some() || external.is_some())
        && (internal_range.is_some() || external_range.is_some())
    {
        return Err(Error::invalid_input(
            "set port numbers or port ranges, not both",
        ));
    }
    Ok(())
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("protocol", !self.protocol.is_empty())?;
        crate::request::require("internal_port_id", !self.internal_port_id.is_empty())?;
        crate::request::require("internal_ip_address", !self.internal_ip_address.is_empty())?;
        check_ports(
            self.internal_port,
            self.external_port,
            self.internal_port_range.as_ref(),
            self.external_port_range.as_ref(),
        )?;
        let ports = self.internal_port.is_some() && self.external_port.is_some();
        let ranges = self.internal_port_range.is_some() && self.external_port_range.is_some();
        if !ports && !ranges {
            return Err(Error::invalid_input(
                "a port forwarding needs internal_port and external_port, or \
                 internal_port_range and external_port_range",
            ));
        }
        Ok(())
    }
}

/// Changes to a port forwarding; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::port_forwardings::UpdateOpts;
/// let opts = UpdateOpts::default().protocol("udp").internal_port(37).external_port(1960);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "protocol": "udp", "internal_port": 37, "external_port": 1960}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new protocol.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    /// A new internal port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_port_id: Option<String>,
    /// A new internal address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_ip_address: Option<String>,
    /// A new internal port number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_port: Option<u16>,
    /// A new external port number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_port: Option<u16>,
    /// A new internal port range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_port_range: Option<String>,
    /// A new external port range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_port_range: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl UpdateOpts {
    /// Sets the protocol.
    pub fn protocol(mut self, protocol: impl Into<String>) -> Self {
        self.protocol = Some(protocol.into());
        self
    }
    /// Sets the internal port and address.
    pub fn internal(mut self, port_id: impl Into<String>, ip_address: impl Into<String>) -> Self {
        self.internal_port_id = Some(port_id.into());
        self.internal_ip_address = Some(ip_address.into());
        self
    }
    /// Sets the internal port number.
    pub fn internal_port(mut self, port: u16) -> Self {
        self.internal_port = Some(port);
        self
    }
    /// Sets the external port number.
    pub fn external_port(mut self, port: u16) -> Self {
        self.external_port = Some(port);
        self
    }
    /// Sets both port ranges.
    pub fn port_ranges(mut self, internal: impl Into<String>, external: impl Into<String>) -> Self {
        self.internal_port_range = Some(internal.into());
        self.external_port_range = Some(external.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        check_ports(
            self.internal_port,
            self.external_port,
            self.internal_port_range.as_ref(),
            self.external_port_range.as_ref(),
        )
    }
}

/// Filters for listing a floating IP's port forwardings.
///
/// ```
/// use ferrocloud::openstack::networking::v2::port_forwardings::ListOpts;
/// let opts = ListOpts { protocol: Some("tcp".into()), external_port: Some(2222), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "protocol=tcp&external_port=2222");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By protocol.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    /// By internal port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub internal_port_id: Option<String>,
    /// By external port number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_port: Option<u16>,
    /// By external port range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_port_range: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::common::child_resource_functions! {
    PortForwarding, "port forwarding", "port_forwardings", "floating IP", extract_port_forwardings,
    ListOpts; list get create update delete
}
