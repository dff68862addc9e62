//! Back-end storage pools, as the scheduler sees them (admin).
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::scheduler_stats::{self, ListOpts};
//! for p in scheduler_stats::list_detail(&manila, &ListOpts::default()).await.extract()? {
//!     println!("{} {:?}", p.name, p.capabilities.get("free_capacity_gb"));
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ServiceClient;
use crate::request::ApiResult;

crate::operations! {
    service: "shared-file-system";
    /// List pools.
    LIST = GET "/scheduler-stats/pools" list("pools", Pool);
    /// List pools with their capabilities.
    LIST_DETAIL = GET "/scheduler-stats/pools/detail" list("pools", Pool);
}

/// A storage pool.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Pool {
    /// `host@backend#pool`.
    pub name: String,
    /// The host.
    pub host: String,
    /// The back end.
    pub backend: String,
    /// The pool.
    pub pool: String,
    /// What the driver reports (detail listing only): capacities, supports, …; free-form.
    #[serde(default)]
    pub capabilities: BTreeMap<String, serde_json::Value>,
}

/// Filters of [`list`] and [`list_detail`] (regular expressions on each part).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Pool names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pool: Option<String>,
    /// Host names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// Back-end names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backend: Option<String>,
    /// Capabilities (a JSON object as text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capabilities: Option<String>,
    /// Pools that can hold shares of this type (2.23).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_type: Option<String>,
}

/// Lists pools.
pub async fn list(client: &ServiceClient, opts: &ListOpts) -> ApiResult<Vec<Pool>> {
    client.request(&LIST, &[]).query(opts).send().await
}

/// Lists pools with their capabilities.
pub async fn list_detail(client: &ServiceClient, opts: &ListOpts) -> ApiResult<Vec<Pool>> {
    client.request(&LIST_DETAIL, &[]).query(opts).send().await
}
