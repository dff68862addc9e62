//! What Ironic's resources share: links, the paging and field selection of listings
//! (`limit`, `marker`, `sort_key`, `sort_dir`, `fields`, `detail`; pages linked by a
//! top-level `next`), the JSON Patch of every update
//! ([`Patch`](crate::openstack::baremetal::v1::common::Patch)), the microversion check
//! of request fields, and `resource_functions!`, the functions every resource shares.
//!
//! ```
//! use ferrocloud::openstack::baremetal::v1::common::{Listing, SortDir};
//! let l = Listing::default().limit(20).sort("created_at", SortDir::Desc).fields(["uuid", "name"]);
//! let pairs = ferrocloud::query::to_pairs(&l).unwrap();
//! assert_eq!(ferrocloud::query::encode(&pairs),
//!     "limit=20&sort_key=created_at&sort_dir=desc&fields=uuid%2Cname");
//! ```

use serde::Serialize;
use serde_json::Value;

use crate::pagination::{PageStyle, Pager};
pub use crate::patch::PatchOp;
pub use crate::query::SortDir;
use crate::request::ApiResult;
use crate::{Error, Result, ServiceClient};

pub(crate) use crate::de::text_enum;

/// The links of an Ironic record (`self` and `bookmark`), or of a related collection
/// (a node's `ports`, a chassis' `nodes`).
pub type Links = Vec<crate::de::Link>;

/// Reads links given as a list, or as a list of lists of links (flattened), as Ironic
/// answers a chassis' `nodes`.
///
/// ```
/// # #[derive(serde::Deserialize)] struct C { #[serde(deserialize_with = "ferrocloud::openstack::baremetal::v1::common::flat_links")] nodes: ferrocloud::openstack::baremetal::v1::common::Links }
/// let link = serde_json::json!({"href": "http://127.0.0.1:6385/v1/chassis/c1/nodes", "rel": "self"});
/// for nodes in [serde_json::json!([link]), serde_json::json!([[link]])] {
///     let c: C = serde_json::from_value(serde_json::json!({"nodes": nodes})).unwrap();
///     assert_eq!((c.nodes.len(), c.nodes[0].rel.as_str()), (1, "self"));
/// }
/// ```
pub fn flat_links<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Links, D::Error> {
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum LinkOrList {
        List(Vec<crate::de::Link>),
        Link(crate::de::Link),
    }
    let items: Vec<LinkOrList> = serde::Deserialize::deserialize(d)?;
    Ok(items
        .into_iter()
        .flat_map(|i| match i {
            LinkOrList::Link(l) => vec![l],
            LinkOrList::List(l) => l,
        })
        .collect())
}

/// Free-form data (`extra`, `properties`, `driver_info`…).
pub type Object = serde_json::Map<String, Value>;

/// Paging, sorting and field selection of an Ironic listing, flattened into each
/// resource's `ListOpts`. The pager follows Ironic's `next` link on its own: `limit`
/// sets the page size (Ironic caps it at its `max_limit`, 1000 by default), `marker`
/// starts after a UUID.
///
/// `fields` (1.8) asks for these fields only: the items then lack the others, so read
/// the pages with [`Page::extract_into`](crate::pagination::Page::extract_into)`::<serde_json::Value>()`
/// instead of the typed `extract`. `detail` (1.43) asks the plain listing for the
/// details (the same as the `list_detail` functions).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Listing {
    /// Items per page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Start after the item with this UUID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// The field to sort on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_key: Option<String>,
    /// The sort direction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_dir: Option<SortDir>,
    /// Only these fields (1.8).
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "crate::query::comma"
    )]
    pub fields: Vec<String>,
    /// The details in the plain listing (1.43).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<bool>,
}

impl Listing {
    /// Sets the page size.
    ///
    /// ```
    /// assert_eq!(ferrocloud::openstack::baremetal::v1::common::Listing::default().limit(5).limit, Some(5));
    /// ```
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Starts after the item with this UUID.
    ///
    /// ```
    /// let l = ferrocloud::openstack::baremetal::v1::common::Listing::default().marker("x");
    /// assert_eq!(l.marker.as_deref(), Some("x"));
    /// ```
    pub fn marker(mut self, uuid: impl Into<String>) -> Self {
        self.marker = Some(uuid.into());
        self
    }

    /// Sorts on `key` in direction `dir`.
    ///
    /// ```
    /// use ferrocloud::openstack::baremetal::v1::common::{Listing, SortDir};
    /// assert_eq!(Listing::default().sort("name", SortDir::Asc).sort_key.as_deref(), Some("name"));
    /// ```
    pub fn sort(mut self, key: impl Into<String>, dir: SortDir) -> Self {
        self.sort_key = Some(key.into());
        self.sort_dir = Some(dir);
        self
    }

    /// Asks for these fields only (1.8).
    ///
    /// ```
    /// let l = ferrocloud::openstack::baremetal::v1::common::Listing::default().fields(["uuid"]);
    /// assert_eq!(l.fields, ["uuid"]);
    /// ```
    pub fn fields<I: IntoIterator<Item = S>, S: Into<String>>(mut self, fields: I) -> Self {
        self.fields = fields.into_iter().map(Into::into).collect();
        self
    }

    /// Asks for the details (1.43).
    ///
    /// ```
    /// let l = ferrocloud::openstack::baremetal::v1::common::Listing::default().detail(true);
    /// assert_eq!(l.detail, Some(true));
    /// ```
    pub fn detail(mut self, detail: bool) -> Self {
        self.detail = Some(detail);
        self
    }
}

/// Options checked against the client's microversion before they are sent: a field
/// set on a client pinned lower than the microversion that added it is refused (Ironic
/// would answer `406`).
pub trait Versioned {
    /// Refuses the fields the client's microversion does not accept.
    fn check(&self, _client: &ServiceClient) -> Result<()> {
        Ok(())
    }
}

impl Versioned for Listing {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        since(client, "fields", !self.fields.is_empty(), "1.8")?;
        since(client, "detail", self.detail.is_some(), "1.43")
    }
}

impl Versioned for () {}

/// Refuses `field` (set when `set`) on a client pinned below Ironic microversion
/// `version` (or not pinned: Ironic's base version is 1.1).
pub(crate) fn since(client: &ServiceClient, field: &str, set: bool, version: &str) -> Result<()> {
    crate::microversion::check_field(client, field, set, Some(version), None)
}

/// A listing of `op` with `opts` (checked first), paged by Ironic's `next` link.
pub(crate) fn pager<T, O>(
    client: &ServiceClient,
    op: &'static crate::Op<Vec<T>>,
    params: &[&str],
    opts: &O,
) -> Pager<T>
where
    O: Serialize + Versioned,
{
    let mut request = client.request(op, params).query(opts);
    if let Err(e) = opts.check(client) {
        request = request.fail_with(e);
    }
    request.paged(PageStyle::Next("next"))
}

/// The `fields` query of a GET of one record (1.8).
fn with_fields<R>(
    client: &ServiceClient,
    request: crate::request::RequestBuilder<R>,
    fields: &[&str],
) -> crate::request::RequestBuilder<R> {
    if fields.is_empty() {
        return request;
    }
    match since(client, "fields", true, "1.8") {
        Ok(()) => request.query_pair("fields", fields.join(",")),
        Err(e) => request.fail_with(e),
    }
}

/// A GET of one record, with only `fields` when some are named.
pub(crate) async fn get_fields<R>(
    client: &ServiceClient,
    op: &'static crate::Op<R>,
    ident: &str,
    fields: &[&str],
) -> ApiResult<R> {
    with_fields(client, client.request(op, &[ident]), fields)
        .send()
        .await
}

/// Finds a record Ironic addresses by name or UUID (nodes, port groups, allocations,
/// deploy templates, runbooks): one GET, which Ironic resolves itself; a `404` becomes
/// a [`NotFound`](crate::ErrorKind::NotFound) naming what was looked for.
pub(crate) async fn find_by_ident<T, F>(what: &str, name_or_id: &str, get: F) -> Result<T>
where
    F: std::future::Future<Output = ApiResult<T>>,
    T: serde::de::DeserializeOwned,
{
    if name_or_id.trim().is_empty() {
        return Err(Error::invalid_input(format!(
            "{what} name or UUID must not be empty"
        )));
    }
    get.await.extract().map_err(|e| {
        if e.is_not_found() {
            Error::new(
                crate::ErrorKind::NotFound,
                format!("no {what} with name or UUID {name_or_id:?}"),
            )
        } else {
            e
        }
    })
}

/// The update of an Ironic record: a JSON Patch (RFC 6902), sent as `application/json`.
/// Paths are JSON Pointers into the record (`/name`, `/driver_info/ipmi_address`,
/// `/extra/rack`); Ironic refuses read-only fields. The type is the shared
/// [`crate::patch::Patch`].
///
/// ```
/// use ferrocloud::openstack::baremetal::v1::common::Patch;
/// let p = Patch::new().replace("/driver_info/ipmi_username", "OPERATOR");
/// assert_eq!(p.changes.len(), 1);
/// ```
pub use crate::patch::Patch;

impl Versioned for Patch {}

/// Declares the functions an Ironic resource shares, all or those named after `;`:
/// `list` (`LIST`, items `$summary`, options `ListOpts`), `list_detail` (`LIST_DETAIL`,
/// items `$item`), `get`/`get_fields` (`GET`), `create` (`CREATE`, options
/// `CreateOpts`), `update` (`UPDATE`, a [`Patch`]), `delete` (`DELETE`) and `find`
/// (by name or UUID, which Ironic resolves). `$noun` names the resource in the docs.
macro_rules! resource_functions {
    ($item:ty, $summary:ty, $noun:literal; $($function:ident)+) => {
        $(
            $crate::openstack::baremetal::v1::common::resource_functions! {
                @$function $item, $summary, $noun
            }
        )+
    };
    (@list $item:ty, $summary:ty, $noun:literal) => {
        #[doc = concat!("Lists ", $noun, "s, following Ironic's `next` link.")]
        pub fn list(
            client: &$crate::ServiceClient,
            opts: &ListOpts,
        ) -> $crate::pagination::Pager<$summary> {
            $crate::openstack::baremetal::v1::common::pager(client, &LIST, &[], opts)
        }
    };
    (@list_detail $item:ty, $summary:ty, $noun:literal) => {
        #[doc = concat!("Lists ", $noun, "s with their details, following Ironic's `next` link.")]
        pub fn list_detail(
            client: &$crate::ServiceClient,
            opts: &ListOpts,
        ) -> $crate::pagination::Pager<$item> {
            $crate::openstack::baremetal::v1::common::pager(client, &LIST_DETAIL, &[], opts)
        }
    };
    (@get $item:ty, $summary:ty, $noun:literal) => {
        #[doc = concat!("Shows a ", $noun, ".")]
        pub async fn get(
            client: &$crate::ServiceClient,
            ident: &str,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&GET, &[ident]).send().await
        }

        #[doc = concat!("Shows these fields of a ", $noun, " (1.8; read the answer with ")]
        /// `extract_into::<serde_json::Value>()`, as the other fields are left out).
        pub async fn get_fields(
            client: &$crate::ServiceClient,
            ident: &str,
            fields: &[&str],
        ) -> $crate::request::ApiResult<$item> {
            $crate::openstack::baremetal::v1::common::get_fields(client, &GET, ident, fields).await
        }
    };
    (@create $item:ty, $summary:ty, $noun:literal) => {
        #[doc = concat!("Creates a ", $noun, " (`201`).")]
        pub async fn create(
            client: &$crate::ServiceClient,
            opts: &CreateOpts,
        ) -> $crate::request::ApiResult<$item> {
            let request = client.request(&CREATE, &[]).body(opts);
            match $crate::openstack::baremetal::v1::common::Versioned::check(opts, client) {
                Ok(()) => request.send().await,
                Err(e) => request.fail_with(e).send().await,
            }
        }
    };
    (@update $item:ty, $summary:ty, $noun:literal) => {
        #[doc = concat!("Changes a ", $noun, " with a JSON Patch.")]
        pub async fn update(
            client: &$crate::ServiceClient,
            ident: &str,
            patch: &$crate::openstack::baremetal::v1::common::Patch,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&UPDATE, &[ident]).body(patch).send().await
        }
    };
    (@delete $item:ty, $summary:ty, $noun:literal) => {
        #[doc = concat!("Deletes a ", $noun, " (`204`).")]
        pub async fn delete(
            client: &$crate::ServiceClient,
            ident: &str,
        ) -> $crate::request::ApiResult<()> {
            client.request(&DELETE, &[ident]).send().await
        }
    };
    (@find $item:ty, $summary:ty, $noun:literal) => {
        #[doc = concat!("Finds a ", $noun, " by name or UUID (Ironic resolves either).")]
        pub async fn find(
            client: &$crate::ServiceClient,
            name_or_id: &str,
        ) -> $crate::Result<$item> {
            $crate::openstack::baremetal::v1::common::find_by_ident(
                $noun,
                name_or_id,
                get(client, name_or_id),
            )
            .await
        }
    };
}
pub(crate) use resource_functions;
