//! Manila's services (`manila-share`, `manila-scheduler`…; admin, 2.7): list, enable,
//! disable with a reason (2.83), and ensure the shares of a back end (2.86).
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::services::{self, ListOpts};
//! let manila = manila.with_microversion("2.83");
//! for s in services::list(&manila, &ListOpts::default()).await.extract()? {
//!     println!("{} on {}: {} ({})", s.binary, s.host, s.status, s.state);
//! }
//! services::disable(&manila, "manila2@generic1", "manila-share", Some("maintenance")).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::need;
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "shared-file-system";
    /// List services.
    LIST = GET "/services" since("2.7") list("services", Service);
    /// Enable a service.
    ENABLE = PUT "/services/enable" since("2.7") request(ToggleOpts) response(Toggled);
    /// Disable a service.
    DISABLE = PUT "/services/disable" since("2.7") request(ToggleOpts) response(Toggled);
    /// Ensure the shares of a back end (2.86).
    ENSURE_SHARES = POST "/services/ensure-shares" since("2.86") request(EnsureSharesOpts);
}

/// A service.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Service {
    /// The ID.
    pub id: u64,
    /// The binary (`manila-share`…).
    pub binary: String,
    /// The host (`host@backend` for share services).
    pub host: String,
    /// The availability zone.
    pub zone: String,
    /// `enabled` or `disabled`.
    pub status: String,
    /// `up` or `down`.
    pub state: String,
    /// When it last reported.
    #[serde(with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// Why it was disabled (2.83).
    #[serde(default)]
    pub disabled_reason: Option<String>,
    /// Whether it is ensuring its shares (2.86).
    #[serde(default)]
    pub ensuring: Option<bool>,
}

/// Filters of [`list`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Services on this host.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// Services of this binary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binary: Option<String>,
    /// Services in this zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// `up` or `down`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// `enabled` or `disabled`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Services ensuring their shares (2.93).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ensuring: Option<bool>,
}

/// Lists services.
pub async fn list(client: &ServiceClient, opts: &ListOpts) -> ApiResult<Vec<Service>> {
    client.request(&LIST, &[]).query(opts).send().await
}

/// The body of [`enable`] and [`disable`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ToggleOpts {
    /// The host.
    pub host: String,
    /// The binary.
    pub binary: String,
    /// Why it is disabled (2.83).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled_reason: Option<String>,
}

impl Validate for ToggleOpts {}

/// The answer to [`enable`] and [`disable`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Toggled {
    /// The host.
    pub host: String,
    /// The binary.
    pub binary: String,
    /// Whether it is disabled (before 2.83).
    #[serde(default)]
    pub disabled: Option<bool>,
    /// `enabled` or `disabled` (2.83).
    #[serde(default)]
    pub status: Option<String>,
    /// Why it is disabled (2.83).
    #[serde(default)]
    pub disabled_reason: Option<String>,
}

/// Enables a service.
pub async fn enable(client: &ServiceClient, host: &str, binary: &str) -> ApiResult<Toggled> {
    let body = ToggleOpts {
        host: host.into(),
        binary: binary.into(),
        disabled_reason: None,
    };
    client.request(&ENABLE, &[]).body(&body).send().await
}

/// Disables a service, with a reason on clients of 2.83 or later.
pub async fn disable(
    client: &ServiceClient,
    host: &str,
    binary: &str,
    reason: Option<&str>,
) -> ApiResult<Toggled> {
    if reason.is_some()
        && let Err(e) = need(client, "disabled_reason", 83)
    {
        return ApiResult::from_error(e);
    }
    let body = ToggleOpts {
        host: host.into(),
        binary: binary.into(),
        disabled_reason: reason.map(str::to_string),
    };
    client.request(&DISABLE, &[]).body(&body).send().await
}

/// The body of [`ensure_shares`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EnsureSharesOpts {
    /// The share service's host (`host@backend`).
    pub host: String,
}

impl Validate for EnsureSharesOpts {}

/// Asks a share service to ensure (re-export) its shares (2.86, `202`).
pub async fn ensure_shares(client: &ServiceClient, host: &str) -> ApiResult<()> {
    let body = EnsureSharesOpts { host: host.into() };
    client.request(&ENSURE_SHARES, &[]).body(&body).send().await
}
