//! The API version Placement serves, and its microversion range (`GET /`, which needs
//! no token).
//!
//! ```no_run
//! # async fn demo(placement: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::placement::v1::versions;
//! for v in versions::list(&placement).await.extract()? {
//!     println!("{} serves {} to {}", v.id, v.min_version, v.max_version);
//! }
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::ServiceClient;
use crate::de::Link;
use crate::request::ApiResult;

crate::operations! {
    service: "placement";
    /// List the API versions.
    LIST = GET "/" list("versions", Version);
}

/// An API version of Placement.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Version {
    /// The version (`v1.0`).
    pub id: String,
    /// The lowest microversion it serves.
    pub min_version: String,
    /// The highest microversion it serves.
    pub max_version: String,
    /// `CURRENT`.
    pub status: String,
    /// Links.
    pub links: Vec<Link>,
}

/// Lists the API versions (one, `v1.0`, with its microversion range).
pub async fn list(client: &ServiceClient) -> ApiResult<Vec<Version>> {
    client.request(&LIST, &[]).send().await
}
