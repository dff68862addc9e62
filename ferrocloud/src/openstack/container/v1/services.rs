//! Zun's own services (`zun-compute` per host): their state, and enabling, disabling,
//! forcing down and deleting them (admins).
//!
//! ```no_run
//! # async fn demo(zun: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::container::v1::services;
//! let page = services::list(&zun).all_pages().await?;
//! for s in services::extract_services(&page)? {
//!     println!("{} on {} is {}", s.binary, s.host, s.state);
//! }
//! services::disable(&zun, "host1", "zun-compute", Some("maintenance")).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{call_pairs, list_single};
use crate::dates::Timestamp;
use crate::pagination::Pager;
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "container";
    /// List services.
    LIST = GET "/services" list("services", Service);
    /// Delete a service.
    DELETE = DELETE "/services";
    /// Enable a service.
    ENABLE = PUT "/services/enable" request(ServiceOpts) response("service", Enabled);
    /// Disable a service.
    DISABLE = PUT "/services/disable" request(ServiceOpts) response("service", Enabled);
    /// Force a service down, or back.
    FORCE_DOWN = PUT "/services/force_down" request(ServiceOpts) response("service", ForcedDown);
}

/// A Zun service.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Service {
    /// Its ID.
    pub id: u64,
    /// The program (`zun-compute`).
    pub binary: String,
    /// Its host.
    pub host: String,
    /// `up` or `down`.
    pub state: String,
    /// Reports it made.
    pub report_count: u64,
    /// Its availability zone.
    pub availability_zone: String,
    /// Whether it is disabled.
    #[serde(default)]
    pub disabled: Option<bool>,
    /// Why it is disabled.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub disabled_reason: Option<String>,
    /// Whether it is forced down.
    #[serde(default)]
    pub forced_down: Option<bool>,
    /// When it last reported.
    #[serde(default, with = "crate::dates::option")]
    pub last_seen_up: Option<Timestamp>,
    /// When it first reported.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
}

/// A service after [`enable`] or [`disable`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Enabled {
    /// Its host.
    pub host: String,
    /// The program.
    pub binary: String,
    /// Whether it is disabled.
    pub disabled: bool,
    /// Why.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub disabled_reason: Option<String>,
}

/// A service after [`force_down`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ForcedDown {
    /// Its host.
    pub host: String,
    /// The program.
    pub binary: String,
    /// Whether it is forced down.
    pub forced_down: bool,
}

/// The service a change applies to, and the change.
///
/// ```
/// let opts = ferrocloud::openstack::container::v1::services::ServiceOpts::new("host1", "zun-compute");
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"host": "host1", "binary": "zun-compute"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceOpts {
    /// The host.
    pub host: String,
    /// The program.
    pub binary: String,
    /// Why it is disabled ([`disable`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled_reason: Option<String>,
    /// Forced down or not ([`force_down`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forced_down: Option<bool>,
}

impl ServiceOpts {
    /// The service `binary` on `host`.
    pub fn new(host: impl Into<String>, binary: impl Into<String>) -> Self {
        ServiceOpts {
            host: host.into(),
            binary: binary.into(),
            ..Default::default()
        }
    }
}

impl Validate for ServiceOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("host", !self.host.is_empty())?;
        crate::request::require("binary", !self.binary.is_empty())
    }
}

/// Lists services, in one page.
pub fn list(client: &ServiceClient) -> Pager<Service> {
    list_single(client, &LIST, &[])
}

crate::operation::extract_fn! {
    /// The services of a page.
    extract_services, Service
}

/// Deletes the record of service `binary` on `host`.
pub async fn delete(client: &ServiceClient, host: &str, binary: &str) -> ApiResult<()> {
    if let Err(e) = ServiceOpts::new(host, binary).validate() {
        return super::common::refused(e);
    }
    call_pairs(client, &DELETE, &[], &[("host", host), ("binary", binary)]).await
}

/// Enables service `binary` on `host`.
pub async fn enable(client: &ServiceClient, host: &str, binary: &str) -> ApiResult<Enabled> {
    let opts = ServiceOpts::new(host, binary);
    client.request(&ENABLE, &[]).body(&opts).send().await
}

/// Disables service `binary` on `host`, with a reason.
pub async fn disable(
    client: &ServiceClient,
    host: &str,
    binary: &str,
    reason: Option<&str>,
) -> ApiResult<Enabled> {
    let opts = ServiceOpts {
        disabled_reason: reason.map(str::to_string),
        ..ServiceOpts::new(host, binary)
    };
    client.request(&DISABLE, &[]).body(&opts).send().await
}

/// Forces service `binary` on `host` down (`true`) or lets it report again (`false`).
pub async fn force_down(
    client: &ServiceClient,
    host: &str,
    binary: &str,
    down: bool,
) -> ApiResult<ForcedDown> {
    let opts = ServiceOpts {
        forced_down: Some(down),
        ..ServiceOpts::new(host, binary)
    };
    client.request(&FORCE_DOWN, &[]).body(&opts).send().await
}
