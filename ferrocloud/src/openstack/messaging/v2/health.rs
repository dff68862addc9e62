//! Ping (is Zaqar up: `204`) and health (operators: can Zaqar reach its catalog and
//! storage, and how long did each kind of operation take).
//!
//! ```no_run
//! # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::messaging::v2::health;
//! health::ping(&zaqar).await.ok()?;
//! let h = health::get(&zaqar).await.extract()?;
//! for (store, s) in &h.storage {
//!     println!("{store}: reachable {}", s.storage_reachable);
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::common::request;
use crate::ServiceClient;
use crate::request::ApiResult;

crate::operations! {
    service: "messaging";
    /// Ping (`204`).
    PING = GET "/ping";
    /// Show the detailed health (operators).
    GET = GET "/health" response(Health);
}

/// Zaqar's health: its catalog, and each storage (by name: `mongo`, `redis`…).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Health {
    /// Whether the catalog (queues' locations) is reachable.
    pub catalog_reachable: bool,
    /// Each storage, by name.
    #[serde(flatten)]
    pub storage: BTreeMap<String, StorageHealth>,
}

/// The health of one storage.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct StorageHealth {
    /// Whether it is reachable.
    pub storage_reachable: bool,
    /// The timing of each kind of operation (`post_messages`, `claim_messages`…).
    #[serde(default)]
    pub operation_status: BTreeMap<String, OperationStatus>,
}

/// How one kind of operation fared in the health check.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct OperationStatus {
    /// How long it took, in seconds.
    pub seconds: f64,
    /// Whether it succeeded.
    pub succeeded: bool,
    /// What it refers to (`null` mostly).
    #[serde(default, rename = "ref")]
    pub reference: Option<Value>,
}

/// Pings Zaqar (`204`).
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::messaging::v2::health::ping(&zaqar).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn ping(client: &ServiceClient) -> ApiResult<()> {
    request(client, &PING, &[])
        .ok_codes(&[200, 204])
        .send()
        .await
}

/// Shows Zaqar's detailed health (operators).
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let h = ferrocloud::openstack::messaging::v2::health::get(&zaqar).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient) -> ApiResult<Health> {
    request(client, &GET, &[]).send().await
}
