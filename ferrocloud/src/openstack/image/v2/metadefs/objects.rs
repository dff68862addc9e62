//! Metadata definition objects: named groups of property definitions inside a
//! namespace (`CPU Limits` holding `quota:cpu_period`, `quota:cpu_quota`…), with the
//! names of those a resource must set. Addressed by namespace and object name.
//!
//! Glance lists a namespace's objects in one answer: it ignores the paging, sorting and
//! filtering parameters the API reference lists for this call. Its update *replaces*
//! the object: a `description`, `properties` or `required` left out is cleared.
//! Deleting every object of a namespace at once ([`delete_all`](crate::openstack::image::v2::metadefs::objects::delete_all)) is served by Glance
//! but not documented by the API reference.
//!
//! ```no_run
//! # async fn demo(image: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::image::v2::metadefs::{objects, Property, PropertyKind};
//! let opts = objects::CreateOpts::new("CPU Limits")
//!     .property("quota:cpu_period", Property::new("CPU period", PropertyKind::Integer).minimum(1000))
//!     .required(["quota:cpu_period"]);
//! let obj = objects::create(&image, "Example::Ns", &opts).await.extract()?;
//! for o in objects::list(&image, "Example::Ns").await.extract()? {
//!     println!("{}: {} properties", o.name, o.properties.len());
//! }
//! objects::delete(&image, "Example::Ns", &obj.name).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::{Properties, Property, check_name, check_properties};
use crate::ServiceClient;
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};

crate::operations! {
    service: "image";
    /// List a namespace's objects.
    LIST = GET "/metadefs/namespaces/{namespace_name}/objects" list("objects", Object);
    /// Create an object (`201`).
    CREATE = POST "/metadefs/namespaces/{namespace_name}/objects" request(CreateOpts) response(Object);
    /// Show an object.
    GET = GET "/metadefs/namespaces/{namespace_name}/objects/{object_name}" response(Object);
    /// Update (replace) an object.
    UPDATE = PUT "/metadefs/namespaces/{namespace_name}/objects/{object_name}" request(UpdateOpts) response(Object);
    /// Delete an object (`204`).
    DELETE = DELETE "/metadefs/namespaces/{namespace_name}/objects/{object_name}";
}

// Its `OPERATIONS` (none: coverage counts documented operations only) is not read.
#[allow(dead_code)]
mod undocumented {
    crate::operations! {
        service: "image", undocumented;
        /// Delete every object of a namespace (`204`; served, not in the API reference).
        DELETE_ALL = DELETE "/metadefs/namespaces/{namespace_name}/objects";
    }
}

pub use undocumented::DELETE_ALL;

/// A metadata definition object.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Object {
    /// The name, unique in its namespace.
    pub name: String,
    /// A description (left out when none was given, although the API reference marks it
    /// as always sent).
    #[serde(default)]
    pub description: Option<String>,
    /// Its property definitions, by name (left out when none were given).
    #[serde(default)]
    pub properties: Properties,
    /// The names of the properties a resource must set (left out of the answer to
    /// create when none were given; `[]` elsewhere).
    #[serde(default)]
    pub required: Vec<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it was last changed (none in the API reference's listing sample; Glance's
    /// database allows none).
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// Its path (`/v2/metadefs/namespaces/{namespace}/objects/{name}`).
    #[serde(rename = "self")]
    pub self_link: String,
    /// The path of its JSON schema (`/v2/schemas/metadefs/object`).
    pub schema: String,
}

/// Lists a namespace's objects (one answer: Glance does not page them).
pub async fn list(client: &ServiceClient, namespace: &str) -> ApiResult<Vec<Object>> {
    client.request(&LIST, &[namespace]).send().await
}

/// A new object, or an object's new fields ([`UpdateOpts`]).
///
/// ```
/// use ferrocloud::openstack::image::v2::metadefs::{objects::CreateOpts, Property, PropertyKind};
/// use ferrocloud::request::Validate;
/// let opts = CreateOpts::new("Limits")
///     .description("CPU limits")
///     .property("period", Property::new("Period", PropertyKind::Integer))
///     .required(["period"]);
/// assert!(opts.validate().is_ok());
/// let e = CreateOpts::new("Limits").required(["a", "a"]).validate().unwrap_err();
/// assert!(e.to_string().contains("twice"), "{e}");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The name (at most 80 characters).
    pub name: String,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Property definitions, by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<Properties>,
    /// The names of the properties a resource must set (each at most once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<Vec<String>>,
}

/// An object's new fields: Glance replaces them all.
pub type UpdateOpts = CreateOpts;

impl CreateOpts {
    /// An object named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            ..Default::default()
        }
    }
    /// The fields `object` holds now, to be changed before an update.
    pub fn from_object(object: &Object) -> Self {
        CreateOpts {
            name: object.name.clone(),
            description: object.description.clone(),
            properties: Some(object.properties.clone()),
            required: Some(object.required.clone()),
        }
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// Adds a property definition.
    pub fn property(mut self, name: impl Into<String>, property: Property) -> Self {
        self.properties
            .get_or_insert_with(Default::default)
            .insert(name.into(), property);
        self
    }
    /// Sets the names of the properties a resource must set.
    pub fn required<S: Into<String>>(mut self, names: impl IntoIterator<Item = S>) -> Self {
        self.required = Some(names.into_iter().map(Into::into).collect());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        check_name("name", &self.name, 80)?;
        if let Some(props) = &self.properties {
            check_properties("properties", props)?;
        }
        if let Some(required) = &self.required {
            for (i, r) in required.iter().enumerate() {
                if required[..i].contains(r) {
                    return Err(crate::Error::invalid_input(format!(
                        "required names {r:?} twice (Glance wants unique names)"
                    )));
                }
            }
        }
        Ok(())
    }
}

/// Creates an object in a namespace (`201`).
pub async fn create(
    client: &ServiceClient,
    namespace: &str,
    opts: &CreateOpts,
) -> ApiResult<Object> {
    client
        .request(&CREATE, &[namespace])
        .body(opts)
        .send()
        .await
}

/// Shows an object.
pub async fn get(client: &ServiceClient, namespace: &str, name: &str) -> ApiResult<Object> {
    client.request(&GET, &[namespace, name]).send().await
}

/// Updates (replaces) an object; `opts.name` renames it.
pub async fn update(
    client: &ServiceClient,
    namespace: &str,
    name: &str,
    opts: &UpdateOpts,
) -> ApiResult<Object> {
    client
        .request(&UPDATE, &[namespace, name])
        .body(opts)
        .send()
        .await
}

/// Deletes an object (`204`).
pub async fn delete(client: &ServiceClient, namespace: &str, name: &str) -> ApiResult<()> {
    client.request(&DELETE, &[namespace, name]).send().await
}

/// Deletes every object of a namespace (`204`). Glance serves this call; the API
/// reference does not document it.
pub async fn delete_all(client: &ServiceClient, namespace: &str) -> ApiResult<()> {
    client.request(&DELETE_ALL, &[namespace]).send().await
}
