//! What every Neutron listing accepts besides its resource's filters: sorting, page size
//! and marker, `fields`, the tag filters, and filters by any attribute name.
//!
//! ```
//! use ferrocloud::openstack::networking::v2::common::{ListControls, SortDir};
//! let controls = ListControls::default()
//!     .sort("name", SortDir::Asc)
//!     .sort("id", SortDir::Desc)
//!     .limit(50)
//!     .tags(["prod", "web"])
//!     .not_tags_any(["retired"])
//!     .filter("dns_domain", "example.org.");
//! let pairs = ferrocloud::query::to_pairs(&controls).unwrap();
//! assert_eq!(ferrocloud::query::encode(&pairs),
//!     "limit=50&sort_key=name&sort_key=id&sort_dir=asc&sort_dir=desc&tags=prod%2Cweb\
//!      &not-tags-any=retired&dns_domain=example.org.");
//! ```

use std::collections::BTreeMap;

use serde::Serialize;

pub use crate::query::SortDir;

/// Sorting, paging, field selection, tag filters and free-form filters of a Neutron
/// listing. Flattened into each resource's `ListOpts` as its `controls` field.
///
/// A listing with `fields` answers with the named attributes only: read such pages with
/// [`Page::extract_into`](crate::pagination::Page::extract_into) and a type of your own
/// (or `serde_json::Value`), since the resource types require what Neutron always sends.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListControls {
    /// The page size (Neutron's default is unlimited, or its `pagination_max_limit`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Start after this ID (the pager follows `<resources>_links` on its own).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Walk the pages backwards from `marker`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_reverse: Option<bool>,
    /// Sort keys, most significant first (see [`ListControls::sort`]).
    pub sort_key: Vec<String>,
    /// Sort directions, one per key.
    pub sort_dir: Vec<SortDir>,
    /// Return only these attributes.
    pub fields: Vec<String>,
    /// Resources with all of these tags.
    #[serde(serialize_with = "crate::query::comma")]
    pub tags: Vec<String>,
    /// Resources with any of these tags.
    #[serde(rename = "tags-any", serialize_with = "crate::query::comma")]
    pub tags_any: Vec<String>,
    /// Resources without all of these tags (they may have some).
    #[serde(rename = "not-tags", serialize_with = "crate::query::comma")]
    pub not_tags: Vec<String>,
    /// Resources with none of these tags.
    #[serde(rename = "not-tags-any", serialize_with = "crate::query::comma")]
    pub not_tags_any: Vec<String>,
    /// Filters by attribute name (extension attributes, or any the typed options lack).
    #[serde(flatten)]
    pub filters: BTreeMap<String, String>,
}

fn strings<I: IntoIterator<Item = S>, S: Into<String>>(items: I) -> Vec<String> {
    items.into_iter().map(Into::into).collect()
}

impl ListControls {
    /// Adds a sort key (keys added first sort first).
    pub fn sort(mut self, key: impl Into<String>, dir: SortDir) -> Self {
        self.sort_key.push(key.into());
        self.sort_dir.push(dir);
        self
    }
    /// Sets the page size.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }
    /// Returns only these attributes.
    pub fn fields<I: IntoIterator<Item = S>, S: Into<String>>(mut self, fields: I) -> Self {
        self.fields = strings(fields);
        self
    }
    /// Resources with all of these tags.
    pub fn tags<I: IntoIterator<Item = S>, S: Into<String>>(mut self, tags: I) -> Self {
        self.tags = strings(tags);
        self
    }
    /// Resources with any of these tags.
    pub fn tags_any<I: IntoIterator<Item = S>, S: Into<String>>(mut self, tags: I) -> Self {
        self.tags_any = strings(tags);
        self
    }
    /// Resources without all of these tags.
    pub fn not_tags<I: IntoIterator<Item = S>, S: Into<String>>(mut self, tags: I) -> Self {
        self.not_tags = strings(tags);
        self
    }
    /// Resources with none of these tags.
    pub fn not_tags_any<I: IntoIterator<Item = S>, S: Into<String>>(mut self, tags: I) -> Self {
        self.not_tags_any = strings(tags);
        self
    }
    /// Filters on any attribute by name (`provider:network_type`, `dns_domain`…).
    pub fn filter(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.filters.insert(name.into(), value.into());
        self
    }
}

/// The functions of a Neutron resource with the usual operations, declared once:
/// `list` (following `<resources>_links`), `extract_<resources>`, `get`, `create`,
/// `create_bulk`, `update`, `update_if_revision` (`If-Match: revision_number=N`),
/// `delete` and `find`. The module declares the operations `LIST`, `GET`, `CREATE`,
/// `CREATE_BULK`, `UPDATE`, `DELETE` and the types `ListOpts` (with a `name` filter),
/// `CreateOpts` and `UpdateOpts` (both [`Extensible`](crate::request::Extensible)).
///
/// A resource with fewer operations names the functions it has after a `;` (`list`
/// declares `extract_<resources>` too), and declares only what those need;
/// `, without_bulk` stands for all of them but `create_bulk`, for resources Neutron
/// creates one at a time.
///
/// ```ignore
/// crate::openstack::networking::v2::common::resource_functions! {
///     Network, "network", "networks", extract_networks
/// }
/// crate::openstack::networking::v2::common::resource_functions! {
///     AddressScope, "address scope", "address_scopes", extract_address_scopes;
///     list get create update delete find
/// }
/// ```
macro_rules! resource_functions {
    ($item:ty, $noun:literal, $plural:literal, $extract:ident) => {
        $crate::openstack::networking::v2::common::resource_functions! {
            $item, $noun, $plural, $extract;
            list get create create_bulk update update_if_revision delete find
        }
    };
    ($item:ty, $noun:literal, $plural:literal, $extract:ident, without_bulk) => {
        $crate::openstack::networking::v2::common::resource_functions! {
            $item, $noun, $plural, $extract;
            list get create update update_if_revision delete find
        }
    };
    ($item:ty, $noun:literal, $plural:literal, $extract:ident; $($function:ident)+) => {
        $(
            $crate::openstack::networking::v2::common::resource_functions! {
                @$function $item, $noun, $plural, $extract
            }
        )+
    };
    (@list $item:ty, $noun:literal, $plural:literal, $extract:ident) => {
        #[doc = concat!("Lists ", $plural, ", following `", $plural, "_links` from page to page.")]
        pub fn list(
            client: &$crate::ServiceClient,
            opts: &ListOpts,
        ) -> $crate::pagination::Pager<$item> {
            client
                .request(&LIST, &[])
                .query(opts)
                .paged($crate::pagination::PageStyle::Links(concat!($plural, "_links")))
        }

        $crate::operation::extract_fn! {
            #[doc = concat!("The ", $plural, " of a page.")]
            $extract, $item
        }
    };
    (@get $item:ty, $noun:literal, $plural:literal, $extract:ident) => {
        #[doc = concat!("Shows a ", $noun, ".")]
        pub async fn get(
            client: &$crate::ServiceClient,
            id: &str,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&GET, &[id]).send().await
        }
    };
    (@create $item:ty, $noun:literal, $plural:literal, $extract:ident) => {
        #[doc = concat!("Creates a ", $noun, ": [`CreateOpts`], or [`CreateOpts`] joined with extension types.")]
        pub async fn create<O: $crate::request::Extensible<Base = CreateOpts>>(
            client: &$crate::ServiceClient,
            opts: &O,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&CREATE, &[]).body(opts).send().await
        }
    };
    (@create_bulk $item:ty, $noun:literal, $plural:literal, $extract:ident) => {
        #[doc = concat!("Creates several ", $plural, " in one request: all of them, or none.")]
        pub async fn create_bulk<O: $crate::request::Extensible<Base = CreateOpts>>(
            client: &$crate::ServiceClient,
            opts: &[O],
        ) -> $crate::request::ApiResult<Vec<$item>> {
            client
                .request(&CREATE_BULK, &[])
                .body(&$crate::request::Bulk(opts))
                .send()
                .await
        }
    };
    (@update $item:ty, $noun:literal, $plural:literal, $extract:ident) => {
        #[doc = concat!("Updates a ", $noun, ": [`UpdateOpts`], or [`UpdateOpts`] joined with extension types.")]
        pub async fn update<O: $crate::request::Extensible<Base = UpdateOpts>>(
            client: &$crate::ServiceClient,
            id: &str,
            opts: &O,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&UPDATE, &[id]).body(opts).send().await
        }
    };
    (@update_if_revision $item:ty, $noun:literal, $plural:literal, $extract:ident) => {
        #[doc = concat!("Updates a ", $noun, " only if its revision is still `revision_number` (the one \
            read): otherwise Neutron answers 412, an error for which \
            [`Error::is_precondition_failed`](crate::Error::is_precondition_failed) is true, and \
            nothing changes.")]
        pub async fn update_if_revision<O: $crate::request::Extensible<Base = UpdateOpts>>(
            client: &$crate::ServiceClient,
            id: &str,
            revision_number: u64,
            opts: &O,
        ) -> $crate::request::ApiResult<$item> {
            client
                .request(&UPDATE, &[id])
                .header("If-Match", &format!("revision_number={revision_number}"))
                .body(opts)
                .send()
                .await
        }
    };
    (@delete $item:ty, $noun:literal, $plural:literal, $extract:ident) => {
        #[doc = concat!("Deletes a ", $noun, ".")]
        pub async fn delete(
            client: &$crate::ServiceClient,
            id: &str,
        ) -> $crate::request::ApiResult<()> {
            client.request(&DELETE, &[id]).send().await
        }
    };
    (@find $item:ty, $noun:literal, $plural:literal, $extract:ident) => {
        #[doc = concat!("Finds a ", $noun, " by ID, or by name when exactly one has it.")]
        pub async fn find(client: &$crate::ServiceClient, name_or_id: &str) -> $crate::Result<$item> {
            let by_name = ListOpts {
                name: Some(name_or_id.to_string()),
                ..ListOpts::default()
            };
            $crate::find::find($noun, name_or_id, get(client, name_or_id), list(client, &by_name)).await
        }
    };
}
pub(crate) use resource_functions;

/// Implements [`Named`](crate::find::Named) (for `find`) for resource types with `id`
/// and `name`.
macro_rules! named {
    ($($item:ty),+) => {
        $(impl $crate::find::Named for $item {
            fn id(&self) -> &str {
                &self.id
            }
            fn name(&self) -> &str {
                &self.name
            }
        })+
    };
}
pub(crate) use named;

/// The functions of a resource that lives under a parent resource (conntrack helpers
/// under a router, port forwardings under a floating IP, QoS rules under a policy, BGP
/// VPN associations under a BGP VPN), declared once; the module names the ones it has
/// after the `;`: `list` (following `<resources>_links`, with `$opts` as its query) and
/// `extract_<resources>`, `get`, `create`, `update`, `delete`, each taking the parent's
/// ID first. The module declares the operations `LIST`, `GET`, `CREATE`, `UPDATE`,
/// `DELETE` and the types `CreateOpts` and `UpdateOpts` that those need.
///
/// ```ignore
/// crate::openstack::networking::v2::common::child_resource_functions! {
///     ConntrackHelper, "conntrack helper", "conntrack_helpers", "router",
///     extract_conntrack_helpers, ListOpts; list get create update delete
/// }
/// ```
macro_rules! child_resource_functions {
    ($item:ty, $noun:literal, $plural:literal, $parent:literal, $extract:ident, $opts:ty;
     $($function:ident)+) => {
        $(
            $crate::openstack::networking::v2::common::child_resource_functions! {
                @$function $item, $noun, $plural, $parent, $extract, $opts
            }
        )+
    };
    (@list $item:ty, $noun:literal, $plural:literal, $parent:literal, $extract:ident, $opts:ty) => {
        #[doc = concat!("Lists the ", $plural, " of a ", $parent, ", following `", $plural, "_links` from page to page.")]
        pub fn list(
            client: &$crate::ServiceClient,
            parent_id: &str,
            opts: &$opts,
        ) -> $crate::pagination::Pager<$item> {
            client
                .request(&LIST, &[parent_id])
                .query(opts)
                .paged($crate::pagination::PageStyle::Links(concat!($plural, "_links")))
        }

        $crate::operation::extract_fn! {
            #[doc = concat!("The ", $plural, " of a page.")]
            $extract, $item
        }
    };
    (@get $item:ty, $noun:literal, $plural:literal, $parent:literal, $extract:ident, $opts:ty) => {
        #[doc = concat!("Shows a ", $noun, " of a ", $parent, ".")]
        pub async fn get(
            client: &$crate::ServiceClient,
            parent_id: &str,
            id: &str,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&GET, &[parent_id, id]).send().await
        }
    };
    (@create $item:ty, $noun:literal, $plural:literal, $parent:literal, $extract:ident, $opts:ty) => {
        #[doc = concat!("Creates a ", $noun, " of a ", $parent, ".")]
        pub async fn create(
            client: &$crate::ServiceClient,
            parent_id: &str,
            opts: &CreateOpts,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&CREATE, &[parent_id]).body(opts).send().await
        }
    };
    (@update $item:ty, $noun:literal, $plural:literal, $parent:literal, $extract:ident, $opts:ty) => {
        #[doc = concat!("Updates a ", $noun, " of a ", $parent, ".")]
        pub async fn update(
            client: &$crate::ServiceClient,
            parent_id: &str,
            id: &str,
            opts: &UpdateOpts,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&UPDATE, &[parent_id, id]).body(opts).send().await
        }
    };
    (@delete $item:ty, $noun:literal, $plural:literal, $parent:literal, $extract:ident, $opts:ty) => {
        #[doc = concat!("Deletes a ", $noun, " of a ", $parent, ".")]
        pub async fn delete(
            client: &$crate::ServiceClient,
            parent_id: &str,
            id: &str,
        ) -> $crate::request::ApiResult<()> {
            client.request(&DELETE, &[parent_id, id]).send().await
        }
    };
}
pub(crate) use child_resource_functions;
