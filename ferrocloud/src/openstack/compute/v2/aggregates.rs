//! Host aggregates (admin): named groups of compute hosts with metadata, used by the
//! scheduler and to define availability zones; also image pre-caching on their hosts
//! (microversion 2.81).
//!
//! An aggregate's ID is an integer, held here as text (`"1"`) like every other ID;
//! from microversion 2.41 it also has a UUID.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use std::collections::BTreeMap;
//! use ferrocloud::openstack::compute::v2::aggregates::{self, CreateOpts};
//! let agg = aggregates::create(&compute, &CreateOpts::new("fast-disks").availability_zone("az-fast")).await.extract()?;
//! aggregates::add_host(&compute, &agg.id, "compute-01").await.extract()?;
//! let meta = BTreeMap::from([("ssd".to_string(), Some("true".to_string()))]);
//! let agg = aggregates::set_metadata(&compute, &agg.id, &meta).await.extract()?;
//! assert_eq!(agg.metadata["ssd"], "true");
//! aggregates::remove_host(&compute, &agg.id, "compute-01").await.extract()?;
//! aggregates::delete(&compute, &agg.id).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{at_least_one_of, require, ApiResult, Validate};
use crate::{Error, ErrorKind, Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// List aggregates.
    LIST = GET "/os-aggregates" list("aggregates", Aggregate);
    /// Create an aggregate.
    CREATE = POST "/os-aggregates" request("aggregate", CreateOpts) response("aggregate", Aggregate);
    /// Show an aggregate.
    GET = GET "/os-aggregates/{aggregate_id}" response("aggregate", Aggregate);
    /// Update an aggregate's name or availability zone.
    UPDATE = PUT "/os-aggregates/{aggregate_id}" request("aggregate", UpdateOpts) response("aggregate", Aggregate);
    /// Delete an aggregate (it must have no hosts).
    DELETE = DELETE "/os-aggregates/{aggregate_id}";
    /// Add a host to an aggregate (`add_host` action).
    ADD_HOST = POST "/os-aggregates/{aggregate_id}/action" request("add_host", HostOpts) response("aggregate", Aggregate);
    /// Remove a host from an aggregate (`remove_host` action).
    REMOVE_HOST = POST "/os-aggregates/{aggregate_id}/action" request("remove_host", HostOpts) response("aggregate", Aggregate);
    /// Create, change or remove metadata items of an aggregate (`set_metadata` action).
    SET_METADATA = POST "/os-aggregates/{aggregate_id}/action" request("set_metadata", MetadataOpts) response("aggregate", Aggregate);
    /// Request image pre-caching on the aggregate's hosts (2.81+).
    CACHE_IMAGES = POST "/os-aggregates/{aggregate_id}/images" since("2.81") request(CacheImagesOpts);
}

/// A host aggregate.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Aggregate {
    /// The aggregate's ID (an integer, as text).
    #[serde(deserialize_with = "crate::de::lenient_string")]
    pub id: String,
    /// Its UUID (2.41+).
    #[serde(default)]
    pub uuid: Option<String>,
    /// Its name.
    pub name: String,
    /// The availability zone it defines, if any.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub availability_zone: Option<String>,
    /// The compute hosts in it (not in the create response).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub hosts: Vec<String>,
    /// Its metadata (the availability zone appears here too; not in the create response).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub metadata: BTreeMap<String, String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// Always false.
    pub deleted: bool,
    /// Never set.
    #[serde(with = "crate::dates::option")]
    pub deleted_at: Option<Timestamp>,
}

impl crate::find::Named for Aggregate {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

fn check_name(field: &str, v: &str) -> Result<()> {
    if v.trim().is_empty() || v.chars().count() > 255 {
        return Err(Error::invalid_input(format!(
            "{field} must be 1 to 255 characters, not only spaces"
        )));
    }
    Ok(())
}

/// A new aggregate.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (required).
    pub name: String,
    /// The availability zone it defines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
}

impl CreateOpts {
    /// An aggregate named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            availability_zone: None,
        }
    }

    /// Sets the availability zone.
    pub fn availability_zone(mut self, az: impl Into<String>) -> Self {
        self.availability_zone = Some(az.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("name", !self.name.is_empty())?;
        check_name("name", &self.name)?;
        if let Some(az) = &self.availability_zone {
            check_name("availability_zone", az)?;
        }
        Ok(())
    }
}

/// Changes to an aggregate: a new name, a new availability zone, or both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new availability zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        at_least_one_of(&[
            ("name", self.name.is_some()),
            ("availability_zone", self.availability_zone.is_some()),
        ])?;
        if let Some(n) = &self.name {
            check_name("name", n)?;
        }
        if let Some(az) = &self.availability_zone {
            check_name("availability_zone", az)?;
        }
        Ok(())
    }
}

/// The body of the `add_host` and `remove_host` actions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostOpts {
    /// The compute host's name (as the services list it).
    pub host: String,
}

impl Validate for HostOpts {
    fn validate(&self) -> Result<()> {
        require("host", !self.host.is_empty())
    }
}

/// The body of the `set_metadata` action: keys to set, and keys to remove (`None`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetadataOpts {
    /// Items to set (`Some`) or remove (`None`).
    pub metadata: BTreeMap<String, Option<String>>,
}

impl Validate for MetadataOpts {
    fn validate(&self) -> Result<()> {
        for (k, v) in &self.metadata {
            if k.is_empty() || k.len() > 255 {
                return Err(Error::invalid_input(format!(
                    "metadata: key {k:?} must be 1 to 255 characters"
                )));
            }
            if v.as_ref().is_some_and(|v| v.len() > 255) {
                return Err(Error::invalid_input(format!(
                    "metadata: the value of {k:?} must be at most 255 characters"
                )));
            }
        }
        Ok(())
    }
}

/// An image to pre-cache.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedImage {
    /// The image's ID.
    pub id: String,
}

/// The images to pre-cache on an aggregate's hosts (2.81+).
///
/// ```
/// use ferrocloud::openstack::compute::v2::aggregates::CacheImagesOpts;
/// let opts = CacheImagesOpts::new(["70a599e0-31e7-49b7-b260-868f441e862b"]);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"cache": [{"id": "70a599e0-31e7-49b7-b260-868f441e862b"}]}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CacheImagesOpts {
    /// The images (at least one).
    pub cache: Vec<CachedImage>,
}

impl CacheImagesOpts {
    /// Images by ID.
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(ids: I) -> Self {
        CacheImagesOpts {
            cache: ids
                .into_iter()
                .map(|id| CachedImage { id: id.into() })
                .collect(),
        }
    }
}

impl Validate for CacheImagesOpts {
    fn validate(&self) -> Result<()> {
        require("cache", !self.cache.is_empty())?;
        if self.cache.iter().any(|i| i.id.is_empty()) {
            return Err(Error::invalid_input("cache: every image needs an id"));
        }
        Ok(())
    }
}

/// Lists aggregates.
pub fn list(client: &ServiceClient) -> Pager<Aggregate> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The aggregates of a page.
    extract_aggregates, Aggregate
}

/// Creates an aggregate.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Aggregate> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Shows an aggregate.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Aggregate> {
    client.request(&GET, &[id]).send().await
}

/// Updates an aggregate's name or availability zone.
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<Aggregate> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes an aggregate (remove its hosts first).
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

/// Adds a compute host to an aggregate.
pub async fn add_host(client: &ServiceClient, id: &str, host: &str) -> ApiResult<Aggregate> {
    let body = HostOpts {
        host: host.to_string(),
    };
    client.request(&ADD_HOST, &[id]).body(&body).send().await
}

/// Removes a compute host from an aggregate.
pub async fn remove_host(client: &ServiceClient, id: &str, host: &str) -> ApiResult<Aggregate> {
    let body = HostOpts {
        host: host.to_string(),
    };
    client.request(&REMOVE_HOST, &[id]).body(&body).send().await
}

/// Sets metadata items of an aggregate (`Some`), or removes them (`None`); other items
/// are left as they are.
pub async fn set_metadata(
    client: &ServiceClient,
    id: &str,
    metadata: &BTreeMap<String, Option<String>>,
) -> ApiResult<Aggregate> {
    let body = MetadataOpts {
        metadata: metadata.clone(),
    };
    client
        .request(&SET_METADATA, &[id])
        .body(&body)
        .send()
        .await
}

/// Asks the aggregate's hosts to pre-cache images (2.81+). Nova answers 202 and caches
/// in the background.
pub async fn cache_images(
    client: &ServiceClient,
    id: &str,
    opts: &CacheImagesOpts,
) -> ApiResult<()> {
    client
        .request(&CACHE_IMAGES, &[id])
        .body(opts)
        .ok_codes(&[202])
        .send()
        .await
}

/// Finds an aggregate by ID, UUID or exact name.
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<Aggregate> {
    if name_or_id.is_empty() {
        return Err(Error::invalid_input(
            "aggregate name or ID must not be empty",
        ));
    }
    if name_or_id.bytes().all(|b| b.is_ascii_digit()) {
        match get(client, name_or_id).await.extract() {
            Ok(a) => return Ok(a),
            Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::BadRequest) => {}
            Err(e) => return Err(e),
        }
    }
    let all = extract_aggregates(&list(client).all_pages().await?)?;
    if let Some(a) = all.iter().find(|a| a.uuid.as_deref() == Some(name_or_id)) {
        return Ok(a.clone());
    }
    let mut named: Vec<Aggregate> = all.into_iter().filter(|a| a.name == name_or_id).collect();
    match named.len() {
        0 => Err(Error::new(
            ErrorKind::NotFound,
            format!("no aggregate with ID, UUID or name {name_or_id:?}"),
        )),
        1 => Ok(named.remove(0)),
        n => {
            let ids: Vec<&str> = named.iter().map(|a| a.id.as_str()).collect();
            Err(Error::new(
                ErrorKind::Ambiguous,
                format!(
                    "{n} aggregates are named {name_or_id:?} (IDs {}); use an ID",
                    ids.join(", ")
                ),
            ))
        }
    }
}
