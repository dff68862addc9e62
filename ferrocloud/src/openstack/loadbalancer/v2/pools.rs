//! Pools: the members a listener (or an L7 policy) sends traffic to, the algorithm that
//! picks one, session persistence, and TLS towards the members.
//!
//! ```no_run
//! # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::loadbalancer::v2::common::Protocol;
//! use ferrocloud::openstack::loadbalancer::v2::pools::{self, CreateOpts, LbAlgorithm, SessionPersistence};
//! let opts = CreateOpts {
//!     listener_id: Some("023f2e34".into()),
//!     session_persistence: Some(SessionPersistence::app_cookie("ChocolateChip")),
//!     ..CreateOpts::new(Protocol::Http, LbAlgorithm::LeastConnections)
//! };
//! let pool = pools::create(&lb, &opts).await.extract()?;
//! let same = pools::find(&lb, &pool.id).await?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{
    IdRef, ListControls, OperatingStatus, Protocol, ProvisioningStatus, lb_functions, named,
    provisioned,
};
use super::{healthmonitors, members};
use crate::dates::Timestamp;
use crate::request::Validate;

crate::operations! {
    service: "load-balancer";
    /// List pools.
    LIST = GET "/lbaas/pools" list("pools", Pool);
    /// Create a pool.
    CREATE = POST "/lbaas/pools" request("pool", CreateOpts) response("pool", Pool);
    /// Show a pool.
    GET = GET "/lbaas/pools/{pool_id}" response("pool", Pool);
    /// Update a pool.
    UPDATE = PUT "/lbaas/pools/{pool_id}" request("pool", UpdateOpts) response("pool", Pool);
    /// Delete a pool.
    DELETE = DELETE "/lbaas/pools/{pool_id}";
}

crate::de::text_enum! {
    /// How a pool picks a member.
    ///
    /// ```
    /// use ferrocloud::openstack::loadbalancer::v2::pools::LbAlgorithm;
    /// assert_eq!(LbAlgorithm::SourceIpPort.as_str(), "SOURCE_IP_PORT");
    /// ```
    LbAlgorithm {
        /// In turn.
        RoundRobin = "ROUND_ROBIN",
        /// The one with the fewest connections.
        LeastConnections = "LEAST_CONNECTIONS",
        /// By a hash of the client's address.
        SourceIp = "SOURCE_IP",
        /// By a hash of the client's address and port (OVN).
        SourceIpPort = "SOURCE_IP_PORT",
    }
}

crate::de::text_enum! {
    /// How a pool keeps a client on one member.
    ///
    /// ```
    /// use ferrocloud::openstack::loadbalancer::v2::pools::PersistenceType;
    /// assert_eq!(PersistenceType::HttpCookie.to_string(), "HTTP_COOKIE");
    /// ```
    PersistenceType {
        /// By the application's cookie named `cookie_name`.
        AppCookie = "APP_COOKIE",
        /// By a cookie the load balancer sets.
        HttpCookie = "HTTP_COOKIE",
        /// By the client's address.
        SourceIp = "SOURCE_IP",
    }
}

/// The session persistence of a pool.
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::pools::SessionPersistence;
/// assert_eq!(serde_json::to_value(SessionPersistence::app_cookie("ChocolateChip")).unwrap(),
///     serde_json::json!({"type": "APP_COOKIE", "cookie_name": "ChocolateChip"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionPersistence {
    /// The kind.
    #[serde(rename = "type")]
    pub persistence_type: PersistenceType,
    /// The application's cookie (`APP_COOKIE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cookie_name: Option<String>,
    /// How long an entry is kept, in s (UDP pools; API 2.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistence_timeout: Option<u64>,
    /// The netmask that groups clients (UDP pools; API 2.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistence_granularity: Option<String>,
}

impl SessionPersistence {
    /// Persistence of the given kind.
    ///
    /// ```
    /// use ferrocloud::openstack::loadbalancer::v2::pools::{PersistenceType, SessionPersistence};
    /// let p = SessionPersistence::new(PersistenceType::SourceIp);
    /// assert_eq!(p.cookie_name, None);
    /// ```
    pub fn new(persistence_type: PersistenceType) -> Self {
        SessionPersistence {
            persistence_type,
            cookie_name: None,
            persistence_timeout: None,
            persistence_granularity: None,
        }
    }

    /// Persistence by the application's cookie `cookie_name`.
    ///
    /// ```
    /// use ferrocloud::openstack::loadbalancer::v2::pools::SessionPersistence;
    /// assert_eq!(SessionPersistence::app_cookie("c").cookie_name.as_deref(), Some("c"));
    /// ```
    pub fn app_cookie(cookie_name: impl Into<String>) -> Self {
        SessionPersistence {
            cookie_name: Some(cookie_name.into()),
            ..SessionPersistence::new(PersistenceType::AppCookie)
        }
    }
}

/// A pool.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Pool {
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
    /// The protocol towards the members.
    pub protocol: Protocol,
    /// How it picks a member.
    pub lb_algorithm: LbAlgorithm,
    /// Its session persistence, if any.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub session_persistence: Option<SessionPersistence>,
    /// The owning project.
    pub project_id: String,
    /// Its listeners.
    pub listeners: Vec<IdRef>,
    /// Its load balancers.
    pub loadbalancers: Vec<IdRef>,
    /// Its members.
    pub members: Vec<IdRef>,
    /// Its health monitor (Octavia leaves the field out of a pool without one).
    #[serde(default, deserialize_with = "crate::de::nullable")]
    pub healthmonitor_id: Option<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed (`null` if never).
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Tags (API 2.5).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub tags: Vec<String>,
    /// The Barbican container of the client certificate shown to members (API 2.8).
    #[serde(default)]
    pub tls_container_ref: Option<String>,
    /// The Barbican container of the CA that signs the members' certificates (API 2.8).
    #[serde(default)]
    pub ca_tls_container_ref: Option<String>,
    /// The Barbican container of the CRL of the members' certificates (API 2.8).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub crl_container_ref: Option<String>,
    /// Whether traffic to members is TLS (API 2.8).
    #[serde(default)]
    pub tls_enabled: Option<bool>,
    /// The TLS ciphers, OpenSSL style (API 2.15).
    #[serde(default)]
    pub tls_ciphers: Option<String>,
    /// The TLS versions (API 2.17).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub tls_versions: Vec<String>,
    /// The ALPN protocols (API 2.24).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub alpn_protocols: Vec<String>,
}

named!(Pool);
provisioned!(Pool);

/// What [`list`] filters on, besides the [`ListControls`].
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::pools::{ListOpts, LbAlgorithm};
/// let opts = ListOpts { lb_algorithm: Some(LbAlgorithm::RoundRobin), ..Default::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "lb_algorithm=ROUND_ROBIN");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Pools of this name.
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
    /// With this algorithm.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lb_algorithm: Option<LbAlgorithm>,
    /// With this health monitor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub healthmonitor_id: Option<String>,
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

/// What [`create`] sends (with `listener_id` or `loadbalancer_id`), and a pool of a load
/// balancer's tree (without either; with its `healthmonitor` and `members`).
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::common::Protocol;
/// use ferrocloud::openstack::loadbalancer::v2::pools::{CreateOpts, LbAlgorithm};
/// let opts = CreateOpts { listener_id: Some("023f2e34".into()), ..CreateOpts::new(Protocol::Http, LbAlgorithm::RoundRobin) };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "listener_id": "023f2e34", "protocol": "HTTP", "lb_algorithm": "ROUND_ROBIN"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The listener whose default pool it becomes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listener_id: Option<String>,
    /// The load balancer (for a pool only L7 policies use).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loadbalancer_id: Option<String>,
    /// The name (in a tree, how a listener's `default_pool` names it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Up administratively (the default) or down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// The protocol towards the members (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<Protocol>,
    /// How it picks a member (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lb_algorithm: Option<LbAlgorithm>,
    /// Session persistence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_persistence: Option<SessionPersistence>,
    /// The owning project (admins; deprecated by Octavia).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// A health monitor created with it (in a load balancer's tree).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub healthmonitor: Option<healthmonitors::CreateOpts>,
    /// Members created with it (in a load balancer's tree).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<members::CreateOpts>,
    /// Tags (API 2.5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The Barbican container of a client certificate for the members (API 2.8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_container_ref: Option<String>,
    /// The Barbican container of the CA of the members' certificates (API 2.8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_tls_container_ref: Option<String>,
    /// The Barbican container of the CRL of the members' certificates (API 2.8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crl_container_ref: Option<String>,
    /// TLS towards the members (API 2.8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_enabled: Option<bool>,
    /// The TLS ciphers (API 2.15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_ciphers: Option<String>,
    /// The TLS versions (API 2.17).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tls_versions: Vec<String>,
    /// The ALPN protocols (API 2.24).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alpn_protocols: Vec<String>,
}

impl CreateOpts {
    /// A pool of `protocol` whose members are picked by `lb_algorithm`.
    ///
    /// ```
    /// use ferrocloud::openstack::loadbalancer::v2::{common::Protocol, pools::{CreateOpts, LbAlgorithm}};
    /// let o = CreateOpts::new(Protocol::Tcp, LbAlgorithm::SourceIp);
    /// assert_eq!(o.protocol, Some(Protocol::Tcp));
    /// ```
    pub fn new(protocol: Protocol, lb_algorithm: LbAlgorithm) -> Self {
        CreateOpts {
            protocol: Some(protocol),
            lb_algorithm: Some(lb_algorithm),
            ..Default::default()
        }
    }

    /// Checks a pool of a load balancer's tree (its monitor and members). A listener's
    /// `default_pool` may hold only the `name` of a pool of the tree's `pools`, so
    /// Octavia resolves the rest.
    pub(crate) fn validate_in_tree(&self) -> crate::Result<()> {
        if let Some(m) = &self.healthmonitor {
            m.validate_in_tree()?;
        }
        for m in &self.members {
            m.validate()?;
        }
        Ok(())
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::at_least_one_of(&[
            ("listener_id", self.listener_id.is_some()),
            ("loadbalancer_id", self.loadbalancer_id.is_some()),
        ])?;
        crate::request::require("protocol", self.protocol.is_some())?;
        crate::request::require("lb_algorithm", self.lb_algorithm.is_some())?;
        self.validate_in_tree()
    }
}

/// What [`update`] changes.
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::pools::{LbAlgorithm, UpdateOpts};
/// let opts = UpdateOpts { lb_algorithm: Some(LbAlgorithm::LeastConnections), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"lb_algorithm": "LEAST_CONNECTIONS"}));
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
    /// A new algorithm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lb_algorithm: Option<LbAlgorithm>,
    /// New session persistence. (`Some(None)` removes it).
    #[serde(
        default,
        deserialize_with = "crate::de::double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub session_persistence: Option<Option<SessionPersistence>>,
    /// New tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// A new client certificate container. (`Some(None)` removes it).
    #[serde(
        default,
        deserialize_with = "crate::de::double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub tls_container_ref: Option<Option<String>>,
    /// A new CA container. (`Some(None)` removes it).
    #[serde(
        default,
        deserialize_with = "crate::de::double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub ca_tls_container_ref: Option<Option<String>>,
    /// A new CRL container. (`Some(None)` removes it).
    #[serde(
        default,
        deserialize_with = "crate::de::double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub crl_container_ref: Option<Option<String>>,
    /// TLS towards the members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_enabled: Option<bool>,
    /// New TLS ciphers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_ciphers: Option<String>,
    /// New TLS versions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_versions: Option<Vec<String>>,
    /// New ALPN protocols.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alpn_protocols: Option<Vec<String>>,
}

impl Validate for UpdateOpts {}

lb_functions! {
    Pool, "pool", "pools_links", extract_pools, [];
    list get create update delete find wait
}
