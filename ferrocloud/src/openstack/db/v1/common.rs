//! What Trove's resources share: the paging of listings, the references between
//! objects (datastore, flavor, `{id, name}`), the empty body of actions, the `0`/`1`
//! flags Trove reads, and the list/get/delete functions of its resources.
//!
//! ```
//! use ferrocloud::openstack::db::v1::common::ListOpts;
//! let opts = ListOpts { limit: Some(10), marker: Some("m".into()) };
//! assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "limit=10&marker=m");
//! ```

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::de::Link;
use crate::request::Validate;

/// Paging of a Trove listing. Trove answers with a `links` list holding the next page
/// (`rel: next`) while more items follow; the pagers follow it.
///
/// ```
/// let opts = ferrocloud::openstack::db::v1::common::ListOpts { limit: Some(5), ..Default::default() };
/// assert_eq!(opts.limit, Some(5));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// The page size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Start after this item (an ID, or a name for databases and users).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// The body of an action that takes no options (`{"restart": {}}`).
///
/// ```
/// assert_eq!(serde_json::to_string(&ferrocloud::openstack::db::v1::common::Empty {}).unwrap(), "{}");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Empty {}

impl Validate for Empty {}

/// A datastore and its version, as instances and backups name them.
///
/// ```
/// let d: ferrocloud::openstack::db::v1::common::DatastoreRef =
///     serde_json::from_str(r#"{"type": "mysql", "version": "5.7"}"#).unwrap();
/// assert_eq!(d.datastore_type.as_deref(), Some("mysql"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatastoreRef {
    /// The datastore (`mysql`, `postgresql`…).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub datastore_type: Option<String>,
    /// The version's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The version's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
    /// The version's number (`5.7.29`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_number: Option<String>,
}

/// An object named by ID, name and links (a flavor, a configuration group, a replica).
///
/// ```
/// let r: ferrocloud::openstack::db::v1::common::Ref = serde_json::from_str(r#"{"id": "6"}"#).unwrap();
/// assert_eq!(r.id, "6");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Ref {
    /// The ID.
    pub id: String,
    /// The name, when given.
    #[serde(default)]
    pub name: Option<String>,
    /// Links, when given.
    #[serde(default)]
    pub links: Vec<Link>,
}

/// A `0`/`1` flag as Trove reads and writes some booleans (`incremental`,
/// `restart_required` of a new parameter): sent as a number, read from a number or a
/// boolean.
pub mod flag {
    use super::*;

    /// Writes `1` or `0`.
    pub fn serialize<S: Serializer>(v: &bool, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(u8::from(*v))
    }

    /// Reads a boolean, or a number (non-zero is true).
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Flag {
            Bool(bool),
            Number(i64),
        }
        Ok(match Flag::deserialize(d)? {
            Flag::Bool(b) => b,
            Flag::Number(n) => n != 0,
        })
    }

    /// The same for an `Option<bool>`.
    pub mod option {
        use super::*;

        /// Writes `1`, `0` or nothing.
        pub fn serialize<S: Serializer>(v: &Option<bool>, s: S) -> Result<S::Ok, S::Error> {
            match v {
                Some(b) => s.serialize_u8(u8::from(*b)),
                None => s.serialize_none(),
            }
        }

        /// Reads a boolean, a number or `null`.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
            #[derive(Deserialize)]
            struct W(#[serde(deserialize_with = "super::deserialize")] bool);
            Ok(Option::<W>::deserialize(d)?.map(|w| w.0))
        }
    }
}

/// The functions of a Trove resource, declared once; the module names the ones it has
/// after the `;`. A resource under an instance names `[instance_id]`; its functions take
/// that ID first.
///
/// - `list`: items `$item`, paged by [`ListOpts`] and Trove's `links`, and `$extract`;
/// - `get` (`GET`), `delete` (`DELETE`).
///
/// ```ignore
/// db_functions! { Backup, "backup", extract_backups, []; list get delete }
/// ```
macro_rules! db_functions {
    ($item:ty, $noun:literal, $extract:ident, $parent:tt; $($f:ident)+) => {
        $(
            $crate::openstack::db::v1::common::db_functions! { @$f $item, $noun, $extract, $parent }
        )+
    };
    (@list $item:ty, $noun:literal, $extract:ident, [$($p:ident)?]) => {
        #[doc = concat!("Lists every ", $noun, ", following Trove's `links`.")]
        pub fn list(
            client: &$crate::ServiceClient,
            $($p: &str,)?
            opts: &ListOpts,
        ) -> $crate::pagination::Pager<$item> {
            client
                .request(&LIST, &[$($p)?])
                .query(opts)
                .paged($crate::pagination::PageStyle::Links("links"))
        }

        $crate::operation::extract_fn! {
            #[doc = concat!("Each ", $noun, " of a page (or of all pages).")]
            $extract, $item
        }
    };
    (@get $item:ty, $noun:literal, $extract:ident, [$($p:ident)?]) => {
        #[doc = concat!("Shows a ", $noun, ".")]
        pub async fn get(
            client: &$crate::ServiceClient,
            $($p: &str,)?
            id: &str,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&GET, &[$($p,)? id]).send().await
        }
    };
    (@delete $item:ty, $noun:literal, $extract:ident, [$($p:ident)?]) => {
        #[doc = concat!("Deletes a ", $noun, ".")]
        pub async fn delete(
            client: &$crate::ServiceClient,
            $($p: &str,)?
            id: &str,
        ) -> $crate::request::ApiResult<()> {
            client.request(&DELETE, &[$($p,)? id]).send().await
        }
    };
}
pub(crate) use db_functions;

/// A configuration's values, a quota set: names and JSON values.
pub type Values = serde_json::Map<String, serde_json::Value>;
