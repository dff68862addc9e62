//! Rate and absolute limits: the caller's (or, for administrators, a project's) quotas
//! and their usage, in the compact form of `GET /limits`.
//!
//! Microversion 2.36 drops the network limits, 2.39 `maxImageMeta` and 2.57 the
//! personality limits: they are `None` when Nova does not send them.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::limits;
//! let l = limits::get(&compute, &Default::default()).await.extract()?;
//! println!("{} of {} cores used", l.absolute.total_cores_used, l.absolute.max_total_cores);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "compute";
    /// Show rate and absolute limits.
    GET = GET "/limits" response("limits", Limits);
}

/// The limits.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Limits {
    /// Absolute limits and usage.
    pub absolute: AbsoluteLimits,
    /// Rate limits (always empty: Nova no longer rate-limits).
    pub rate: Vec<Value>,
}

/// Absolute limits and their usage. `-1` means unlimited.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AbsoluteLimits {
    /// Servers.
    pub max_total_instances: i64,
    /// vCPUs.
    pub max_total_cores: i64,
    /// RAM in MiB.
    #[serde(rename = "maxTotalRAMSize")]
    pub max_total_ram_size: i64,
    /// Key pairs.
    pub max_total_keypairs: i64,
    /// Metadata items per server.
    pub max_server_meta: i64,
    /// Server groups.
    pub max_server_groups: i64,
    /// Servers per server group.
    pub max_server_group_members: i64,
    /// Servers in use.
    pub total_instances_used: i64,
    /// vCPUs in use.
    pub total_cores_used: i64,
    /// RAM in use, in MiB.
    #[serde(rename = "totalRAMUsed")]
    pub total_ram_used: i64,
    /// Server groups in use.
    pub total_server_groups_used: i64,
    /// Security groups (until 2.35).
    #[serde(default)]
    pub max_security_groups: Option<i64>,
    /// Rules per security group (until 2.35).
    #[serde(default)]
    pub max_security_group_rules: Option<i64>,
    /// Floating IPs (until 2.35).
    #[serde(default)]
    pub max_total_floating_ips: Option<i64>,
    /// Floating IPs in use (until 2.35).
    #[serde(default)]
    pub total_floating_ips_used: Option<i64>,
    /// Security groups in use (until 2.35).
    #[serde(default)]
    pub total_security_groups_used: Option<i64>,
    /// Metadata items per image (until 2.38).
    #[serde(default)]
    pub max_image_meta: Option<i64>,
    /// Injected files (until 2.56).
    #[serde(default)]
    pub max_personality: Option<i64>,
    /// Bytes per injected file (until 2.56).
    #[serde(default)]
    pub max_personality_size: Option<i64>,
}

/// Whose limits to show.
///
/// ```
/// use ferrocloud::openstack::compute::v2::limits::GetOpts;
/// let opts = GetOpts { tenant_id: Some("p1".into()), reserved: Some(true) };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "reserved=1&tenant_id=p1");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct GetOpts {
    /// Count reserved resources as used (sent as `1`/`0`; Nova refuses it from 2.75).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "as_int")]
    pub reserved: Option<bool>,
    /// Another project's limits (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

fn as_int<S: Serializer>(v: &Option<bool>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(b) => s.serialize_u8(u8::from(*b)),
        None => s.serialize_none(),
    }
}

/// Shows the limits of the caller's project (or of `tenant_id`, for administrators).
pub async fn get(client: &ServiceClient, opts: &GetOpts) -> ApiResult<Limits> {
    if let Err(e) = super::versions::check_field(
        client,
        "reserved",
        opts.reserved.is_some(),
        None,
        Some("2.74"),
    ) {
        return ApiResult::from_error(e);
    }
    client.request(&GET, &[]).query(opts).send().await
}
