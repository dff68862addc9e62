//! Resource classes (1.2): the kinds of resources (`VCPU`, `MEMORY_MB`, `DISK_GB`,
//! `CUSTOM_…`). The standard ones come with Placement; custom ones are created.
//!
//! ```no_run
//! # async fn demo(placement: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::placement::v1::resource_classes;
//! resource_classes::ensure(&placement, "CUSTOM_FPGA").await.extract()?;
//! for rc in resource_classes::list(&placement).all().await? {
//!     println!("{}", rc.name);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::check_custom_name;
use crate::ServiceClient;
use crate::de::Link;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};

crate::operations! {
    service: "placement";
    /// List resource classes.
    LIST = GET "/resource_classes" since("1.2") list("resource_classes", ResourceClass);
    /// Create a custom resource class.
    CREATE = POST "/resource_classes" since("1.2") request(CreateOpts);
    /// Show a resource class.
    GET = GET "/resource_classes/{name}" since("1.2") response(ResourceClass);
    /// Create a custom resource class unless it exists (1.7).
    ENSURE = PUT "/resource_classes/{name}" since("1.7");
    /// Rename a custom resource class (1.2 to 1.6).
    RENAME = PUT "/resource_classes/{name}" since("1.2") until("1.6") request(CreateOpts) response(ResourceClass);
    /// Delete a custom resource class.
    DELETE = DELETE "/resource_classes/{name}" since("1.2");
}

/// A resource class.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ResourceClass {
    /// The name.
    pub name: String,
    /// Its link.
    pub links: Vec<Link>,
}

/// What [`create`] (and [`rename`]) send: the name.
///
/// ```
/// use ferrocloud::openstack::placement::v1::resource_classes::CreateOpts;
/// assert_eq!(serde_json::to_value(CreateOpts::new("CUSTOM_FPGA")).unwrap(),
///     serde_json::json!({"name": "CUSTOM_FPGA"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The name (`CUSTOM_…`).
    pub name: String,
}

impl CreateOpts {
    /// A resource class named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts { name: name.into() }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        check_custom_name("resource class", &self.name)
    }
}

/// Lists resource classes, standard and custom (one page).
pub fn list(client: &ServiceClient) -> Pager<ResourceClass> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}

/// Creates a custom resource class (`201`; `409` when it exists: see [`ensure`]).
pub async fn create(client: &ServiceClient, name: &str) -> ApiResult<()> {
    client
        .request(&CREATE, &[])
        .body(&CreateOpts::new(name))
        .send()
        .await
}

/// Shows a resource class.
pub async fn get(client: &ServiceClient, name: &str) -> ApiResult<ResourceClass> {
    client.request(&GET, &[name]).send().await
}

/// Creates a custom resource class unless it exists (1.7; `201` or `204`).
pub async fn ensure(client: &ServiceClient, name: &str) -> ApiResult<()> {
    if let Err(e) = check_custom_name("resource class", name) {
        return ApiResult::from_error(e);
    }
    client.request(&ENSURE, &[name]).send().await
}

/// Renames a custom resource class (1.2 to 1.6 only: later microversions cannot
/// rename, and the SDK refuses it before sending).
pub async fn rename(client: &ServiceClient, name: &str, new_name: &str) -> ApiResult<ResourceClass> {
    client
        .request(&RENAME, &[name])
        .body(&CreateOpts::new(new_name))
        .send()
        .await
}

/// Deletes a custom resource class (`409` while a provider has inventory of it).
pub async fn delete(client: &ServiceClient, name: &str) -> ApiResult<()> {
    client.request(&DELETE, &[name]).send().await
}
