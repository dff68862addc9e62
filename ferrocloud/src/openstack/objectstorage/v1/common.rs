//! What Swift's accounts, containers and objects share: metadata carried in headers
//! (`X-<Kind>-Meta-<name>`, removed with `X-Remove-<Kind>-Meta-<name>`), header values
//! read as numbers, times and text, and the listing options.
//!
//! ```
//! use ferrocloud::openstack::objectstorage::v1::common::ListOpts;
//! let opts = ListOpts::default().prefix("logs/").delimiter('/').limit(100);
//! let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
//! assert_eq!(ferrocloud::query::encode(&pairs), "limit=100&prefix=logs%2F&delimiter=%2F");
//! ```

use std::collections::BTreeMap;

use http::header::{HeaderMap, HeaderName, HeaderValue};
use serde::Serialize;

use crate::dates::Timestamp;
use crate::{Error, ErrorKind, Result};

/// The options of a listing (containers of an account, objects of a container).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// The page size (Swift's default and maximum is 10,000).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Start after this name (the pager moves it on its own).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Stop before this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_marker: Option<String>,
    /// Only names that start with this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// Roll names up to the first occurrence of this character after the prefix: each
    /// group comes once, as a pseudo-directory (`subdir`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<char>,
    /// Names in reverse order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reverse: Option<bool>,
}

impl ListOpts {
    /// Sets the page size.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }
    /// Starts after `marker`.
    pub fn marker(mut self, marker: impl Into<String>) -> Self {
        self.marker = Some(marker.into());
        self
    }
    /// Stops before `end_marker`.
    pub fn end_marker(mut self, end_marker: impl Into<String>) -> Self {
        self.end_marker = Some(end_marker.into());
        self
    }
    /// Only names starting with `prefix`.
    pub fn prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = Some(prefix.into());
        self
    }
    /// Groups names by `delimiter` into pseudo-directories.
    pub fn delimiter(mut self, delimiter: char) -> Self {
        self.delimiter = Some(delimiter);
        self
    }
    /// Lists in reverse order.
    pub fn reverse(mut self) -> Self {
        self.reverse = Some(true);
        self
    }
}

pub use crate::transfer::Progress;

/// Metadata to set and to remove, sent as headers (`X-<Kind>-Meta-<name>: <value>`,
/// `X-Remove-<Kind>-Meta-<name>: x`). Names are case-insensitive (Swift answers them in
/// title case; this SDK reads them in lower case); values are UTF-8.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetadataChanges {
    /// Items to set (others are kept).
    pub set: BTreeMap<String, String>,
    /// Items to remove.
    pub remove: Vec<String>,
}

impl MetadataChanges {
    /// Sets an item.
    pub fn set(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.set.insert(name.into(), value.into());
        self
    }
    /// Removes an item.
    pub fn remove(mut self, name: impl Into<String>) -> Self {
        self.remove.push(name.into());
        self
    }

    /// Writes the changes as `kind`'s headers (`Account`, `Container`, `Object`; objects
    /// have no removal headers: an object's POST replaces all its metadata).
    pub(crate) fn write(&self, kind: &str, headers: &mut HeaderMap) -> Result<()> {
        for (name, value) in &self.set {
            put(
                headers,
                &format!("X-{kind}-Meta-{}", meta_name(name)?),
                value,
            )?;
        }
        for name in &self.remove {
            put(
                headers,
                &format!("X-Remove-{kind}-Meta-{}", meta_name(name)?),
                "x",
            )?;
        }
        Ok(())
    }
}

/// A metadata name as a header name's tail: not empty, an HTTP token.
fn meta_name(name: &str) -> Result<&str> {
    let token = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
    if name.is_empty() || !name.bytes().all(token) {
        return Err(Error::invalid_input(format!(
            "metadata name {name:?} is not a header name (letters, digits and !#$%&'*+-.^_`|~)"
        )));
    }
    Ok(name)
}

/// Sets header `name` to `value` (UTF-8 allowed; no control characters).
pub(crate) fn put(headers: &mut HeaderMap, name: &str, value: &str) -> Result<()> {
    let n = HeaderName::from_bytes(name.as_bytes())
        .map_err(|_| Error::invalid_input(format!("{name:?} is not a header name")))?;
    let v = HeaderValue::from_bytes(value.as_bytes()).map_err(|_| {
        Error::invalid_input(format!("the value of {name} has a control character"))
    })?;
    headers.insert(n, v);
    Ok(())
}

/// Sets header `name` to `value` when there is one.
pub(crate) fn put_opt<T: ToString>(
    headers: &mut HeaderMap,
    name: &str,
    value: &Option<T>,
) -> Result<()> {
    match value {
        Some(v) => put(headers, name, &v.to_string()),
        None => Ok(()),
    }
}

/// A header's secret text (a TempURL or sync key), if present.
pub(crate) fn secret(h: &HeaderMap, name: &str) -> Option<secrecy::SecretString> {
    text(h, name).map(Into::into)
}

/// A header's text (UTF-8, or Latin-1 as HTTP defines it when it is not).
pub(crate) fn text(h: &HeaderMap, name: &str) -> Option<String> {
    h.get(name)
        .map(|v| match std::str::from_utf8(v.as_bytes()) {
            Ok(s) => s.to_string(),
            Err(_) => v.as_bytes().iter().map(|&b| b as char).collect(),
        })
}

fn bad(name: &str, value: &str, what: &str) -> Error {
    Error::new(
        ErrorKind::Decode,
        format!("header {name}: {value:?} is not {what}"),
    )
}

/// A header's number, if present.
pub(crate) fn number(h: &HeaderMap, name: &str) -> Result<Option<u64>> {
    match text(h, name) {
        None => Ok(None),
        Some(t) => t
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| bad(name, &t, "a number")),
    }
}

/// A header's number, which the service always sends.
pub(crate) fn required_number(h: &HeaderMap, name: &str) -> Result<u64> {
    number(h, name)?.ok_or_else(|| {
        Error::new(
            ErrorKind::Decode,
            format!("the response has no {name} header"),
        )
    })
}

/// A header's time (epoch seconds or an HTTP date), if present.
pub(crate) fn time(h: &HeaderMap, name: &str) -> Result<Option<Timestamp>> {
    match text(h, name) {
        None => Ok(None),
        Some(t) => crate::dates::parse(t.trim())
            .map(Some)
            .map_err(|_| bad(name, &t, "a time")),
    }
}

/// A header's boolean (`true`/`false`, any case), if present.
pub(crate) fn boolean(h: &HeaderMap, name: &str) -> Result<Option<bool>> {
    match text(h, name) {
        None => Ok(None),
        Some(t) => match t.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" | "on" => Ok(Some(true)),
            "false" | "no" | "0" | "off" => Ok(Some(false)),
            _ => Err(bad(name, &t, "a boolean")),
        },
    }
}

/// The metadata items under `prefix` (`x-container-meta-`), names in lower case, but
/// the TempURL keys (secrets, read apart).
pub(crate) fn metadata(h: &HeaderMap, prefix: &str) -> BTreeMap<String, String> {
    h.keys()
        .filter_map(|k| k.as_str().strip_prefix(prefix).map(|name| (k, name)))
        .filter(|(_, name)| !name.starts_with("temp-url-key"))
        .filter_map(|(k, name)| text(h, k.as_str()).map(|v| (name.to_string(), v)))
        .collect()
}
