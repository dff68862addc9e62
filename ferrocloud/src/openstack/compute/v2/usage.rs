//! Simple tenant usage: how many server-hours, vCPU-hours, MiB-hours and GiB-hours each
//! project used over a period (all projects for administrators).
//!
//! From microversion 2.40 the answers are paged over servers: the listing with
//! [`list`](crate::openstack::compute::v2::usage::list), one project's usage with
//! [`get_all_pages`](crate::openstack::compute::v2::usage::get_all_pages) (which merges
//! the pages).
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use chrono::{Duration, Utc};
//! use ferrocloud::openstack::compute::v2::usage::{self, GetOpts, ListOpts};
//! let start = Utc::now() - Duration::days(30);
//! let opts = ListOpts { start: Some(start), detailed: true, ..Default::default() };
//! for u in usage::list(&compute, &opts).all_pages().await?.extract()? {
//!     println!("{}: {:.1} vCPU-hours", u.tenant_id, u.total_vcpus_usage);
//! }
//! let mine = usage::get(&compute, "demo-project-id", &GetOpts { start: Some(start), ..Default::default() }).await.extract()?;
//! # Ok(()) }
//! ```

use serde::de;
use serde::{Deserialize, Serialize, Serializer};

use crate::dates::Timestamp;
use crate::de::Link;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::{Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// List usage statistics for all projects.
    LIST = GET "/os-simple-tenant-usage" list("tenant_usages", TenantUsage);
    /// Show usage statistics for one project.
    GET = GET "/os-simple-tenant-usage/{tenant_id}" response("tenant_usage", TenantUsage);
}

/// A project's usage over a period. Nova answers an empty object for a project without
/// usage in the period: that reads as an empty usage (empty `tenant_id`, no period, zero
/// totals, no servers). Any other answer must hold every field.
///
/// ```
/// use ferrocloud::openstack::compute::v2::usage::{self, TenantUsage};
/// let none: TenantUsage = serde_json::from_str("{}").unwrap();
/// assert!(none.tenant_id.is_empty() && none.start.is_none() && none.total_hours == 0.0);
/// assert!(serde_json::from_str::<TenantUsage>(r#"{"tenant_id": "p1"}"#).is_err());
/// let body = serde_json::json!({"tenant_usage": {"tenant_id": "p1",
///     "start": "2012-10-08T20:10:44.587336", "stop": "2012-10-08T21:10:44.587336",
///     "total_hours": 1.0, "total_vcpus_usage": 1.0, "total_memory_mb_usage": 512.0,
///     "total_local_gb_usage": 1.0, "server_usages": [], "colour": "blue"}});
/// assert_eq!(usage::GET.response.unwrap().check(&body).unwrap(), ["colour"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct TenantUsage {
    /// The project's ID (empty when the project had no usage).
    pub tenant_id: String,
    /// The start of the period (`None` when the project had no usage).
    pub start: Option<Timestamp>,
    /// The end of the period (`None` when the project had no usage).
    pub stop: Option<Timestamp>,
    /// Server-hours.
    pub total_hours: f64,
    /// vCPU-hours.
    pub total_vcpus_usage: f64,
    /// MiB-hours of RAM.
    pub total_memory_mb_usage: f64,
    /// GiB-hours of local disk.
    pub total_local_gb_usage: f64,
    /// Per-server usage (with `detailed`, and always for one project).
    pub server_usages: Vec<ServerUsage>,
}

/// A time as Nova writes it, for [`UsageVisitor`].
#[derive(Deserialize)]
#[serde(transparent)]
struct Time(#[serde(with = "crate::dates::timestamp")] Timestamp);

/// Reads a project's usage field by field, as a derived implementation would (unknown
/// fields are ignored), except that an empty object is an empty usage.
struct UsageVisitor;

impl<'de> de::Visitor<'de> for UsageVisitor {
    type Value = TenantUsage;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a project's usage")
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> std::result::Result<TenantUsage, A::Error> {
        let mut any = false;
        let mut tenant_id = None;
        let (mut start, mut stop) = (None, None);
        let (mut hours, mut vcpus, mut memory, mut disk) = (None, None, None, None);
        let mut server_usages = None;
        while let Some(key) = map.next_key::<String>()? {
            any = true;
            match key.as_str() {
                "tenant_id" => tenant_id = Some(map.next_value::<String>()?),
                "start" => start = Some(map.next_value::<Time>()?.0),
                "stop" => stop = Some(map.next_value::<Time>()?.0),
                "total_hours" => hours = Some(map.next_value::<f64>()?),
                "total_vcpus_usage" => vcpus = Some(map.next_value::<f64>()?),
                "total_memory_mb_usage" => memory = Some(map.next_value::<f64>()?),
                "total_local_gb_usage" => disk = Some(map.next_value::<f64>()?),
                "server_usages" => server_usages = Some(map.next_value::<Vec<ServerUsage>>()?),
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        if !any {
            return Ok(TenantUsage::default());
        }
        fn need<T, E: de::Error>(v: Option<T>, field: &'static str) -> std::result::Result<T, E> {
            v.ok_or_else(|| E::missing_field(field))
        }
        Ok(TenantUsage {
            tenant_id: need(tenant_id, "tenant_id")?,
            start: Some(need(start, "start")?),
            stop: Some(need(stop, "stop")?),
            total_hours: need(hours, "total_hours")?,
            total_vcpus_usage: need(vcpus, "total_vcpus_usage")?,
            total_memory_mb_usage: need(memory, "total_memory_mb_usage")?,
            total_local_gb_usage: need(disk, "total_local_gb_usage")?,
            server_usages: server_usages.unwrap_or_default(),
        })
    }
}

impl<'de> Deserialize<'de> for TenantUsage {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_map(UsageVisitor)
    }
}

/// One server's usage over the period.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ServerUsage {
    /// The server's ID.
    pub instance_id: String,
    /// Its name.
    pub name: String,
    /// The project's ID.
    pub tenant_id: String,
    /// Its flavor's name (empty when the flavor is gone).
    pub flavor: String,
    /// Its state (`active`, `terminated`…).
    pub state: String,
    /// Hours within the period.
    pub hours: f64,
    /// Seconds since it started (or until it ended).
    pub uptime: i64,
    /// vCPUs.
    pub vcpus: i64,
    /// RAM in MiB.
    pub memory_mb: i64,
    /// Local disk in GiB.
    pub local_gb: i64,
    /// When it started.
    #[serde(with = "crate::dates::timestamp")]
    pub started_at: Timestamp,
    /// When it ended (`None` while it runs).
    #[serde(with = "crate::dates::option")]
    pub ended_at: Option<Timestamp>,
}

fn nova_time<S: Serializer>(t: &Option<Timestamp>, s: S) -> std::result::Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_str(&t.format("%Y-%m-%dT%H:%M:%S%.6f").to_string()),
        None => s.serialize_none(),
    }
}

fn as_one<S: Serializer>(v: &bool, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_u8(u8::from(*v))
}

fn not(v: &bool) -> bool {
    !*v
}

/// The period and paging for listing all projects' usage.
///
/// ```
/// use ferrocloud::openstack::compute::v2::usage::ListOpts;
/// let start = ferrocloud::dates::parse("2024-01-01T00:00:00Z").unwrap();
/// let opts = ListOpts { start: Some(start), detailed: true, ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()),
///     "start=2024-01-01T00%3A00%3A00.000000&detailed=1");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// The start of the period (default: now).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "nova_time")]
    pub start: Option<Timestamp>,
    /// The end of the period (default: now).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "nova_time")]
    pub end: Option<Timestamp>,
    /// Include the per-server usage.
    #[serde(skip_serializing_if = "not", serialize_with = "as_one")]
    pub detailed: bool,
    /// Page size, in servers (2.40+).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The ID of the last server of the previous page (2.40+).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// The period and paging for one project's usage.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GetOpts {
    /// The start of the period (default: now).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "nova_time")]
    pub start: Option<Timestamp>,
    /// The end of the period (default: now).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "nova_time")]
    pub end: Option<Timestamp>,
    /// Page size, in servers (2.40+).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The ID of the last server of the previous page (2.40+).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

fn check_paging(client: &ServiceClient, limit: bool, marker: bool) -> Result<()> {
    use super::versions::check_field;
    check_field(client, "limit", limit, Some("2.40"), None)?;
    check_field(client, "marker", marker, Some("2.40"), None)
}

/// Lists the usage of every project over the period (admin).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<TenantUsage> {
    let req = client.request(&LIST, &[]).query(opts);
    let req = match check_paging(client, opts.limit.is_some(), opts.marker.is_some()) {
        Ok(()) => req,
        Err(e) => req.fail_with(e),
    };
    req.paged(PageStyle::Links("tenant_usages_links"))
}

/// Shows one project's usage over the period: one page of its servers from 2.40 on.
pub async fn get(
    client: &ServiceClient,
    project_id: &str,
    opts: &GetOpts,
) -> ApiResult<TenantUsage> {
    if let Err(e) = check_paging(client, opts.limit.is_some(), opts.marker.is_some()) {
        return ApiResult::from_error(e);
    }
    client.request(&GET, &[project_id]).query(opts).send().await
}

#[derive(Deserialize)]
struct UsagePage {
    tenant_usage: TenantUsage,
    #[serde(default)]
    tenant_usage_links: Vec<Link>,
}

/// Shows one project's usage over the period, following the pages of servers (2.40+)
/// and merging them into one answer.
pub async fn get_all_pages(
    client: &ServiceClient,
    project_id: &str,
    opts: &GetOpts,
) -> Result<TenantUsage> {
    let mut opts = opts.clone();
    let mut merged: Option<TenantUsage> = None;
    loop {
        let page: UsagePage = get(client, project_id, &opts)
            .await
            .into_result()?
            .decode(None)?;
        let next_marker = page
            .tenant_usage_links
            .iter()
            .find(|l| l.rel == "next")
            .and_then(|l| url::Url::parse(&l.href).ok())
            .and_then(|u| {
                u.query_pairs()
                    .find(|(k, _)| k == "marker")
                    .map(|(_, v)| v.into_owned())
            });
        let empty = page.tenant_usage.server_usages.is_empty();
        match merged.as_mut() {
            None => merged = Some(page.tenant_usage),
            Some(m) => {
                m.total_hours += page.tenant_usage.total_hours;
                m.total_vcpus_usage += page.tenant_usage.total_vcpus_usage;
                m.total_memory_mb_usage += page.tenant_usage.total_memory_mb_usage;
                m.total_local_gb_usage += page.tenant_usage.total_local_gb_usage;
                m.server_usages.extend(page.tenant_usage.server_usages);
            }
        }
        match next_marker {
            Some(marker) if !empty && opts.marker.as_deref() != Some(marker.as_str()) => {
                opts.marker = Some(marker)
            }
            _ => break,
        }
    }
    Ok(merged.unwrap_or_default())
}
