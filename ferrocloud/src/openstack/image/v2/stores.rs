//! Stores (multi-store clouds, 2.8): the back ends an image's data may live in, and
//! removing an image's data from one of them.
//!
//! ```no_run
//! # async fn demo(glance: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::image::v2::stores;
//! for s in stores::list(&glance).await.extract()? {
//!     println!("{}{}: {}", s.id, if s.default { " (default)" } else { "" }, s.description.unwrap_or_default());
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use crate::ServiceClient;
use crate::request::ApiResult;

crate::operations! {
    service: "image";
    /// List stores.
    LIST = GET "/info/stores" list("stores", Store);
    /// List stores with their details (admins; 2.15).
    LIST_DETAIL = GET "/info/stores/detail" list("stores", StoreDetail);
    /// Delete an image's data from a store (2.10).
    DELETE_IMAGE = DELETE "/stores/{store_id}/{image_id}";
}

/// A store.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Store {
    /// The ID.
    pub id: String,
    /// What it is for (when the cloud describes it).
    #[serde(default)]
    pub description: Option<String>,
    /// Whether it is where data goes by default (Glance writes `"true"`).
    #[serde(default, deserialize_with = "crate::de::bool_or_text")]
    pub default: bool,
    /// Whether it can only be read (an `http` store).
    #[serde(rename = "read-only", default, deserialize_with = "crate::de::bool_or_text")]
    pub read_only: bool,
}

/// A store with its details (admins).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct StoreDetail {
    /// The ID.
    pub id: String,
    /// The driver (`file`, `rbd`, `swift`, `cinder`, `s3`, `http`).
    #[serde(rename = "type")]
    pub kind: String,
    /// What it is for (when the cloud describes it).
    #[serde(default)]
    pub description: Option<String>,
    /// Whether it is where data goes by default.
    #[serde(default, deserialize_with = "crate::de::bool_or_text")]
    pub default: bool,
    /// Whether it can only be read.
    #[serde(rename = "read-only", default, deserialize_with = "crate::de::bool_or_text")]
    pub read_only: bool,
    /// Its weight when choosing where to read from (lower first).
    #[serde(default)]
    pub weight: Option<i64>,
    /// The driver's settings (`pool`, `datadir`, `chunk_size`…).
    #[serde(default)]
    pub properties: BTreeMap<String, Value>,
}

/// Lists the stores.
pub async fn list(client: &ServiceClient) -> ApiResult<Vec<Store>> {
    client.request(&LIST, &[]).send().await
}

/// Lists the stores with their details (admins).
pub async fn list_detail(client: &ServiceClient) -> ApiResult<Vec<StoreDetail>> {
    client.request(&LIST_DETAIL, &[]).send().await
}

/// Deletes an image's data from one store (`204`; the image keeps its other
/// locations; `409` when it is the last one).
pub async fn delete_image(client: &ServiceClient, store_id: &str, image_id: &str) -> ApiResult<()> {
    client.request(&DELETE_IMAGE, &[store_id, image_id]).send().await
}
