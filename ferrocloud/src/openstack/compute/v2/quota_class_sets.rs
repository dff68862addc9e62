//! Quota class sets: named sets of quotas; the `default` class holds the defaults
//! every project starts with (changing it is for administrators).
//!
//! Microversion 2.50 adds `server_groups` and `server_group_members` to the answers and
//! drops the network quotas; 2.57 drops the personality quotas (`injected_files…`).
//! Those fields are `None` when Nova does not send them.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::quota_class_sets::{self, UpdateOpts};
//! let defaults = quota_class_sets::get(&compute, "default").await.extract()?;
//! let opts = UpdateOpts { instances: Some(defaults.instances + 10), ..Default::default() };
//! quota_class_sets::update(&compute, "default", &opts).await.extract()?;
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::request::{ApiResult, Validate};
use super::quota_sets::{check_limits, quota_update_opts, validate_limits};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// Show the quotas of a quota class.
    GET = GET "/os-quota-class-sets/{id}" response("quota_class_set", QuotaClassSet);
    /// Create or update the quotas of a quota class (admin).
    UPDATE = PUT "/os-quota-class-sets/{id}" request("quota_class_set", UpdateOpts) response("quota_class_set", QuotaClassSet);
}

/// The quotas of a quota class. `-1` means unlimited.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct QuotaClassSet {
    /// The class's name (`default`; not in the update response).
    #[serde(default)]
    pub id: Option<String>,
    /// Servers.
    pub instances: i64,
    /// vCPUs.
    pub cores: i64,
    /// RAM in MiB.
    pub ram: i64,
    /// Key pairs.
    pub key_pairs: i64,
    /// Metadata items per server.
    pub metadata_items: i64,
    /// Server groups (2.50+).
    #[serde(default)]
    pub server_groups: Option<i64>,
    /// Servers per server group (2.50+).
    #[serde(default)]
    pub server_group_members: Option<i64>,
    /// Fixed IPs (until 2.49).
    #[serde(default)]
    pub fixed_ips: Option<i64>,
    /// Floating IPs (until 2.49).
    #[serde(default)]
    pub floating_ips: Option<i64>,
    /// Security groups (until 2.49).
    #[serde(default)]
    pub security_groups: Option<i64>,
    /// Security group rules (until 2.49).
    #[serde(default)]
    pub security_group_rules: Option<i64>,
    /// Networks (until 2.49, with nova-network only).
    #[serde(default)]
    pub networks: Option<i64>,
    /// Injected files (until 2.56).
    #[serde(default)]
    pub injected_files: Option<i64>,
    /// Bytes per injected file (until 2.56).
    #[serde(default)]
    pub injected_file_content_bytes: Option<i64>,
    /// Bytes per injected file path (until 2.56).
    #[serde(default)]
    pub injected_file_path_bytes: Option<i64>,
}

quota_update_opts! {
    /// New quotas for a class; unset fields are left as they are. `-1` means unlimited.
    network_until: "2.49";
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        validate_limits(&self.limits())
    }
}

/// Shows the quotas of a quota class (`default` for the defaults).
pub async fn get(client: &ServiceClient, class: &str) -> ApiResult<QuotaClassSet> {
    client.request(&GET, &[class]).send().await
}

/// Creates or updates the quotas of a quota class (admin). Quotas removed by the
/// client's microversion are refused before sending.
pub async fn update(
    client: &ServiceClient,
    class: &str,
    opts: &UpdateOpts,
) -> ApiResult<QuotaClassSet> {
    if let Err(e) = check_limits(client, &opts.limits()) {
        return ApiResult::from_error(e);
    }
    client.request(&UPDATE, &[class]).body(opts).send().await
}
