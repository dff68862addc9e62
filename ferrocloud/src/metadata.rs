//! Metadata items: the free key/value pairs that servers, volumes and snapshots carry,
//! and the functions every metadata resource has (list, merge, replace, and one item:
//! show, set, delete), declared once by `metadata_functions!`.
//!
//! Keys are 1 to 255 characters among letters, digits, `-`, `_`, `:`, `.` and space
//! (Cinder also takes `/`); values are at most 255 characters. The SDK checks both before
//! sending.
//!
//! ```
//! use ferrocloud::metadata::{MetaItem, MetadataOpts};
//! use ferrocloud::request::Validate;
//! let item: MetaItem = serde_json::from_str(r#"{"foo": "Foo Value"}"#).unwrap();
//! assert_eq!((item.key.as_str(), item.value.as_str()), ("foo", "Foo Value"));
//! assert!(MetadataOpts::from_iter([("role", "web")]).validate().is_ok());
//! assert!(MetadataOpts::from_iter([("", "x")]).validate().is_err());
//! ```

use std::collections::BTreeMap;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::request::Validate;
use crate::{Error, Result};

/// Metadata: key/value pairs.
pub type Metadata = BTreeMap<String, String>;

/// Metadata items to send, checked before sending (see the [module](self) rules).
///
/// ```
/// use ferrocloud::metadata::MetadataOpts;
/// use ferrocloud::request::Validate;
/// let ok = MetadataOpts::from_iter([("role", "web")]);
/// assert!(ok.validate().is_ok());
/// let bad = MetadataOpts::from_iter([("a*b", "x")]);
/// assert!(bad.validate().unwrap_err().to_string().contains("a*b"));
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
        self.0.iter().try_for_each(|(k, v)| check_item(k, v, "/"))
    }
}

/// Checks one key and value: the key is 1 to 255 characters among letters, digits,
/// `-_:. ` and `extra`; the value at most 255 characters.
pub(crate) fn check_item(key: &str, value: &str, extra: &str) -> Result<()> {
    let key_ok = (1..=255).contains(&key.chars().count())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_:. ".contains(c) || extra.contains(c));
    if !key_ok {
        let extra = extra
            .chars()
            .map(|c| format!(", '{c}'"))
            .collect::<String>();
        return Err(Error::invalid_input(format!(
            "metadata key {key:?} must be 1 to 255 characters among letters, digits, '-', '_', ':', '.'{extra} and space"
        )));
    }
    if value.chars().count() > 255 {
        return Err(Error::invalid_input(format!(
            "metadata value of {key:?} is longer than 255 characters"
        )));
    }
    Ok(())
}

/// Checks every item with the key characters `extra` allows beyond the common ones.
pub(crate) fn check_all<'a>(
    items: impl IntoIterator<Item = (&'a String, &'a String)>,
    extra: &str,
) -> Result<()> {
    items
        .into_iter()
        .try_for_each(|(k, v)| check_item(k, v, extra))
}

/// One metadata item. On the wire it is a one-entry object: `{"key": "value"}`.
///
/// ```
/// use ferrocloud::metadata::MetaItem;
/// let item: MetaItem = serde_json::from_str(r#"{"foo": "Foo Value"}"#).unwrap();
/// assert_eq!((item.key.as_str(), item.value.as_str()), ("foo", "Foo Value"));
/// assert_eq!(serde_json::to_string(&item).unwrap(), r#"{"foo":"Foo Value"}"#);
/// assert!(serde_json::from_str::<MetaItem>(r#"{"a": "1", "b": "2"}"#).is_err());
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
        check_item(&self.key, &self.value, "/")
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

/// The functions of a metadata resource, declared once: `list`, `set` (merge), `replace`,
/// `get_item`, `set_item` and `delete_item`. The module declares the operations `LIST`,
/// `SET`, `REPLACE`, `GET_ITEM`, `SET_ITEM` and `DELETE_ITEM` (each with the owner's ID
/// first); `$owner` names the owner in the docs, `$extra` the key characters the service
/// takes beyond the common ones. `; without replace` leaves `replace` out (for resources
/// whose items cannot be replaced all at once, such as volume types' extra specs).
///
/// ```ignore
/// crate::metadata::metadata_functions!("volume", "/");
/// crate::metadata::metadata_functions!("volume type", "/"; without replace);
/// ```
macro_rules! metadata_functions {
    ($owner:literal, $extra:literal) => {
        $crate::metadata::metadata_functions!($owner, $extra; without replace);

        #[doc = concat!("Replaces all metadata of a ", $owner, " with `items` (an empty map removes them all). Returns all items.")]
        pub async fn replace(
            client: &$crate::ServiceClient,
            id: &str,
            items: &Metadata,
        ) -> $crate::request::ApiResult<Metadata> {
            if let Err(e) = $crate::metadata::check_all(items, $extra) {
                return $crate::request::ApiResult::from_error(e);
            }
            client
                .request(&REPLACE, &[id])
                .body(&MetadataOpts(items.clone()))
                .send()
                .await
        }

    };
    ($owner:literal, $extra:literal; without replace) => {
        pub use $crate::metadata::{MetaItem, Metadata, MetadataOpts};

        #[doc = concat!("Lists all metadata of a ", $owner, ".")]
        pub async fn list(
            client: &$crate::ServiceClient,
            id: &str,
        ) -> $crate::request::ApiResult<Metadata> {
            client.request(&LIST, &[id]).send().await
        }

        #[doc = concat!("Creates or updates the given items of a ", $owner, "; the other items stay. The answer holds all items for metadata, the items sent for extra specs (as Cinder answers).")]
        pub async fn set(
            client: &$crate::ServiceClient,
            id: &str,
            items: &Metadata,
        ) -> $crate::request::ApiResult<Metadata> {
            if let Err(e) = $crate::metadata::check_all(items, $extra) {
                return $crate::request::ApiResult::from_error(e);
            }
            client
                .request(&SET, &[id])
                .body(&MetadataOpts(items.clone()))
                .send()
                .await
        }

        #[doc = concat!("Shows one metadata item of a ", $owner, " (404 if it has no such key).")]
        pub async fn get_item(
            client: &$crate::ServiceClient,
            id: &str,
            key: &str,
        ) -> $crate::request::ApiResult<MetaItem> {
            client.request(&GET_ITEM, &[id, key]).send().await
        }

        #[doc = concat!("Creates or updates one metadata item of a ", $owner, ".")]
        pub async fn set_item(
            client: &$crate::ServiceClient,
            id: &str,
            key: &str,
            value: &str,
        ) -> $crate::request::ApiResult<MetaItem> {
            if let Err(e) = $crate::metadata::check_item(key, value, $extra) {
                return $crate::request::ApiResult::from_error(e);
            }
            client
                .request(&SET_ITEM, &[id, key])
                .body(&MetaItem::new(key, value))
                .send()
                .await
        }

        #[doc = concat!("Deletes one metadata item of a ", $owner, ".")]
        pub async fn delete_item(
            client: &$crate::ServiceClient,
            id: &str,
            key: &str,
        ) -> $crate::request::ApiResult<()> {
            client.request(&DELETE_ITEM, &[id, key]).send().await
        }
    };
}
pub(crate) use metadata_functions;
