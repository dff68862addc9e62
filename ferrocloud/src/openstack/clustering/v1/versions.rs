//! Senlin's API versions (`GET /` and `GET /{version}/`, at the service root): the
//! microversion range of v1.
//!
//! ```no_run
//! # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::clustering::v1::versions;
//! let v1 = versions::get(&senlin, "v1").await.extract()?;
//! println!("{} to {}", v1.min_version, v1.max_version);
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::dates::Timestamp;
use crate::de::Link;
pub use crate::openstack::compute::v2::versions::MediaType;
use crate::openstack::compute::v2::versions::root_client;
use crate::request::ApiResult;
use crate::{Operation, ServiceClient};

mod root {
    use super::Version;
    crate::operations! {
        service: "clustering";
        /// List the API versions (at the service root).
        LIST = GET "/" list("versions", Version);
        /// Show one API version (at the service root).
        GET = GET "/{version}/" response("version", Version);
    }
}

pub use root::{GET, LIST};

/// The operations of this module under the endpoint: none (see [`ROOT_OPERATIONS`]).
pub static OPERATIONS: &[&Operation] = &[];

/// The operations written from the service root, for coverage reports.
pub static ROOT_OPERATIONS: &[&[&Operation]] = &[root::OPERATIONS];

/// A Senlin API version.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Version {
    /// The version's ID (`1.0`).
    pub id: String,
    /// `CURRENT`, `SUPPORTED` or `DEPRECATED`.
    pub status: String,
    /// The oldest microversion.
    pub min_version: String,
    /// The newest microversion.
    pub max_version: String,
    /// When the version last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated: Timestamp,
    /// Links (`self`, `help`).
    pub links: Vec<Link>,
    /// The media types the version serves.
    #[serde(rename = "media-types")]
    pub media_types: Vec<MediaType>,
}

impl Version {
    /// The microversion range.
    ///
    /// ```
    /// let v: ferrocloud::openstack::clustering::v1::versions::Version = serde_json::from_str(
    ///     r#"{"id": "1.0", "status": "CURRENT", "min_version": "1.0", "max_version": "1.7",
    ///         "updated": "2016-01-18T00:00:00Z", "links": [], "media-types": []}"#).unwrap();
    /// let r = v.microversions().unwrap();
    /// assert_eq!(r.max.to_string(), "1.7");
    /// ```
    pub fn microversions(&self) -> Option<crate::microversion::VersionRange> {
        Some(crate::microversion::VersionRange {
            min: self.min_version.parse().ok()?,
            max: self.max_version.parse().ok()?,
        })
    }
}

/// Lists the API versions (`GET /` at the service root; Senlin answers `300`).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let all = ferrocloud::openstack::clustering::v1::versions::list(&senlin).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn list(client: &ServiceClient) -> ApiResult<Vec<Version>> {
    match root_client(client) {
        Ok(root) => root.request(&LIST, &[]).ok_codes(&[200, 300]).send().await,
        Err(e) => ApiResult::from_error(e),
    }
}

/// Shows one API version (`v1`).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let v1 = ferrocloud::openstack::clustering::v1::versions::get(&senlin, "v1").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, version: &str) -> ApiResult<Version> {
    match root_client(client) {
        Ok(root) => root.request(&GET, &[version]).send().await,
        Err(e) => ApiResult::from_error(e),
    }
}
