//! Cinder services (`os-services`, admin): the scheduler, volume and backup services
//! with their state; enabling and disabling them, their log levels (3.32), and the
//! replication controls of a volume backend: freeze, thaw and failover.
//!
//! Facts of Cinder 28 (read from its code and seen on a real one):
//! - `enable` and `disable` answer the new status but do not store it: the service's
//!   `disabled` flag is left as it was (a regression of the schema-validation rework).
//!   [`disable_with_reason`](crate::openstack::blockstorage::v3::services::disable_with_reason) does store it, and then only [`thaw`](crate::openstack::blockstorage::v3::services::thaw) (after a [`freeze`](crate::openstack::blockstorage::v3::services::freeze))
//!   clears it through the API (a thaw leaves `disabled_reason` as `""`).
//! - [`freeze`](crate::openstack::blockstorage::v3::services::freeze) disables the backend's volume service (reason `frozen`) and marks it
//!   frozen; [`thaw`](crate::openstack::blockstorage::v3::services::thaw) enables it again. Both answer 200 without a body.
//! - [`failover_host`](crate::openstack::blockstorage::v3::services::failover_host) needs a backend whose `replication_status` is `enabled` or
//!   `failed-over`; any other is refused with 400 and nothing changes.
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::services::{self, ListOpts, ServiceOpts};
//! let opts = ListOpts { binary: Some("cinder-volume".into()), ..Default::default() };
//! for s in services::list(&volumes, &opts).all().await? {
//!     println!("{} {} {:?} {:?}", s.binary, s.host, s.status, s.state);
//! }
//! let target = ServiceOpts::new("cinder-volume", "devstack@lvmdriver-1");
//! let answer = services::disable(&volumes, &target).await.extract()?;
//! assert!(answer.disabled);
//! services::enable(&volumes, &target).await.extract()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "block-storage";
    /// List Cinder services.
    LIST = GET "/os-services" list("services", Service);
    /// Enable a service.
    ENABLE = PUT "/os-services/enable" request(ServiceOpts) response(ServiceToggled);
    /// Disable a service.
    DISABLE = PUT "/os-services/disable" request(ServiceOpts) response(ServiceToggled);
    /// Disable a service and record why.
    DISABLE_LOG_REASON = PUT "/os-services/disable-log-reason" request(DisableReasonOpts) response(ServiceToggled);
    /// Get the log levels of services.
    GET_LOG = PUT "/os-services/get-log" since("3.32") request(GetLogOpts) list("log_levels", LogLevels);
    /// Set the log levels of services.
    SET_LOG = PUT "/os-services/set-log" since("3.32") request(SetLogOpts);
    /// Freeze a backend (its volume service).
    FREEZE = PUT "/os-services/freeze" request(HostOpts);
    /// Thaw a frozen backend.
    THAW = PUT "/os-services/thaw" request(HostOpts);
    /// Fail a replicating backend over to a secondary.
    FAILOVER_HOST = PUT "/os-services/failover_host" request(FailoverOpts);
}

/// The operations the v2 API documents: none (v2 served `os-services` without
/// documenting it).
pub static V2_OPERATIONS: &[&crate::Operation] = &[];

/// Whether a service is enabled (by the administrator).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ServiceStatus {
    /// Enabled.
    Enabled,
    /// Disabled (see `disabled_reason`).
    Disabled,
    /// A status this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// Whether a service reports in (`up` when its last report is recent enough).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ServiceState {
    /// Reporting.
    Up,
    /// Not reporting.
    Down,
    /// A state this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// A Cinder service.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Service {
    /// `cinder-scheduler`, `cinder-volume`, `cinder-backup`.
    pub binary: String,
    /// The host (`host@backend` for a volume service).
    pub host: String,
    /// The availability zone.
    pub zone: String,
    /// Enabled or disabled.
    pub status: ServiceStatus,
    /// Up or down.
    pub state: ServiceState,
    /// The last report (or change).
    #[serde(with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// Why it was disabled.
    #[serde(default)]
    pub disabled_reason: Option<String>,
    /// Its cluster (since 3.7; `None` outside a cluster).
    #[serde(default)]
    pub cluster: Option<String>,
    /// The state of the backend as the scheduler sees it, `up` or `down` (volume
    /// services, since 3.49).
    #[serde(default)]
    pub backend_state: Option<String>,
    /// The replication status (volume services): `disabled`, `enabled`,
    /// `failing-over`, `failed-over`, `error`….
    #[serde(default)]
    pub replication_status: Option<String>,
    /// The backend it has failed over to (volume services).
    #[serde(default)]
    pub active_backend_id: Option<String>,
    /// Whether the backend is frozen (volume services).
    #[serde(default)]
    pub frozen: Option<bool>,
}

/// Filters of [`list`].
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::services::ListOpts;
/// let opts = ListOpts { host: Some("devstack".into()), binary: Some("cinder-scheduler".into()) };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "host=devstack&binary=cinder-scheduler");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Only the services of this host.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// Only the services of this binary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binary: Option<String>,
}

/// The service to enable or disable.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceOpts {
    /// The binary (`cinder-volume`…).
    pub binary: String,
    /// The host (`host@backend` for a volume service).
    pub host: String,
}

impl ServiceOpts {
    /// The service `binary` of `host`.
    pub fn new(binary: impl Into<String>, host: impl Into<String>) -> Self {
        ServiceOpts {
            binary: binary.into(),
            host: host.into(),
        }
    }
}

fn check_text(field: &str, value: &str) -> Result<()> {
    if value.is_empty() || value.chars().count() > 255 {
        return Err(Error::invalid_input(format!(
            "{field} must be 1 to 255 characters"
        )));
    }
    Ok(())
}

impl Validate for ServiceOpts {
    fn validate(&self) -> Result<()> {
        check_text("binary", &self.binary)?;
        check_text("host", &self.host)
    }
}

/// The service to disable, and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisableReasonOpts {
    /// The binary (`cinder-volume`…).
    pub binary: String,
    /// The host.
    pub host: String,
    /// Why (1 to 255 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled_reason: Option<String>,
}

impl Validate for DisableReasonOpts {
    fn validate(&self) -> Result<()> {
        check_text("binary", &self.binary)?;
        check_text("host", &self.host)?;
        if let Some(r) = &self.disabled_reason {
            check_text("disabled_reason", r.trim())?;
        }
        Ok(())
    }
}

/// The answer to enable, disable and disable with a reason.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ServiceToggled {
    /// The host.
    pub host: String,
    /// The binary, as sent.
    pub binary: String,
    /// The deprecated `service` key, as sent (empty).
    pub service: String,
    /// `enabled` or `disabled`.
    pub status: ServiceStatus,
    /// Whether the service is disabled.
    pub disabled: bool,
    /// Why (disable with a reason; `None` for enable).
    #[serde(default)]
    pub disabled_reason: Option<String>,
}

/// A log level to set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum LogLevel {
    /// `DEBUG`.
    Debug,
    /// `INFO`.
    Info,
    /// `WARNING`.
    Warning,
    /// `ERROR`.
    Error,
}

/// Which services' log levels to read (all by default).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GetLogOpts {
    /// `cinder-api`, `cinder-scheduler`, `cinder-volume`, `cinder-backup`, or `*`/none
    /// for all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub binary: Option<String>,
    /// Only this host (or cluster).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    /// Only the loggers whose name starts with this (`cinder.volume`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
}

const LOG_BINARIES: [&str; 6] = [
    "cinder-api",
    "cinder-scheduler",
    "cinder-volume",
    "cinder-backup",
    "*",
    "",
];

fn check_binary(binary: Option<&str>) -> Result<()> {
    match binary {
        Some(b) if !LOG_BINARIES.contains(&b) => Err(Error::invalid_input(format!(
            "binary must be cinder-api, cinder-scheduler, cinder-volume, cinder-backup or *, not {b:?}"
        ))),
        _ => Ok(()),
    }
}

impl Validate for GetLogOpts {
    fn validate(&self) -> Result<()> {
        check_binary(self.binary.as_deref())
    }
}

/// Which services' log levels to set, and the level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetLogOpts {
    /// As in [`GetLogOpts::binary`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub binary: Option<String>,
    /// As in [`GetLogOpts::server`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    /// As in [`GetLogOpts::prefix`] (none: every logger).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// The new level.
    pub level: LogLevel,
}

impl Validate for SetLogOpts {
    fn validate(&self) -> Result<()> {
        check_binary(self.binary.as_deref())
    }
}

/// The log levels of one service.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct LogLevels {
    /// The binary.
    pub binary: String,
    /// The host.
    pub host: String,
    /// Level (`DEBUG`, `INFO`, `WARNING`, `ERROR`, `NOTSET`…) by logger name.
    pub levels: BTreeMap<String, String>,
}

/// The backend to freeze or thaw: a host, or (since 3.26) a cluster; exactly one.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::services::HostOpts;
/// use ferrocloud::request::Validate;
/// assert!(HostOpts::host("devstack@lvm").validate().is_ok());
/// assert!(HostOpts::default().validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostOpts {
    /// The backend's host (`host@backend`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The backend's cluster (since 3.26).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
}

impl HostOpts {
    /// The backend `host`.
    pub fn host(host: impl Into<String>) -> Self {
        HostOpts {
            host: Some(host.into()),
            cluster: None,
        }
    }
}

fn one_of_host_cluster(host: Option<&str>, cluster: Option<&str>) -> Result<()> {
    let set = |v: Option<&str>| v.is_some_and(|s| !s.is_empty());
    if set(host) == set(cluster) {
        return Err(Error::invalid_input(
            "exactly one of host and cluster must be set",
        ));
    }
    Ok(())
}

impl Validate for HostOpts {
    fn validate(&self) -> Result<()> {
        one_of_host_cluster(self.host.as_deref(), self.cluster.as_deref())
    }
}

/// The backend to fail over, and where to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailoverOpts {
    /// The backend's host (`host@backend`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The backend's cluster (since 3.26).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// The secondary to fail over to (`default` fails back; none, sent as `null`, lets
    /// the driver choose).
    #[serde(default)]
    pub backend_id: Option<String>,
}

impl Validate for FailoverOpts {
    fn validate(&self) -> Result<()> {
        one_of_host_cluster(self.host.as_deref(), self.cluster.as_deref())
    }
}

fn check_cluster(client: &ServiceClient, cluster: &Option<String>) -> Result<()> {
    crate::microversion::check_field(client, "cluster", cluster.is_some(), Some("3.26"), None)
}

/// Lists the services (one page).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Service> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The services of a page of [`list`].
    extract_services, Service
}

/// Enables a service (see the module's notes on Cinder 28).
pub async fn enable(client: &ServiceClient, opts: &ServiceOpts) -> ApiResult<ServiceToggled> {
    client.request(&ENABLE, &[]).body(opts).send().await
}

/// Disables a service (see the module's notes on Cinder 28).
pub async fn disable(client: &ServiceClient, opts: &ServiceOpts) -> ApiResult<ServiceToggled> {
    client.request(&DISABLE, &[]).body(opts).send().await
}

/// Disables a service and records why.
pub async fn disable_with_reason(
    client: &ServiceClient,
    opts: &DisableReasonOpts,
) -> ApiResult<ServiceToggled> {
    client.request(&DISABLE_LOG_REASON, &[]).body(opts).send().await
}

/// Reads the log levels of services (since 3.32).
pub async fn get_log(client: &ServiceClient, opts: &GetLogOpts) -> ApiResult<Vec<LogLevels>> {
    client.request(&GET_LOG, &[]).body(opts).send().await
}

/// Sets the log levels of services (since 3.32; Cinder answers 202).
pub async fn set_log(client: &ServiceClient, opts: &SetLogOpts) -> ApiResult<()> {
    client.request(&SET_LOG, &[]).body(opts).send().await
}

/// Freezes a backend: disables its volume service (reason `frozen`) and refuses
/// changes to its resources until [`thaw`].
pub async fn freeze(client: &ServiceClient, opts: &HostOpts) -> ApiResult<()> {
    if let Err(e) = check_cluster(client, &opts.cluster) {
        return ApiResult::from_error(e);
    }
    client.request(&FREEZE, &[]).body(opts).send().await
}

/// Thaws a frozen backend (enables its volume service again).
pub async fn thaw(client: &ServiceClient, opts: &HostOpts) -> ApiResult<()> {
    if let Err(e) = check_cluster(client, &opts.cluster) {
        return ApiResult::from_error(e);
    }
    client.request(&THAW, &[]).body(opts).send().await
}

/// Fails a replicating backend over (Cinder answers 202 and works on; a backend that
/// does not replicate is refused with 400).
pub async fn failover_host(client: &ServiceClient, opts: &FailoverOpts) -> ApiResult<()> {
    if let Err(e) = check_cluster(client, &opts.cluster) {
        return ApiResult::from_error(e);
    }
    client.request(&FAILOVER_HOST, &[]).body(opts).send().await
}
