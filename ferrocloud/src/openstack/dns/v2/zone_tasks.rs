//! Zone tasks: abandoning a zone (Designate forgets it, the name servers keep it),
//! asking a `SECONDARY` zone to transfer from its masters now, and moving a zone to
//! another pool (admins).
//!
//! ```no_run
//! # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::dns::v2::zone_tasks;
//! zone_tasks::xfr(&dns, "a86dba58").await.ok()?;
//! zone_tasks::pool_move(&dns, "a86dba58", Some("8e6f1c59")).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::ServiceClient;
use crate::request::{ApiResult, Validate};

crate::operations! {
    service: "dns";
    /// Abandon a zone (admins; `204`).
    ABANDON = POST "/zones/{zone_id}/tasks/abandon";
    /// Transfer a secondary zone from its masters now (`202`).
    XFR = POST "/zones/{zone_id}/tasks/xfr";
    /// Move a zone to another pool (admins; `202`).
    POOL_MOVE = POST "/zones/{zone_id}/tasks/pool_move" request(PoolMoveOpts);
}

/// What [`pool_move`] sends: the target pool, or none to let the scheduler choose.
///
/// ```
/// use ferrocloud::openstack::dns::v2::zone_tasks::PoolMoveOpts;
/// let opts = PoolMoveOpts { pool_id: Some("8e6f1c59".into()) };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"pool_id": "8e6f1c59"}));
/// assert_eq!(serde_json::to_value(PoolMoveOpts::default()).unwrap(), serde_json::json!({}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoolMoveOpts {
    /// The pool to move to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pool_id: Option<String>,
}

impl Validate for PoolMoveOpts {
    fn validate(&self) -> crate::Result<()> {
        match &self.pool_id {
            Some(p) => crate::request::require("pool_id", !p.is_empty()),
            None => Ok(()),
        }
    }
}

/// Abandons a zone: Designate deletes its records of it, the name servers keep serving
/// it (admins; `204`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::dns::v2::zone_tasks::abandon(&dns, "a86dba58").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn abandon(client: &ServiceClient, zone_id: &str) -> ApiResult<()> {
    client.request(&ABANDON, &[zone_id]).send().await
}

/// Transfers a `SECONDARY` zone from its masters now (`202`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::dns::v2::zone_tasks::xfr(&dns, "a86dba58").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn xfr(client: &ServiceClient, zone_id: &str) -> ApiResult<()> {
    client.request(&XFR, &[zone_id]).send().await
}

/// Moves a zone to `pool_id`, or to the pool the scheduler picks (admins; `202`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::dns::v2::zone_tasks::pool_move(&dns, "a86dba58", None).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn pool_move(
    client: &ServiceClient,
    zone_id: &str,
    pool_id: Option<&str>,
) -> ApiResult<()> {
    let opts = PoolMoveOpts {
        pool_id: pool_id.map(str::to_string),
    };
    client
        .request(&POOL_MOVE, &[zone_id])
        .body(&opts)
        .send()
        .await
}
