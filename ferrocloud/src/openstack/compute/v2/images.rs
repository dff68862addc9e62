//! Images through the compute API (proxy to the image service, until 2.35).
//!
//! Nova forwards these calls to the Image service (Glance). They are deprecated: listing,
//! showing and deleting images answer 404 from microversion 2.36, and the image metadata
//! calls from microversion 2.39. The SDK refuses them before sending when the client's
//! microversion is newer; use the Image service API instead. A compute client without a
//! microversion (the base version, 2.1) may use them all.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::images::{self, MetadataOpts};
//! let compute = compute.with_microversion("2.35");
//! let image = images::find(&compute, "cirros").await?;
//! println!("{} is {} ({:?} bytes)", image.name, image.status, image.size);
//! images::update_metadata(&compute, &image.id, &MetadataOpts::new().set("os_distro", "cirros"))
//!     .await
//!     .extract()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::dates::Timestamp;
use crate::de::Link;
use crate::openstack::compute::v2::extensions::diskconfig::DiskConfig;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// List images (IDs, names and links), up to 2.35.
    LIST = GET "/images" until("2.35") list("images", ImageRef);
    /// List images with details, up to 2.35.
    LIST_DETAIL = GET "/images/detail" until("2.35") list("images", Image);
    /// Show an image, up to 2.35.
    GET = GET "/images/{image_id}" until("2.35") response("image", Image);
    /// Delete an image, up to 2.35.
    DELETE = DELETE "/images/{image_id}" until("2.35");
    /// List an image's metadata, up to 2.38.
    GET_METADATA = GET "/images/{image_id}/metadata" until("2.38") response("metadata", Metadata);
    /// Create or update some of an image's metadata items, up to 2.38.
    UPDATE_METADATA = POST "/images/{image_id}/metadata" until("2.38")
        request("metadata", MetadataOpts) response("metadata", Metadata);
    /// Replace all of an image's metadata, up to 2.38.
    REPLACE_METADATA = PUT "/images/{image_id}/metadata" until("2.38")
        request("metadata", MetadataOpts) response("metadata", Metadata);
    /// Show one metadata item of an image, up to 2.38.
    GET_METADATA_ITEM = GET "/images/{image_id}/metadata/{key}" until("2.38") response("meta", Metadata);
    /// Create or replace one metadata item of an image, up to 2.38.
    SET_METADATA_ITEM = PUT "/images/{image_id}/metadata/{key}" until("2.38")
        request("meta", MetadataOpts) response("meta", Metadata);
    /// Delete one metadata item of an image, up to 2.38.
    DELETE_METADATA_ITEM = DELETE "/images/{image_id}/metadata/{key}" until("2.38");
}

/// The metadata of an image, as Nova shows it: the image's properties in the Image
/// service. Values are usually strings, but Nova decodes some properties (such as
/// `block_device_mapping`) into JSON lists or objects, and a value may be `null`.
pub type Metadata = BTreeMap<String, Value>;

/// An image as `GET /images` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ImageRef {
    /// The image's ID.
    pub id: String,
    /// Its name (empty when it has none).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub name: String,
    /// Links to it (self, bookmark, and the Image service's `alternate`).
    pub links: Vec<Link>,
}

/// The server an image was taken from (a snapshot).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ImageServer {
    /// The server's ID.
    pub id: String,
    /// Links to the server.
    pub links: Vec<Link>,
}

/// An image, with the details Nova shows.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Image {
    /// The image's ID.
    pub id: String,
    /// Its name (empty when it has none).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub name: String,
    /// `ACTIVE`, `SAVING`, `DELETED`, `ERROR` or `UNKNOWN` (Nova's reading of the Image
    /// service's status).
    pub status: String,
    /// Upload progress in percent: 25 (queued), 50 (saving), 100 (active), 0 otherwise.
    pub progress: u8,
    /// The minimum RAM in MiB a server needs to boot it.
    #[serde(rename = "minRam")]
    pub min_ram: u64,
    /// The minimum root disk in GiB a server needs to boot it.
    #[serde(rename = "minDisk")]
    pub min_disk: u64,
    /// The image's properties.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub metadata: Metadata,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created: Timestamp,
    /// When it was last updated.
    #[serde(with = "crate::dates::option")]
    pub updated: Option<Timestamp>,
    /// Its size in bytes (`OS-EXT-IMG-SIZE:size`); none while no data was uploaded.
    #[serde(rename = "OS-EXT-IMG-SIZE:size", deserialize_with = "crate::de::nullable")]
    pub size: Option<u64>,
    /// The disk configuration servers booted from it get (`OS-DCF:diskConfig`), shown
    /// when the image has an `auto_disk_config` property.
    #[serde(default, rename = "OS-DCF:diskConfig")]
    pub disk_config: Option<DiskConfig>,
    /// The server it is a snapshot of, when it is one.
    #[serde(default)]
    pub server: Option<ImageServer>,
    /// Links to it.
    pub links: Vec<Link>,
}

impl crate::find::Named for Image {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// Filters and paging for listing images.
///
/// ```
/// use ferrocloud::openstack::compute::v2::images::ListOpts;
/// let mut opts = ListOpts { status: Some("ACTIVE".into()), min_ram: Some(512), limit: Some(10), ..Default::default() };
/// opts.extra.insert("property-os_distro".into(), "cirros".into());
/// let q = ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap());
/// assert_eq!(q, "status=ACTIVE&minRam=512&limit=10&property-os_distro=cirros");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Only images changed since this time (ISO 8601).
    #[serde(rename = "changes-since", skip_serializing_if = "Option::is_none")]
    pub changes_since: Option<String>,
    /// Only snapshots of this server (its ID or URL).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    /// Only images with this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Only images with this status (`ACTIVE`, `SAVING`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Only images needing at least this root disk, in GiB.
    #[serde(rename = "minDisk", skip_serializing_if = "Option::is_none")]
    pub min_disk: Option<u64>,
    /// Only images needing at least this RAM, in MiB.
    #[serde(rename = "minRam", skip_serializing_if = "Option::is_none")]
    pub min_ram: Option<u64>,
    /// Only images of this type (`snapshot`, `backup`…, the `image_type` property).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub image_type: Option<String>,
    /// Page size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The ID of the last image of the previous page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Other filters, sent as given, such as `property-<name>` for a property's value.
    #[serde(flatten)]
    pub extra: BTreeMap<String, String>,
}

/// Metadata items to write on an image: keys and string values.
///
/// Keys are 1 to 255 characters among letters, digits, space and `-_:.`; values are at
/// most 255 characters.
///
/// ```
/// use ferrocloud::openstack::compute::v2::images::MetadataOpts;
/// use ferrocloud::request::Validate;
/// let opts = MetadataOpts::new().set("os_distro", "cirros");
/// assert!(opts.validate().is_ok());
/// let bad = MetadataOpts::new().set("a/b", "x");
/// assert!(bad.validate().unwrap_err().to_string().contains("a/b"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MetadataOpts(pub BTreeMap<String, String>);

impl MetadataOpts {
    /// No items.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) one item.
    pub fn set(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.0.insert(key.into(), value.into());
        self
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for MetadataOpts {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        MetadataOpts(
            iter.into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }
}

fn valid_key(key: &str) -> bool {
    let n = key.chars().count();
    (1..=255).contains(&n)
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " -_:.".contains(c))
}

impl Validate for MetadataOpts {
    fn validate(&self) -> Result<()> {
        for (k, v) in &self.0 {
            if !valid_key(k) {
                return Err(Error::invalid_input(format!(
                    "metadata key {k:?} must be 1 to 255 letters, digits, spaces or -_:."
                )));
            }
            if v.chars().count() > 255 {
                return Err(Error::invalid_input(format!(
                    "metadata.{k} must be at most 255 characters"
                )));
            }
        }
        Ok(())
    }
}

/// Lists images with details (`GET /images/detail`), following `images_links`.
///
/// Served up to microversion 2.35; use the Image service (Glance) instead.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Image> {
    client
        .request(&LIST_DETAIL, &[])
        .query(opts)
        .paged(PageStyle::Links("images_links"))
}

/// Lists images with IDs, names and links only (`GET /images`).
///
/// Served up to microversion 2.35; use the Image service (Glance) instead.
pub fn list_simple(client: &ServiceClient, opts: &ListOpts) -> Pager<ImageRef> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("images_links"))
}

crate::operation::extract_fn! {
    /// The images of a page (or of all pages).
    extract_images, Image
}

/// Shows one image.
///
/// Served up to microversion 2.35; use the Image service (Glance) instead.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Image> {
    client.request(&GET, &[id]).send().await
}

/// Deletes an image (Nova answers 204).
///
/// Served up to microversion 2.35; use the Image service (Glance) instead.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

/// Finds an image by ID or by exact name.
///
/// Served up to microversion 2.35; use the Image service (Glance) instead.
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<Image> {
    let opts = ListOpts {
        name: Some(name_or_id.to_string()),
        ..Default::default()
    };
    crate::find::find(
        "image",
        name_or_id,
        get(client, name_or_id),
        list(client, &opts),
    )
    .await
}

/// Lists an image's metadata (its properties).
///
/// Served up to microversion 2.38; use the Image service (Glance) instead.
pub async fn get_metadata(client: &ServiceClient, id: &str) -> ApiResult<Metadata> {
    client.request(&GET_METADATA, &[id]).send().await
}

/// Creates or updates the given metadata items, leaving the others; returns all of
/// the image's metadata.
///
/// Served up to microversion 2.38; use the Image service (Glance) instead.
pub async fn update_metadata(
    client: &ServiceClient,
    id: &str,
    opts: &MetadataOpts,
) -> ApiResult<Metadata> {
    client
        .request(&UPDATE_METADATA, &[id])
        .body(opts)
        .send()
        .await
}

/// Replaces all of an image's metadata with the given items (the others are removed).
///
/// Served up to microversion 2.38; use the Image service (Glance) instead.
pub async fn replace_metadata(
    client: &ServiceClient,
    id: &str,
    opts: &MetadataOpts,
) -> ApiResult<Metadata> {
    client
        .request(&REPLACE_METADATA, &[id])
        .body(opts)
        .send()
        .await
}

/// Shows one metadata item, as a one-entry map (Nova answers 404 when the image has no
/// such item).
///
/// Served up to microversion 2.38; use the Image service (Glance) instead.
pub async fn get_metadata_item(client: &ServiceClient, id: &str, key: &str) -> ApiResult<Metadata> {
    client.request(&GET_METADATA_ITEM, &[id, key]).send().await
}

/// Creates or replaces one metadata item; returns it as a one-entry map.
///
/// Served up to microversion 2.38; use the Image service (Glance) instead.
pub async fn set_metadata_item(
    client: &ServiceClient,
    id: &str,
    key: &str,
    value: &str,
) -> ApiResult<Metadata> {
    let opts = MetadataOpts::new().set(key, value);
    client
        .request(&SET_METADATA_ITEM, &[id, key])
        .body(&opts)
        .send()
        .await
}

/// Deletes one metadata item (Nova answers 204, or 404 when there is no such item).
///
/// Served up to microversion 2.38; use the Image service (Glance) instead.
pub async fn delete_metadata_item(client: &ServiceClient, id: &str, key: &str) -> ApiResult<()> {
    client
        .request(&DELETE_METADATA_ITEM, &[id, key])
        .send()
        .await
}
