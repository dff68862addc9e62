//! The API versions Trove serves (`GET /`, at the service root).
//!
//! ```no_run
//! # async fn demo(trove: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! for v in ferrocloud::openstack::db::v1::versions::list(&trove).await.extract()? {
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
        service: "database";
        /// List the API versions (at the service root).
        LIST = GET "/" list("versions", Version);
    }
}

pub use root::LIST;

/// The operations of this module under the project's base: none.
pub static OPERATIONS: &[&Operation] = &[];

/// The operations written from the service root, for coverage reports.
pub static ROOT_OPERATIONS: &[&[&Operation]] = &[root::OPERATIONS];

/// One API version of Trove.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Version {
    /// The version (`v1.0`).
    pub id: String,
    /// `CURRENT`…
    pub status: VersionStatus,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated: Timestamp,
    /// Links (`self`: the version's base URL).
    pub links: Vec<Link>,
}

/// Lists the API versions (`GET /` at the service root).
pub async fn list(client: &ServiceClient) -> ApiResult<Vec<Version>> {
    match root_client(client) {
        Ok(root) => root.request(&LIST, &[]).ok_codes(&[200, 300]).send().await,
        Err(e) => ApiResult::from_error(e),
    }
}
