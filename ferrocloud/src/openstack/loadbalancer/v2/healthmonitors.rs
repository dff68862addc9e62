//! Health monitors: how a pool checks its members (one monitor per pool).
//!
//! ```no_run
//! # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::loadbalancer::v2::healthmonitors::{self, CreateOpts, MonitorType};
//! let opts = CreateOpts {
//!     url_path: Some("/healthz".into()),
//!     ..CreateOpts::new("4029d267", MonitorType::Http, 10, 5, 3)
//! };
//! let hm = healthmonitors::create(&lb, &opts).await.extract()?;
//! healthmonitors::wait_for_status(&lb, &hm.id, &Default::default()).await?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{
    IdRef, ListControls, OperatingStatus, ProvisioningStatus, lb_functions, named, provisioned,
};
use crate::dates::Timestamp;
use crate::request::Validate;

crate::operations! {
    service: "load-balancer";
    /// List health monitors.
    LIST = GET "/lbaas/healthmonitors" list("healthmonitors", HealthMonitor);
    /// Create a health monitor.
    CREATE = POST "/lbaas/healthmonitors" request("healthmonitor", CreateOpts) response("healthmonitor", HealthMonitor);
    /// Show a health monitor.
    GET = GET "/lbaas/healthmonitors/{healthmonitor_id}" response("healthmonitor", HealthMonitor);
    /// Update a health monitor.
    UPDATE = PUT "/lbaas/healthmonitors/{healthmonitor_id}" request("healthmonitor", UpdateOpts) response("healthmonitor", HealthMonitor);
    /// Delete a health monitor.
    DELETE = DELETE "/lbaas/healthmonitors/{healthmonitor_id}";
}

crate::de::text_enum! {
    /// How a health monitor checks members.
    ///
    /// ```
    /// use ferrocloud::openstack::loadbalancer::v2::healthmonitors::MonitorType;
    /// assert_eq!(MonitorType::TlsHello.as_str(), "TLS-HELLO");
    /// ```
    MonitorType {
        /// An HTTP request.
        Http = "HTTP",
        /// An HTTPS request.
        Https = "HTTPS",
        /// An ICMP echo.
        Ping = "PING",
        /// A TCP connection.
        Tcp = "TCP",
        /// A TLS handshake.
        TlsHello = "TLS-HELLO",
        /// A UDP datagram.
        UdpConnect = "UDP-CONNECT",
        /// An SCTP association.
        Sctp = "SCTP",
    }
}

/// A health monitor.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct HealthMonitor {
    /// The ID.
    pub id: String,
    /// The name (`""` when it has none).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub name: String,
    /// How it checks.
    #[serde(rename = "type")]
    pub monitor_type: MonitorType,
    /// Seconds between checks.
    pub delay: u64,
    /// Seconds a check may take.
    pub timeout: u64,
    /// Successful checks before a member is `ONLINE`.
    pub max_retries: u32,
    /// Failed checks before a member is `ERROR`.
    pub max_retries_down: u32,
    /// The HTTP method of HTTP checks.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub http_method: Option<String>,
    /// The path of HTTP checks.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub url_path: Option<String>,
    /// The HTTP statuses that pass (`200`, `200,202`, `200-204`).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub expected_codes: Option<String>,
    /// Whether it is up administratively.
    pub admin_state_up: bool,
    /// The owning project.
    pub project_id: String,
    /// Its pool.
    pub pools: Vec<IdRef>,
    /// Where its provisioning stands.
    pub provisioning_status: ProvisioningStatus,
    /// How it is doing.
    pub operating_status: OperatingStatus,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed (`null` if never).
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Tags (API 2.5).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub tags: Vec<String>,
    /// The HTTP version of HTTP checks (`1.0`, `1.1`; API 2.10).
    #[serde(default)]
    pub http_version: Option<f64>,
    /// The `Host` of HTTP/1.1 checks (API 2.10).
    #[serde(default)]
    pub domain_name: Option<String>,
}

named!(HealthMonitor);
provisioned!(HealthMonitor);

/// What [`list`] filters on, besides the [`ListControls`].
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::healthmonitors::{ListOpts, MonitorType};
/// let opts = ListOpts { monitor_type: Some(MonitorType::Ping), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "type=PING");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Monitors of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Of this pool.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pool_id: Option<String>,
    /// Of this kind.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub monitor_type: Option<MonitorType>,
    /// Of this project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
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

/// What [`create`] sends (with `pool_id`), and the monitor of a pool of a load
/// balancer's tree (without it).
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::healthmonitors::{CreateOpts, MonitorType};
/// let opts = CreateOpts::new("4029d267", MonitorType::Tcp, 5, 3, 2);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "pool_id": "4029d267", "type": "TCP", "delay": 5, "timeout": 3, "max_retries": 2}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The pool (required, except in a load balancer's tree).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pool_id: Option<String>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How it checks (required).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub monitor_type: Option<MonitorType>,
    /// Seconds between checks (required).
    pub delay: u64,
    /// Seconds a check may take (required; not more than `delay`).
    pub timeout: u64,
    /// Successful checks before a member is `ONLINE` (1 to 10; required).
    pub max_retries: u32,
    /// Failed checks before a member is `ERROR` (1 to 10; 3 by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_retries_down: Option<u32>,
    /// The HTTP method of HTTP checks (`GET` by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_method: Option<String>,
    /// The path of HTTP checks (`/` by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url_path: Option<String>,
    /// The HTTP statuses that pass (`200` by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_codes: Option<String>,
    /// Up administratively (the default) or down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// The owning project (admins; deprecated by Octavia).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Tags (API 2.5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The HTTP version of HTTP checks (API 2.10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_version: Option<f64>,
    /// The `Host` of HTTP/1.1 checks (API 2.10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_name: Option<String>,
}

impl CreateOpts {
    /// A monitor of `pool_id` checking every `delay` s, each check taking at most
    /// `timeout` s, a member being `ONLINE` after `max_retries` successes.
    ///
    /// ```
    /// use ferrocloud::openstack::loadbalancer::v2::healthmonitors::{CreateOpts, MonitorType};
    /// assert_eq!(CreateOpts::new("p", MonitorType::Ping, 5, 3, 2).delay, 5);
    /// ```
    pub fn new(
        pool_id: impl Into<String>,
        monitor_type: MonitorType,
        delay: u64,
        timeout: u64,
        max_retries: u32,
    ) -> Self {
        CreateOpts {
            pool_id: Some(pool_id.into()),
            monitor_type: Some(monitor_type),
            delay,
            timeout,
            max_retries,
            ..Default::default()
        }
    }

    /// Checks a monitor of a load balancer's tree.
    pub(crate) fn validate_in_tree(&self) -> crate::Result<()> {
        crate::request::require("type", self.monitor_type.is_some())?;
        crate::request::require("max_retries", self.max_retries != 0)
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require(
            "pool_id",
            self.pool_id.as_deref().is_some_and(|s| !s.is_empty()),
        )?;
        self.validate_in_tree()
    }
}

/// What [`update`] changes.
///
/// ```
/// let opts = ferrocloud::openstack::loadbalancer::v2::healthmonitors::UpdateOpts { delay: Some(5), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"delay": 5}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new delay, in s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay: Option<u64>,
    /// A new timeout, in s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<u64>,
    /// New successes before `ONLINE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_retries: Option<u32>,
    /// New failures before `ERROR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_retries_down: Option<u32>,
    /// A new HTTP method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_method: Option<String>,
    /// A new path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url_path: Option<String>,
    /// New passing statuses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_codes: Option<String>,
    /// Up or down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// New tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// A new HTTP version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_version: Option<f64>,
    /// A new `Host`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_name: Option<String>,
}

impl Validate for UpdateOpts {}

lb_functions! {
    HealthMonitor, "health monitor", "healthmonitors_links", extract_healthmonitors, [];
    list get create update delete find wait
}
