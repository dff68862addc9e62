//! API versions of the block storage service: the versions Cinder serves (`GET /` at
//! the service root) and the version documents of v3 (`GET /v3/`) and v2 (`GET /v2/`).
//!
//! These operations are not under the client's resource base (the catalog endpoint,
//! `…/v3/{project_id}`): they are written from the service root, the way the API
//! reference writes them, and the functions here send them to the root found by
//! cutting the endpoint before its version segment (see
//! [`service_root`](crate::openstack::compute::v2::versions::service_root)). They send
//! no microversion.
//!
//! Cinder answers `GET /` with **300 Multiple Choices** (and the list), which [`list`](crate::openstack::blockstorage::v3::versions::list)
//! accepts; `GET /v3/` answers a `versions` list of one, like `GET /`, and needs a
//! token. Cinder 28 no longer serves v2: `GET /v2/` is 404 there.
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::versions;
//! for v in versions::list(&volumes).await.extract()? {
//!     println!("{} {:?} ({}–{})", v.id, v.status, v.min_version, v.version);
//! }
//! let v3 = versions::get_v3(&volumes).await.extract()?;
//! assert_eq!(v3[0].id, "v3.0");
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::dates::Timestamp;
use crate::de::Link;
use crate::openstack::compute::v2::versions::{MediaType, root_client};
use crate::request::ApiResult;
use crate::{Operation, ServiceClient};

mod root {
    use super::Version;
    crate::operations! {
        service: "block-storage";
        /// List the API versions (at the service root).
        LIST = GET "/" list("versions", Version);
        /// Show API v3's version document.
        GET_V3 = GET "/v3/" list("versions", Version);
        /// Show API v2's version document.
        GET_V2 = GET "/v2/" list("versions", Version);
    }
}

pub use root::{GET_V2, GET_V3, LIST};

/// The operations of this module under the resource base: none (see
/// [`ROOT_OPERATIONS`]).
pub static OPERATIONS: &[&Operation] = &[];

/// The operations the v2 API documents under its resource base: none (its version
/// documents are in [`ROOT_OPERATIONS`]).
pub static V2_OPERATIONS: &[&Operation] = &[];

/// The operations written from the service root rather than from the resource base,
/// for coverage reports.
pub static ROOT_OPERATIONS: &[&[&Operation]] = &[root::OPERATIONS];

/// The status of an API version.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum VersionStatus {
    /// The newest.
    Current,
    /// Still served.
    Supported,
    /// Served, to be removed.
    Deprecated,
    /// A status this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// One API version of the block storage service.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Version {
    /// The version's ID (`v3.0`, `v2.0`).
    pub id: String,
    /// Current, supported or deprecated.
    pub status: VersionStatus,
    /// The newest microversion (empty for v2).
    pub version: String,
    /// The oldest microversion (empty for v2).
    pub min_version: String,
    /// When the version last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated: Timestamp,
    /// Links (`self`, `describedby`).
    pub links: Vec<Link>,
    /// The media types the version serves.
    #[serde(rename = "media-types")]
    pub media_types: Vec<MediaType>,
}

impl Version {
    /// The microversion range, when the version has one.
    ///
    /// ```
    /// let v: ferrocloud::openstack::blockstorage::v3::versions::Version = serde_json::from_str(
    ///     r#"{"id": "v3.0", "status": "CURRENT", "version": "3.71", "min_version": "3.0",
    ///         "updated": "2023-08-31T00:00:00Z", "links": [], "media-types": []}"#).unwrap();
    /// let r = v.microversions().unwrap();
    /// assert_eq!((r.min.to_string(), r.max.to_string()), ("3.0".into(), "3.71".into()));
    /// ```
    pub fn microversions(&self) -> Option<crate::microversion::VersionRange> {
        Some(crate::microversion::VersionRange {
            min: self.min_version.parse().ok()?,
            max: self.version.parse().ok()?,
        })
    }
}


async fn root_get(
    client: &ServiceClient,
    op: &'static crate::operation::Op<Vec<Version>>,
) -> ApiResult<Vec<Version>> {
    match root_client(client) {
        Ok(root) => root.request(op, &[]).ok_codes(&[200, 300]).send().await,
        Err(e) => ApiResult::from_error(e),
    }
}

/// Lists the API versions (`GET /` at the service root; Cinder answers 300).
pub async fn list(client: &ServiceClient) -> ApiResult<Vec<Version>> {
    root_get(client, &LIST).await
}

/// Shows API v3's version document (`GET /v3/`; a list of one).
pub async fn get_v3(client: &ServiceClient) -> ApiResult<Vec<Version>> {
    root_get(client, &GET_V3).await
}

/// Shows API v2's version document (`GET /v2/`; 404 on Cinder since v2's removal).
pub async fn get_v2(client: &ServiceClient) -> ApiResult<Vec<Version>> {
    root_get(client, &GET_V2).await
}
