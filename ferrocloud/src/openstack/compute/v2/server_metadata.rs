//! Server metadata items: free key/value pairs on a server.
//!
//! Keys are 1 to 255 characters among letters, digits, `-`, `_`, `:`, `.` and space;
//! values are at most 255 characters. The SDK checks both before sending.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use std::collections::BTreeMap;
//! use ferrocloud::openstack::compute::v2::server_metadata;
//! let id = "0e44cc9c-e052-415d-afbf-469b0d384170";
//!
//! let mut more = BTreeMap::new();
//! more.insert("role".to_string(), "web".to_string());
//! let all = server_metadata::set(&compute, id, &more).await.extract()?; // merged
//! server_metadata::set_item(&compute, id, "owner", "ops").await.ok()?;
//! let owner = server_metadata::get_item(&compute, id, "owner").await.extract()?;
//! assert_eq!(owner.value, "ops");
//! server_metadata::delete_item(&compute, id, "owner").await.ok()?;
//! server_metadata::replace(&compute, id, &BTreeMap::new()).await.ok()?; // removes all
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

/// A server's metadata: key/value pairs.
pub type Metadata = BTreeMap<String, String>;

crate::operations! {
    service: "compute";
    /// List all metadata of a server.
    LIST = GET "/servers/{server_id}/metadata" response("metadata", Metadata);
    /// Create or update metadata items (the others are kept).
    SET = POST "/servers/{server_id}/metadata" request("metadata", MetadataOpts) response("metadata", Metadata);
    /// Replace all metadata items (the others are removed).
    REPLACE = PUT "/servers/{server_id}/metadata" request("metadata", MetadataOpts) response("metadata", Metadata);
    /// Show one metadata item.
    GET_ITEM = GET "/servers/{server_id}/metadata/{key}" response("meta", MetaItem);
    /// Create or update one metadata item.
    SET_ITEM = PUT "/servers/{server_id}/metadata/{key}" request("meta", MetaItem) response("meta", MetaItem);
    /// Delete one metadata item.
    DELETE_ITEM = DELETE "/servers/{server_id}/metadata/{key}";
}

/// Metadata items to send, checked before sending (see the [module](self) rules).
///
/// ```
/// use ferrocloud::openstack::compute::v2::server_metadata::MetadataOpts;
/// use ferrocloud::request::Validate;
/// let ok = MetadataOpts::from_iter([("role", "web")]);
/// assert!(ok.validate().is_ok());
/// let bad = MetadataOpts::from_iter([("a/b", "x")]);
/// assert!(bad.validate().unwrap_err().to_string().contains("a/b"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MetadataOpts(pub Metadata);

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for MetadataOpts {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        MetadataOpts(
            iter.into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }
}

impl Validate for MetadataOpts {
    fn validate(&self) -> Result<()> {
        self.0.iter().try_for_each(|(k, v)| check_item(k, v))
    }
}

/// Checks one key and value as Nova does.
fn check_item(key: &str, value: &str) -> Result<()> {
    let key_ok = (1..=255).contains(&key.chars().count())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_:. ".contains(c));
    if !key_ok {
        return Err(Error::invalid_input(format!(
            "metadata key {key:?} must be 1 to 255 characters among letters, digits, '-', '_', ':', '.' and space"
        )));
    }
    if value.chars().count() > 255 {
        return Err(Error::invalid_input(format!(
            "metadata value of {key:?} is longer than 255 characters"
        )));
    }
    Ok(())
}

/// One metadata item. On the wire it is a one-entry object: `{"key": "value"}`.
///
/// ```
/// use ferrocloud::openstack::compute::v2::server_metadata::MetaItem;
/// let item: MetaItem = serde_json::from_str(r#"{"foo": "Foo Value"}"#).unwrap();
/// assert_eq!((item.key.as_str(), item.value.as_str()), ("foo", "Foo Value"));
/// assert_eq!(serde_json::to_string(&item).unwrap(), r#"{"foo":"Foo Value"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetaItem {
    /// The key.
    pub key: String,
    /// The value.
    pub value: String,
}

impl MetaItem {
    /// The item `key` = `value`.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        MetaItem {
            key: key.into(),
            value: value.into(),
        }
    }
}

impl Validate for MetaItem {
    fn validate(&self) -> Result<()> {
        check_item(&self.key, &self.value)
    }
}

impl Serialize for MetaItem {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry(&self.key, &self.value)?;
        m.end()
    }
}

impl<'de> Deserialize<'de> for MetaItem {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = MetaItem;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object with one key")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<MetaItem, A::Error> {
                let (key, value): (String, String) = map
                    .next_entry()?
                    .ok_or_else(|| de::Error::invalid_length(0, &self))?;
                if map.next_key::<de::IgnoredAny>()?.is_some() {
                    return Err(de::Error::custom("expected one metadata item, found more"));
                }
                Ok(MetaItem { key, value })
            }
        }
        d.deserialize_map(V)
    }
}

/// Lists all metadata of a server.
pub async fn list(client: &ServiceClient, server_id: &str) -> ApiResult<Metadata> {
    client.request(&LIST, &[server_id]).send().await
}

/// Creates or updates the given items; the other items stay. Returns all items.
pub async fn set(client: &ServiceClient, server_id: &str, items: &Metadata) -> ApiResult<Metadata> {
    client
        .request(&SET, &[server_id])
        .body(&MetadataOpts(items.clone()))
        .send()
        .await
}

/// Replaces all metadata of a server with `items` (an empty map removes them all).
/// Returns all items.
pub async fn replace(
    client: &ServiceClient,
    server_id: &str,
    items: &Metadata,
) -> ApiResult<Metadata> {
    client
        .request(&REPLACE, &[server_id])
        .body(&MetadataOpts(items.clone()))
        .send()
        .await
}

/// Shows one metadata item (404 if the server has no such key).
pub async fn get_item(client: &ServiceClient, server_id: &str, key: &str) -> ApiResult<MetaItem> {
    client.request(&GET_ITEM, &[server_id, key]).send().await
}

/// Creates or updates one metadata item.
pub async fn set_item(
    client: &ServiceClient,
    server_id: &str,
    key: &str,
    value: &str,
) -> ApiResult<MetaItem> {
    client
        .request(&SET_ITEM, &[server_id, key])
        .body(&MetaItem::new(key, value))
        .send()
        .await
}

/// Deletes one metadata item.
pub async fn delete_item(client: &ServiceClient, server_id: &str, key: &str) -> ApiResult<()> {
    client.request(&DELETE_ITEM, &[server_id, key]).send().await
}
