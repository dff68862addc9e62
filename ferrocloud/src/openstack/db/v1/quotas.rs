//! Quotas of a project (administrators): usage per resource, and new limits.
//!
//! ```no_run
//! # async fn demo(trove: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::db::v1::quotas;
//! let set = quotas::update(&trove, "c37341d7", &[("instances", 10), ("backups", 30)]).await.extract()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "database";
    /// Show a project's quotas and usage.
    GET = GET "/mgmt/quotas/{project_id}" list("quotas", QuotaUsage);
    /// Change a project's quotas.
    UPDATE = PUT "/mgmt/quotas/{project_id}" request("quotas", QuotaSet) response("quotas", QuotaSet);
}

/// A quota of a resource and its usage.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct QuotaUsage {
    /// `instances`, `backups`, `volumes`.
    pub resource: String,
    /// The limit.
    pub limit: i64,
    /// In use.
    pub in_use: i64,
    /// Reserved.
    pub reserved: i64,
}

/// Limits by resource.
///
/// ```
/// let q: ferrocloud::openstack::db::v1::quotas::QuotaSet = serde_json::from_str(r#"{"instances": 10}"#).unwrap();
/// assert_eq!(q.0["instances"], 10);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct QuotaSet(pub BTreeMap<String, i64>);

impl Validate for QuotaSet {}

/// Shows a project's quotas and usage (one page).
pub fn get(client: &ServiceClient, project_id: &str) -> Pager<QuotaUsage> {
    client.request(&GET, &[project_id]).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The quotas of a page.
    extract_quotas, QuotaUsage
}

/// Changes a project's quotas; the answer holds the new limits.
pub async fn update(client: &ServiceClient, project_id: &str, limits: &[(&str, i64)]) -> ApiResult<QuotaSet> {
    let set = QuotaSet(limits.iter().map(|(k, v)| ((*k).to_string(), *v)).collect());
    client.request(&UPDATE, &[project_id]).json_in("quotas", &set).send().await
}
