//! Limits: the sizes and counts Designate allows, the same for every project (quotas,
//! per project, are in [`crate::openstack::dns::v2::quotas`]).
//!
//! ```no_run
//! # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! let limits = ferrocloud::openstack::dns::v2::limits::get(&dns).await.extract()?;
//! println!("pages of up to {} items", limits.max_page_limit);
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::ServiceClient;
use crate::request::ApiResult;

crate::operations! {
    service: "dns";
    /// Show the limits.
    GET = GET "/limits" response(Limits);
}

/// Designate's limits.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Limits {
    /// The largest page a listing gives.
    pub max_page_limit: i64,
    /// The longest recordset name.
    pub max_recordset_name_length: i64,
    /// Records per recordset.
    pub max_recordset_records: i64,
    /// The longest zone name.
    pub max_zone_name_length: i64,
    /// Records per zone.
    pub max_zone_records: i64,
    /// Recordsets per zone.
    pub max_zone_recordsets: i64,
    /// Zones per project.
    pub max_zones: i64,
    /// The smallest TTL accepted (`None`: no minimum).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub min_ttl: Option<i64>,
}

/// Shows the limits.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let l = ferrocloud::openstack::dns::v2::limits::get(&dns).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient) -> ApiResult<Limits> {
    client.request(&GET, &[]).send().await
}
