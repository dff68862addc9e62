//! Port interfaces of a server: attach, list, show, detach (`os-interface`).
//!
//! An interface is attached from an existing Neutron port, or from a network (Nova then
//! creates the port, optionally with a fixed IP). Attaching and detaching are
//! asynchronous: the port's `device_id` and the server's addresses change shortly after.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::interfaces::{self, CreateOpts};
//! let server = "0e44cc9c-e052-415d-afbf-469b0d384170";
//!
//! let iface = interfaces::create(&compute, server, &CreateOpts::port("ce531f90-199f-48c0-816c-13e38010b442")).await.extract()?;
//! println!("{} on {}", iface.mac_addr, iface.net_id);
//! let on_net = CreateOpts::network("3cb9bc59-5699-4588-a4b1-b87f96708bc6").fixed_ip("192.168.1.3");
//! interfaces::create(&compute, server, &on_net).await.ok()?;
//!
//! for i in interfaces::extract_interfaces(&interfaces::list(&compute, server).all_pages().await?)? {
//!     println!("{} {}", i.port_id, i.port_state);
//! }
//! interfaces::delete(&compute, server, &iface.port_id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// List the port interfaces of a server.
    LIST = GET "/servers/{server_id}/os-interface" list("interfaceAttachments", Interface);
    /// Attach an interface (a port, or a network) to a server.
    CREATE = POST "/servers/{server_id}/os-interface" request("interfaceAttachment", CreateOpts) response("interfaceAttachment", Interface);
    /// Show one port interface of a server.
    GET = GET "/servers/{server_id}/os-interface/{port_id}" response("interfaceAttachment", Interface);
    /// Detach a port interface from a server.
    DELETE = DELETE "/servers/{server_id}/os-interface/{port_id}";
}

/// A fixed IP address of an interface.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct FixedIp {
    /// The address.
    pub ip_address: String,
    /// The subnet it belongs to.
    pub subnet_id: String,
}

/// A port interface of a server.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Interface {
    /// The port's ID.
    pub port_id: String,
    /// The network's ID.
    pub net_id: String,
    /// The port's MAC address.
    pub mac_addr: String,
    /// The port's status (`ACTIVE`, `DOWN`, `BUILD`…).
    pub port_state: String,
    /// The port's fixed IP addresses.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub fixed_ips: Vec<FixedIp>,
    /// The device tag given when it was attached (2.70+; `None` when untagged).
    #[serde(default)]
    pub tag: Option<String>,
}

/// A fixed IP requested for an interface attached from a network.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct FixedIpRequest {
    /// The address (IPv4 or IPv6).
    pub ip_address: String,
}

/// What to attach: a port (`port_id`), or a network (`net_id`, with at most one fixed IP).
/// Nova picks a network itself when both are unset and the server's project has one.
///
/// ```
/// use ferrocloud::openstack::compute::v2::interfaces::CreateOpts;
/// use ferrocloud::request::Validate;
/// let o = CreateOpts::network("net-1").fixed_ip("10.0.0.5").tag("data");
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!(
///     {"net_id": "net-1", "fixed_ips": [{"ip_address": "10.0.0.5"}], "tag": "data"}));
/// let both = CreateOpts { net_id: Some("n".into()), ..CreateOpts::port("p") };
/// assert!(both.validate().unwrap_err().to_string().contains("port_id"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct CreateOpts {
    /// An existing port to attach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_id: Option<String>,
    /// A network to attach (Nova creates the port).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_id: Option<String>,
    /// The fixed IP to request on `net_id` (one at most).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_ips: Option<Vec<FixedIpRequest>>,
    /// A device tag, exposed to the guest through the metadata (2.49+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
}

impl CreateOpts {
    /// Attach the existing port `port_id`.
    pub fn port(port_id: impl Into<String>) -> Self {
        CreateOpts {
            port_id: Some(port_id.into()),
            ..Default::default()
        }
    }

    /// Attach a new port on the network `net_id`.
    pub fn network(net_id: impl Into<String>) -> Self {
        CreateOpts {
            net_id: Some(net_id.into()),
            ..Default::default()
        }
    }

    /// Requests this fixed IP (with [`CreateOpts::network`]).
    pub fn fixed_ip(mut self, ip_address: impl Into<String>) -> Self {
        self.fixed_ips = Some(vec![FixedIpRequest {
            ip_address: ip_address.into(),
        }]);
        self
    }

    /// Sets the device tag (2.49+).
    pub fn tag(mut self, tag: impl Into<String>) -> Self {
        self.tag = Some(tag.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        if self.port_id.is_some() && self.net_id.is_some() {
            return Err(Error::invalid_input(
                "port_id and net_id are exclusive: attach a port or a network",
            ));
        }
        if self.port_id.as_deref() == Some("") {
            return Err(Error::invalid_input("port_id must not be empty"));
        }
        if self.net_id.as_deref() == Some("") {
            return Err(Error::invalid_input("net_id must not be empty"));
        }
        if let Some(ips) = &self.fixed_ips {
            if ips.len() != 1 {
                return Err(Error::invalid_input(format!(
                    "fixed_ips takes exactly one address ({} given)",
                    ips.len()
                )));
            }
            if ips[0].ip_address.parse::<std::net::IpAddr>().is_err() {
                return Err(Error::invalid_input(format!(
                    "fixed_ips: {:?} is not an IP address",
                    ips[0].ip_address
                )));
            }
            if self.net_id.is_none() {
                return Err(Error::invalid_input("fixed_ips needs net_id"));
            }
        }
        if let Some(tag) = &self.tag {
            let n = tag.chars().count();
            if n == 0 || n > 60 || tag.contains(['/', ',']) {
                return Err(Error::invalid_input(format!(
                    "tag {tag:?} must be 1 to 60 characters without '/' or ','"
                )));
            }
        }
        Ok(())
    }
}

/// Refuses a field the client's microversion does not have yet.
fn needs(client: &ServiceClient, field: &str, version: &str) -> Result<()> {
    crate::microversion::check_field(client, field, true, Some(version), None)
}

/// Lists the port interfaces of a server (one page).
pub fn list(client: &ServiceClient, server_id: &str) -> Pager<Interface> {
    client.request(&LIST, &[server_id]).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The interfaces of a page.
    extract_interfaces, Interface
}

/// Attaches an interface to a server. A `tag` needs microversion 2.49 (refused before
/// sending otherwise).
pub async fn create(
    client: &ServiceClient,
    server_id: &str,
    opts: &CreateOpts,
) -> ApiResult<Interface> {
    if opts.tag.is_some()
        && let Err(e) = needs(client, "tag", "2.49") {
            return ApiResult::from_error(e);
        }
    client
        .request(&CREATE, &[server_id])
        .body(opts)
        .send()
        .await
}

/// Shows one port interface of a server.
pub async fn get(client: &ServiceClient, server_id: &str, port_id: &str) -> ApiResult<Interface> {
    client.request(&GET, &[server_id, port_id]).send().await
}

/// Detaches a port interface from a server (asynchronous: Nova answers 202). A port that
/// Nova created for the interface is deleted; a port given by the user is kept.
pub async fn delete(client: &ServiceClient, server_id: &str, port_id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[server_id, port_id]).send().await
}
