//! Pools: the groups of name servers zones are served by (set up by the operator; read
//! only through the API).
//!
//! ```no_run
//! # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::dns::v2::pools;
//! for pool in pools::extract_pools(&pools::list(&dns).all_pages().await?)? {
//!     println!("{} {}", pool.id, pool.name);
//! }
//! # Ok(()) }
//! ```

use serde::Deserialize;
use serde_json::Value;

use super::common::Links;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "dns";
    /// List pools.
    LIST = GET "/pools" list("pools", Pool);
    /// Show a pool.
    GET = GET "/pools/{pool_id}" response(Pool);
}

/// A pool of name servers.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Pool {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// The project it is reserved for, if any.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub project_id: Option<String>,
    /// Its attributes, which zones' attributes are matched against.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub attributes: Option<Value>,
    /// The `NS` records of its zones.
    pub ns_records: Vec<NsRecord>,
    /// When it was created (`null` for the default pool, which Designate's database
    /// migrations create).
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub created_at: Option<Timestamp>,
    /// When it last changed (`null` if never).
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Its own URL.
    pub links: Links,
}

/// An `NS` record of a pool.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct NsRecord {
    /// The name server's host name.
    pub hostname: String,
    /// Its rank.
    pub priority: u32,
}

crate::operation::extract_fn! {
    /// The pools of a page of [`list`].
    extract_pools, Pool
}

/// Lists pools, following `links.next`.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let page = ferrocloud::openstack::dns::v2::pools::list(&dns).all_pages().await?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient) -> Pager<Pool> {
    client
        .request(&LIST, &[])
        .paged(PageStyle::Links("links"))
}

/// Shows a pool.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let pool = ferrocloud::openstack::dns::v2::pools::get(&dns, "794ccc2c").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Pool> {
    client.request(&GET, &[id]).send().await
}
