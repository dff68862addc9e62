//! Resource types (`OS::Glance::Image`, `OS::Cinder::Volume`, `OS::Nova::Flavor`…) and
//! a namespace's associations with them: the kinds of resource its keys apply to, with
//! the prefix they take there (`hw_` on images, `hw:` in flavor extra specs) and, for
//! resources with several kinds of metadata, which one (`properties_target`).
//!
//! Glance lists the resource types its database holds: those its operator loaded
//! (`glance-manage db_load_metadefs`) and those an association named. Removing an
//! association leaves the resource type.
//!
//! ```no_run
//! # async fn demo(image: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::image::v2::metadefs::resource_types::{self, CreateOpts};
//! let opts = CreateOpts::new("OS::Cinder::Volume").prefix("hw_").properties_target("image");
//! resource_types::create_association(&image, "Example::Ns", &opts).await.extract()?;
//! for a in resource_types::list_associations(&image, "Example::Ns").await.extract()? {
//!     println!("{} {}", a.name, a.prefix.unwrap_or_default());
//! }
//! resource_types::delete_association(&image, "Example::Ns", "OS::Cinder::Volume").await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::check_name;
use crate::ServiceClient;
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};

crate::operations! {
    service: "image";
    /// List resource types.
    LIST = GET "/metadefs/resource_types" list("resource_types", ResourceType);
    /// List a namespace's resource type associations.
    LIST_ASSOCIATIONS = GET "/metadefs/namespaces/{namespace_name}/resource_types" list("resource_type_associations", Association);
    /// Associate a resource type with a namespace (`201`).
    CREATE_ASSOCIATION = POST "/metadefs/namespaces/{namespace_name}/resource_types" request(CreateOpts) response(Association);
    /// Remove a resource type association (`204`).
    DELETE_ASSOCIATION = DELETE "/metadefs/namespaces/{namespace_name}/resource_types/{name}";
}

/// A resource type.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ResourceType {
    /// The name (Heat's resource type names: `OS::Nova::Flavor`).
    pub name: String,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it was last changed (Glance's database allows none).
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
}

/// A namespace's association with a resource type.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Association {
    /// The resource type's name.
    pub name: String,
    /// The prefix the namespace's keys take on such resources.
    #[serde(default)]
    pub prefix: Option<String>,
    /// Which metadata of such resources the keys go to (`image` for a volume's image
    /// metadata).
    #[serde(default)]
    pub properties_target: Option<String>,
    /// When it was made: absent in the associations a namespace's create answer echoes
    /// as sent, there elsewhere.
    #[serde(default, with = "crate::dates::option")]
    pub created_at: Option<Timestamp>,
    /// When it was last changed (absent as `created_at` is, and in the API reference's
    /// samples of a namespace shown in detail).
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
}

/// Lists the resource types.
pub async fn list(client: &ServiceClient) -> ApiResult<Vec<ResourceType>> {
    client.request(&LIST, &[]).send().await
}

/// Lists a namespace's resource type associations.
pub async fn list_associations(
    client: &ServiceClient,
    namespace: &str,
) -> ApiResult<Vec<Association>> {
    client.request(&LIST_ASSOCIATIONS, &[namespace]).send().await
}

/// A new resource type association.
///
/// ```
/// use ferrocloud::openstack::image::v2::metadefs::resource_types::CreateOpts;
/// use ferrocloud::request::Validate;
/// let opts = CreateOpts::new("OS::Nova::Flavor").prefix("hw:");
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"name": "OS::Nova::Flavor", "prefix": "hw:"}));
/// assert!(CreateOpts::new("x").prefix("p".repeat(81)).validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The resource type's name (at most 80 characters); Glance adds a resource type it
    /// does not have yet.
    pub name: String,
    /// The prefix the keys take on such resources (at most 80 characters, separator
    /// included: `hw_`, `hw:`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// Which metadata of such resources the keys go to (at most 80 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties_target: Option<String>,
}

impl CreateOpts {
    /// An association with the resource type `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            ..Default::default()
        }
    }
    /// Sets the prefix.
    pub fn prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = Some(prefix.into());
        self
    }
    /// Sets the properties target.
    pub fn properties_target(mut self, target: impl Into<String>) -> Self {
        self.properties_target = Some(target.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        check_name("name", &self.name, 80)?;
        for (field, v) in [
            ("prefix", &self.prefix),
            ("properties_target", &self.properties_target),
        ] {
            if let Some(v) = v
                && v.chars().count() > 80
            {
                return Err(crate::Error::invalid_input(format!(
                    "{field} is at most 80 characters long"
                )));
            }
        }
        Ok(())
    }
}

/// Associates a resource type with a namespace (`201`).
pub async fn create_association(
    client: &ServiceClient,
    namespace: &str,
    opts: &CreateOpts,
) -> ApiResult<Association> {
    client
        .request(&CREATE_ASSOCIATION, &[namespace])
        .body(opts)
        .send()
        .await
}

/// Removes a namespace's association with a resource type (`204`).
pub async fn delete_association(
    client: &ServiceClient,
    namespace: &str,
    name: &str,
) -> ApiResult<()> {
    client
        .request(&DELETE_ASSOCIATION, &[namespace, name])
        .send()
        .await
}
