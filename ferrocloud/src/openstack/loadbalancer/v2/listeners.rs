//! Listeners: a protocol and port of a load balancer, with its TLS settings (Barbican
//! container references for its certificate, SNI certificates, client CA and CRL),
//! allowed CIDRs, timeouts and inserted headers, sending traffic to a default pool or
//! through L7 policies.
//!
//! ```no_run
//! # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::loadbalancer::v2::common::Protocol;
//! use ferrocloud::openstack::loadbalancer::v2::listeners::{self, ClientAuthentication, CreateOpts};
//! let opts = CreateOpts {
//!     default_tls_container_ref: Some("https://barbican/v1/containers/a570068c".into()),
//!     client_authentication: Some(ClientAuthentication::Optional),
//!     allowed_cidrs: vec!["192.0.2.0/24".into()],
//!     ..CreateOpts::new("607226db", Protocol::TerminatedHttps, 443)
//! };
//! let listener = listeners::create(&lb, &opts).await.extract()?;
//! let listener = listeners::wait_for_status(&lb, &listener.id, &Default::default()).await?;
//! let stats = listeners::stats(&lb, &listener.id).await.extract()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::{
    IdRef, ListControls, OperatingStatus, Protocol, ProvisioningStatus, Stats, lb_functions,
    named, provisioned,
};
use super::{l7policies, pools};
use crate::ServiceClient;
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};

crate::operations! {
    service: "load-balancer";
    /// List listeners.
    LIST = GET "/lbaas/listeners" list("listeners", Listener);
    /// Create a listener.
    CREATE = POST "/lbaas/listeners" request("listener", CreateOpts) response("listener", Listener);
    /// Show a listener.
    GET = GET "/lbaas/listeners/{listener_id}" response("listener", Listener);
    /// Update a listener.
    UPDATE = PUT "/lbaas/listeners/{listener_id}" request("listener", UpdateOpts) response("listener", Listener);
    /// Delete a listener.
    DELETE = DELETE "/lbaas/listeners/{listener_id}";
    /// Show a listener's statistics.
    STATS = GET "/lbaas/listeners/{listener_id}/stats" response("stats", Stats);
}

crate::de::text_enum! {
    /// Whether a `TERMINATED_HTTPS` listener asks clients for a certificate (API 2.8).
    ///
    /// ```
    /// use ferrocloud::openstack::loadbalancer::v2::listeners::ClientAuthentication;
    /// assert_eq!(ClientAuthentication::Mandatory.to_string(), "MANDATORY");
    /// ```
    ClientAuthentication {
        /// No client certificate.
        None = "NONE",
        /// A certificate is checked when the client sends one.
        Optional = "OPTIONAL",
        /// A valid client certificate is required.
        Mandatory = "MANDATORY",
    }
}

/// A listener.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Listener {
    /// The ID.
    pub id: String,
    /// The name (`""` when it has none).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub name: String,
    /// The description (`""` when it has none).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub description: String,
    /// Where its provisioning stands.
    pub provisioning_status: ProvisioningStatus,
    /// How it is doing.
    pub operating_status: OperatingStatus,
    /// Whether it is up administratively.
    pub admin_state_up: bool,
    /// The protocol.
    pub protocol: Protocol,
    /// The port.
    pub protocol_port: u16,
    /// The most connections at once (`-1`: no limit).
    #[serde(default)]
    pub connection_limit: Option<i64>,
    /// The Barbican container of its certificate (`TERMINATED_HTTPS`).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub default_tls_container_ref: Option<String>,
    /// The Barbican containers of its SNI certificates.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub sni_container_refs: Vec<String>,
    /// The owning project.
    pub project_id: String,
    /// The pool that gets the traffic no L7 policy takes.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub default_pool_id: Option<String>,
    /// Its L7 policies.
    pub l7policies: Vec<IdRef>,
    /// The headers added to requests sent to members (`X-Forwarded-For`: `"true"`…).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub insert_headers: BTreeMap<String, String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed (`null` if never).
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Its load balancers.
    pub loadbalancers: Vec<IdRef>,
    /// Client inactivity timeout, in ms (API 2.1).
    #[serde(default)]
    pub timeout_client_data: Option<u64>,
    /// Member connection timeout, in ms (API 2.1).
    #[serde(default)]
    pub timeout_member_connect: Option<u64>,
    /// Member inactivity timeout, in ms (API 2.1).
    #[serde(default)]
    pub timeout_member_data: Option<u64>,
    /// How long to wait for content to inspect, in ms (API 2.1).
    #[serde(default)]
    pub timeout_tcp_inspect: Option<u64>,
    /// Tags (API 2.5).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub tags: Vec<String>,
    /// The Barbican container of the CA that signs client certificates (API 2.8).
    #[serde(default)]
    pub client_ca_tls_container_ref: Option<String>,
    /// Whether clients must send a certificate (API 2.8).
    #[serde(default)]
    pub client_authentication: Option<ClientAuthentication>,
    /// The Barbican container of the CRL of client certificates (API 2.8).
    #[serde(default)]
    pub client_crl_container_ref: Option<String>,
    /// The CIDRs allowed to connect (empty: all; API 2.12).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub allowed_cidrs: Vec<String>,
    /// The TLS ciphers, OpenSSL style (API 2.15).
    #[serde(default)]
    pub tls_ciphers: Option<String>,
    /// The TLS versions (`TLSv1.2`, `TLSv1.3`; API 2.17).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub tls_versions: Vec<String>,
    /// The ALPN protocols (`h2`, `http/1.1`; API 2.20).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub alpn_protocols: Vec<String>,
    /// HTTP Strict Transport Security max age, in s (API 2.27).
    #[serde(default)]
    pub hsts_max_age: Option<u64>,
    /// HSTS for subdomains too (API 2.27).
    #[serde(default)]
    pub hsts_include_subdomains: Option<bool>,
    /// HSTS preload (API 2.27).
    #[serde(default)]
    pub hsts_preload: Option<bool>,
}

named!(Listener);
provisioned!(Listener);

/// What [`list`] filters on, besides the [`ListControls`].
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::common::Protocol;
/// use ferrocloud::openstack::loadbalancer::v2::listeners::ListOpts;
/// let opts = ListOpts { protocol: Some(Protocol::Https), protocol_port: Some(443), ..Default::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "protocol=HTTPS&protocol_port=443");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Listeners of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// With this description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Of this load balancer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loadbalancer_id: Option<String>,
    /// Of this project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Of this protocol.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<Protocol>,
    /// On this port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol_port: Option<u16>,
    /// With this default pool.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_pool_id: Option<String>,
    /// In this provisioning status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioning_status: Option<ProvisioningStatus>,
    /// In this operating status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operating_status: Option<OperatingStatus>,
    /// Up or down administratively.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// Paging, sorting, fields and tags.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] sends, and a listener of a load balancer's tree
/// ([`loadbalancers::CreateOpts::listeners`](crate::openstack::loadbalancer::v2::loadbalancers::CreateOpts),
/// without `loadbalancer_id`, made with [`CreateOpts::in_tree`]).
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::common::Protocol;
/// use ferrocloud::openstack::loadbalancer::v2::listeners::CreateOpts;
/// let opts = CreateOpts { connection_limit: Some(200), ..CreateOpts::new("607226db", Protocol::Http, 80) };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "loadbalancer_id": "607226db", "protocol": "HTTP", "protocol_port": 80, "connection_limit": 200}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The load balancer (required, except in a load balancer's tree).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loadbalancer_id: Option<String>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Up administratively (the default) or down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// The protocol (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<Protocol>,
    /// The port (required).
    pub protocol_port: u16,
    /// The most connections at once (`-1`: no limit, the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_limit: Option<i64>,
    /// The Barbican container of its certificate (`TERMINATED_HTTPS`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_tls_container_ref: Option<String>,
    /// The Barbican containers of its SNI certificates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sni_container_refs: Vec<String>,
    /// The owning project (admins; deprecated by Octavia).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// An existing pool for the traffic no L7 policy takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_pool_id: Option<String>,
    /// A pool created with it (in a load balancer's tree).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_pool: Option<Box<pools::CreateOpts>>,
    /// L7 policies created with it (in a load balancer's tree).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub l7policies: Vec<l7policies::CreateOpts>,
    /// Headers added to requests sent to members (`X-Forwarded-For`: `"true"`…).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub insert_headers: BTreeMap<String, String>,
    /// Client inactivity timeout, in ms (API 2.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_client_data: Option<u64>,
    /// Member connection timeout, in ms (API 2.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_member_connect: Option<u64>,
    /// Member inactivity timeout, in ms (API 2.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_member_data: Option<u64>,
    /// How long to wait for content to inspect, in ms (API 2.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_tcp_inspect: Option<u64>,
    /// Tags (API 2.5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The Barbican container of the CA of client certificates (API 2.8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_ca_tls_container_ref: Option<String>,
    /// Whether clients must send a certificate (API 2.8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_authentication: Option<ClientAuthentication>,
    /// The Barbican container of the CRL of client certificates (API 2.8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_crl_container_ref: Option<String>,
    /// The CIDRs allowed to connect (API 2.12).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_cidrs: Vec<String>,
    /// The TLS ciphers, OpenSSL style (API 2.15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_ciphers: Option<String>,
    /// The TLS versions (API 2.17).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tls_versions: Vec<String>,
    /// The ALPN protocols (API 2.20).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alpn_protocols: Vec<String>,
    /// HTTP Strict Transport Security max age, in s (API 2.27).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hsts_max_age: Option<u64>,
    /// HSTS for subdomains too (API 2.27).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hsts_include_subdomains: Option<bool>,
    /// HSTS preload (API 2.27).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hsts_preload: Option<bool>,
}

impl CreateOpts {
    /// A listener of `loadbalancer_id` on `protocol` and `port`.
    ///
    /// ```
    /// use ferrocloud::openstack::loadbalancer::v2::{common::Protocol, listeners::CreateOpts};
    /// let o = CreateOpts::new("lb", Protocol::Tcp, 22);
    /// assert_eq!(o.loadbalancer_id.as_deref(), Some("lb"));
    /// ```
    pub fn new(loadbalancer_id: impl Into<String>, protocol: Protocol, port: u16) -> Self {
        CreateOpts {
            loadbalancer_id: Some(loadbalancer_id.into()),
            ..CreateOpts::in_tree(protocol, port)
        }
    }

    /// A listener on `protocol` and `port`, created with its load balancer.
    ///
    /// ```
    /// use ferrocloud::openstack::loadbalancer::v2::{common::Protocol, listeners::CreateOpts};
    /// let o = CreateOpts::in_tree(Protocol::Udp, 53);
    /// assert_eq!(o.loadbalancer_id, None);
    /// ```
    pub fn in_tree(protocol: Protocol, port: u16) -> Self {
        CreateOpts {
            protocol: Some(protocol),
            protocol_port: port,
            ..Default::default()
        }
    }

    /// Checks a listener of a load balancer's tree (and its pool and policies).
    pub(crate) fn validate_in_tree(&self) -> crate::Result<()> {
        crate::request::require("protocol", self.protocol.is_some())?;
        crate::request::require("protocol_port", self.protocol_port != 0)?;
        if let Some(p) = &self.default_pool {
            p.validate_in_tree()?;
        }
        for p in &self.l7policies {
            p.validate_in_tree()?;
        }
        Ok(())
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require(
            "loadbalancer_id",
            self.loadbalancer_id.as_deref().is_some_and(|s| !s.is_empty()),
        )?;
        self.validate_in_tree()
    }
}

/// What [`update`] changes. A field set to `Some` replaces the old value; lists replace
/// the old lists.
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::listeners::UpdateOpts;
/// let opts = UpdateOpts { timeout_client_data: Some(100000), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"timeout_client_data": 100000}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Up or down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// A new connection limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_limit: Option<i64>,
    /// A new certificate container. (`Some(None)` removes it).
    #[serde(
        default,
        deserialize_with = "crate::de::double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub default_tls_container_ref: Option<Option<String>>,
    /// New SNI certificate containers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sni_container_refs: Option<Vec<String>>,
    /// A new default pool. (`Some(None)` removes it).
    #[serde(
        default,
        deserialize_with = "crate::de::double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub default_pool_id: Option<Option<String>>,
    /// New inserted headers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insert_headers: Option<BTreeMap<String, String>>,
    /// A new client inactivity timeout, in ms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_client_data: Option<u64>,
    /// A new member connection timeout, in ms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_member_connect: Option<u64>,
    /// A new member inactivity timeout, in ms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_member_data: Option<u64>,
    /// A new inspection timeout, in ms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_tcp_inspect: Option<u64>,
    /// New tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// A new client CA container. (`Some(None)` removes it).
    #[serde(
        default,
        deserialize_with = "crate::de::double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub client_ca_tls_container_ref: Option<Option<String>>,
    /// A new client authentication mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_authentication: Option<ClientAuthentication>,
    /// A new client CRL container. (`Some(None)` removes it).
    #[serde(
        default,
        deserialize_with = "crate::de::double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub client_crl_container_ref: Option<Option<String>>,
    /// New allowed CIDRs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_cidrs: Option<Vec<String>>,
    /// New TLS ciphers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_ciphers: Option<String>,
    /// New TLS versions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_versions: Option<Vec<String>>,
    /// New ALPN protocols.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alpn_protocols: Option<Vec<String>>,
    /// A new HSTS max age, in s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hsts_max_age: Option<u64>,
    /// HSTS for subdomains too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hsts_include_subdomains: Option<bool>,
    /// HSTS preload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hsts_preload: Option<bool>,
}

impl Validate for UpdateOpts {}

lb_functions! {
    Listener, "listener", "listeners_links", extract_listeners, [];
    list get create update delete find wait
}

/// A listener's statistics.
///
/// ```no_run
/// # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let s = ferrocloud::openstack::loadbalancer::v2::listeners::stats(&lb, "023f2e34").await.extract()?;
/// println!("{} bytes in", s.bytes_in);
/// # Ok(()) }
/// ```
pub async fn stats(client: &ServiceClient, id: &str) -> ApiResult<Stats> {
    client.request(&STATS, &[id]).send().await
}
