//! Introspection data: what Inspector stored for a node, processed (after its hooks
//! ran) or as the ramdisk sent it, and processing it again (reapply). Inspector must
//! store data (`[processing]store_data`); otherwise it answers `404`.
//!
//! The data is kept as the JSON object Inspector sent, nothing dropped: its shape
//! depends on the ramdisk and on Inspector's processing hooks.
//!
//! ```no_run
//! # async fn demo(inspector: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetalintrospection::v1::data;
//! let d = data::get(&inspector, "node-1").await.extract()?;
//! println!("{:?} MiB", d.get("memory_mb"));
//! if let Some(cpu) = d.inventory().and_then(|i| i.get("cpu")) {
//!     println!("{cpu}");
//! }
//! data::reapply(&inspector, "node-1", None).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::common::{field, request};
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "baremetal-introspection";
    /// Get a node's processed introspection data (1.1).
    GET = GET "/introspection/{node_id}/data" response(Data);
    /// Get a node's unprocessed introspection data (1.17).
    GET_UNPROCESSED = GET "/introspection/{node_id}/data/unprocessed" response(Data);
    /// Process a node's stored data again, or data given in the body (1.15) (1.4, `202`).
    REAPPLY = POST "/introspection/{node_id}/data/unprocessed" request(Data);
}

/// Introspection data: a JSON object kept whole (it dereferences to its map).
///
/// ```
/// use ferrocloud::openstack::baremetalintrospection::v1::data::Data;
/// let d: Data = serde_json::from_str(r#"{"cpus": 2, "inventory": {"cpu": {"count": 2}}, "x": null}"#).unwrap();
/// assert_eq!(d["cpus"], 2);
/// assert_eq!(d.inventory().unwrap()["cpu"]["count"], 2);
/// assert_eq!(serde_json::to_string(&d).unwrap(), r#"{"cpus":2,"inventory":{"cpu":{"count":2}},"x":null}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Data(pub Map<String, Value>);

impl Data {
    /// The hardware inventory the ramdisk sent (`inventory`), when there is one.
    pub fn inventory(&self) -> Option<&Map<String, Value>> {
        self.0.get("inventory").and_then(Value::as_object)
    }

    /// The object itself.
    pub fn into_inner(self) -> Map<String, Value> {
        self.0
    }
}

impl std::ops::Deref for Data {
    type Target = Map<String, Value>;
    fn deref(&self) -> &Map<String, Value> {
        &self.0
    }
}

impl std::ops::DerefMut for Data {
    fn deref_mut(&mut self) -> &mut Map<String, Value> {
        &mut self.0
    }
}

impl From<Map<String, Value>> for Data {
    fn from(m: Map<String, Value>) -> Self {
        Data(m)
    }
}

impl Validate for Data {}

/// Gets a node's processed introspection data (UUID or name).
///
/// ```no_run
/// # async fn demo(inspector: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let d = ferrocloud::openstack::baremetalintrospection::v1::data::get(&inspector, "node-1")
///     .await.extract()?;
/// println!("{:?}", d.get("cpu_arch"));
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, node: &str) -> ApiResult<Data> {
    request(client, &GET, &[node], 1).send().await
}

/// Gets the data the ramdisk sent for a node, before processing (UUID or name).
///
/// ```no_run
/// # async fn demo(inspector: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let raw = ferrocloud::openstack::baremetalintrospection::v1::data::get_unprocessed(&inspector, "node-1")
///     .await.extract()?;
/// println!("{}", raw.len());
/// # Ok(()) }
/// ```
pub async fn get_unprocessed(client: &ServiceClient, node: &str) -> ApiResult<Data> {
    request(client, &GET_UNPROCESSED, &[node], 17).send().await
}

/// Processes a node's stored unprocessed data again (UUID or name; `202`), or `data`
/// in its place (1.15). The introspection status goes `reapplying`, then `finished` or
/// `error`.
///
/// ```no_run
/// # async fn demo(inspector: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::baremetalintrospection::v1::data;
/// data::reapply(&inspector, "node-1", None).await.ok()?;
/// let mut given = data::get_unprocessed(&inspector, "node-1").await.extract()?;
/// given.insert("extra".into(), serde_json::json!({"rack": 4}));
/// data::reapply(&inspector, "node-1", Some(&given)).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn reapply(client: &ServiceClient, node: &str, data: Option<&Data>) -> ApiResult<()> {
    let req = request(client, &REAPPLY, &[node], 4);
    match data {
        None => req.send().await,
        Some(d) => field(req.body(d), client, true, "reapplying given data", 15)
            .send()
            .await,
    }
}
