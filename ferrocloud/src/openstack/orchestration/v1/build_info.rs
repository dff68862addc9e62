//! The build information of Heat's API and engine.
//!
//! ```no_run
//! # async fn demo(heat: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::orchestration::v1::build_info;
//! let info = build_info::get(&heat).await.extract()?;
//! println!("API {} engine {}", info.api.revision, info.engine.revision);
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::ServiceClient;
use crate::request::ApiResult;

crate::operations! {
    service: "orchestration";
    /// Show the build information.
    GET = GET "/build_info" response(BuildInfo);
}

/// The build information of the API and the engine.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct BuildInfo {
    /// The API's.
    pub api: Revision,
    /// The engine's.
    pub engine: Revision,
}

/// A build revision.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Revision {
    /// The revision (as the operator configured it; `unknown` by default).
    pub revision: String,
}

/// Shows the build information.
pub async fn get(client: &ServiceClient) -> ApiResult<BuildInfo> {
    client.request(&GET, &[]).send().await
}
