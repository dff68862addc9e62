//! Tags of a namespace: plain names (`Gold`, `SSD`…) to be set on resources. Create one
//! or many (replacing the namespace's tags, or added to them with `X-Openstack-Append`),
//! list (sorted, paged by marker), show, rename, delete one or all.
//!
//! Glance answers a listing and a creation of many with the names alone, and the
//! operations on one tag with its dates too.
//!
//! ```no_run
//! # async fn demo(image: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::image::v2::metadefs::tags;
//! tags::create_many(&image, "Example::Ns", &tags::CreateManyOpts::new(["SSD", "Gold"]), true)
//!     .await.extract()?;
//! tags::update(&image, "Example::Ns", "Gold", "Platinum").await.extract()?;
//! for t in tags::list(&image, "Example::Ns", &Default::default()).all().await? {
//!     println!("{}", t.name);
//! }
//! tags::delete_all(&image, "Example::Ns").await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::{SortDir, check_name};
use crate::ServiceClient;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};

crate::operations! {
    service: "image";
    /// List a namespace's tags.
    LIST = GET "/metadefs/namespaces/{namespace_name}/tags" list("tags", TagName);
    /// Create tags (`201`): replace the namespace's tags, or add to them.
    CREATE_MANY = POST "/metadefs/namespaces/{namespace_name}/tags" request(CreateManyOpts) response("tags", Vec<TagName>);
    /// Delete every tag of a namespace (`204`).
    DELETE_ALL = DELETE "/metadefs/namespaces/{namespace_name}/tags";
    /// Create one tag (`201`).
    CREATE = POST "/metadefs/namespaces/{namespace_name}/tags/{tag_name}" response(Tag);
    /// Show a tag.
    GET = GET "/metadefs/namespaces/{namespace_name}/tags/{tag_name}" response(Tag);
    /// Rename a tag.
    UPDATE = PUT "/metadefs/namespaces/{namespace_name}/tags/{tag_name}" request(TagName) response(Tag);
    /// Delete a tag (`204`).
    DELETE = DELETE "/metadefs/namespaces/{namespace_name}/tags/{tag_name}";
}

/// A tag, with its dates (the operations on one tag).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Tag {
    /// The name, unique in its namespace.
    pub name: String,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it was last changed (Glance's database allows none).
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
}

/// A tag by its name alone: how listings answer, and how tags are sent.
///
/// ```
/// use ferrocloud::openstack::image::v2::metadefs::tags::TagName;
/// use ferrocloud::request::Validate;
/// assert_eq!(serde_json::to_value(TagName::new("SSD")).unwrap(), serde_json::json!({"name": "SSD"}));
/// assert!(TagName::new("").validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TagName {
    /// The name (at most 255 characters).
    pub name: String,
}

impl TagName {
    /// A tag named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        TagName { name: name.into() }
    }
}

impl Validate for TagName {
    fn validate(&self) -> crate::Result<()> {
        check_name("tag name", &self.name, 255)
    }
}

/// Sorting and paging for [`list`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// The page size (Glance answers every tag without it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The tag name after which the listing starts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// The field to sort by (`created_at` by default, `name`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_key: Option<String>,
    /// The direction (descending by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_dir: Option<SortDir>,
}

/// Lists a namespace's tags (names only). Glance gives no next-page link: the next page
/// starts after the last name of the previous one, and an empty page ends the listing.
pub fn list(client: &ServiceClient, namespace: &str, opts: &ListOpts) -> Pager<TagName> {
    client
        .request(&LIST, &[namespace])
        .query(opts)
        .paged(PageStyle::Marker("name"))
}

crate::operation::extract_fn! {
    /// The tags of a page of [`list`].
    extract_tags, TagName
}

/// Several tags to create at once.
///
/// ```
/// use ferrocloud::openstack::image::v2::metadefs::tags::CreateManyOpts;
/// use ferrocloud::request::Validate;
/// let opts = CreateManyOpts::new(["a", "b"]);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"tags": [{"name": "a"}, {"name": "b"}]}));
/// assert!(CreateManyOpts::new(["a", "a"]).validate().unwrap_err().to_string().contains("twice"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateManyOpts {
    /// The tags.
    pub tags: Vec<TagName>,
}

impl CreateManyOpts {
    /// Tags named `names`.
    pub fn new<S: Into<String>>(names: impl IntoIterator<Item = S>) -> Self {
        CreateManyOpts {
            tags: names.into_iter().map(TagName::new).collect(),
        }
    }
}

impl Validate for CreateManyOpts {
    fn validate(&self) -> crate::Result<()> {
        for (i, t) in self.tags.iter().enumerate() {
            t.validate()?;
            if self.tags[..i].contains(t) {
                return Err(crate::Error::invalid_input(format!(
                    "tag {:?} is given twice",
                    t.name
                )));
            }
        }
        Ok(())
    }
}

/// Creates several tags (`201`), answered with their names. Without `append`, they
/// replace every tag the namespace had; with it (`X-Openstack-Append: true`) they are
/// added, and a name the namespace already has is refused (409).
pub async fn create_many(
    client: &ServiceClient,
    namespace: &str,
    opts: &CreateManyOpts,
    append: bool,
) -> ApiResult<Vec<TagName>> {
    let mut r = client.request(&CREATE_MANY, &[namespace]).body(opts);
    if append {
        r = r.header("X-Openstack-Append", "true");
    }
    r.send().await
}

/// Deletes every tag of a namespace (`204`).
pub async fn delete_all(client: &ServiceClient, namespace: &str) -> ApiResult<()> {
    client.request(&DELETE_ALL, &[namespace]).send().await
}

/// Creates one tag (`201`; no body is sent).
pub async fn create(client: &ServiceClient, namespace: &str, name: &str) -> ApiResult<Tag> {
    client.request(&CREATE, &[namespace, name]).send().await
}

/// Shows a tag.
pub async fn get(client: &ServiceClient, namespace: &str, name: &str) -> ApiResult<Tag> {
    client.request(&GET, &[namespace, name]).send().await
}

/// Renames a tag.
pub async fn update(
    client: &ServiceClient,
    namespace: &str,
    name: &str,
    new_name: &str,
) -> ApiResult<Tag> {
    client
        .request(&UPDATE, &[namespace, name])
        .body(&TagName::new(new_name))
        .send()
        .await
}

/// Deletes a tag (`204`).
pub async fn delete(client: &ServiceClient, namespace: &str, name: &str) -> ApiResult<()> {
    client.request(&DELETE, &[namespace, name]).send().await
}
