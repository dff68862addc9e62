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

pub use crate::query::SortDir;

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

/// The functions of a Cinder resource with the usual operations, declared once; the
/// module names the ones it has after the `;`:
///
/// - `list`: `GET /<plural>` (the short form, items of `$summary`), following
///   `<plural>_links`, and `extract_<plural>`-style `extract_summaries`;
/// - `list_detail`: `GET /<plural>/detail` (items of `$item`), and `extract`;
/// - `get`, `create` (a [`Validate`](crate::request::Validate) `CreateOpts`), `update`
///   (`UpdateOpts`), `delete`;
/// - `find`: by ID, or by name when exactly one has it (through `list_detail` with a
///   `name` filter; the item type implements [`Named`](crate::find::Named));
/// - `reset_status(Status)`: `reset_status` through the `RESET_STATUS` operation (whose
///   body is the `ResetStatusOpts` the arm declares);
/// - `force_delete`: through the `FORCE_DELETE` operation (its body is [`Empty`]);
/// - `list("key")` and `list_detail("key")`: the same, following the links under `key`
///   where Cinder names them otherwise (`group_links` for groups);
/// - `wait(Status)` or `wait(Status, reason_field)`: `wait_for_status`,
///   `wait_for_status_with` and `wait_for_delete` (the item has `id` and a `status` made
///   by [`status_enum!`]; the optional field, an `Option<String>`, explains a failure).
///
/// The module declares the operations `LIST`, `LIST_DETAIL`, `GET`, `CREATE`, `UPDATE`,
/// `DELETE` and the types `ListOpts` (with a `name: Option<String>` for `find`),
/// `CreateOpts` and `UpdateOpts` that the functions it names use.
///
/// ```ignore
/// crate::openstack::blockstorage::v3::common::resource_functions! {
///     Volume, VolumeSummary, "volume", "volumes";
///     list list_detail get create update delete find wait(VolumeStatus)
/// }
/// ```
macro_rules! resource_functions {
    ($item:ty, $summary:ty, $noun:literal, $plural:literal; $($function:ident $(($($arg:tt)*))?)+) => {
        $(
            $crate::openstack::blockstorage::v3::common::resource_functions! {
                @$function [$($($arg)*)?] $item, $summary, $noun, $plural
            }
        )+
    };
    (@list [] $item:ty, $summary:ty, $noun:literal, $plural:literal) => {
        $crate::openstack::blockstorage::v3::common::resource_functions! {
            @list [concat!($plural, "_links")] $item, $summary, $noun, $plural
        }
    };
    (@list [$links:expr] $item:ty, $summary:ty, $noun:literal, $plural:literal) => {
        #[doc = concat!("Lists ", $plural, " (the short form), following `", $links, "` from page to page.")]
        pub fn list(
            client: &$crate::ServiceClient,
            opts: &ListOpts,
        ) -> $crate::pagination::Pager<$summary> {
            client
                .request(&LIST, &[])
                .query(opts)
                .paged($crate::pagination::PageStyle::Links($links))
        }

        $crate::operation::extract_fn! {
            #[doc = concat!("The ", $plural, " of a page of [`list`] (the short form).")]
            extract_summaries, $summary
        }
    };
    (@list_detail [] $item:ty, $summary:ty, $noun:literal, $plural:literal) => {
        $crate::openstack::blockstorage::v3::common::resource_functions! {
            @list_detail [concat!($plural, "_links")] $item, $summary, $noun, $plural
        }
    };
    (@list_detail [$links:expr] $item:ty, $summary:ty, $noun:literal, $plural:literal) => {
        #[doc = concat!("Lists ", $plural, " with their details, following `", $links, "` from page to page.")]
        pub fn list_detail(
            client: &$crate::ServiceClient,
            opts: &ListOpts,
        ) -> $crate::pagination::Pager<$item> {
            client
                .request(&LIST_DETAIL, &[])
                .query(opts)
                .paged($crate::pagination::PageStyle::Links($links))
        }

        $crate::operation::extract_fn! {
            #[doc = concat!("The ", $plural, " of a page of [`list_detail`].")]
            extract, $item
        }
    };
    (@get [] $item:ty, $summary:ty, $noun:literal, $plural:literal) => {
        #[doc = concat!("Shows a ", $noun, ".")]
        pub async fn get(
            client: &$crate::ServiceClient,
            id: &str,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&GET, &[id]).send().await
        }
    };
    (@create [] $item:ty, $summary:ty, $noun:literal, $plural:literal) => {
        #[doc = concat!("Creates a ", $noun, ".")]
        pub async fn create(
            client: &$crate::ServiceClient,
            opts: &CreateOpts,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&CREATE, &[]).body(opts).send().await
        }
    };
    (@update [] $item:ty, $summary:ty, $noun:literal, $plural:literal) => {
        #[doc = concat!("Updates a ", $noun, ".")]
        pub async fn update(
            client: &$crate::ServiceClient,
            id: &str,
            opts: &UpdateOpts,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&UPDATE, &[id]).body(opts).send().await
        }
    };
    (@delete [] $item:ty, $summary:ty, $noun:literal, $plural:literal) => {
        #[doc = concat!("Deletes a ", $noun, ".")]
        pub async fn delete(
            client: &$crate::ServiceClient,
            id: &str,
        ) -> $crate::request::ApiResult<()> {
            client.request(&DELETE, &[id]).send().await
        }
    };
    (@find [] $item:ty, $summary:ty, $noun:literal, $plural:literal) => {
        #[doc = concat!("Finds a ", $noun, " by ID, or by name when exactly one has it.")]
        pub async fn find(client: &$crate::ServiceClient, name_or_id: &str) -> $crate::Result<$item> {
            let by_name = ListOpts {
                name: Some(name_or_id.to_string()),
                ..ListOpts::default()
            };
            $crate::find::find($noun, name_or_id, get(client, name_or_id), list_detail(client, &by_name)).await
        }
    };
    (@reset_status [$status:ty] $item:ty, $summary:ty, $noun:literal, $plural:literal) => {
        #[doc = concat!("What [`reset_status`] sends: the ", $noun, "'s new status.")]
        #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        pub struct ResetStatusOpts {
            /// The new status.
            pub status: $status,
        }

        impl $crate::request::Validate for ResetStatusOpts {}

        #[doc = concat!("Sets a ", $noun, "'s status in the database, nothing else (admin, `202`).")]
        pub async fn reset_status(
            client: &$crate::ServiceClient,
            id: &str,
            status: $status,
        ) -> $crate::request::ApiResult<()> {
            client
                .request(&RESET_STATUS, &[id])
                .body(&ResetStatusOpts { status })
                .send()
                .await
        }
    };
    (@force_delete [] $item:ty, $summary:ty, $noun:literal, $plural:literal) => {
        #[doc = concat!("Deletes a ", $noun, " whatever its status (admin, `202`).")]
        pub async fn force_delete(
            client: &$crate::ServiceClient,
            id: &str,
        ) -> $crate::request::ApiResult<()> {
            client
                .request(&FORCE_DELETE, &[id])
                .body(&$crate::openstack::blockstorage::v3::common::Empty {})
                .send()
                .await
        }
    };
    (@wait [$status:ty $(, $reason:ident)?] $item:ty, $summary:ty, $noun:literal, $plural:literal) => {
        #[doc = concat!("Waits until the ", $noun, " has `status`. A failed status (`error…`) ends the wait with an error naming it, unless it is the status asked for.")]
        pub async fn wait_for_status(
            client: &$crate::ServiceClient,
            id: &str,
            status: $status,
            opts: &$crate::wait::WaitOpts,
        ) -> $crate::Result<$item> {
            wait_for_status_with(client, id, status, opts, |_| {}).await
        }

        #[doc = concat!("[`wait_for_status`] with a callback that sees the ", $noun, " at every poll.")]
        pub async fn wait_for_status_with(
            client: &$crate::ServiceClient,
            id: &str,
            status: $status,
            opts: &$crate::wait::WaitOpts,
            progress: impl FnMut(&$item),
        ) -> $crate::Result<$item> {
            use $crate::wait::State;
            $crate::wait::wait_for(
                &format!(concat!($noun, " {} to be {}"), id, status),
                opts,
                || async { get(client, id).await.extract() },
                |x: &$item| {
                    if x.status == status {
                        State::Ready
                    } else if x.status.is_error() {
                        #[allow(unused_mut)]
                        let mut failure = format!(concat!($noun, " {} is {}"), x.id, x.status);
                        $(
                            failure.push_str(": ");
                            failure.push_str(x.$reason.as_deref().unwrap_or("no reason given"));
                        )?
                        State::Failed(failure)
                    } else {
                        State::Pending
                    }
                },
                progress,
            )
            .await
        }

        #[doc = concat!("Waits until the ", $noun, " is gone (404); `error_deleting` ends the wait.")]
        pub async fn wait_for_delete(
            client: &$crate::ServiceClient,
            id: &str,
            opts: &$crate::wait::WaitOpts,
        ) -> $crate::Result<()> {
            use $crate::wait::State;
            $crate::wait::wait_for(
                &format!(concat!($noun, " {} to be deleted"), id),
                opts,
                || async {
                    match get(client, id).await.extract() {
                        Ok(x) => Ok(Some(x)),
                        Err(e) if e.is_not_found() => Ok(None),
                        Err(e) => Err(e),
                    }
                },
                |x: &Option<$item>| match x {
                    None => State::Ready,
                    Some(x) if x.status.as_str() == "error_deleting" => {
                        State::Failed(format!(concat!($noun, " {} is {}"), x.id, x.status))
                    }
                    Some(_) => State::Pending,
                },
                |_| {},
            )
            .await
            .map(|_| ())
        }
    };
}
pub(crate) use resource_functions;

/// The value of the actions that take no options: `{}` (`{"os-reserve": {}}`).
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::common::Empty;
/// assert_eq!(serde_json::to_string(&Empty {}).unwrap(), "{}");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Empty {}

impl crate::request::Validate for Empty {}

/// The short form of a listed resource (`GET /<resources>` without `/detail`): its ID,
/// name and links.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::common::Summary;
/// let s: Summary = serde_json::from_str(r#"{"id": "1", "name": null, "links": []}"#).unwrap();
/// assert_eq!(s.name, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[non_exhaustive]
pub struct Summary {
    /// The ID.
    pub id: String,
    /// The name (Cinder allows none).
    #[serde(default)]
    pub name: Option<String>,
    /// Links (`self`, `bookmark`).
    #[serde(default)]
    pub links: Vec<crate::de::Link>,
}

/// Declares a Cinder status enum: one variant per status with the text Cinder writes,
/// `Other(String)` for a status this SDK does not know (so a new one never fails
/// decoding), `as_str`, `is_error` (the `error…` statuses) and `Display`.
///
/// ```ignore
/// crate::openstack::blockstorage::v3::common::status_enum! {
///     /// The status of a snapshot.
///     SnapshotStatus {
///         /// Being made.
///         Creating = "creating",
///     }
/// }
/// ```
macro_rules! status_enum {
    ($(#[$meta:meta])* $name:ident { $($body:tt)* }) => {
        crate::de::text_enum! { $(#[$meta])* $name { $($body)* } }

        impl $name {
            /// True for the failed statuses (`error`, `error_deleting`…).
            pub fn is_error(&self) -> bool {
                self.as_str().starts_with("error")
            }
        }
    };
}
pub(crate) use status_enum;
