//! Masakari's API versions (`GET /` and `GET /{api_version}/`, at the service root): the
//! microversion range of v1.
//!
//! ```no_run
//! # async fn demo(masakari: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::instanceha::v1::versions;
//! let v1 = versions::get(&masakari, "v1").await.extract()?;
//! println!("{} to {}", v1.min_version, v1.version);
//! # Ok(()) }
//! ```

pub use crate::openstack::compute::v2::versions::Version;
use crate::openstack::compute::v2::versions::root_client;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::{Operation, ServiceClient};

mod root {
    use super::Version;
    crate::operations! {
        service: "instance-ha";
        /// List the API versions (at the service root).
        LIST = GET "/" list("versions", Version);
        /// Show one API version (at the service root).
        GET = GET "/{api_version}/" response("version", Version);
    }
}

pub use root::{GET, LIST};

/// The operations of this module under the endpoint: none (see [`ROOT_OPERATIONS`]).
pub static OPERATIONS: &[&Operation] = &[];

/// The operations written from the service root, for coverage reports.
pub static ROOT_OPERATIONS: &[&[&Operation]] = &[root::OPERATIONS];

/// Lists the API versions (`GET /` at the service root).
///
/// ```no_run
/// # async fn demo(masakari: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let all = ferrocloud::openstack::instanceha::v1::versions::list(&masakari).all().await?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient) -> Pager<Version> {
    match root_client(client) {
        Ok(root) => root
            .request(&LIST, &[])
            .ok_codes(&[200, 300])
            .paged(PageStyle::Single),
        Err(e) => client
            .request(&LIST, &[])
            .fail_with(e)
            .paged(PageStyle::Single),
    }
}

/// Shows one API version (`v1`).
///
/// ```no_run
/// # async fn demo(masakari: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let v1 = ferrocloud::openstack::instanceha::v1::versions::get(&masakari, "v1").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, api_version: &str) -> ApiResult<Version> {
    match root_client(client) {
        Ok(root) => root.request(&GET, &[api_version]).send().await,
        Err(e) => ApiResult::from_error(e),
    }
}
