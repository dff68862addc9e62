//! Clusters (since 3.7, admin): groups of volume services that manage the same
//! backends together (active-active). Listing, showing, enabling and disabling them.
//!
//! Cinder sends `""` for a detailed cluster's missing times (a cluster that never
//! reported has no `last_heartbeat`): they are `None` here. The replication fields
//! (`replication_status`, and with the detail `frozen`, `active_backend_id`) come since
//! 3.26. A deployment without clusters lists none, and shows or toggles none (404).
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::clusters::{self, ClusterOpts, ListOpts};
//! for c in clusters::list_detail(&volumes, &ListOpts::default()).all().await? {
//!     println!("{} {} hosts ({} down)", c.name, c.num_hosts, c.num_down_hosts);
//! }
//! let c = clusters::disable(&volumes, &ClusterOpts::new("cluster1").reason("maintenance"))
//!     .await.extract()?;
//! clusters::enable(&volumes, &ClusterOpts::new(c.name)).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

pub use super::services::{ServiceState as ClusterState, ServiceStatus as ClusterStatus};

crate::operations! {
    service: "block-storage";
    /// List clusters.
    LIST = GET "/clusters" since("3.7") list("clusters", ClusterSummary);
    /// List clusters with details.
    LIST_DETAIL = GET "/clusters/detail" since("3.7") list("clusters", Cluster);
    /// Show a cluster.
    GET = GET "/clusters/{cluster_name}" since("3.7") response("cluster", Cluster);
    /// Enable a cluster.
    ENABLE = PUT "/clusters/enable" since("3.7") request(ClusterOpts) response("cluster", ClusterSummary);
    /// Disable a cluster.
    DISABLE = PUT "/clusters/disable" since("3.7") request(ClusterOpts) response("cluster", ClusterSummary);
}

/// The operations the v2 API documents: none (clusters are v3 only).
pub static V2_OPERATIONS: &[&crate::Operation] = &[];

/// A cluster, short (listings, enable, disable).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ClusterSummary {
    /// Its name.
    pub name: String,
    /// The binary of its services (`cinder-volume`).
    pub binary: String,
    /// `up` when one of its services is up.
    pub state: ClusterState,
    /// Enabled or disabled.
    pub status: ClusterStatus,
    /// Why it is disabled (enable and disable answers only).
    #[serde(default)]
    pub disabled_reason: Option<String>,
    /// The replication status (since 3.26).
    #[serde(default)]
    pub replication_status: Option<String>,
}

/// A cluster with its details.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Cluster {
    /// Its name.
    pub name: String,
    /// The binary of its services (`cinder-volume`).
    pub binary: String,
    /// `up` when one of its services is up.
    pub state: ClusterState,
    /// Enabled or disabled.
    pub status: ClusterStatus,
    /// The number of its services.
    pub num_hosts: u64,
    /// The number of its services that are down.
    pub num_down_hosts: u64,
    /// The last report of one of its services.
    #[serde(with = "crate::dates::option")]
    pub last_heartbeat: Option<Timestamp>,
    /// When it was created.
    #[serde(with = "crate::dates::option")]
    pub created_at: Option<Timestamp>,
    /// When it last changed.
    #[serde(with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// Why it is disabled.
    #[serde(default)]
    pub disabled_reason: Option<String>,
    /// The replication status (since 3.26).
    #[serde(default)]
    pub replication_status: Option<String>,
    /// Whether it is frozen (since 3.26).
    #[serde(default)]
    pub frozen: Option<bool>,
    /// The backend it has failed over to (since 3.26).
    #[serde(default)]
    pub active_backend_id: Option<String>,
}

/// Filters of the listings (Cinder refuses others).
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::clusters::ListOpts;
/// let opts = ListOpts { is_up: Some(true), binary: Some("cinder-volume".into()), ..Default::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "binary=cinder-volume&is_up=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// By name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By binary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binary: Option<String>,
    /// Only clusters that are (not) up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_up: Option<bool>,
    /// Only disabled (or enabled) clusters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    /// By number of services.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub num_hosts: Option<u64>,
    /// By number of services down.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub num_down_hosts: Option<u64>,
    /// By replication status (since 3.26).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replication_status: Option<String>,
    /// Only frozen (or not) clusters (since 3.26).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frozen: Option<bool>,
    /// By the backend failed over to (since 3.26).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active_backend_id: Option<String>,
}

impl ListOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        for (field, set) in [
            ("replication_status", self.replication_status.is_some()),
            ("frozen", self.frozen.is_some()),
            ("active_backend_id", self.active_backend_id.is_some()),
        ] {
            crate::microversion::check_field(client, field, set, Some("3.26"), None)?;
        }
        Ok(())
    }
}

/// The cluster to enable or disable.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::clusters::ClusterOpts;
/// let opts = ClusterOpts::new("cluster_name").reason("for testing");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!(
///     {"name": "cluster_name", "binary": "cinder-volume", "disabled_reason": "for testing"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClusterOpts {
    /// The cluster's name.
    pub name: String,
    /// Its binary (Cinder's default: `cinder-volume`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub binary: Option<String>,
    /// Why it is disabled (disable only; at most 255 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled_reason: Option<String>,
}

impl ClusterOpts {
    /// The `cinder-volume` cluster `name`.
    pub fn new(name: impl Into<String>) -> Self {
        ClusterOpts {
            name: name.into(),
            binary: Some("cinder-volume".into()),
            disabled_reason: None,
        }
    }
    /// Records why (for [`disable`]).
    pub fn reason(mut self, reason: impl Into<String>) -> Self {
        self.disabled_reason = Some(reason.into());
        self
    }
}

impl Validate for ClusterOpts {
    fn validate(&self) -> Result<()> {
        if self.name.is_empty() || self.name.chars().count() > 255 {
            return Err(Error::invalid_input("name must be 1 to 255 characters"));
        }
        if self
            .disabled_reason
            .as_ref()
            .is_some_and(|r| r.chars().count() > 255)
        {
            return Err(Error::invalid_input(
                "disabled_reason must be at most 255 characters",
            ));
        }
        Ok(())
    }
}

/// Lists clusters, short (one page).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<ClusterSummary> {
    let req = client.request(&LIST, &[]).query(opts);
    match opts.check(client) {
        Ok(()) => req.paged(PageStyle::Single),
        Err(e) => req.fail_with(e).paged(PageStyle::Single),
    }
}

crate::operation::extract_fn! {
    /// The clusters of a page of [`list`].
    extract_summaries, ClusterSummary
}

/// Lists clusters with their details (one page).
pub fn list_detail(client: &ServiceClient, opts: &ListOpts) -> Pager<Cluster> {
    let req = client.request(&LIST_DETAIL, &[]).query(opts);
    match opts.check(client) {
        Ok(()) => req.paged(PageStyle::Single),
        Err(e) => req.fail_with(e).paged(PageStyle::Single),
    }
}

crate::operation::extract_fn! {
    /// The clusters of a page of [`list_detail`].
    extract, Cluster
}

/// Shows a `cinder-volume` cluster.
pub async fn get(client: &ServiceClient, name: &str) -> ApiResult<Cluster> {
    client.request(&GET, &[name]).send().await
}

/// Shows a cluster of another binary (`cinder-backup`…).
pub async fn get_with_binary(
    client: &ServiceClient,
    name: &str,
    binary: &str,
) -> ApiResult<Cluster> {
    client
        .request(&GET, &[name])
        .query(&[("binary", binary)])
        .send()
        .await
}

/// Enables a cluster (its `disabled_reason` is cleared; one given is not sent).
pub async fn enable(client: &ServiceClient, opts: &ClusterOpts) -> ApiResult<ClusterSummary> {
    let opts = ClusterOpts {
        disabled_reason: None,
        ..opts.clone()
    };
    client.request(&ENABLE, &[]).body(&opts).send().await
}

/// Disables a cluster.
pub async fn disable(client: &ServiceClient, opts: &ClusterOpts) -> ApiResult<ClusterSummary> {
    client.request(&DISABLE, &[]).body(opts).send().await
}
