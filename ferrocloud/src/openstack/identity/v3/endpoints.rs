//! Endpoints of the catalog: where a service answers, per region and interface.
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient, service_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::endpoints::{self, CreateOpts, Interface, ListOpts};
//! let e = endpoints::create(&identity, &CreateOpts::new(service_id, Interface::Public, "https://api.example.com/v1")
//!     .region_id("RegionOne")).await.extract()?;
//! let public = endpoints::extract_endpoints(&endpoints::list(&identity, &ListOpts {
//!     interface: Some(Interface::Public), ..Default::default() }).all_pages().await?)?;
//! endpoints::delete(&identity, &e.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::Links;
use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Availability, Error, Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// List endpoints.
    LIST = GET "/endpoints" list("endpoints", Endpoint);
    /// Create an endpoint.
    CREATE = POST "/endpoints" request("endpoint", CreateOpts) response("endpoint", Endpoint);
    /// Show an endpoint.
    GET = GET "/endpoints/{endpoint_id}" response("endpoint", Endpoint);
    /// Update an endpoint.
    UPDATE = PATCH "/endpoints/{endpoint_id}" request("endpoint", UpdateOpts) response("endpoint", Endpoint);
    /// Delete an endpoint.
    DELETE = DELETE "/endpoints/{endpoint_id}";
}

/// Who an endpoint is for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Interface {
    /// End users, on a public network.
    #[default]
    Public,
    /// End users, on an internal network.
    Internal,
    /// Administrators.
    Admin,
}

impl Interface {
    /// The name the API uses (`public`, `internal`, `admin`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Interface::Public => "public",
            Interface::Internal => "internal",
            Interface::Admin => "admin",
        }
    }
}

impl From<Interface> for Availability {
    fn from(i: Interface) -> Self {
        match i {
            Interface::Public => Availability::Public,
            Interface::Internal => Availability::Internal,
            Interface::Admin => Availability::Admin,
        }
    }
}

impl From<Availability> for Interface {
    fn from(a: Availability) -> Self {
        match a {
            Availability::Public => Interface::Public,
            Availability::Internal => Interface::Internal,
            Availability::Admin => Interface::Admin,
        }
    }
}

/// An endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Endpoint {
    /// The endpoint's ID.
    pub id: String,
    /// Who it is for.
    pub interface: Interface,
    /// The service it belongs to.
    pub service_id: String,
    /// Its URL (it may hold `$(project_id)s`-style substitutions).
    pub url: String,
    /// Its region's ID.
    #[serde(default)]
    pub region_id: Option<String>,
    /// Its region's ID, under the older name.
    #[serde(default)]
    pub region: Option<String>,
    /// Whether it appears in the catalog (`true` when the service omits it: endpoints
    /// are enabled unless disabled).
    #[serde(default = "crate::de::yes")]
    pub enabled: bool,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Links to it.
    pub links: Links,
}


/// Filters for listing endpoints.
///
/// ```
/// use ferrocloud::openstack::identity::v3::endpoints::{Interface, ListOpts};
/// let o = ListOpts { interface: Some(Interface::Internal), region_id: Some("RegionOne".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "interface=internal&region_id=RegionOne");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Endpoints with this interface.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interface: Option<Interface>,
    /// Endpoints of this service.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    /// Endpoints in this region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
}

/// A new endpoint.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The service (required).
    pub service_id: String,
    /// Who it is for (required).
    pub interface: Interface,
    /// Its URL (required).
    pub url: String,
    /// Its region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    /// Whether it appears in the catalog (default: true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// A name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CreateOpts {
    /// An endpoint of a service.
    pub fn new(
        service_id: impl Into<String>,
        interface: Interface,
        url: impl Into<String>,
    ) -> Self {
        CreateOpts {
            service_id: service_id.into(),
            interface,
            url: url.into(),
            ..Default::default()
        }
    }

    /// Sets the region.
    pub fn region_id(mut self, r: impl Into<String>) -> Self {
        self.region_id = Some(r.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("service_id", !self.service_id.is_empty())?;
        require("url", !self.url.is_empty())
    }
}

/// Changes to an endpoint; unset fields are left as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// Move it to another service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    /// A new interface.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interface: Option<Interface>,
    /// A new URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A new region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    /// Show or hide it in the catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.url.as_deref() == Some("") {
            return Err(Error::invalid_input("url must not be empty"));
        }
        if self.service_id.as_deref() == Some("") {
            return Err(Error::invalid_input("service_id must not be empty"));
        }
        Ok(())
    }
}

/// Lists endpoints.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Endpoint> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The endpoints of a page.
    extract_endpoints, Endpoint
}

/// Creates an endpoint.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Endpoint> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Shows an endpoint.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Endpoint> {
    client.request(&GET, &[id]).send().await
}

/// Updates an endpoint.
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<Endpoint> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes an endpoint.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}
