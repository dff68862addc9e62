//! Amphorae: the service VMs of the `amphora` provider (admins). Read them, their
//! statistics (API 2.3), push their configuration again (API 2.7), fail one over, or
//! remove a failed one (API 2.20).
//!
//! ```no_run
//! # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::loadbalancer::v2::amphorae::{self, ListOpts};
//! let opts = ListOpts { loadbalancer_id: Some("09eedfc6".into()), ..Default::default() };
//! for a in amphorae::extract_amphorae(&amphorae::list(&lb, &opts).all_pages().await?)? {
//!     println!("{} {} {:?}", a.id, a.status, a.role);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::ServiceClient;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;

crate::operations! {
    service: "load-balancer";
    /// List amphorae.
    LIST = GET "/octavia/amphorae" list("amphorae", Amphora);
    /// Show an amphora.
    GET = GET "/octavia/amphorae/{amphora_id}" response("amphora", Amphora);
    /// Show an amphora's statistics, per listener.
    STATS = GET "/octavia/amphorae/{amphora_id}/stats" list("amphora_stats", AmphoraStats);
    /// Push an amphora's agent configuration again (`202`).
    CONFIG = PUT "/octavia/amphorae/{amphora_id}/config";
    /// Fail an amphora over (`202`).
    FAILOVER = PUT "/octavia/amphorae/{amphora_id}/failover";
    /// Remove an amphora in `ERROR` (`204`).
    DELETE = DELETE "/octavia/amphorae/{amphora_id}";
}

crate::de::text_enum! {
    /// The life-cycle status of an amphora.
    ///
    /// ```
    /// use ferrocloud::openstack::loadbalancer::v2::amphorae::AmphoraStatus;
    /// assert_eq!(serde_json::from_str::<AmphoraStatus>("\"ALLOCATED\"").unwrap(), AmphoraStatus::Allocated);
    /// ```
    AmphoraStatus {
        /// Booting.
        Booting = "BOOTING",
        /// Serving a load balancer.
        Allocated = "ALLOCATED",
        /// Ready, not yet serving.
        Ready = "READY",
        /// Being created.
        PendingCreate = "PENDING_CREATE",
        /// Being deleted.
        PendingDelete = "PENDING_DELETE",
        /// Deleted.
        Deleted = "DELETED",
        /// Failed.
        Error = "ERROR",
        /// Held out of automatic failover.
        FailoverStopped = "FAILOVER_STOPPED",
    }
}

/// An amphora.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Amphora {
    /// The ID.
    pub id: String,
    /// The load balancer it serves.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub loadbalancer_id: Option<String>,
    /// Its Nova server.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub compute_id: Option<String>,
    /// Its address on the management network.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub lb_network_ip: Option<String>,
    /// Its address on the VIP network (VRRP).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub vrrp_ip: Option<String>,
    /// The VIP it holds.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub ha_ip: Option<String>,
    /// Its port on the VIP network.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub vrrp_port_id: Option<String>,
    /// The VIP's port.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub ha_port_id: Option<String>,
    /// When its certificate expires.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub cert_expiration: Option<Timestamp>,
    /// Whether its certificate is being rotated.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub cert_busy: bool,
    /// `MASTER`, `BACKUP` or `STANDALONE`.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub role: Option<String>,
    /// Its status.
    pub status: AmphoraStatus,
    /// Its VRRP interface.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub vrrp_interface: Option<String>,
    /// Its VRRP ID.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub vrrp_id: Option<u32>,
    /// Its VRRP priority.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub vrrp_priority: Option<u32>,
    /// Its compute availability zone.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub cached_zone: Option<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed (`null` if never).
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Its Glance image (API 2.1).
    #[serde(default)]
    pub image_id: Option<String>,
    /// Its Nova flavor (API 2.3).
    #[serde(default)]
    pub compute_flavor: Option<String>,
}

/// The statistics of one listener on an amphora.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AmphoraStats {
    /// The amphora.
    pub id: String,
    /// The listener.
    pub listener_id: String,
    /// The load balancer.
    pub loadbalancer_id: String,
    /// Connections open now.
    pub active_connections: u64,
    /// Bytes received.
    pub bytes_in: u64,
    /// Bytes sent.
    pub bytes_out: u64,
    /// Requests that failed.
    pub request_errors: u64,
    /// Connections handled in all.
    pub total_connections: u64,
}

/// What [`list`] filters on, besides the [`ListControls`].
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::amphorae::{AmphoraStatus, ListOpts};
/// let opts = ListOpts { status: Some(AmphoraStatus::Error), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "status=ERROR");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Amphorae of this load balancer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loadbalancer_id: Option<String>,
    /// Of this Nova server.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compute_id: Option<String>,
    /// In this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<AmphoraStatus>,
    /// Of this role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Of the load balancers of this project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Paging, sorting and fields.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// Lists amphorae, following `amphorae_links` with the filters kept.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Amphora> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::LinksKeepQuery("amphorae_links"))
}

crate::operation::extract_fn! {
    /// The amphorae of a page of [`list`].
    extract_amphorae, Amphora
}

/// Shows an amphora.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Amphora> {
    client.request(&GET, &[id]).send().await
}

/// An amphora's statistics, one entry per listener (API 2.3). Octavia answers `404`
/// while it holds none for the amphora (no heartbeat has reached its health manager).
pub async fn stats(client: &ServiceClient, id: &str) -> ApiResult<Vec<AmphoraStats>> {
    client.request(&STATS, &[id]).send().await
}

/// Pushes the amphora agent's configuration again (API 2.7; `202`).
pub async fn configure(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&CONFIG, &[id]).send().await
}

/// Fails an amphora over to a new one (`202`).
pub async fn failover(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&FAILOVER, &[id]).send().await
}

/// Removes an amphora in `ERROR` or `READY` (API 2.20; `204`); Octavia refuses one in
/// use (`ALLOCATED`) with `409`.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}
