//! The API versions Magnum serves (`GET /`, at the service root) and the v1 document
//! (`GET /v1/`: links to the collections).
//!
//! ```no_run
//! # async fn demo(magnum: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::containerinfra::v1::versions;
//! for v in versions::list(&magnum).await.extract()?.versions {
//!     println!("{} {:?}..{:?}", v.id, v.min_version, v.max_version);
//! }
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::de::Link;
use crate::openstack::compute::v2::versions::root_client;
pub use crate::openstack::image::v2::versions::VersionStatus;
use crate::request::ApiResult;
use crate::{Operation, ServiceClient};

mod root {
    use super::Versions;
    crate::operations! {
        service: "container-infrastructure-management";
        /// List the API versions (at the service root).
        LIST = GET "/" response(Versions);
    }
}

pub use root::LIST;

crate::operations! {
    service: "container-infrastructure-management";
    /// Show the v1 document.
    GET = GET "/" response(V1Document);
}

/// The operations written from the service root, for coverage reports.
pub static ROOT_OPERATIONS: &[&[&Operation]] = &[root::OPERATIONS];

/// Magnum's answer at its root.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Versions {
    /// The versions.
    pub versions: Vec<Version>,
    /// The service's name (`OpenStack Magnum API`).
    pub name: String,
    /// What the service is.
    pub description: String,
}

/// One API version of Magnum, with its microversion range.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Version {
    /// The version (`v1`).
    pub id: String,
    /// `CURRENT`…
    pub status: VersionStatus,
    /// The oldest microversion (`1.1`).
    pub min_version: String,
    /// The newest microversion.
    pub max_version: String,
    /// Links (`self`: the version's base URL).
    pub links: Vec<Link>,
}

/// The v1 document: links to the collections.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct V1Document {
    /// `v1`.
    pub id: String,
    /// Links (`self`, `describedby`).
    pub links: Vec<Link>,
    /// The media types served.
    #[serde(default)]
    pub media_types: Vec<MediaType>,
    /// Links to the cluster templates.
    #[serde(default)]
    pub clustertemplates: Vec<Link>,
    /// Links to the clusters.
    #[serde(default)]
    pub clusters: Vec<Link>,
    /// Links to the certificates.
    #[serde(default)]
    pub certificates: Vec<Link>,
    /// Links to the services.
    #[serde(default)]
    pub mservices: Vec<Link>,
    /// Links to the quotas.
    #[serde(default)]
    pub quotas: Vec<Link>,
    /// Links to the stats.
    #[serde(default)]
    pub stats: Vec<Link>,
    /// Links to the federations.
    #[serde(default)]
    pub federations: Vec<Link>,
    /// Links to the node groups.
    #[serde(default)]
    pub nodegroups: Vec<Link>,
}

/// A media type a version serves.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct MediaType {
    /// The base type (`application/json`).
    pub base: String,
    /// The versioned type.
    #[serde(rename = "type")]
    pub media_type: String,
}

/// Lists the API versions (`GET /` at the service root).
///
/// ```no_run
/// # async fn demo(magnum: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let v = ferrocloud::openstack::containerinfra::v1::versions::list(&magnum).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn list(client: &ServiceClient) -> ApiResult<Versions> {
    match root_client(client) {
        Ok(root) => root.request(&LIST, &[]).ok_codes(&[200, 300]).send().await,
        Err(e) => ApiResult::from_error(e),
    }
}

/// Shows the v1 document (`GET /v1/`).
///
/// ```no_run
/// # async fn demo(magnum: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let d = ferrocloud::openstack::containerinfra::v1::versions::get(&magnum).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient) -> ApiResult<V1Document> {
    client.request(&GET, &[]).send().await
}
