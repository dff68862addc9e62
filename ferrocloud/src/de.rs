//! Serde helpers for the odd shapes services send, shared by every resource.

use serde::de::{self, DeserializeOwned, Deserializer};
use serde::Deserialize;

/// A link (`{"href": .., "rel": ..}`), as every service lists them.
///
/// ```
/// let l: ferrocloud::de::Link = serde_json::from_str(r#"{"href": "http://x", "rel": "self"}"#).unwrap();
/// assert_eq!(l.rel, "self");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
pub struct Link {
    /// The URL.
    #[serde(default)]
    pub href: String,
    /// The relation (`self`, `bookmark`, `next`…).
    #[serde(default)]
    pub rel: String,
    /// The media type, when given.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
}

/// `#[serde(deserialize_with = "ferrocloud::de::empty_as_none")]`: `""` and `null` are
/// `None`, anything else is decoded as `T` (Nova's `"image": ""` for servers booted from a
/// volume).
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct S { #[serde(default, deserialize_with = "ferrocloud::de::empty_as_none")] image: Option<std::collections::BTreeMap<String, String>> }
/// let s: S = serde_json::from_str(r#"{"image": ""}"#).unwrap();
/// assert!(s.image.is_none());
/// ```
pub fn empty_as_none<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let v = serde_json::Value::deserialize(d)?;
    match v {
        serde_json::Value::Null => Ok(None),
        serde_json::Value::String(s) if s.is_empty() => Ok(None),
        other => T::deserialize(other).map(Some).map_err(de::Error::custom),
    }
}

/// `#[serde(deserialize_with = "ferrocloud::de::lenient_string")]`: a string, or a
/// boolean or number written as text; `null` is empty.
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct S { #[serde(deserialize_with = "ferrocloud::de::lenient_string")] v: String }
/// let s: S = serde_json::from_str(r#"{"v": true}"#).unwrap();
/// assert_eq!(s.v, "true");
/// ```
pub fn lenient_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) => s,
        serde_json::Value::Null => String::new(),
        serde_json::Value::Bool(b) => b.to_string(),
        serde_json::Value::Number(n) => n.to_string(),
        other => return Err(de::Error::custom(format!("expected a string, got {other}"))),
    })
}

/// `#[serde(deserialize_with = "ferrocloud::de::int_or_empty")]`: an integer that may come
/// as `""` (zero), as text, or as `null` (Nova's flavor `swap`).
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct F { #[serde(deserialize_with = "ferrocloud::de::int_or_empty")] swap: u64 }
/// assert_eq!(serde_json::from_str::<F>(r#"{"swap": ""}"#).unwrap().swap, 0);
/// assert_eq!(serde_json::from_str::<F>(r#"{"swap": "512"}"#).unwrap().swap, 512);
/// assert_eq!(serde_json::from_str::<F>(r#"{"swap": 1024}"#).unwrap().swap, 1024);
/// assert!(serde_json::from_str::<F>(r#"{"swap": "lots"}"#).is_err());
/// ```
pub fn int_or_empty<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    match serde_json::Value::deserialize(d)? {
        serde_json::Value::Null => Ok(0),
        serde_json::Value::Number(n) => n
            .as_u64()
            .ok_or_else(|| de::Error::custom(format!("expected a non-negative integer, got {n}"))),
        serde_json::Value::String(s) if s.trim().is_empty() => Ok(0),
        serde_json::Value::String(s) => s
            .trim()
            .parse()
            .map_err(|_| de::Error::custom(format!("expected an integer, got {s:?}"))),
        other => Err(de::Error::custom(format!(
            "expected an integer, got {other}"
        ))),
    }
}

/// `#[serde(deserialize_with = "ferrocloud::de::null_as_default")]`: `null` becomes the
/// type's default (an empty list or map).
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct S { #[serde(default, deserialize_with = "ferrocloud::de::null_as_default")] tags: Vec<String> }
/// assert!(serde_json::from_str::<S>(r#"{"tags": null}"#).unwrap().tags.is_empty());
/// ```
pub fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}
