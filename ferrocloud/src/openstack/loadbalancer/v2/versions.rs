//! The API versions Octavia serves (`GET /`, at the service root, before `v2/`). The
//! last one is the API version the cloud runs (`v2.27`…): Octavia has no microversion
//! header, every request is answered at that version.
//!
//! ```no_run
//! # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::loadbalancer::v2::versions;
//! for v in versions::list(&lb).await.extract()? {
//!     println!("{} {:?}", v.id, v.status);
//! }
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::dates::Timestamp;
use crate::de::Link;
use crate::openstack::compute::v2::versions::root_client;
pub use crate::openstack::image::v2::versions::VersionStatus;
use crate::request::ApiResult;
use crate::{Operation, ServiceClient};

mod root {
    use super::Version;
    crate::operations! {
        service: "load-balancer";
        /// List the API versions (at the service root).
        LIST = GET "/" list("versions", Version);
    }
}

pub use root::LIST;

/// The operations of this module under `v2/`: none (see [`ROOT_OPERATIONS`]).
pub static OPERATIONS: &[&Operation] = &[];

/// The operations written from the service root, for coverage reports.
pub static ROOT_OPERATIONS: &[&[&Operation]] = &[root::OPERATIONS];

/// One API version of Octavia.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Version {
    /// The version (`v2.0` … `v2.27`).
    pub id: String,
    /// `CURRENT`, `SUPPORTED` or `DEPRECATED`.
    pub status: VersionStatus,
    /// When it was released.
    #[serde(with = "crate::dates::timestamp")]
    pub updated: Timestamp,
    /// Links (`self`: the base URL).
    pub links: Vec<Link>,
}

/// Lists the API versions (`GET /` at the service root).
pub async fn list(client: &ServiceClient) -> ApiResult<Vec<Version>> {
    match root_client(client) {
        Ok(root) => root.request(&LIST, &[]).ok_codes(&[200, 300]).send().await,
        Err(e) => ApiResult::from_error(e),
    }
}
