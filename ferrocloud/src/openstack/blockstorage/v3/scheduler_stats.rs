//! Scheduler statistics: the back-end storage pools the scheduler knows, with their
//! capabilities when asked for the detail (admin).
//!
//! Cinder 28 reports a pool's report time as `timestamp` (the API reference shows an
//! `updated` key, which it no longer sends); capacities are GiB or the words
//! `infinite`/`unknown` (see [`Capacity`](crate::openstack::blockstorage::v3::scheduler_stats::Capacity)).
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::scheduler_stats::{self, ListOpts};
//! for pool in scheduler_stats::list(&volumes, &ListOpts::detail()).all().await? {
//!     let caps = pool.capabilities.expect("asked for the detail");
//!     println!("{}: {:?} free", pool.name, caps.free_capacity_gb);
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};

use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::ServiceClient;

crate::operations! {
    service: "block-storage";
    /// List back-end storage pools.
    LIST = GET "/scheduler-stats/get_pools" list("pools", Pool);
}

/// The operations the v2 API documents: all of them.
pub static V2_OPERATIONS: &[&crate::Operation] = OPERATIONS;

/// A back-end storage pool.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Pool {
    /// Its name, `host@backend#pool`.
    pub name: String,
    /// What it offers (with `detail` only).
    #[serde(default)]
    pub capabilities: Option<PoolCapabilities>,
}

/// A capacity: GiB, or a word (`infinite`, `unknown`) when the backend gives no number.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::scheduler_stats::Capacity;
/// let c: Capacity = serde_json::from_str("1024").unwrap();
/// assert_eq!(c.gb(), Some(1024.0));
/// let c: Capacity = serde_json::from_str(r#""infinite""#).unwrap();
/// assert!(c.is_infinite());
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Capacity {
    /// GiB.
    Gb(f64),
    /// `infinite`, `unknown` or another word.
    Text(String),
}

impl Capacity {
    /// The GiB, when a number was reported.
    pub fn gb(&self) -> Option<f64> {
        match self {
            Capacity::Gb(g) => Some(*g),
            Capacity::Text(_) => None,
        }
    }
    /// Whether the backend reports no limit.
    pub fn is_infinite(&self) -> bool {
        matches!(self, Capacity::Text(t) if t.eq_ignore_ascii_case("infinite"))
    }
}

/// What a pool offers, as its driver reports it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct PoolCapabilities {
    /// The backend's name (`volume_backend_name`).
    #[serde(default)]
    pub volume_backend_name: Option<String>,
    /// The pool's name in the backend.
    #[serde(default)]
    pub pool_name: Option<String>,
    /// The vendor.
    #[serde(default)]
    pub vendor_name: Option<String>,
    /// The driver's version.
    #[serde(default, deserialize_with = "crate::de::nullable")]
    pub driver_version: Option<String>,
    /// The protocol (`iSCSI`, `FC`, `ceph`…).
    pub storage_protocol: String,
    /// The total capacity.
    pub total_capacity_gb: Capacity,
    /// The free capacity.
    pub free_capacity_gb: Capacity,
    /// The percentage kept free.
    pub reserved_percentage: f64,
    /// Whether the backend supports QoS.
    #[serde(rename = "QoS_support")]
    pub qos_support: bool,
    /// When the report was made (`timestamp` in Cinder 28).
    #[serde(default, with = "crate::dates::option")]
    pub timestamp: Option<Timestamp>,
    /// When the report was made, as older Cinder wrote it (`updated`).
    #[serde(default, with = "crate::dates::option")]
    pub updated: Option<Timestamp>,
    /// Every other capability (`thin_provisioning_support`, `replication_enabled`,
    /// `provisioned_capacity_gb`, vendor-specific ones…).
    #[serde(flatten)]
    pub other: BTreeMap<String, serde_json::Value>,
}

/// Options of [`list`].
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::scheduler_stats::ListOpts;
/// let opts = ListOpts::detail().filter("volume_type", "ssd");
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "detail=True&volume_type=ssd");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Include each pool's capabilities.
    #[serde(serialize_with = "true_word", skip_serializing_if = "std::ops::Not::not")]
    pub detail: bool,
    /// Filters on the pools' name or capabilities (since 3.28; `volume_type` since
    /// 3.35).
    #[serde(flatten)]
    pub filters: BTreeMap<String, String>,
}

fn true_word<S: Serializer>(_: &bool, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str("True")
}

impl ListOpts {
    /// The pools with their capabilities.
    pub fn detail() -> Self {
        ListOpts {
            detail: true,
            ..ListOpts::default()
        }
    }
    /// Adds a filter.
    pub fn filter(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.filters.insert(name.into(), value.into());
        self
    }
}

/// Lists the pools (one page). Filters need 3.28 and are refused before sending on an
/// older client (Cinder would ignore them).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Pool> {
    let req = client.request(&LIST, &[]).query(opts);
    match crate::microversion::check_field(
        client,
        "filters",
        !opts.filters.is_empty(),
        Some("3.28"),
        None,
    ) {
        Ok(()) => req.paged(PageStyle::Single),
        Err(e) => req.fail_with(e).paged(PageStyle::Single),
    }
}

crate::operation::extract_fn! {
    /// The pools of a page of [`list`].
    extract_pools, Pool
}
