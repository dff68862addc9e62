//! How many clusters and nodes there are: everyone's (admins) or one project's.
//!
//! ```no_run
//! # async fn demo(magnum: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::containerinfra::v1::stats;
//! let mine = stats::get_project(&magnum, "aa5436ab").await.extract()?;
//! println!("{} clusters, {} nodes", mine.clusters, mine.nodes);
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "container-infrastructure-management";
    /// The counts of every project (admins), or the caller's.
    GET = GET "/stats" response(Stats);
    /// The counts of one project.
    GET_PROJECT = GET "/stats?project_id={project_id}" response(Stats);
}

/// Counts of clusters and of their nodes (masters and workers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Stats {
    /// Clusters.
    pub clusters: u64,
    /// Nodes.
    pub nodes: u64,
}

/// The counts of every project (admins; others get their own project's).
pub async fn get(client: &ServiceClient) -> ApiResult<Stats> {
    client.request(&GET, &[]).send().await
}

/// The counts of one project.
pub async fn get_project(client: &ServiceClient, project_id: &str) -> ApiResult<Stats> {
    client.request(&GET_PROJECT, &[project_id]).send().await
}
