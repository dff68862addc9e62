//! Quotas: how many containers, CPUs, MiB of memory and GiB of disk a project may use
//! (microversion 1.26), and the quota classes that give the defaults.
//!
//! ```no_run
//! # async fn demo(zun: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::container::v1::quotas::{self, QuotaOpts};
//! let zun = zun.with_microversion("1.26");
//! let q = quotas::get(&zun, "2cc8ed71").await.extract()?;
//! println!("{} of {} containers", q.containers.in_use, q.containers.limit);
//! let opts = QuotaOpts { containers: Some(80), ..Default::default() };
//! quotas::update(&zun, "2cc8ed71", &opts).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::Amount;
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "container";
    /// Update a project's quotas.
    UPDATE = PUT "/quotas/{project_id}" since("1.26") request(QuotaOpts) response(QuotaSet);
    /// A project's quotas and use.
    GET = GET "/quotas/{project_id}" since("1.26") response(QuotaUsages);
    /// The default quotas.
    DEFAULTS = GET "/quotas/{project_id}/defaults" since("1.26") response(QuotaSet);
    /// Revert a project's quotas to the defaults.
    DELETE = DELETE "/quotas/{project_id}" since("1.26");
    /// Set a quota class's quotas.
    UPDATE_CLASS = PUT "/quota_classes/{quota_class_name}" since("1.26") request(QuotaOpts) response(QuotaSet);
    /// A quota class's quotas.
    GET_CLASS = GET "/quota_classes/{quota_class_name}" since("1.26") response(QuotaSet);
}

/// Quotas (`-1`: no limit).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct QuotaSet {
    /// Containers.
    pub containers: i64,
    /// CPUs.
    pub cpu: f64,
    /// Memory, in MiB.
    pub memory: i64,
    /// Disk, in GiB.
    pub disk: i64,
}

/// A quota and its use.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Usage<T> {
    /// The limit (`-1`: none).
    pub limit: T,
    /// In use.
    pub in_use: T,
}

/// A project's quotas and use.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct QuotaUsages {
    /// Containers.
    pub containers: Usage<i64>,
    /// CPUs.
    pub cpu: Usage<f64>,
    /// Memory, in MiB.
    pub memory: Usage<i64>,
    /// Disk, in GiB.
    pub disk: Usage<i64>,
}

/// Quotas to set (those left `None` stay).
///
/// ```
/// let opts = ferrocloud::openstack::container::v1::quotas::QuotaOpts { cpu: Some(0.5.into()), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"cpu": 0.5}));
/// assert!(ferrocloud::request::Validate::validate(&ferrocloud::openstack::container::v1::quotas::QuotaOpts::default()).is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuotaOpts {
    /// Containers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub containers: Option<i64>,
    /// CPUs (a whole number or with a fraction).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<Amount>,
    /// Memory, in MiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<i64>,
    /// Disk, in GiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disk: Option<i64>,
}

impl Validate for QuotaOpts {
    fn validate(&self) -> Result<()> {
        crate::request::at_least_one_of(&[
            ("containers", self.containers.is_some()),
            ("cpu", self.cpu.is_some()),
            ("memory", self.memory.is_some()),
            ("disk", self.disk.is_some()),
        ])
    }
}

/// A project's quotas with their use (`usages=True`).
pub async fn get(client: &ServiceClient, project_id: &str) -> ApiResult<QuotaUsages> {
    client
        .request(&GET, &[project_id])
        .query_pair("usages", "True")
        .send()
        .await
}

/// The default quotas, as a project without its own gets them.
pub async fn defaults(client: &ServiceClient, project_id: &str) -> ApiResult<QuotaSet> {
    client.request(&DEFAULTS, &[project_id]).send().await
}

/// Sets a project's quotas.
pub async fn update(client: &ServiceClient, project_id: &str, opts: &QuotaOpts) -> ApiResult<QuotaSet> {
    client.request(&UPDATE, &[project_id]).body(opts).send().await
}

/// Reverts a project's quotas to the defaults.
pub async fn delete(client: &ServiceClient, project_id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[project_id]).send().await
}

/// A quota class's quotas (`default` gives every project's defaults).
pub async fn get_class(client: &ServiceClient, class: &str) -> ApiResult<QuotaSet> {
    client.request(&GET_CLASS, &[class]).send().await
}

/// Sets a quota class's quotas.
pub async fn update_class(client: &ServiceClient, class: &str, opts: &QuotaOpts) -> ApiResult<QuotaSet> {
    client.request(&UPDATE_CLASS, &[class]).body(opts).send().await
}
