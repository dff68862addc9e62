//! Images: list them (filters, sorting, Glance's `next` links), create the record,
//! show, change it with a JSON Patch, delete it, deactivate and reactivate it, read its
//! locations and tasks, and wait for a status. The bytes go through
//! [`image_data`] or
//! [`imports`].
//!
//! ```no_run
//! # async fn demo(glance: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::image::v2::images::{self, CreateOpts, ListOpts, UpdateOpts, Visibility};
//!
//! let opts = CreateOpts::new("ubuntu-24.04").disk_format("qcow2").container_format("bare")
//!     .property("os_distro", "ubuntu");
//! let image = images::create(&glance, &opts).await.extract()?;
//! let change = UpdateOpts::new().visibility(Visibility::Shared).set_property("hw_disk_bus", "scsi");
//! images::update(&glance, &image.id, &change).await.extract()?;
//! let opts = ListOpts { status: Some(images::ImageStatus::Active), ..Default::default() };
//! for i in images::list(&glance, &opts).all().await? {
//!     println!("{} {}", i.id, i.name.unwrap_or_default());
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::tasks::Task;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "image";
    /// List images.
    LIST = GET "/images" list("images", Image);
    /// Create an image (the record; its bytes come after).
    CREATE = POST "/images" request(CreateOpts) response(Image);
    /// Show an image.
    GET = GET "/images/{image_id}" response(Image);
    /// Update an image (a JSON Patch).
    UPDATE = PATCH "/images/{image_id}" request(UpdateOpts) response(Image);
    /// Delete an image.
    DELETE = DELETE "/images/{image_id}";
    /// Deactivate an image (2.3).
    DEACTIVATE = POST "/images/{image_id}/actions/deactivate";
    /// Reactivate an image (2.3).
    REACTIVATE = POST "/images/{image_id}/actions/reactivate";
    /// Show the tasks of an image (2.12).
    LIST_TASKS = GET "/images/{image_id}/tasks" list("tasks", Task);
    /// Add a location to an image (2.17, for services).
    ADD_LOCATION = POST "/images/{image_id}/locations" request(AddLocationOpts);
    /// Show an image's locations (2.17, for services).
    LIST_LOCATIONS = GET "/images/{image_id}/locations" list(Location);
}

crate::openstack::blockstorage::v3::common::status_enum! {
    /// The status of an image.
    ImageStatus {
        /// The record exists, without data.
        Queued = "queued",
        /// Data is being uploaded.
        Saving = "saving",
        /// Data has been staged for an import.
        Uploading = "uploading",
        /// Data is being imported.
        Importing = "importing",
        /// Usable.
        Active = "active",
        /// Its data may not be read (admins deactivated it).
        Deactivated = "deactivated",
        /// An upload failed: the image is unusable.
        Killed = "killed",
        /// Deleted (shown to admins only).
        Deleted = "deleted",
        /// Deleted, its data to be scrubbed later.
        PendingDelete = "pending_delete",
    }
}

/// Who sees an image.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// Every project.
    Public,
    /// Its owner only.
    Private,
    /// Its owner and the projects made members.
    Shared,
    /// Every project, without being listed by default.
    Community,
    /// A visibility this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// An image.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Image {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The status.
    pub status: ImageStatus,
    /// Who sees it.
    pub visibility: Visibility,
    /// Whether it may not be deleted.
    pub protected: bool,
    /// Whether listings leave it out unless asked (2.7).
    pub os_hidden: bool,
    /// The MD5 of its data (legacy; `null` before the data is there).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub checksum: Option<String>,
    /// The algorithm of [`os_hash_value`](Self::os_hash_value) (`sha512`; 2.7; `null`
    /// before the data is there).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub os_hash_algo: Option<String>,
    /// The multihash of its data (2.7).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub os_hash_value: Option<String>,
    /// The owning project.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub owner: Option<String>,
    /// The size of its data in bytes.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub size: Option<u64>,
    /// The size of the disk it holds, in bytes (when known).
    #[serde(default, deserialize_with = "crate::de::nullable")]
    pub virtual_size: Option<u64>,
    /// The RAM a server needs to boot it, in MiB.
    pub min_ram: u64,
    /// The disk a server needs to boot it, in GiB.
    pub min_disk: u64,
    /// The disk format (`raw`, `qcow2`, `iso`…).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub disk_format: Option<String>,
    /// The container format (`bare`, `ovf`…).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub container_format: Option<String>,
    /// Its tags.
    pub tags: Vec<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated_at: Timestamp,
    /// Its path (`/v2/images/<id>`).
    #[serde(rename = "self")]
    pub self_link: String,
    /// The path of its data (`/v2/images/<id>/file`).
    pub file: String,
    /// The path of its schema.
    pub schema: String,
    /// The stores holding its data, comma-separated (multi-store clouds).
    #[serde(default)]
    pub stores: Option<String>,
    /// The URL of its data in its store (when the cloud shows it).
    #[serde(default)]
    pub direct_url: Option<String>,
    /// Its locations (when the cloud shows them).
    #[serde(default)]
    pub locations: Option<Vec<Location>>,
    /// Every other property (`os_distro`, `hw_disk_bus`, …): Glance's additional
    /// properties, strings as a rule.
    #[serde(flatten)]
    pub properties: BTreeMap<String, Value>,
}

impl Image {
    /// An additional property's text, if it is set and is text.
    ///
    /// ```
    /// let i: ferrocloud::openstack::image::v2::images::Image = serde_json::from_value(serde_json::json!({
    ///     "id": "1", "name": null, "status": "queued", "visibility": "private", "protected": false,
    ///     "os_hidden": false, "checksum": null, "os_hash_algo": null, "os_hash_value": null,
    ///     "owner": null, "size": null, "min_ram": 0, "min_disk": 0, "disk_format": null,
    ///     "container_format": null, "tags": [], "created_at": "2026-01-01T00:00:00Z",
    ///     "updated_at": "2026-01-01T00:00:00Z", "self": "/v2/images/1",
    ///     "file": "/v2/images/1/file", "schema": "/v2/schemas/image", "os_distro": "debian"})).unwrap();
    /// assert_eq!(i.property("os_distro"), Some("debian"));
    /// assert_eq!(i.property("hw_disk_bus"), None);
    /// ```
    pub fn property(&self, name: &str) -> Option<&str> {
        self.properties.get(name).and_then(Value::as_str)
    }
}

impl crate::find::Named for Image {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        self.name.as_deref().unwrap_or("")
    }
}

/// A location of an image's data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Location {
    /// The URL of the data in its store.
    pub url: String,
    /// What the store says of it (`store`: the store's ID).
    #[serde(default)]
    pub metadata: BTreeMap<String, Value>,
    /// `active` or `deleted`… (where the cloud says).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

crate::operation::extract_fn! {
    /// The images of a page of [`list`].
    extract_images, Image
}

/// What [`list`] filters and sorts on. Property filters (`os_distro=ubuntu`) go in
/// `properties`; the operators Glance knows (`in:a,b`, `gte:…`) are written in the
/// values.
///
/// ```
/// use ferrocloud::openstack::image::v2::images::{ListOpts, Visibility};
/// let opts = ListOpts {
///     visibility: Some(Visibility::Community),
///     tags: vec!["a".into(), "b".into()],
///     size_min: Some(1024),
///     sort: Some("name:asc,size:desc".into()),
///     ..Default::default()
/// };
/// let q = ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap());
/// assert_eq!(q, "visibility=community&tag=a&tag=b&size_min=1024&sort=name%3Aasc%2Csize%3Adesc");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Images of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Images of this visibility (Glance lists all but community images by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Visibility>,
    /// Every visibility (`visibility=all`), community images included.
    #[serde(skip)]
    pub all_visibilities: bool,
    /// Shared images whose membership has this status (`pending`, `accepted` (the
    /// default), `rejected`, `all`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member_status: Option<String>,
    /// Images of this owner.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Images of this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ImageStatus>,
    /// Images with every one of these tags.
    #[serde(rename = "tag")]
    pub tags: Vec<String>,
    /// Images of at least this size, in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size_min: Option<u64>,
    /// Images of at most this size, in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size_max: Option<u64>,
    /// Protected or unprotected images.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protected: Option<bool>,
    /// Hidden images instead of visible ones (2.7).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub os_hidden: Option<bool>,
    /// Images of this container format.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container_format: Option<String>,
    /// Images of this disk format.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disk_format: Option<String>,
    /// By creation time, with an operator: `gte:2026-01-01T00:00:00Z`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// By update time, with an operator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Images per page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Start after this image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Sorting: `name:asc,size:desc` (keys: name, status, container_format,
    /// disk_format, size, id, created_at, updated_at; Glance's default `created_at:desc`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<String>,
    /// Other filters, by property (`os_distro`) or by ID (`id=in:a,b`).
    #[serde(flatten)]
    pub properties: BTreeMap<String, String>,
}

/// Lists images, following Glance's `next` links.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Image> {
    let mut req = client.request(&LIST, &[]).query(opts);
    if opts.all_visibilities {
        req = req.query_pair("visibility", "all");
    }
    req.paged(PageStyle::Next("next"))
}

/// Finds an image by ID, or by name (an error if several have it).
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<Image> {
    let by_name = ListOpts {
        name: Some(name_or_id.to_string()),
        ..Default::default()
    };
    crate::find::find(
        "image",
        name_or_id,
        get(client, name_or_id),
        list(client, &by_name),
    )
    .await
}

/// Shows an image.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Image> {
    client.request(&GET, &[id]).send().await
}

/// The names Glance keeps for itself: they cannot be additional properties.
const RESERVED: &[&str] = &[
    "checksum",
    "created_at",
    "container_format",
    "direct_url",
    "disk_format",
    "file",
    "id",
    "locations",
    "min_disk",
    "min_ram",
    "name",
    "os_hash_algo",
    "os_hash_value",
    "os_hidden",
    "owner",
    "protected",
    "schema",
    "self",
    "size",
    "status",
    "stores",
    "tags",
    "updated_at",
    "virtual_size",
    "visibility",
    "location",
    "deleted",
    "deleted_at",
];

/// What [`create`] sends: the record; the data is uploaded after.
///
/// ```
/// use ferrocloud::openstack::image::v2::images::CreateOpts;
/// let opts = CreateOpts::new("Ubuntu").container_format("bare").disk_format("raw")
///     .id("b2173dd3-7ad6-4362-baa6-a68bce3565cb");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "container_format": "bare", "disk_format": "raw", "name": "Ubuntu",
///     "id": "b2173dd3-7ad6-4362-baa6-a68bce3565cb"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreateOpts {
    /// The ID (Glance makes one when not given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The container format.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container_format: Option<String>,
    /// The disk format.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disk_format: Option<String>,
    /// Who sees it (`private` by default; `public` needs admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Visibility>,
    /// Whether it may not be deleted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protected: Option<bool>,
    /// Whether listings leave it out (2.7).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub os_hidden: Option<bool>,
    /// Minimum RAM to boot it, in MiB.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_ram: Option<u64>,
    /// Minimum disk to boot it, in GiB.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_disk: Option<u64>,
    /// Tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Additional properties.
    #[serde(flatten)]
    pub properties: BTreeMap<String, String>,
}

impl CreateOpts {
    /// An image named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: Some(name.into()),
            ..Default::default()
        }
    }
    /// Sets the ID.
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }
    /// Sets the disk format.
    pub fn disk_format(mut self, f: impl Into<String>) -> Self {
        self.disk_format = Some(f.into());
        self
    }
    /// Sets the container format.
    pub fn container_format(mut self, f: impl Into<String>) -> Self {
        self.container_format = Some(f.into());
        self
    }
    /// Sets who sees it.
    pub fn visibility(mut self, v: Visibility) -> Self {
        self.visibility = Some(v);
        self
    }
    /// Adds a tag.
    pub fn tag(mut self, tag: impl Into<String>) -> Self {
        self.tags.push(tag.into());
        self
    }
    /// Sets an additional property.
    pub fn property(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.properties.insert(name.into(), value.into());
        self
    }
}

fn check_property_name(name: &str) -> Result<()> {
    if name.is_empty() || name.len() > 255 {
        return Err(Error::invalid_input(format!(
            "image property name {name:?} must be 1 to 255 characters"
        )));
    }
    if RESERVED.contains(&name) {
        return Err(Error::invalid_input(format!(
            "{name:?} is an image attribute, not an additional property: use its own field"
        )));
    }
    Ok(())
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        for name in self.properties.keys() {
            check_property_name(name)?;
        }
        for tag in &self.tags {
            check_tag(tag)?;
        }
        Ok(())
    }
}

/// Tags are 1 to 255 characters.
pub(crate) fn check_tag(tag: &str) -> Result<()> {
    if tag.is_empty() || tag.chars().count() > 255 {
        return Err(Error::invalid_input(format!(
            "image tag {tag:?} must be 1 to 255 characters"
        )));
    }
    Ok(())
}

/// Creates an image record (`201`; status `queued`).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Image> {
    client.request(&CREATE, &[]).body(opts).send().await
}

pub use crate::patch::PatchOp;

/// What [`update`] sends: a JSON Patch (`application/openstack-images-v2.1-json-patch`),
/// built change by change.
///
/// ```
/// use ferrocloud::openstack::image::v2::images::UpdateOpts;
/// let opts = UpdateOpts::new().name("Fedora 17").tags(["fedora", "beefy"]);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!([
///     {"op": "replace", "path": "/name", "value": "Fedora 17"},
///     {"op": "replace", "path": "/tags", "value": ["fedora", "beefy"]}]));
/// let opts = UpdateOpts::new().set_property("a/b", "1").remove_property("old");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!([
///     {"op": "add", "path": "/a~1b", "value": "1"},
///     {"op": "remove", "path": "/old"}]));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UpdateOpts {
    /// The changes, in order.
    pub changes: Vec<PatchOp>,
}

/// A JSON Pointer to a top-level member.
fn pointer(name: &str) -> String {
    crate::patch::pointer(&[name])
}

impl UpdateOpts {
    /// No change yet.
    pub fn new() -> Self {
        Self::default()
    }
    fn replace(mut self, name: &str, value: Value) -> Self {
        self.changes.push(PatchOp::Replace {
            path: pointer(name),
            value,
        });
        self
    }
    /// Renames it.
    pub fn name(self, name: impl Into<String>) -> Self {
        self.replace("name", Value::String(name.into()))
    }
    /// Changes who sees it.
    pub fn visibility(self, v: Visibility) -> Self {
        self.replace("visibility", serde_json::to_value(v).unwrap_or(Value::Null))
    }
    /// Protects it from deletion, or not.
    pub fn protected(self, protected: bool) -> Self {
        self.replace("protected", Value::Bool(protected))
    }
    /// Hides it from listings, or not (2.7).
    pub fn os_hidden(self, hidden: bool) -> Self {
        self.replace("os_hidden", Value::Bool(hidden))
    }
    /// Sets the minimum RAM, in MiB.
    pub fn min_ram(self, mib: u64) -> Self {
        self.replace("min_ram", Value::from(mib))
    }
    /// Sets the minimum disk, in GiB.
    pub fn min_disk(self, gib: u64) -> Self {
        self.replace("min_disk", Value::from(gib))
    }
    /// Sets the disk format (before the data is uploaded).
    pub fn disk_format(self, f: impl Into<String>) -> Self {
        self.replace("disk_format", Value::String(f.into()))
    }
    /// Sets the container format (before the data is uploaded).
    pub fn container_format(self, f: impl Into<String>) -> Self {
        self.replace("container_format", Value::String(f.into()))
    }
    /// Replaces the tags.
    pub fn tags<I: IntoIterator<Item = T>, T: Into<String>>(self, tags: I) -> Self {
        let tags = tags.into_iter().map(|t| Value::String(t.into())).collect();
        self.replace("tags", Value::Array(tags))
    }
    /// Sets an additional property (added, or replaced when it exists).
    pub fn set_property(mut self, name: impl AsRef<str>, value: impl Into<String>) -> Self {
        self.changes.push(PatchOp::Add {
            path: pointer(name.as_ref()),
            value: Value::String(value.into()),
        });
        self
    }
    /// Removes an additional property (`409` when it is not set).
    pub fn remove_property(mut self, name: impl AsRef<str>) -> Self {
        self.changes.push(PatchOp::Remove {
            path: pointer(name.as_ref()),
        });
        self
    }
    /// Appends a location (`url` in a store the cloud knows; admins and services only,
    /// where the cloud allows it).
    pub fn add_location(mut self, url: impl Into<String>, metadata: BTreeMap<String, Value>) -> Self {
        let location = serde_json::json!({"url": url.into(), "metadata": metadata});
        self.changes.push(PatchOp::Add {
            path: "/locations/-".into(),
            value: location,
        });
        self
    }
    /// Removes the location at `index`.
    pub fn remove_location(mut self, index: usize) -> Self {
        self.changes.push(PatchOp::Remove {
            path: format!("/locations/{index}"),
        });
        self
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.changes.is_empty() {
            return Err(Error::invalid_input("an image update needs at least one change"));
        }
        for change in &self.changes {
            let path = match change {
                PatchOp::Add { path, .. } | PatchOp::Replace { path, .. } => path,
                PatchOp::Remove { path } => path,
            };
            let root = path.trim_start_matches('/');
            let root = root.split('/').next().unwrap_or_default();
            match (change, root) {
                (_, "locations") => {}
                (PatchOp::Add { .. } | PatchOp::Remove { .. }, name) => {
                    let name = name.replace("~1", "/").replace("~0", "~");
                    check_property_name(&name)?;
                }
                (PatchOp::Replace { value, .. }, "tags") => {
                    for tag in value.as_array().into_iter().flatten() {
                        check_tag(tag.as_str().unwrap_or_default())?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// The media type of Glance's JSON Patch.
const PATCH_TYPE: &str = "application/openstack-images-v2.1-json-patch";

/// Changes an image with a JSON Patch (`200`, the image as it is now).
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<Image> {
    client
        .request(&UPDATE, &[id])
        .body(opts)
        .header("content-type", PATCH_TYPE)
        .send()
        .await
}

/// Deletes an image (`204`; `403` when it is protected).
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

/// Deactivates an image: its data cannot be downloaded until it is reactivated (admins;
/// `204`).
pub async fn deactivate(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DEACTIVATE, &[id]).send().await
}

/// Reactivates a deactivated image (admins; `204`).
pub async fn reactivate(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&REACTIVATE, &[id]).send().await
}

/// The tasks that worked on an image (imports, copies; 2.12).
pub async fn list_tasks(client: &ServiceClient, id: &str) -> ApiResult<Vec<Task>> {
    client.request(&LIST_TASKS, &[id]).send().await
}

/// What [`add_location`] sends.
///
/// ```
/// use ferrocloud::openstack::image::v2::images::AddLocationOpts;
/// let opts = AddLocationOpts::new("cinder://lvmdriver-1/39e6ffab")
///     .validation_data("sha512", "c5041ae1");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "url": "cinder://lvmdriver-1/39e6ffab",
///     "validation_data": {"os_hash_algo": "sha512", "os_hash_value": "c5041ae1"}}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddLocationOpts {
    /// The URL of the data in a store the cloud knows.
    pub url: String,
    /// The data's hash, which Glance checks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_data: Option<ValidationData>,
}

/// The hash of an image's data, as [`AddLocationOpts`] gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidationData {
    /// The algorithm (`sha512`).
    pub os_hash_algo: String,
    /// The hash.
    pub os_hash_value: String,
}

impl AddLocationOpts {
    /// A location at `url`.
    pub fn new(url: impl Into<String>) -> Self {
        AddLocationOpts {
            url: url.into(),
            validation_data: None,
        }
    }
    /// Gives the data's hash.
    pub fn validation_data(mut self, algo: impl Into<String>, value: impl Into<String>) -> Self {
        self.validation_data = Some(ValidationData {
            os_hash_algo: algo.into(),
            os_hash_value: value.into(),
        });
        self
    }
}

impl Validate for AddLocationOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("url", !self.url.is_empty())
    }
}

/// Adds a location to an image in `queued` status (2.17; the service user of another
/// OpenStack service, such as Cinder or Nova, as a rule; `202`).
pub async fn add_location(client: &ServiceClient, id: &str, opts: &AddLocationOpts) -> ApiResult<()> {
    client
        .request(&ADD_LOCATION, &[id])
        .body(opts)
        .ok_codes(&[202])
        .send()
        .await
}

/// An image's locations (2.17; service users).
pub async fn list_locations(client: &ServiceClient, id: &str) -> ApiResult<Vec<Location>> {
    client.request(&LIST_LOCATIONS, &[id]).send().await
}

/// Waits until the image has `status`. `killed` (and `deactivated` or `deleted` when
/// not asked for) end the wait with an error, and so does an import that failed: Glance
/// puts the image back to `queued` and names the stores that failed in its
/// `os_glance_failed_import` property.
pub async fn wait_for_status(
    client: &ServiceClient,
    id: &str,
    status: ImageStatus,
    opts: &crate::wait::WaitOpts,
) -> Result<Image> {
    use crate::wait::State;
    crate::wait::wait_for(
        &format!("image {id} to be {status}"),
        opts,
        || async { get(client, id).await.extract() },
        |i: &Image| {
            if i.status == status {
                State::Ready
            } else if matches!(
                i.status,
                ImageStatus::Killed | ImageStatus::Deleted | ImageStatus::Deactivated
            ) {
                State::Failed(format!("image {} is {}", i.id, i.status))
            } else if let Some(stores) = i.property("os_glance_failed_import").filter(|s| !s.is_empty()) {
                State::Failed(format!(
                    "image {} is {}: its import failed into the store(s) {stores} (its tasks say why)",
                    i.id, i.status
                ))
            } else {
                State::Pending
            }
        },
        |_| {},
    )
    .await
}

/// Waits until the image is gone (`404`).
pub async fn wait_for_delete(
    client: &ServiceClient,
    id: &str,
    opts: &crate::wait::WaitOpts,
) -> Result<()> {
    crate::wait::wait_for_deletion(&format!("image {id}"), opts, || async {
        get(client, id).await.extract()
    })
    .await
}
