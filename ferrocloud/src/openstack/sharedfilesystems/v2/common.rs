//! What the Manila resources share: list controls (`limit`/`offset`, sorting), the
//! action bodies (`reset_status`, …), the names actions had before microversion 2.7,
//! the experimental-API header, status enums and the functions most resources have.
//!
//! ```
//! use ferrocloud::openstack::sharedfilesystems::v2::common::{ListControls, SortDir};
//! let controls = ListControls::default().limit(10).offset(20).sort("created_at", SortDir::Desc);
//! let pairs = ferrocloud::query::to_pairs(&controls).unwrap();
//! assert_eq!(ferrocloud::query::encode(&pairs),
//!     "limit=10&offset=20&sort_key=created_at&sort_dir=desc");
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::microversion::{Microversion, at_least};
use crate::operation::Op;
pub use crate::query::SortDir;
use crate::request::{ApiResult, RequestBuilder, Validate};
use crate::{Error, Result, ServiceClient};

/// The header that lets a request reach an API Manila still calls experimental.
pub const EXPERIMENTAL_HEADER: &str = "X-OpenStack-Manila-API-Experimental";

/// Paging, sorting and free-form filters of a Manila listing, flattened into each
/// resource's `ListOpts` as its `controls` field. Manila pages with `limit` and
/// `offset`; the listings that answer with `<collection>_links` are followed by the
/// pager on their own.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListControls {
    /// The page size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Skip this many items first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
    /// The attribute to sort by.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_key: Option<String>,
    /// The sort direction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_dir: Option<SortDir>,
    /// Filters by attribute name (any the typed options lack).
    #[serde(flatten)]
    pub filters: BTreeMap<String, String>,
}

impl ListControls {
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
    /// Sorts by `key` in direction `dir`.
    pub fn sort(mut self, key: impl Into<String>, dir: SortDir) -> Self {
        self.sort_key = Some(key.into());
        self.sort_dir = Some(dir);
        self
    }
    /// Filters on any attribute by name.
    pub fn filter(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.filters.insert(name.into(), value.into());
        self
    }
}

/// The body of the `reset_status` actions: `{"reset_status": {"status": …}}`.
///
/// ```
/// use ferrocloud::openstack::sharedfilesystems::v2::common::ResetStatus;
/// assert_eq!(serde_json::to_value(ResetStatus { status: "error" }).unwrap(),
///     serde_json::json!({"status": "error"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResetStatus<S> {
    /// The new status.
    pub status: S,
}

impl<S> Validate for ResetStatus<S> {}

/// Refuses, before sending, what needs Manila microversion `2.minor` on a client pinned
/// lower (or not pinned: Manila answers in 2.0 then).
pub(crate) fn need(client: &ServiceClient, what: &str, minor: u32) -> Result<()> {
    if at_least(client, Microversion::new(2, minor)) {
        Ok(())
    } else {
        Err(Error::invalid_input(format!(
            "{what} needs shared-file-system microversion 2.{minor} or later; this client uses {}",
            client.microversion().unwrap_or("the base version (2.0)")
        )))
    }
}

/// Whether the client speaks microversion 2.7 or later, where Manila dropped the `os-`
/// prefix of its action names (`os-reset_status` became `reset_status`).
pub fn renamed_actions(client: &ServiceClient) -> bool {
    at_least(client, Microversion::new(2, 7))
}

/// Whether a request carries the experimental-API header: always (`true`), never
/// (`false`), or below the microversion an API graduated at ([`ExperimentalBefore`]).
pub(crate) trait Experimental: Copy {
    /// Whether requests of `client` carry the header.
    fn applies(self, client: &ServiceClient) -> bool;
}

impl Experimental for bool {
    fn applies(self, _: &ServiceClient) -> bool {
        self
    }
}

/// An API experimental until it graduated at microversion `2.N` (share groups at 2.55,
/// share replicas at 2.56).
#[derive(Debug, Clone, Copy)]
pub(crate) struct ExperimentalBefore(pub u32);

impl Experimental for ExperimentalBefore {
    fn applies(self, client: &ServiceClient) -> bool {
        !at_least(client, Microversion::new(2, self.0))
    }
}

/// A request to `op` with the experimental-API header when `experimental` applies to
/// the client.
pub(crate) fn request<R>(
    client: &ServiceClient,
    op: &'static Op<R>,
    params: &[&str],
    experimental: impl Experimental,
) -> RequestBuilder<R> {
    let rb = client.request(op, params);
    if experimental.applies(client) {
        rb.header(EXPERIMENTAL_HEADER, "True")
    } else {
        rb
    }
}

/// Sends the action `op` (`POST …/action`) with `body` under the action's name: the name
/// the operation declares, or `legacy` (its `os-` name) on clients older than 2.7.
pub(crate) async fn action<R, B>(
    client: &ServiceClient,
    op: &'static Op<R>,
    params: &[&str],
    body: &B,
    legacy: Option<&str>,
    experimental: impl Experimental,
) -> ApiResult<R>
where
    B: Serialize + Validate + ?Sized,
{
    let rb = request(client, op, params, experimental);
    match legacy {
        Some(old) if !renamed_actions(client) => rb.json_in(old, body),
        _ => rb.body(body),
    }
    .send()
    .await
}

/// Declares a Manila status enum: one variant per status with the text Manila writes,
/// `Other(String)` for a status this SDK does not know (so a new one never fails
/// decoding), `as_str`, `is_error` (`error`, `error_deleting`, `extending_error`…) and
/// `Display`.
macro_rules! status_enum {
    ($(#[$meta:meta])* $name:ident { $($body:tt)* }) => {
        crate::de::text_enum! { $(#[$meta])* $name { $($body)* } }

        impl $name {
            /// True for the failed statuses (`error`, `error_deleting`, `extending_error`…).
            pub fn is_error(&self) -> bool {
                let s = self.as_str();
                s.starts_with("error") || s.ends_with("_error")
            }
        }
    };
}
pub(crate) use status_enum;

/// The functions of a Manila resource with the usual operations, declared once; the
/// module names the ones it has after the `;`:
///
/// - `list`: `GET /<plural>` (items of `$summary`) and `extract_summaries`;
/// - `list_detail`: `GET /<plural>/detail` (items of `$item`) and `extract`;
/// - `get`, `create` (`CreateOpts`), `update` (`UpdateOpts`), `delete`;
/// - `find`: by ID, or by name when exactly one has it (through `list_detail` with a
///   `name` filter);
/// - `reset_status(Status)`: `RESET_STATUS` with [`ResetStatus`] (`os-reset_status` before
///   2.7 when the arm says `reset_status(Status, legacy)`);
/// - `force_delete`: `FORCE_DELETE` with `null` (`os-force_delete` before 2.7 with
///   `force_delete(legacy)`);
/// - `wait(Status)`: `wait_for_status` (an `error…` status ends the wait) and
///   `wait_for_delete`.
///
/// `$links` is the key of the listing's next-page links; `$exp` whether every request
/// carries the experimental-API header.
macro_rules! resource_functions {
    ($item:ty, $summary:ty, $noun:literal, $links:literal, $exp:expr; $($function:ident $(($($arg:tt)*))?)+) => {
        $(
            $crate::openstack::sharedfilesystems::v2::common::resource_functions! {
                @$function [$($($arg)*)?] $item, $summary, $noun, $links, $exp
            }
        )+
    };
    (@list [] $item:ty, $summary:ty, $noun:literal, $links:literal, $exp:expr) => {
        #[doc = concat!("Lists ", $noun, "s (the short form), following `", $links, "`.")]
        pub fn list(
            client: &$crate::ServiceClient,
            opts: &ListOpts,
        ) -> $crate::pagination::Pager<$summary> {
            $crate::openstack::sharedfilesystems::v2::common::request(client, &LIST, &[], $exp)
                .query(opts)
                .paged($crate::pagination::PageStyle::Links($links))
        }

        $crate::operation::extract_fn! {
            #[doc = concat!("The ", $noun, "s of a page of [`list`].")]
            extract_summaries, $summary
        }
    };
    (@list_detail [] $item:ty, $summary:ty, $noun:literal, $links:literal, $exp:expr) => {
        #[doc = concat!("Lists ", $noun, "s with their details, following `", $links, "`.")]
        pub fn list_detail(
            client: &$crate::ServiceClient,
            opts: &ListOpts,
        ) -> $crate::pagination::Pager<$item> {
            $crate::openstack::sharedfilesystems::v2::common::request(client, &LIST_DETAIL, &[], $exp)
                .query(opts)
                .paged($crate::pagination::PageStyle::Links($links))
        }

        $crate::operation::extract_fn! {
            #[doc = concat!("The ", $noun, "s of a page of [`list_detail`].")]
            extract, $item
        }
    };
    (@get [] $item:ty, $summary:ty, $noun:literal, $links:literal, $exp:expr) => {
        #[doc = concat!("Shows a ", $noun, ".")]
        pub async fn get(
            client: &$crate::ServiceClient,
            id: &str,
        ) -> $crate::request::ApiResult<$item> {
            $crate::openstack::sharedfilesystems::v2::common::request(client, &GET, &[id], $exp)
                .send()
                .await
        }
    };
    (@create [] $item:ty, $summary:ty, $noun:literal, $links:literal, $exp:expr) => {
        #[doc = concat!("Creates a ", $noun, ".")]
        pub async fn create(
            client: &$crate::ServiceClient,
            opts: &CreateOpts,
        ) -> $crate::request::ApiResult<$item> {
            $crate::openstack::sharedfilesystems::v2::common::request(client, &CREATE, &[], $exp)
                .body(opts)
                .send()
                .await
        }
    };
    (@update [] $item:ty, $summary:ty, $noun:literal, $links:literal, $exp:expr) => {
        #[doc = concat!("Updates a ", $noun, ".")]
        pub async fn update(
            client: &$crate::ServiceClient,
            id: &str,
            opts: &UpdateOpts,
        ) -> $crate::request::ApiResult<$item> {
            $crate::openstack::sharedfilesystems::v2::common::request(client, &UPDATE, &[id], $exp)
                .body(opts)
                .send()
                .await
        }
    };
    (@delete [] $item:ty, $summary:ty, $noun:literal, $links:literal, $exp:expr) => {
        #[doc = concat!("Deletes a ", $noun, ".")]
        pub async fn delete(
            client: &$crate::ServiceClient,
            id: &str,
        ) -> $crate::request::ApiResult<()> {
            $crate::openstack::sharedfilesystems::v2::common::request(client, &DELETE, &[id], $exp)
                .send()
                .await
        }
    };
    (@find [] $item:ty, $summary:ty, $noun:literal, $links:literal, $exp:expr) => {
        #[doc = concat!("Finds a ", $noun, " by ID, or by name when exactly one has it.")]
        pub async fn find(client: &$crate::ServiceClient, name_or_id: &str) -> $crate::Result<$item> {
            let by_name = ListOpts {
                name: Some(name_or_id.to_string()),
                ..ListOpts::default()
            };
            $crate::find::find($noun, name_or_id, get(client, name_or_id), list_detail(client, &by_name)).await
        }
    };
    (@reset_status [$status:ty $(, $legacy:ident)?] $item:ty, $summary:ty, $noun:literal, $links:literal, $exp:expr) => {
        #[doc = concat!("Sets a ", $noun, "'s status in the database, nothing else (admin, `202`).")]
        pub async fn reset_status(
            client: &$crate::ServiceClient,
            id: &str,
            status: $status,
        ) -> $crate::request::ApiResult<()> {
            #[allow(unused_mut, unused_assignments)]
            let mut legacy = None;
            $(let _ = stringify!($legacy); legacy = Some("os-reset_status");)?
            $crate::openstack::sharedfilesystems::v2::common::action(
                client,
                &RESET_STATUS,
                &[id],
                &$crate::openstack::sharedfilesystems::v2::common::ResetStatus { status },
                legacy,
                $exp,
            )
            .await
        }
    };
    (@force_delete [$($legacy:ident)?] $item:ty, $summary:ty, $noun:literal, $links:literal, $exp:expr) => {
        #[doc = concat!("Deletes a ", $noun, " whatever its status (admin, `202`).")]
        pub async fn force_delete(
            client: &$crate::ServiceClient,
            id: &str,
        ) -> $crate::request::ApiResult<()> {
            #[allow(unused_mut, unused_assignments)]
            let mut legacy = None;
            $(let _ = stringify!($legacy); legacy = Some("os-force_delete");)?
            $crate::openstack::sharedfilesystems::v2::common::action(
                client,
                &FORCE_DELETE,
                &[id],
                &$crate::request::Null,
                legacy,
                $exp,
            )
            .await
        }
    };
    (@wait [$status:ty] $item:ty, $summary:ty, $noun:literal, $links:literal, $exp:expr) => {
        #[doc = concat!("Waits until the ", $noun, " has `status`. A failed status (`error…`, `…_error`) ends the wait with an error naming it, unless it is the status asked for.")]
        pub async fn wait_for_status(
            client: &$crate::ServiceClient,
            id: &str,
            status: $status,
            opts: &$crate::wait::WaitOpts,
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
                        State::Failed(format!(concat!($noun, " {} is {}"), x.id, x.status))
                    } else {
                        State::Pending
                    }
                },
                |_| {},
            )
            .await
        }

        #[doc = concat!("Waits until the ", $noun, " is gone (404); `error_deleting` ends the wait.")]
        pub async fn wait_for_delete(
            client: &$crate::ServiceClient,
            id: &str,
            opts: &$crate::wait::WaitOpts,
        ) -> $crate::Result<()> {
            $crate::openstack::sharedfilesystems::v2::common::wait_gone(
                concat!($noun),
                id,
                opts,
                || async { get(client, id).await.extract() },
                |x: &$item| x.status.as_str() == "error_deleting",
            )
            .await
        }
    };
}
pub(crate) use resource_functions;

/// Polls `get` until it answers 404; `failed` ends the wait on a state the deletion
/// will not leave.
pub(crate) async fn wait_gone<T, G, Fut>(
    noun: &str,
    id: &str,
    opts: &crate::wait::WaitOpts,
    get: G,
    failed: impl Fn(&T) -> bool,
) -> Result<()>
where
    G: Fn() -> Fut,
    Fut: std::future::Future<Output = Result<T>>,
{
    use crate::wait::State;
    crate::wait::wait_for(
        &format!("{noun} {id} to be deleted"),
        opts,
        || async {
            match get().await {
                Ok(x) => Ok(Some(x)),
                Err(e) if e.is_not_found() => Ok(None),
                Err(e) => Err(e),
            }
        },
        |x: &Option<T>| match x {
            None => State::Ready,
            Some(x) if failed(x) => State::Failed(format!("{noun} {id} failed to delete")),
            Some(_) => State::Pending,
        },
        |_| {},
    )
    .await
    .map(|_| ())
}

/// The body of a metadata replacement: items, or `null` (Manila then removes them all
/// and answers `{"metadata": null}`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MetadataBody(pub Option<crate::metadata::Metadata>);

impl Validate for MetadataBody {
    fn validate(&self) -> Result<()> {
        match &self.0 {
            Some(items) => crate::metadata::check_all(items, "/"),
            None => Ok(()),
        }
    }
}

/// The metadata functions of a Manila resource, declared once: `list`, `set` (merge),
/// `replace`, `get_item` and `delete_item`, each taking the owner's IDs (`$id`, in path
/// order). The module declares the operations `LIST`, `SET`, `REPLACE`, `GET_ITEM` and
/// `DELETE_ITEM`; `$exp` says whether they carry the experimental-API header.
macro_rules! metadata_functions {
    ($owner:literal, $exp:literal; $($id:ident),+) => {
        pub use $crate::metadata::{MetaItem, Metadata, MetadataOpts};

        #[doc = concat!("Lists all metadata of a ", $owner, ".")]
        pub async fn list(
            client: &$crate::ServiceClient,
            $($id: &str),+
        ) -> $crate::request::ApiResult<Metadata> {
            $crate::openstack::sharedfilesystems::v2::common::request(client, &LIST, &[$($id),+], $exp)
                .send()
                .await
        }

        #[doc = concat!("Creates or updates the given items of a ", $owner, "; the other items stay. Returns all items.")]
        pub async fn set(
            client: &$crate::ServiceClient,
            $($id: &str,)+
            items: &Metadata,
        ) -> $crate::request::ApiResult<Metadata> {
            $crate::openstack::sharedfilesystems::v2::common::request(client, &SET, &[$($id),+], $exp)
                .body(&MetadataOpts(items.clone()))
                .send()
                .await
        }

        #[doc = concat!("Replaces all metadata of a ", $owner, " with `items` (`None` removes them all). Returns the new items (`None` when none were sent).")]
        pub async fn replace(
            client: &$crate::ServiceClient,
            $($id: &str,)+
            items: Option<&Metadata>,
        ) -> $crate::request::ApiResult<Option<Metadata>> {
            $crate::openstack::sharedfilesystems::v2::common::request(client, &REPLACE, &[$($id),+], $exp)
                .body(&$crate::openstack::sharedfilesystems::v2::common::MetadataBody(items.cloned()))
                .send()
                .await
        }

        #[doc = concat!("Shows one metadata item of a ", $owner, " (404 if it has no such key).")]
        pub async fn get_item(
            client: &$crate::ServiceClient,
            $($id: &str,)+
            key: &str,
        ) -> $crate::request::ApiResult<MetaItem> {
            $crate::openstack::sharedfilesystems::v2::common::request(client, &GET_ITEM, &[$($id,)+ key], $exp)
                .send()
                .await
        }

        #[doc = concat!("Deletes one metadata item of a ", $owner, ".")]
        pub async fn delete_item(
            client: &$crate::ServiceClient,
            $($id: &str,)+
            key: &str,
        ) -> $crate::request::ApiResult<()> {
            $crate::openstack::sharedfilesystems::v2::common::request(client, &DELETE_ITEM, &[$($id,)+ key], $exp)
                .send()
                .await
        }
    };
}
pub(crate) use metadata_functions;

/// Declares the five metadata operations of a resource under `$base` (its path up to
/// `/metadata`) and their functions ([`metadata_functions!`]).
macro_rules! metadata_resource {
    ($owner:literal, $base:literal, $item:literal $(, since($since:literal))?, $exp:literal; $($id:ident),+) => {
        $crate::operations! {
            service: "shared-file-system";
            /// List all metadata.
            LIST = GET $base $(since($since))? response("metadata", Metadata);
            /// Create or update some items.
            SET = POST $base $(since($since))? request("metadata", MetadataOpts) response("metadata", Metadata);
            /// Replace all items.
            REPLACE = PUT $base $(since($since))? request("metadata", $crate::openstack::sharedfilesystems::v2::common::MetadataBody) response("metadata", Option<Metadata>);
            /// Show one item.
            GET_ITEM = GET $item $(since($since))? response("meta", MetaItem);
            /// Delete one item.
            DELETE_ITEM = DELETE $item $(since($since))?;
        }
        $crate::openstack::sharedfilesystems::v2::common::metadata_functions!($owner, $exp; $($id),+);
    };
}
pub(crate) use metadata_resource;
