//! Property definitions of a namespace: the metadata keys it defines, each a
//! JSON-Schema-like [`Property`].
//! Glance lists them as one JSON object keyed by name (read here as a sorted map), and
//! sends each alone with its `name`.
//!
//! The update *replaces* the definition: a keyword left out is removed; `name`
//! renames it. Deleting every property of a namespace at once ([`delete_all`](crate::openstack::image::v2::metadefs::properties::delete_all)) is
//! served by Glance but not documented by the API reference.
//!
//! ```no_run
//! # async fn demo(image: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::image::v2::metadefs::{properties, Property, PropertyKind};
//! let bus = Property::new("Disk bus", PropertyKind::String).enum_values(["scsi", "virtio"]);
//! properties::create(&image, "Example::Ns", &properties::CreateOpts::new("hw_disk_bus", bus))
//!     .await.extract()?;
//! let all = properties::list(&image, "Example::Ns").await.extract()?;
//! assert!(all.contains_key("hw_disk_bus"));
//! properties::delete(&image, "Example::Ns", "hw_disk_bus").await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::{Properties, Property, check_name};
use crate::ServiceClient;
use crate::request::{ApiResult, Validate};

crate::operations! {
    service: "image";
    /// List a namespace's property definitions (a JSON object keyed by name).
    LIST = GET "/metadefs/namespaces/{namespace_name}/properties" response("properties", Properties);
    /// Create a property definition (`201`).
    CREATE = POST "/metadefs/namespaces/{namespace_name}/properties" request(CreateOpts) response(Property);
    /// Show a property definition.
    GET = GET "/metadefs/namespaces/{namespace_name}/properties/{property_name}" response(Property);
    /// Update (replace) a property definition.
    UPDATE = PUT "/metadefs/namespaces/{namespace_name}/properties/{property_name}" request(UpdateOpts) response(Property);
    /// Delete a property definition (`204`).
    DELETE = DELETE "/metadefs/namespaces/{namespace_name}/properties/{property_name}";
}

// Its `OPERATIONS` (none: coverage counts documented operations only) is not read.
#[allow(dead_code)]
mod undocumented {
    crate::operations! {
        service: "image", undocumented;
        /// Delete every property definition of a namespace (`204`; served, not in the API
        /// reference).
        DELETE_ALL = DELETE "/metadefs/namespaces/{namespace_name}/properties";
    }
}

pub use undocumented::DELETE_ALL;

/// A property definition with its name, as [`create`] and [`update`] send it.
///
/// ```
/// use ferrocloud::openstack::image::v2::metadefs::{properties::CreateOpts, Property, PropertyKind};
/// use ferrocloud::request::Validate;
/// let opts = CreateOpts::new("cores", Property::new("Cores", PropertyKind::Integer).minimum(1));
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "name": "cores", "type": "integer", "title": "Cores", "minimum": 1}));
/// assert!(opts.validate().is_ok());
/// let bad = CreateOpts::new("cores", Property::new("Cores", PropertyKind::Integer).minimum(2).maximum(1));
/// assert!(bad.validate().unwrap_err().to_string().contains("minimum"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
#[non_exhaustive]
pub struct CreateOpts(pub Property);

/// A property definition's new form (with its name, which may change): Glance replaces
/// the whole definition.
pub type UpdateOpts = CreateOpts;

impl CreateOpts {
    /// The definition `property` under the name `name`.
    pub fn new(name: impl Into<String>, mut property: Property) -> Self {
        property.name = Some(name.into());
        CreateOpts(property)
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        let Some(name) = self.0.name.as_deref() else {
            return Err(crate::Error::invalid_input("name is required"));
        };
        check_name("name", name, 80)?;
        self.0.check(name)
    }
}

/// Lists a namespace's property definitions, by name.
pub async fn list(client: &ServiceClient, namespace: &str) -> ApiResult<Properties> {
    client.request(&LIST, &[namespace]).send().await
}

/// Creates a property definition in a namespace (`201`).
pub async fn create(
    client: &ServiceClient,
    namespace: &str,
    opts: &CreateOpts,
) -> ApiResult<Property> {
    client
        .request(&CREATE, &[namespace])
        .body(opts)
        .send()
        .await
}

/// Shows a property definition. With `resource_type`, `name` is the name as set on such
/// a resource: it must start with the prefix of the namespace's association with that
/// type (`hw_cores` for `cores` and `hw_`), else Glance answers 404.
pub async fn get(
    client: &ServiceClient,
    namespace: &str,
    name: &str,
    resource_type: Option<&str>,
) -> ApiResult<Property> {
    let mut r = client.request(&GET, &[namespace, name]);
    if let Some(rt) = resource_type {
        r = r.query_pair("resource_type", rt);
    }
    r.send().await
}

/// Updates (replaces) a property definition.
pub async fn update(
    client: &ServiceClient,
    namespace: &str,
    name: &str,
    opts: &UpdateOpts,
) -> ApiResult<Property> {
    client
        .request(&UPDATE, &[namespace, name])
        .body(opts)
        .send()
        .await
}

/// Deletes a property definition (`204`).
pub async fn delete(client: &ServiceClient, namespace: &str, name: &str) -> ApiResult<()> {
    client.request(&DELETE, &[namespace, name]).send().await
}

/// Deletes every property definition of a namespace (`204`). Glance serves this call;
/// the API reference does not document it.
pub async fn delete_all(client: &ServiceClient, namespace: &str) -> ApiResult<()> {
    client.request(&DELETE_ALL, &[namespace]).send().await
}
