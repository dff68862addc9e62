//! API versions of the networking service: the versions Neutron serves (`GET /` at the
//! service root) and the resources of v2.0 (`GET /v2.0/`).
//!
//! The listing of versions is not under the network client's resource base
//! (`…/v2.0/`): its operation, [`LIST`](crate::openstack::networking::v2::versions::LIST), is written from the service root, the way the
//! API reference writes it, and [`list`](crate::openstack::networking::v2::versions::list) sends it to the root found by cutting the
//! endpoint before its version segment (see
//! [`service_root`](crate::openstack::compute::v2::versions::service_root)).
//! [`get`](crate::openstack::networking::v2::versions::get) asks the resource base itself.
//!
//! Neutron answers `GET /v2.0/` with its core resources only (networks, subnets, subnet
//! pools, ports); the extensions' resources are in
//! [`api_extensions`].
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::versions;
//! for v in versions::list(&network).all().await? {
//!     println!("{} {}", v.id, v.status);
//! }
//! let resources = versions::get(&network).all().await?;
//! assert!(resources.iter().any(|r| r.collection == "networks"));
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::de::Link;
use crate::openstack::compute::v2::versions::service_root;
use crate::pagination::{PageStyle, Pager};
use crate::{Operation, ServiceClient};

crate::operations! {
    service: "network";
    /// Show the resources of API v2.0 (at the resource base, `…/v2.0/`).
    GET = GET "/" list("resources", ApiResource);
}

mod root {
    use super::Version;
    crate::operations! {
        service: "network";
        /// List the API versions (at the service root).
        LIST = GET "/" list("versions", Version);
    }
}

pub use root::LIST;

/// The operations of this module written from the service root rather than from the
/// resource base (`/v2.0`), for the coverage report.
pub static ROOT_OPERATIONS: &[&Operation] = root::OPERATIONS;

/// One API version of the networking service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Version {
    /// The version's ID (`v2.0`).
    pub id: String,
    /// `CURRENT`, `SUPPORTED` or `DEPRECATED`.
    pub status: String,
    /// Links (`self`).
    pub links: Vec<Link>,
}

/// A resource of API v2.0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ApiResource {
    /// Its name (`network`).
    pub name: String,
    /// Its collection (`networks`).
    pub collection: String,
    /// Links (`self`: the collection's URL).
    pub links: Vec<Link>,
}

/// Lists the API versions (`GET /` at the service root; one page).
pub fn list(client: &ServiceClient) -> Pager<Version> {
    let root = service_root(client.endpoint());
    match ServiceClient::new(
        client.provider().clone(),
        client.service_type(),
        root.as_str(),
        None,
    ) {
        Ok(root) => root.request(&LIST, &[]).paged(PageStyle::Single),
        Err(e) => client
            .request(&LIST, &[])
            .fail_with(e)
            .paged(PageStyle::Single),
    }
}

crate::operation::extract_fn! {
    /// The versions of a page of [`list`].
    extract_versions, Version
}

/// Lists the resources of API v2.0 (`GET /v2.0/`; one page).
pub fn get(client: &ServiceClient) -> Pager<ApiResource> {
    client.request(&GET, &[]).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The resources of a page of [`get`].
    extract_resources, ApiResource
}
