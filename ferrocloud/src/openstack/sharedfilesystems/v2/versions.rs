//! API versions of the shared file systems service: the versions Manila serves (`GET /`
//! at the service root) and the version document of v2 (`GET /v2/`), with its
//! microversion range (Manila's own maximum is recorded in the [v2 module](super)).
//!
//! These operations are not under the client's resource base (the catalog endpoint,
//! `…/v2[/{project_id}]`): they go to the service root found by cutting the endpoint
//! before its version segment, and send no microversion.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::versions;
//! let v2 = versions::get(&manila, "v2").await.extract()?;
//! println!("{:?}", v2[0].microversions());
//! # Ok(()) }
//! ```

pub use crate::openstack::compute::v2::versions::Version;
use crate::openstack::compute::v2::versions::root_client;
use crate::request::ApiResult;
use crate::{Operation, ServiceClient};

mod root {
    use super::Version;
    crate::operations! {
        service: "shared-file-system";
        /// List the API versions.
        LIST = GET "/" list("versions", Version);
        /// Show one API version.
        GET = GET "/{api_version}/" list("versions", Version);
    }
}

pub use root::{GET, LIST};

/// The operations under the resource base: none (see [`ROOT_OPERATIONS`]).
pub static OPERATIONS: &[&Operation] = &[];

/// The operations written from the service root.
pub static ROOT_OPERATIONS: &[&[&Operation]] = &[root::OPERATIONS];

/// Lists the API versions Manila serves (Manila answers `300 Multiple Choices`).
pub async fn list(client: &ServiceClient) -> ApiResult<Vec<Version>> {
    match root_client(client) {
        Ok(root) => root.request(&LIST, &[]).ok_codes(&[200, 300]).send().await,
        Err(e) => ApiResult::from_error(e),
    }
}

/// Shows one API version (`"v2"`), with its microversion range.
pub async fn get(client: &ServiceClient, version: &str) -> ApiResult<Vec<Version>> {
    match root_client(client) {
        Ok(root) => root.request(&GET, &[version]).send().await,
        Err(e) => ApiResult::from_error(e),
    }
}
