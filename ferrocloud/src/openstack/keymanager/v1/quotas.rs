//! Quotas: the limits that apply to the caller's project (its own, or the defaults),
//! per kind of entity. A negative limit is none; zero disables the kind.
//!
//! ```no_run
//! # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! let q = ferrocloud::openstack::keymanager::v1::quotas::get(&barbican).await.extract()?;
//! if q.secrets >= 0 { println!("at most {} secrets", q.secrets) }
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::ServiceClient;
use crate::request::ApiResult;

crate::operations! {
    service: "key-manager";
    /// Show the caller's project's effective quotas.
    GET = GET "/quotas" response("quotas", Quotas);
}

/// The effective limits of a project (`-1`: none; `0`: disabled).
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::quotas::Quotas;
/// let q: Quotas = serde_json::from_str(
///     r#"{"secrets": 10, "orders": 20, "containers": 10, "consumers": -1, "cas": 5}"#).unwrap();
/// assert_eq!(q.consumers, -1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Quotas {
    /// Secrets.
    pub secrets: i64,
    /// Orders.
    pub orders: i64,
    /// Containers.
    pub containers: i64,
    /// Consumers.
    pub consumers: i64,
    /// Certificate authorities.
    pub cas: i64,
}

/// Shows the effective quotas of the caller's project.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let q = ferrocloud::openstack::keymanager::v1::quotas::get(&barbican).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient) -> ApiResult<Quotas> {
    client.request(&GET, &[]).send().await
}
