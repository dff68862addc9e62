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

use serde::{Deserialize, Serialize};

use crate::request::{ApiResult, Validate};
use super::quota_sets::{Limit, check_limits, validate_limits};
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
    #[serde(default)]
    pub instances: i64,
    /// vCPUs.
    #[serde(default)]
    pub cores: i64,
    /// RAM in MiB.
    #[serde(default)]
    pub ram: i64,
    /// Key pairs.
    #[serde(default)]
    pub key_pairs: i64,
    /// Metadata items per server.
    #[serde(default)]
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

/// New quotas for a class; unset fields are left as they are. `-1` means unlimited.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// Servers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instances: Option<i64>,
    /// vCPUs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cores: Option<i64>,
    /// RAM in MiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ram: Option<i64>,
    /// Metadata items per server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata_items: Option<i64>,
    /// Key pairs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_pairs: Option<i64>,
    /// Server groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_groups: Option<i64>,
    /// Servers per server group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_group_members: Option<i64>,
    /// Fixed IPs (until 2.49).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_ips: Option<i64>,
    /// Floating IPs (until 2.49).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floating_ips: Option<i64>,
    /// Security groups (until 2.49).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_groups: Option<i64>,
    /// Security group rules (until 2.49).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_group_rules: Option<i64>,
    /// Injected files (until 2.56).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injected_files: Option<i64>,
    /// Bytes per injected file (until 2.56).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injected_file_content_bytes: Option<i64>,
    /// Bytes per injected file path (until 2.56).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injected_file_path_bytes: Option<i64>,
}

impl UpdateOpts {
    fn limits(&self) -> [Limit; 14] {
        [
            ("instances", self.instances, None),
            ("cores", self.cores, None),
            ("ram", self.ram, None),
            ("metadata_items", self.metadata_items, None),
            ("key_pairs", self.key_pairs, None),
            ("server_groups", self.server_groups, None),
            ("server_group_members", self.server_group_members, None),
            ("fixed_ips", self.fixed_ips, Some("2.49")),
            ("floating_ips", self.floating_ips, Some("2.49")),
            ("security_groups", self.security_groups, Some("2.49")),
            (
                "security_group_rules",
                self.security_group_rules,
                Some("2.49"),
            ),
            ("injected_files", self.injected_files, Some("2.56")),
            (
                "injected_file_content_bytes",
                self.injected_file_content_bytes,
                Some("2.56"),
            ),
            (
                "injected_file_path_bytes",
                self.injected_file_path_bytes,
                Some("2.56"),
            ),
        ]
    }
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
