//! The API versions Heat serves: `GET /` at the service root, before `v1/{project_id}`
//! (Heat answers **300 Multiple Choices**).
//!
//! ```no_run
//! # async fn demo(heat: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::orchestration::v1::versions;
//! for v in versions::list(&heat).await.extract()? {
//!     println!("{} {}", v.id, v.status);
//! }
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
        service: "orchestration";
        /// List the API versions (at the service root; `300`).
        LIST = GET "/" list("versions", Version);
    }
}

pub use root::LIST;

/// The operations of this module under `v1/{project_id}`: none (see
/// [`ROOT_OPERATIONS`]).
pub static OPERATIONS: &[&Operation] = &[];

/// The operations written from the service root, for coverage reports.
pub static ROOT_OPERATIONS: &[&[&Operation]] = &[root::OPERATIONS];

/// One API version of Heat.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Version {
    /// The version (`v1.0`).
    pub id: String,
    /// `CURRENT`, `SUPPORTED` or `DEPRECATED`.
    pub status: String,
    /// Links (`self`: the version's base URL).
    pub links: Vec<Link>,
}

/// Lists the API versions (`GET /` at the service root; Heat answers `300`).
pub async fn list(client: &ServiceClient) -> ApiResult<Vec<Version>> {
    match root_client(client) {
        Ok(root) => root.request(&LIST, &[]).ok_codes(&[200, 300]).send().await,
        Err(e) => ApiResult::from_error(e),
    }
}
