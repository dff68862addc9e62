//! What Magnum's resources share: the paging and sorting controls of a listing, the
//! `{"uuid": …}` answer of the asynchronous cluster operations, and the functions
//! declared once for cluster templates and clusters.
//!
//! ```
//! use ferrocloud::openstack::containerinfra::v1::common::{ListOpts, SortDir};
//! let opts = ListOpts { limit: Some(20), sort_key: Some("name".into()), sort_dir: Some(SortDir::Desc), ..Default::default() };
//! assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()),
//!     "limit=20&sort_key=name&sort_dir=desc");
//! ```

use serde::{Deserialize, Serialize};

pub use crate::patch::Patch;
pub use crate::query::SortDir;

/// Paging and sorting of a Magnum listing. Magnum answers with a `next` URL while more
/// items follow; the pagers follow it.
///
/// ```
/// let opts = ferrocloud::openstack::containerinfra::v1::common::ListOpts { marker: Some("x".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "marker=x");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// The page size (Magnum caps it at its `max_limit`, 1000 by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Start after the item with this UUID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// The field to sort on (`id` by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_key: Option<String>,
    /// The sort direction (`asc` by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_dir: Option<SortDir>,
}

/// The answer of the operations Magnum carries out in the background (cluster create,
/// update, resize, upgrade, CA rotation): the cluster's UUID.
///
/// ```
/// let id: ferrocloud::openstack::containerinfra::v1::common::ClusterId =
///     serde_json::from_str(r#"{"uuid": "746e779a"}"#).unwrap();
/// assert_eq!(id.uuid, "746e779a");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ClusterId {
    /// The cluster's UUID.
    pub uuid: String,
}

/// The functions of a Magnum resource addressed by UUID or name, declared once; the
/// module names the ones it has after the `;`:
///
/// - `list`: items `$summary` with [`ListOpts`], following `next`, and `$extract`;
/// - `get` (`GET`, answering `$item`), `update` (`UPDATE`: a [`Patch`], answering
///   `$updated`), `delete` (`DELETE`).
///
/// ```ignore
/// magnum_functions! {
///     ClusterTemplate, ClusterTemplate, ClusterTemplate, "cluster template", extract_cluster_templates;
///     list get update delete
/// }
/// ```
macro_rules! magnum_functions {
    ($item:ty, $summary:ty, $updated:ty, $noun:literal, $extract:ident; $($f:ident)+) => {
        $(
            $crate::openstack::containerinfra::v1::common::magnum_functions! {
                @$f $item, $summary, $updated, $noun, $extract
            }
        )+
    };
    (@list $item:ty, $summary:ty, $updated:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Lists every ", $noun, " (following Magnum's `next` links).")]
        pub fn list(
            client: &$crate::ServiceClient,
            opts: &$crate::openstack::containerinfra::v1::common::ListOpts,
        ) -> $crate::pagination::Pager<$summary> {
            client
                .request(&LIST, &[])
                .query(opts)
                .paged($crate::pagination::PageStyle::Next("next"))
        }

        $crate::operation::extract_fn! {
            #[doc = concat!("Each ", $noun, " of a page (or of all pages).")]
            $extract, $summary
        }
    };
    (@get $item:ty, $summary:ty, $updated:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Shows a ", $noun, ", by UUID or name.")]
        pub async fn get(
            client: &$crate::ServiceClient,
            ident: &str,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&GET, &[ident]).send().await
        }
    };
    (@update $item:ty, $summary:ty, $updated:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Changes a ", $noun, " with a JSON Patch (by UUID or name).")]
        pub async fn update(
            client: &$crate::ServiceClient,
            ident: &str,
            patch: &$crate::openstack::containerinfra::v1::common::Patch,
        ) -> $crate::request::ApiResult<$updated> {
            client.request(&UPDATE, &[ident]).body(patch).send().await
        }
    };
    (@delete $item:ty, $summary:ty, $updated:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Deletes a ", $noun, " (by UUID or name).")]
        pub async fn delete(
            client: &$crate::ServiceClient,
            ident: &str,
        ) -> $crate::request::ApiResult<()> {
            client.request(&DELETE, &[ident]).send().await
        }
    };
}
pub(crate) use magnum_functions;

/// Labels of a template or a cluster: Magnum takes texts, numbers and booleans.
pub type Labels = serde_json::Map<String, serde_json::Value>;
