//! What Masakari's resources share: the record fields every object carries, paging and
//! sorting of listings, and the functions a resource shares.
//!
//! ```
//! use ferrocloud::openstack::instanceha::v1::common::{Paging, SortDir};
//! let p = Paging { limit: Some(10), sort_key: Some("name".into()), sort_dir: Some(SortDir::Asc), ..Default::default() };
//! assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&p).unwrap()),
//!     "limit=10&sort_key=name&sort_dir=asc");
//! ```

use serde::Deserialize;

use crate::dates::Timestamp;
use crate::microversion::Microversion;
use crate::{Error, Result, ServiceClient};

pub use crate::openstack::blockstorage::v3::common::SortDir;

/// Paging and sorting of a Masakari listing (the same controls as Designate's),
/// flattened into each resource's `ListOpts`. The pager asks for the next page after the
/// last item on its own; `limit` is capped by Masakari's `osapi_max_limit` (1000).
pub use crate::openstack::dns::v2::common::Paging;

/// The fields of Masakari's database records, flattened into every resource.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Record {
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed (`null` if never).
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Whether it is deleted.
    pub deleted: bool,
    /// When it was deleted.
    #[serde(default, deserialize_with = "crate::dates::option::deserialize")]
    pub deleted_at: Option<Timestamp>,
}

/// Refuses a field of a request when the client's microversion is older than `1.minor`.
pub(crate) fn need(client: &ServiceClient, what: &str, minor: u32) -> Result<()> {
    if crate::microversion::at_least(client, Microversion::new(1, minor)) {
        Ok(())
    } else {
        Err(Error::invalid_input(format!(
            "{what} needs instance-ha microversion 1.{minor} or later; this client uses {}",
            client.microversion().unwrap_or("the base version (1.0)")
        )))
    }
}

/// The functions of a Masakari resource, declared once; the module names the ones it
/// has after the `;`. A resource under a parent (hosts under a segment, moves under a
/// notification) names the parent's parameter in brackets; its functions take it first.
///
/// - `list`: pages by the items' `$marker` field, with `ListOpts`, and `$extract`;
/// - `get`, `delete`;
/// - `update`: `PUT` with `UpdateOpts`.
macro_rules! masakari_functions {
    ($item:ty, $noun:literal, $marker:literal, $extract:ident, $parent:tt; $($f:ident)+) => {
        $(
            $crate::openstack::instanceha::v1::common::masakari_functions! {
                @$f $item, $noun, $marker, $extract, $parent
            }
        )+
    };
    (@list $item:ty, $noun:literal, $marker:literal, $extract:ident, [$($p:ident)?]) => {
        #[doc = concat!("Lists every ", $noun, ", page after page (marker: the last item's `", $marker, "`).")]
        ///
        /// ```no_run
        /// # async fn demo(masakari: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
        #[doc = concat!("let all = ", module_path!(), "::list(&masakari, ", $("\"", stringify!($p), "\", ",)? "&Default::default()).all().await?;")]
        /// # Ok(()) }
        /// ```
        pub fn list(
            client: &$crate::ServiceClient,
            $($p: &str,)?
            opts: &ListOpts,
        ) -> $crate::pagination::Pager<$item> {
            client
                .request(&LIST, &[$($p)?])
                .query(opts)
                .paged($crate::pagination::PageStyle::Marker($marker))
        }

        $crate::operation::extract_fn! {
            #[doc = concat!("Each ", $noun, " of a page (or of all pages).")]
            $extract, $item
        }
    };
    (@get $item:ty, $noun:literal, $marker:literal, $extract:ident, [$($p:ident)?]) => {
        #[doc = concat!("Shows a ", $noun, ".")]
        ///
        /// ```no_run
        /// # async fn demo(masakari: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
        #[doc = concat!("let one = ", module_path!(), "::get(&masakari, ", $("\"", stringify!($p), "\", ",)? "\"5fd9f925\").await.extract()?;")]
        /// # Ok(()) }
        /// ```
        pub async fn get(
            client: &$crate::ServiceClient,
            $($p: &str,)?
            id: &str,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&GET, &[$($p,)? id]).send().await
        }
    };
    (@create $item:ty, $noun:literal, $marker:literal, $extract:ident, [$($p:ident)?]) => {
        #[doc = concat!("Creates a ", $noun, ".")]
        ///
        /// ```no_run
        #[doc = concat!("# use ", module_path!(), "::CreateOpts;")]
        /// # async fn demo(masakari: ferrocloud::ServiceClient, opts: CreateOpts) -> ferrocloud::Result<()> {
        #[doc = concat!("let created = ", module_path!(), "::create(&masakari, ", $("\"", stringify!($p), "\", ",)? "&opts).await.extract()?;")]
        /// # Ok(()) }
        /// ```
        pub async fn create(
            client: &$crate::ServiceClient,
            $($p: &str,)?
            opts: &CreateOpts,
        ) -> $crate::request::ApiResult<$item> {
            match opts.check(client) {
                Ok(()) => client.request(&CREATE, &[$($p)?]).body(opts).send().await,
                Err(e) => $crate::request::ApiResult::from_error(e),
            }
        }
    };
    (@update $item:ty, $noun:literal, $marker:literal, $extract:ident, [$($p:ident)?]) => {
        #[doc = concat!("Changes a ", $noun, ".")]
        ///
        /// ```no_run
        #[doc = concat!("# use ", module_path!(), "::UpdateOpts;")]
        /// # async fn demo(masakari: ferrocloud::ServiceClient, opts: UpdateOpts) -> ferrocloud::Result<()> {
        #[doc = concat!("let changed = ", module_path!(), "::update(&masakari, ", $("\"", stringify!($p), "\", ",)? "\"5fd9f925\", &opts).await.extract()?;")]
        /// # Ok(()) }
        /// ```
        pub async fn update(
            client: &$crate::ServiceClient,
            $($p: &str,)?
            id: &str,
            opts: &UpdateOpts,
        ) -> $crate::request::ApiResult<$item> {
            match opts.check(client) {
                Ok(()) => client.request(&UPDATE, &[$($p,)? id]).body(opts).send().await,
                Err(e) => $crate::request::ApiResult::from_error(e),
            }
        }
    };
    (@delete $item:ty, $noun:literal, $marker:literal, $extract:ident, [$($p:ident)?]) => {
        #[doc = concat!("Deletes a ", $noun, " (`204`).")]
        ///
        /// ```no_run
        /// # async fn demo(masakari: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
        #[doc = concat!(module_path!(), "::delete(&masakari, ", $("\"", stringify!($p), "\", ",)? "\"5fd9f925\").await.ok()?;")]
        /// # Ok(()) }
        /// ```
        pub async fn delete(
            client: &$crate::ServiceClient,
            $($p: &str,)?
            id: &str,
        ) -> $crate::request::ApiResult<()> {
            client.request(&DELETE, &[$($p,)? id]).send().await
        }
    };
    (@find $item:ty, $noun:literal, $marker:literal, $extract:ident, [$($p:ident)?]) => {
        #[doc = concat!("Finds a ", $noun, " by UUID, or by name when exactly one has it.")]
        ///
        /// ```no_run
        /// # async fn demo(masakari: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
        #[doc = concat!("let one = ", module_path!(), "::find(&masakari, ", $("\"", stringify!($p), "\", ",)? "\"segment1\").await?;")]
        /// # Ok(()) }
        /// ```
        pub async fn find(
            client: &$crate::ServiceClient,
            $($p: &str,)?
            name_or_id: &str,
        ) -> $crate::Result<$item> {
            $crate::find::find(
                $noun,
                name_or_id,
                get(client, $($p,)? name_or_id),
                list(client, $($p,)? &ListOpts::default()),
            )
            .await
        }
    };
}
pub(crate) use masakari_functions;
