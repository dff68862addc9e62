//! Build information: the revisions of Senlin's API and engine.
//!
//! ```no_run
//! # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! let info = ferrocloud::openstack::clustering::v1::build_info::get(&senlin).await.extract()?;
//! println!("api {}, engine {}", info.api.revision, info.engine.revision);
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::ServiceClient;
use crate::request::ApiResult;

crate::operations! {
    service: "clustering";
    /// Show the build information.
    GET = GET "/build-info" response("build_info", BuildInfo);
}

/// The build information.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct BuildInfo {
    /// The API's build.
    pub api: Build,
    /// The engine's build.
    pub engine: Build,
}

/// One component's build.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Build {
    /// Its revision.
    #[serde(deserialize_with = "crate::de::lenient_string")]
    pub revision: String,
}

/// Shows the build information.
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let info = ferrocloud::openstack::clustering::v1::build_info::get(&senlin).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient) -> ApiResult<BuildInfo> {
    client.request(&GET, &[]).send().await
}
