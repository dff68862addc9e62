//! What a token may be scoped to, and its catalog (`/auth/catalog`, `/auth/projects`, `/auth/domains`, `/auth/system`).
//!
//! These calls answer for the token the client authenticates with: the service catalog
//! it sees, and the projects, domains and system scope its user may ask a scoped token
//! for (see the [tokens module](crate::openstack::identity::v3::tokens) to get one).
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::auth;
//! use ferrocloud::pagination::collect;
//! for p in collect(auth::list_projects(&identity)).await? {
//!     println!("may scope to project {} ({})", p.name, p.id);
//! }
//! let system = collect(auth::list_system(&identity)).await?;
//! println!("system scope allowed: {}", system.iter().any(|s| s.all));
//! let catalog = auth::to_catalog(&collect(auth::list_catalog(&identity)).await?)?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::domains::Domain;
use super::projects::Project;
use crate::pagination::{PageStyle, Pager};
use crate::{Catalog, Error, Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// The service catalog of the token.
    LIST_CATALOG = GET "/auth/catalog" list("catalog", CatalogService);
    /// The projects the token's user may scope to.
    LIST_PROJECTS = GET "/auth/projects" list("projects", Project);
    /// The domains the token's user may scope to.
    LIST_DOMAINS = GET "/auth/domains" list("domains", Domain);
    /// The system scopes the token's user may ask for.
    LIST_SYSTEM = GET "/auth/system" list("system", SystemScope);
}

/// One service of a catalog (in `/auth/catalog` and in token bodies).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct CatalogService {
    /// The service's ID (a templated catalog, Keystone's until 27.0, has none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The service type (`compute`, `identity`…).
    #[serde(rename = "type")]
    pub service_type: String,
    /// The service name (`nova`…; empty for a service registered without one, absent
    /// from a templated catalog that gives none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its endpoints.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub endpoints: Vec<CatalogEndpoint>,
}

/// One endpoint of a catalog service.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct CatalogEndpoint {
    /// The endpoint's ID (a templated catalog has none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its interface: `public`, `internal` or `admin`.
    pub interface: String,
    /// Its region (the region's ID, under its older name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Its region's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    /// Its URL.
    pub url: String,
}

/// A system scope the user may ask for (`{"all": true}`: the whole deployment).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct SystemScope {
    /// True for the whole deployment.
    pub all: bool,
}

/// Turns catalog services into a [`Catalog`], to look endpoints up as the provider does.
///
/// ```
/// use ferrocloud::openstack::identity::v3::auth::{to_catalog, CatalogService};
/// let services: Vec<CatalogService> = serde_json::from_value(serde_json::json!([{"id": "s1", "type": "compute",
///     "name": "nova", "endpoints": [{"id": "e1", "interface": "public",
///     "region_id": "RegionOne", "url": "http://nova:8774/v2.1"}]}])).unwrap();
/// let catalog = to_catalog(&services).unwrap();
/// let url = catalog.locate(&["compute"], &ferrocloud::EndpointOpts::region("RegionOne")).unwrap();
/// assert_eq!(url, "http://nova:8774/v2.1");
/// ```
pub fn to_catalog(services: &[CatalogService]) -> Result<Catalog> {
    let v = serde_json::to_value(services).map_err(|e| Error::decode("identity v3 catalog", e))?;
    Catalog::from_v3_json(&v)
}

/// Lists the services of the token's catalog.
pub fn list_catalog(client: &ServiceClient) -> Pager<CatalogService> {
    client
        .request(&LIST_CATALOG, &[])
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The services of a catalog page.
    extract_catalog, CatalogService
}

/// Lists the projects the token's user may scope a token to.
pub fn list_projects(client: &ServiceClient) -> Pager<Project> {
    client
        .request(&LIST_PROJECTS, &[])
        .paged(PageStyle::Links("links"))
}

/// Lists the domains the token's user may scope a token to.
pub fn list_domains(client: &ServiceClient) -> Pager<Domain> {
    client
        .request(&LIST_DOMAINS, &[])
        .paged(PageStyle::Links("links"))
}

/// Lists the system scopes the token's user may ask for: empty, or `[{"all": true}]`.
pub fn list_system(client: &ServiceClient) -> Pager<SystemScope> {
    client
        .request(&LIST_SYSTEM, &[])
        .paged(PageStyle::Links("links"))
}
