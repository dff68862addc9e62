//! Compute services (os-services, admin): the Nova services on each host, enabling and
//! disabling scheduling to a compute host, forcing it down, deleting it.
//!
//! From microversion 2.53, a service is changed by its ID (a UUID) with
//! [`update`](crate::openstack::compute::v2::compute_services::update); before that, by
//! host and binary with
//! [`enable_by_host`](crate::openstack::compute::v2::compute_services::enable_by_host),
//! [`disable_by_host`](crate::openstack::compute::v2::compute_services::disable_by_host),
//! [`disable_log_reason_by_host`](crate::openstack::compute::v2::compute_services::disable_log_reason_by_host)
//! and [`force_down_by_host`](crate::openstack::compute::v2::compute_services::force_down_by_host)
//! (2.11+). Service IDs are integers before 2.53 and UUIDs from 2.53; both are read as
//! text.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::compute_services::{self, ListOpts, UpdateOpts};
//! let compute = compute.with_microversion("2.53");
//! let opts = ListOpts { binary: Some("nova-compute".into()), ..Default::default() };
//! let svc = compute_services::list(&compute, &opts).all_pages().await?.extract()?.remove(0);
//! let id = svc.id.as_deref().expect("a service in a reachable cell has an ID");
//! compute_services::update(&compute, id, &UpdateOpts::disable("maintenance")).await.extract()?;
//! compute_services::update(&compute, id, &UpdateOpts::enable()).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{at_least_one_of, require, ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// List compute services.
    LIST = GET "/os-services" list("services", Service);
    /// Disable scheduling to a service, by host and binary (until 2.52).
    DISABLE = PUT "/os-services/disable" until("2.52") request(HostBinary) response("service", Service);
    /// Disable scheduling to a service and log why, by host and binary (until 2.52).
    DISABLE_LOG_REASON = PUT "/os-services/disable-log-reason" until("2.52") request(DisableLogReason) response("service", Service);
    /// Enable scheduling to a service, by host and binary (until 2.52).
    ENABLE = PUT "/os-services/enable" until("2.52") request(HostBinary) response("service", Service);
    /// Force a service down or up, by host and binary (2.11 to 2.52).
    FORCE_DOWN = PUT "/os-services/force-down" since("2.11") until("2.52") request(ForceDown) response("service", Service);
    /// Update a service by its ID (2.53+).
    UPDATE = PUT "/os-services/{service_id}" since("2.53") request(UpdateOpts) response("service", Service);
    /// Delete a service (and its compute node records).
    DELETE = DELETE "/os-services/{service_id}";
}

/// A compute service. The legacy enable/disable/force-down calls answer with `binary`,
/// `host` and the changed fields only, and from 2.69 a service in a cell that cannot be
/// reached has `binary`, `host` and `status` only; the other fields are then `None`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Service {
    /// The ID: an integer before 2.53, a UUID from 2.53 (as text).
    #[serde(default, deserialize_with = "super::servers::non_empty_text")]
    pub id: Option<String>,
    /// The binary (`nova-compute`, `nova-scheduler`, `nova-conductor`).
    pub binary: String,
    /// The host it runs on.
    pub host: String,
    /// `enabled` or `disabled` (`UNKNOWN` from 2.69 when its cell is down; not in the
    /// legacy force-down answer).
    #[serde(default)]
    pub status: Option<String>,
    /// `up` or `down`.
    #[serde(default)]
    pub state: Option<String>,
    /// Its availability zone (`internal` for control services).
    #[serde(default)]
    pub zone: Option<String>,
    /// Why it is disabled.
    #[serde(default)]
    pub disabled_reason: Option<String>,
    /// When it last reported.
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// Whether it is forced down (2.11+).
    #[serde(default)]
    pub forced_down: Option<bool>,
}

/// Filters for listing services.
///
/// ```
/// use ferrocloud::openstack::compute::v2::compute_services::ListOpts;
/// let opts = ListOpts { binary: Some("nova-compute".into()), host: Some("c1".into()) };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "binary=nova-compute&host=c1");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Only services of this binary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binary: Option<String>,
    /// Only services on this host.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
}

fn check_text(field: &str, v: &str) -> Result<()> {
    if v.is_empty() || v.chars().count() > 255 {
        return Err(Error::invalid_input(format!(
            "{field} must be 1 to 255 characters"
        )));
    }
    Ok(())
}

/// A service named by host and binary (legacy enable and disable).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostBinary {
    /// The host.
    pub host: String,
    /// The binary (`nova-compute`).
    pub binary: String,
}

impl Validate for HostBinary {
    fn validate(&self) -> Result<()> {
        require("host", !self.host.is_empty())?;
        check_text("binary", &self.binary)
    }
}

/// A service to disable, with the reason (legacy).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisableLogReason {
    /// The host.
    pub host: String,
    /// The binary (`nova-compute`).
    pub binary: String,
    /// Why it is disabled.
    pub disabled_reason: String,
}

impl Validate for DisableLogReason {
    fn validate(&self) -> Result<()> {
        require("host", !self.host.is_empty())?;
        check_text("binary", &self.binary)?;
        check_text("disabled_reason", &self.disabled_reason)
    }
}

/// A service to force down or up (legacy, 2.11+).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForceDown {
    /// The host.
    pub host: String,
    /// The binary (`nova-compute`).
    pub binary: String,
    /// Down (`true`) or back up (`false`).
    pub forced_down: bool,
}

impl Validate for ForceDown {
    fn validate(&self) -> Result<()> {
        require("host", !self.host.is_empty())?;
        check_text("binary", &self.binary)
    }
}

/// Whether scheduling to a service is enabled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ServiceStatus {
    /// New servers may be scheduled to it.
    Enabled,
    /// No new servers are scheduled to it.
    Disabled,
}

/// Changes to a service (2.53+): at least one field.
///
/// ```
/// use ferrocloud::openstack::compute::v2::compute_services::UpdateOpts;
/// assert_eq!(serde_json::to_value(UpdateOpts::disable("maintenance")).unwrap(),
///     serde_json::json!({"status": "disabled", "disabled_reason": "maintenance"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// Enable or disable scheduling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ServiceStatus>,
    /// Why it is disabled (only with `status: disabled`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled_reason: Option<String>,
    /// Force it down (`true`) or back up (`false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forced_down: Option<bool>,
}

impl UpdateOpts {
    /// Enables scheduling.
    pub fn enable() -> Self {
        UpdateOpts {
            status: Some(ServiceStatus::Enabled),
            ..Default::default()
        }
    }

    /// Disables scheduling, logging `reason` (empty: no reason).
    pub fn disable(reason: impl Into<String>) -> Self {
        let reason = reason.into();
        UpdateOpts {
            status: Some(ServiceStatus::Disabled),
            disabled_reason: (!reason.is_empty()).then_some(reason),
            ..Default::default()
        }
    }

    /// Forces the service down (`true`) or back up.
    pub fn forced_down(down: bool) -> Self {
        UpdateOpts {
            forced_down: Some(down),
            ..Default::default()
        }
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        at_least_one_of(&[
            ("status", self.status.is_some()),
            ("disabled_reason", self.disabled_reason.is_some()),
            ("forced_down", self.forced_down.is_some()),
        ])?;
        if let Some(r) = &self.disabled_reason {
            check_text("disabled_reason", r)?;
            if self.status != Some(ServiceStatus::Disabled) {
                return Err(Error::invalid_input(
                    "disabled_reason can only be set with status disabled",
                ));
            }
        }
        Ok(())
    }
}

/// Lists compute services.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Service> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Single)
}

/// Updates a service by its ID (2.53+): enable or disable scheduling, force it down.
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<Service> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a service (its ID is an integer before 2.53, a UUID from 2.53). A compute
/// service still hosting servers cannot be deleted.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

/// Enables scheduling to the service `binary` on `host` (until 2.52).
pub async fn enable_by_host(
    client: &ServiceClient,
    host: &str,
    binary: &str,
) -> ApiResult<Service> {
    let body = HostBinary {
        host: host.into(),
        binary: binary.into(),
    };
    client.request(&ENABLE, &[]).body(&body).send().await
}

/// Disables scheduling to the service `binary` on `host` (until 2.52).
pub async fn disable_by_host(
    client: &ServiceClient,
    host: &str,
    binary: &str,
) -> ApiResult<Service> {
    let body = HostBinary {
        host: host.into(),
        binary: binary.into(),
    };
    client.request(&DISABLE, &[]).body(&body).send().await
}

/// Disables scheduling to the service `binary` on `host`, logging `reason` (until
/// 2.52).
pub async fn disable_log_reason_by_host(
    client: &ServiceClient,
    host: &str,
    binary: &str,
    reason: &str,
) -> ApiResult<Service> {
    let body = DisableLogReason {
        host: host.into(),
        binary: binary.into(),
        disabled_reason: reason.into(),
    };
    client
        .request(&DISABLE_LOG_REASON, &[])
        .body(&body)
        .send()
        .await
}

/// Forces the service `binary` on `host` down, or back up (2.11 to 2.52).
pub async fn force_down_by_host(
    client: &ServiceClient,
    host: &str,
    binary: &str,
    forced_down: bool,
) -> ApiResult<Service> {
    let body = ForceDown {
        host: host.into(),
        binary: binary.into(),
        forced_down,
    };
    client.request(&FORCE_DOWN, &[]).body(&body).send().await
}
