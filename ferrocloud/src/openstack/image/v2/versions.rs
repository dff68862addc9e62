//! The API versions Glance serves: `GET /` (answered with **300 Multiple Choices**) and
//! `GET /versions` (200), both at the service root, before `v2/`. Glance lists every
//! minor version it serves as its own entry (`v2.0` … `v2.17`), the newest `CURRENT`.
//!
//! ```no_run
//! # async fn demo(image: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::image::v2::versions;
//! let all = versions::list(&image).await.extract()?;
//! let newest = versions::current(&all).expect("a current version");
//! println!("Glance serves up to {}", newest.id);
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::de::Link;
use crate::openstack::compute::v2::versions::root_client;
use crate::request::ApiResult;
use crate::{Operation, ServiceClient};

mod root {
    use super::Version;
    crate::operations! {
        service: "image";
        /// List the API versions (at the service root; `300`).
        LIST_ROOT = GET "/" list("versions", Version);
        /// List the API versions (`/versions`; `200`).
        LIST = GET "/versions" list("versions", Version);
    }
}

pub use root::{LIST, LIST_ROOT};

/// The operations of this module under `v2/`: none (see [`ROOT_OPERATIONS`]).
pub static OPERATIONS: &[&Operation] = &[];

/// The operations written from the service root, for coverage reports.
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
    /// Being developed (Glance lists a version it is working on this way).
    Experimental,
    /// A status this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// One API version of Glance.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Version {
    /// The version (`v2.17`).
    pub id: String,
    /// Current, supported, deprecated or experimental.
    pub status: VersionStatus,
    /// Links (`self`: the version's base URL).
    pub links: Vec<Link>,
}

/// The version marked `CURRENT` in a list.
///
/// ```
/// use ferrocloud::openstack::image::v2::versions::{current, Version};
/// let all: Vec<Version> = serde_json::from_str(r#"[
///     {"id": "v2.17", "status": "CURRENT", "links": []},
///     {"id": "v2.16", "status": "SUPPORTED", "links": []}]"#).unwrap();
/// assert_eq!(current(&all).unwrap().id, "v2.17");
/// ```
pub fn current(versions: &[Version]) -> Option<&Version> {
    versions.iter().find(|v| v.status == VersionStatus::Current)
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

/// Lists the API versions (`GET /versions`).
pub async fn list(client: &ServiceClient) -> ApiResult<Vec<Version>> {
    root_get(client, &LIST).await
}

/// Lists the API versions from the service root (`GET /`; Glance answers `300`).
pub async fn list_root(client: &ServiceClient) -> ApiResult<Vec<Version>> {
    root_get(client, &LIST_ROOT).await
}
