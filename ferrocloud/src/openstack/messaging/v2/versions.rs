//! The API versions Zaqar serves (`GET /`, at the service root).
//!
//! ```no_run
//! # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::messaging::v2::versions;
//! for v in versions::list(&zaqar).await.extract()? {
//!     println!("{} {}", v.id, v.status);
//! }
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::de::Link;
use crate::openstack::compute::v2::versions::{MediaType, root_client};
use crate::request::ApiResult;
use crate::{Operation, ServiceClient};

mod root {
    use super::Version;
    crate::operations! {
        service: "messaging";
        /// List the API versions (at the service root).
        LIST = GET "/" list("versions", Version);
    }
}

pub use root::LIST;

/// The operations of this module under `v2/`: none (see [`ROOT_OPERATIONS`]).
pub static OPERATIONS: &[&Operation] = &[];

/// The operations written from the service root, for coverage reports.
pub static ROOT_OPERATIONS: &[&[&Operation]] = &[root::OPERATIONS];

/// One API version of Zaqar.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Version {
    /// The version (`1.1`, `2`).
    pub id: String,
    /// `CURRENT`, `SUPPORTED` or `DEPRECATED`.
    pub status: String,
    /// When it last changed, as Zaqar writes it (`2014-9-24T04:06:47Z`).
    #[serde(default)]
    pub updated: Option<String>,
    /// The media types it serves.
    #[serde(default, rename = "media-types")]
    pub media_types: Vec<MediaType>,
    /// Links (`self`: its base path).
    #[serde(default)]
    pub links: Vec<Link>,
}

/// Lists the API versions (`GET /` at the service root; no `Client-ID` needed).
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let versions = ferrocloud::openstack::messaging::v2::versions::list(&zaqar).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn list(client: &ServiceClient) -> ApiResult<Vec<Version>> {
    match root_client(client) {
        Ok(root) => root.request(&LIST, &[]).ok_codes(&[200, 300]).send().await,
        Err(e) => ApiResult::from_error(e),
    }
}
