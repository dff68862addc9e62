//! What every Cinder listing accepts besides its resource's filters: page size, marker
//! and offset, sorting, the total count (3.45), and filters by any attribute name.
//!
//! ```
//! use ferrocloud::openstack::blockstorage::v3::common::{ListControls, SortDir};
//! let controls = ListControls::default()
//!     .sort("name", SortDir::Asc)
//!     .sort("created_at", SortDir::Desc)
//!     .limit(50)
//!     .filter("bootable", "true");
//! let pairs = ferrocloud::query::to_pairs(&controls).unwrap();
//! assert_eq!(ferrocloud::query::encode(&pairs),
//!     "limit=50&sort=name%3Aasc%2Ccreated_at%3Adesc&bootable=true");
//! ```

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

/// A sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SortDir {
    /// Ascending.
    Asc,
    /// Descending.
    Desc,
}

impl SortDir {
    fn as_str(self) -> &'static str {
        match self {
            SortDir::Asc => "asc",
            SortDir::Desc => "desc",
        }
    }
}

/// Paging, sorting, counting and free-form filters of a Cinder listing. Flattened into
/// each resource's `ListOpts` as its `controls` field.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListControls {
    /// The page size (Cinder's default and maximum is its `osapi_max_limit`, 1000).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Start after this ID (the pager follows `<resources>_links` on its own).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Skip this many items first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
    /// Sort keys with directions, most significant first, sent as
    /// `sort=key:dir,key:dir` (see [`ListControls::sort`]).
    #[serde(serialize_with = "sort_param", skip_serializing_if = "Vec::is_empty")]
    pub sort: Vec<(String, SortDir)>,
    /// Ask for the total number of matching items (`count` in the answer; 3.45).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_count: Option<bool>,
    /// Filters by attribute name (any the typed options lack; Cinder lists the filters
    /// each resource takes at `resource_filters`).
    #[serde(flatten)]
    pub filters: BTreeMap<String, String>,
}

fn sort_param<S: Serializer>(keys: &[(String, SortDir)], s: S) -> Result<S::Ok, S::Error> {
    let text = keys
        .iter()
        .map(|(k, d)| format!("{k}:{}", d.as_str()))
        .collect::<Vec<_>>()
        .join(",");
    s.serialize_str(&text)
}

impl ListControls {
    /// Adds a sort key (keys added first sort first).
    pub fn sort(mut self, key: impl Into<String>, dir: SortDir) -> Self {
        self.sort.push((key.into(), dir));
        self
    }
    /// Sets the page size.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }
    /// Skips `offset` items first.
    pub fn offset(mut self, offset: u32) -> Self {
        self.offset = Some(offset);
        self
    }
    /// Asks for the total count of matching items (3.45).
    pub fn with_count(mut self) -> Self {
        self.with_count = Some(true);
        self
    }
    /// Filters on any attribute by name.
    pub fn filter(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.filters.insert(name.into(), value.into());
        self
    }
}
