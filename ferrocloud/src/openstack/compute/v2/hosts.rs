//! Hosts (os-hosts, admin, until microversion 2.42): the hosts of the Nova services,
//! their resources, maintenance mode and power actions. From 2.43 on, use
//! [the compute services](crate::openstack::compute::v2::compute_services) and
//! [the hypervisors](crate::openstack::compute::v2::hypervisors) instead.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::hosts::{self, ListOpts};
//! let compute = compute.with_microversion("2.42");
//! for h in hosts::list(&compute, &ListOpts::default()).all_pages().await?.extract()? {
//!     println!("{} ({}) in {}", h.host_name, h.service, h.zone);
//! }
//! let resources = hosts::get(&compute, "compute-01").await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::pagination::{PageStyle, Pager};
use crate::request::{at_least_one_of, ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// List hosts (until 2.42).
    LIST = GET "/os-hosts" until("2.42") list("hosts", Host);
    /// Show a host's resources (until 2.42).
    GET = GET "/os-hosts/{host_name}" until("2.42") response("host", Vec<HostResourceEntry>);
    /// Enable or disable a host, or put it in maintenance mode (until 2.42).
    UPDATE = PUT "/os-hosts/{host_name}" until("2.42") request(UpdateOpts) response(HostUpdate);
    /// Reboot a host (until 2.42).
    REBOOT = GET "/os-hosts/{host_name}/reboot" until("2.42") response(PowerAction);
    /// Shut down a host (until 2.42).
    SHUTDOWN = GET "/os-hosts/{host_name}/shutdown" until("2.42") response(PowerAction);
    /// Start a host (until 2.42).
    STARTUP = GET "/os-hosts/{host_name}/startup" until("2.42") response(PowerAction);
}

/// A host and one service on it (a host with several services is listed once per
/// service).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Host {
    /// The host's name.
    pub host_name: String,
    /// The service's topic (`compute`, `scheduler`, `conductor`).
    pub service: String,
    /// Its availability zone (`internal` for control services).
    pub zone: String,
}

/// One item of a host's resources.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct HostResourceEntry {
    /// The resources.
    pub resource: HostResource,
}

/// Resources of a host: the totals (`project: "(total)"`), the use now (`(used_now)`),
/// the most the flavors of its servers ask for (`(used_max)`), then per project.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct HostResource {
    /// The host's name.
    pub host: String,
    /// `(total)`, `(used_now)`, `(used_max)` or a project ID.
    pub project: String,
    /// vCPUs.
    pub cpu: i64,
    /// RAM in MiB.
    pub memory_mb: i64,
    /// Disk in GiB.
    pub disk_gb: i64,
}

/// The answer to a host update.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct HostUpdate {
    /// The host's name.
    pub host: String,
    /// `enabled` or `disabled`, when changed.
    #[serde(default)]
    pub status: Option<String>,
    /// `on_maintenance` or `off_maintenance`, when changed.
    #[serde(default)]
    pub maintenance_mode: Option<String>,
}

/// The answer to a power action.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PowerAction {
    /// The host's name.
    pub host: String,
    /// `reboot`, `shutdown` or `startup`.
    pub power_action: String,
}

/// Filters for listing hosts.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Only hosts in this availability zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
}

/// Changes to a host: `enable` or `disable` (any case) for each field, at least one.
///
/// ```
/// use ferrocloud::openstack::compute::v2::hosts::UpdateOpts;
/// let opts = UpdateOpts { status: Some("enable".into()), maintenance_mode: Some("disable".into()) };
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"status": "enable", "maintenance_mode": "disable"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// Enable or disable scheduling to the host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Enter or leave maintenance mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maintenance_mode: Option<String>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        at_least_one_of(&[
            ("status", self.status.is_some()),
            ("maintenance_mode", self.maintenance_mode.is_some()),
        ])?;
        for (name, v) in [
            ("status", &self.status),
            ("maintenance_mode", &self.maintenance_mode),
        ] {
            if let Some(v) = v
                && !v.eq_ignore_ascii_case("enable") && !v.eq_ignore_ascii_case("disable") {
                    return Err(Error::invalid_input(format!(
                        "{name} must be enable or disable, not {v:?}"
                    )));
                }
        }
        Ok(())
    }
}

/// Lists hosts (until 2.42).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Host> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Single)
}

/// Shows a host's resources (until 2.42).
pub async fn get(client: &ServiceClient, host: &str) -> ApiResult<Vec<HostResourceEntry>> {
    client.request(&GET, &[host]).send().await
}

/// Enables or disables a host, or puts it in or out of maintenance mode (until 2.42).
pub async fn update(
    client: &ServiceClient,
    host: &str,
    opts: &UpdateOpts,
) -> ApiResult<HostUpdate> {
    client.request(&UPDATE, &[host]).body(opts).send().await
}

/// Reboots a host (until 2.42; most drivers answer 501).
pub async fn reboot(client: &ServiceClient, host: &str) -> ApiResult<PowerAction> {
    client.request(&REBOOT, &[host]).send().await
}

/// Shuts a host down (until 2.42; most drivers answer 501).
pub async fn shutdown(client: &ServiceClient, host: &str) -> ApiResult<PowerAction> {
    client.request(&SHUTDOWN, &[host]).send().await
}

/// Starts a host (until 2.42; most drivers answer 501).
pub async fn startup(client: &ServiceClient, host: &str) -> ApiResult<PowerAction> {
    client.request(&STARTUP, &[host]).send().await
}
