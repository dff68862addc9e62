//! Services of the catalog. Their endpoints are in the
//! [endpoints module](crate::openstack::identity::v3::endpoints).
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::services::{self, CreateOpts, ListOpts};
//! let s = services::create(&identity, &CreateOpts::new("compute").name("nova")).await.extract()?;
//! let computes = services::extract_services(&services::list(&identity, &ListOpts {
//!     service_type: Some("compute".into()), ..Default::default() }).all_pages().await?)?;
//! services::delete(&identity, &s.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::Links;
use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// List services.
    LIST = GET "/services" list("services", Service);
    /// Create a service.
    CREATE = POST "/services" request("service", CreateOpts) response("service", Service);
    /// Show a service.
    GET = GET "/services/{service_id}" response("service", Service);
    /// Update a service.
    UPDATE = PATCH "/services/{service_id}" request("service", UpdateOpts) response("service", Service);
    /// Delete a service (and its endpoints).
    DELETE = DELETE "/services/{service_id}";
}

/// A service.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Service {
    /// The service's ID.
    pub id: String,
    /// Its type (`compute`, `identity`…).
    #[serde(rename = "type")]
    pub service_type: String,
    /// Its name (`nova`…; `None` for a service registered without one).
    #[serde(default)]
    pub name: Option<String>,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether it (and its endpoints) appear in the catalog.
    pub enabled: bool,
    /// Links to it.
    pub links: Links,
}

/// Filters for listing services.
///
/// ```
/// use ferrocloud::openstack::identity::v3::services::ListOpts;
/// let o = ListOpts { service_type: Some("compute".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "type=compute");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Services with this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Services of this type.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub service_type: Option<String>,
}

/// A new service.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The type (required).
    #[serde(rename = "type")]
    pub service_type: String,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether it appears in the catalog (default: true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

impl CreateOpts {
    /// A service of type `service_type`.
    pub fn new(service_type: impl Into<String>) -> Self {
        CreateOpts {
            service_type: service_type.into(),
            ..Default::default()
        }
    }

    /// Sets the name.
    pub fn name(mut self, n: impl Into<String>) -> Self {
        self.name = Some(n.into());
        self
    }

    /// Sets the description.
    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.description = Some(d.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("type", !self.service_type.is_empty())
    }
}

/// Changes to a service; unset fields are left as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub service_type: Option<String>,
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Show or hide it (and its endpoints) in the catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.service_type.as_deref() == Some("") {
            return Err(Error::invalid_input("type must not be empty"));
        }
        Ok(())
    }
}

/// Lists services.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Service> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The services of a page.
    extract_services, Service
}

/// Creates a service.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Service> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Shows a service.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Service> {
    client.request(&GET, &[id]).send().await
}

/// Updates a service.
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<Service> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a service; Keystone deletes its endpoints with it.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}
