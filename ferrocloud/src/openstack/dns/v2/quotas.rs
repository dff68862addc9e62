//! Quotas: how many zones, recordsets and records a project may have, and how large an
//! export may be. Reading another project's quotas, and setting them, is for admins.
//!
//! ```no_run
//! # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::dns::v2::quotas::{self, UpdateOpts};
//! let mine = quotas::get_current(&dns).await.extract()?;
//! let opts = UpdateOpts { zones: Some(500), ..Default::default() };
//! let theirs = quotas::update(&dns, "5e3e2bb6", &opts).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "dns";
    /// Show a project's quotas.
    GET = GET "/quotas/{project_id}" response(Quotas);
    /// Show the current project's quotas.
    GET_CURRENT = GET "/quotas/" response(Quotas);
    /// Set a project's quotas.
    UPDATE = PATCH "/quotas/{project_id}" request(UpdateOpts) response(Quotas);
    /// Reset a project's quotas to the defaults (`204`).
    RESET = DELETE "/quotas/{project_id}";
}

/// A project's quotas.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Quotas {
    /// Zones.
    pub zones: i64,
    /// Recordsets per zone.
    pub zone_recordsets: i64,
    /// Records per zone.
    pub zone_records: i64,
    /// Records per recordset.
    pub recordset_records: i64,
    /// Recordsets in one zone export.
    pub api_export_size: i64,
}

/// What [`update`] sets (the others stay).
///
/// ```
/// use ferrocloud::openstack::dns::v2::quotas::UpdateOpts;
/// let opts = UpdateOpts { zones: Some(500), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"zones": 500}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// Zones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zones: Option<i64>,
    /// Recordsets per zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone_recordsets: Option<i64>,
    /// Records per zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone_records: Option<i64>,
    /// Records per recordset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recordset_records: Option<i64>,
    /// Recordsets in one zone export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_export_size: Option<i64>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::at_least_one_of(&[
            ("zones", self.zones.is_some()),
            ("zone_recordsets", self.zone_recordsets.is_some()),
            ("zone_records", self.zone_records.is_some()),
            ("recordset_records", self.recordset_records.is_some()),
            ("api_export_size", self.api_export_size.is_some()),
        ])
    }
}

/// Shows a project's quotas.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let q = ferrocloud::openstack::dns::v2::quotas::get(&dns, "5e3e2bb6").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, project_id: &str) -> ApiResult<Quotas> {
    client.request(&GET, &[project_id]).send().await
}

/// Shows the quotas of the client's project.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let q = ferrocloud::openstack::dns::v2::quotas::get_current(&dns).await.extract()?;
/// println!("up to {} zones", q.zones);
/// # Ok(()) }
/// ```
pub async fn get_current(client: &ServiceClient) -> ApiResult<Quotas> {
    client.request(&GET_CURRENT, &[]).send().await
}

/// Sets some of a project's quotas (admins).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::quotas::{self, UpdateOpts};
/// let opts = UpdateOpts { zone_records: Some(1000), ..Default::default() };
/// quotas::update(&dns, "5e3e2bb6", &opts).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn update(
    client: &ServiceClient,
    project_id: &str,
    opts: &UpdateOpts,
) -> ApiResult<Quotas> {
    client.request(&UPDATE, &[project_id]).body(opts).send().await
}

/// Resets a project's quotas to the cloud's defaults (admins; `204`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::dns::v2::quotas::reset(&dns, "5e3e2bb6").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn reset(client: &ServiceClient, project_id: &str) -> ApiResult<()> {
    client.request(&RESET, &[project_id]).send().await
}
