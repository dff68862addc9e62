//! Remote consoles (VNC, SPICE, serial, RDP, MKS) and console authentication tokens.
//!
//! From microversion 2.6 a console is created with [`create`](crate::openstack::compute::v2::remote_consoles::create) (`POST
//! /servers/{id}/remote-consoles`); before, with the per-protocol actions of
//! [the server actions](crate::openstack::compute::v2::server_actions)
//! (`get_vnc_console`…). The URL carries a token that grants access to the console: it
//! is left out of `Debug` output. An admin (or the console proxy) reads what a token
//! stands for with [`get_connection`](crate::openstack::compute::v2::remote_consoles::get_connection) (2.31+).
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::remote_consoles::{self, ConsoleType, CreateOpts, Protocol};
//! let compute = compute.with_microversion("2.6");
//! let console = remote_consoles::create(&compute, "0e44cc9c", &CreateOpts::new(Protocol::Vnc, ConsoleType::NoVnc))
//!     .await
//!     .extract()?;
//! println!("open {}", console.url);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "compute";
    /// Create a remote console of a server (2.6+).
    CREATE = POST "/servers/{server_id}/remote-consoles" since("2.6")
        request("remote_console", CreateOpts) response("remote_console", RemoteConsole);
    /// Show what a console authentication token connects to (2.31+; before, only RDP
    /// consoles, which Nova no longer has).
    GET_CONNECTION = GET "/os-console-auth-tokens/{console_token}" since("2.31")
        response("console", ConsoleConnection);
}

/// A console protocol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Protocol {
    /// VNC.
    #[serde(rename = "vnc")]
    Vnc,
    /// SPICE.
    #[serde(rename = "spice")]
    Spice,
    /// A serial console.
    #[serde(rename = "serial")]
    Serial,
    /// RDP (removed from Nova with the Hyper-V driver).
    #[serde(rename = "rdp")]
    Rdp,
    /// VMware MKS (2.8+).
    #[serde(rename = "mks")]
    Mks,
    /// A value this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// A console type: the client the console is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConsoleType {
    /// noVNC, the HTML5 VNC client (protocol `vnc`).
    #[serde(rename = "novnc")]
    NoVnc,
    /// The XenAPI VNC proxy (protocol `vnc`, removed).
    #[serde(rename = "xvpvnc")]
    XvpVnc,
    /// The HTML5 SPICE client (protocol `spice`).
    #[serde(rename = "spice-html5")]
    SpiceHtml5,
    /// A direct SPICE connection through the proxy (protocol `spice`, 2.99+).
    #[serde(rename = "spice-direct")]
    SpiceDirect,
    /// A serial console over a websocket (protocol `serial`).
    #[serde(rename = "serial")]
    Serial,
    /// The HTML5 RDP client (protocol `rdp`, removed).
    #[serde(rename = "rdp-html5")]
    RdpHtml5,
    /// The VMware WebMKS client (protocol `mks`, 2.8+).
    #[serde(rename = "webmks")]
    WebMks,
    /// A value this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// The console to create.
///
/// ```
/// use ferrocloud::openstack::compute::v2::remote_consoles::{ConsoleType, CreateOpts, Protocol};
/// let o = CreateOpts::new(Protocol::Serial, ConsoleType::Serial);
/// assert_eq!(serde_json::to_string(&o).unwrap(), r#"{"protocol":"serial","type":"serial"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The protocol.
    pub protocol: Protocol,
    /// The console type (which must go with the protocol).
    #[serde(rename = "type")]
    pub console_type: ConsoleType,
}

impl Default for CreateOpts {
    /// A noVNC console.
    fn default() -> Self {
        CreateOpts::new(Protocol::Vnc, ConsoleType::NoVnc)
    }
}

impl CreateOpts {
    /// A console of this protocol and type.
    pub fn new(protocol: Protocol, console_type: ConsoleType) -> Self {
        CreateOpts {
            protocol,
            console_type,
        }
    }
}

impl Validate for CreateOpts {}

/// A remote console. The URL holds an access token: `Debug` leaves it out.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct RemoteConsole {
    /// The protocol.
    pub protocol: Protocol,
    /// The console type.
    #[serde(rename = "type")]
    pub console_type: ConsoleType,
    /// The URL to open (with its token).
    pub url: String,
}

impl std::fmt::Debug for RemoteConsole {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RemoteConsole")
            .field("protocol", &self.protocol)
            .field("console_type", &self.console_type)
            .field("url", &"[REDACTED]")
            .finish()
    }
}

/// What a console authentication token connects to.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ConsoleConnection {
    /// The server.
    pub instance_uuid: String,
    /// The host the console listens on.
    #[serde(default)]
    pub host: Option<String>,
    /// Its port.
    pub port: u16,
    /// Its TLS port (`spice-direct` consoles, 2.99+).
    #[serde(default)]
    pub tls_port: Option<u16>,
    /// The path to reach the console behind the proxy.
    #[serde(default)]
    pub internal_access_path: Option<String>,
}

/// Creates a remote console of a server (2.6+).
pub async fn create(
    client: &ServiceClient,
    server_id: &str,
    opts: &CreateOpts,
) -> ApiResult<RemoteConsole> {
    client
        .request(&CREATE, &[server_id])
        .body(opts)
        .send()
        .await
}

/// Shows what a console token connects to (2.31+; admin by default).
pub async fn get_connection(
    client: &ServiceClient,
    console_token: &str,
) -> ApiResult<ConsoleConnection> {
    client
        .request(&GET_CONNECTION, &[console_token])
        .send()
        .await
}

/// The token in a console URL (`?token=…`, or inside the `path` parameter of noVNC
/// URLs), for [`get_connection`].
///
/// ```
/// use ferrocloud::openstack::compute::v2::remote_consoles::token_of;
/// assert_eq!(token_of("http://h:6080/vnc_auto.html?path=%3Ftoken%3Dab-12").as_deref(), Some("ab-12"));
/// assert_eq!(token_of("ws://h:6083/?token=f9906a48").as_deref(), Some("f9906a48"));
/// assert_eq!(token_of("http://h/"), None);
/// ```
pub fn token_of(url: &str) -> Option<String> {
    let url = url::Url::parse(url).ok()?;
    for (k, v) in url.query_pairs() {
        if k == "token" {
            return Some(v.into_owned());
        }
        if k == "path" {
            let inner = v.trim_start_matches(['/', '?']);
            let found = url::form_urlencoded::parse(inner.as_bytes())
                .find(|(k, _)| k == "token")
                .map(|(_, v)| v.into_owned());
            if found.is_some() {
                return found;
            }
        }
    }
    None
}

/// The console of a server, as the deprecated per-protocol actions
/// (`os-getVNCConsole`…, until 2.5) answer. The URL holds an access token: `Debug`
/// leaves it out.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Console {
    /// The console type.
    #[serde(rename = "type")]
    pub console_type: ConsoleType,
    /// The URL to open (with its token).
    pub url: String,
}

impl std::fmt::Debug for Console {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Console")
            .field("console_type", &self.console_type)
            .field("url", &"[REDACTED]")
            .finish()
    }
}
