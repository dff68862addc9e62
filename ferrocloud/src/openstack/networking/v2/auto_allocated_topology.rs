//! Auto-allocated topology (`auto-allocated-topology`): a project's network, subnets
//! and router, made by Neutron on first request from the default external network and
//! the default subnet pools ("get me a network"). Check first whether the cloud can do
//! it ([`validate`](crate::openstack::networking::v2::auto_allocated_topology::validate)), get (and make) it ([`get`](crate::openstack::networking::v2::auto_allocated_topology::get)), remove it ([`delete`](crate::openstack::networking::v2::auto_allocated_topology::delete)).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, project: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::auto_allocated_topology;
//! auto_allocated_topology::validate(&network, project).await.ok()?; // 409 names what is missing
//! let topology = auto_allocated_topology::get(&network, project).await.extract()?;
//! println!("project {} uses network {}", topology.project_id, topology.id);
//! auto_allocated_topology::delete(&network, project).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "network";
    /// Show (and make, if missing) a project's auto-allocated topology.
    GET = GET "/auto-allocated-topology/{project_id}"
        response("auto_allocated_topology", AutoAllocatedTopology);
    /// Delete a project's auto-allocated topology.
    DELETE = DELETE "/auto-allocated-topology/{project_id}";
}

/// A project's auto-allocated topology. Neutron wraps it in `auto_allocated_topology`
/// and sends `project_id` too (the API reference's sample shows neither).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutoAllocatedTopology {
    /// The network made for the project (`dry-run=pass` in a [`validate`] answer).
    pub id: String,
    /// The project.
    pub project_id: String,
    /// The project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

/// Shows the project's auto-allocated topology, making it first if it has none.
pub async fn get(client: &ServiceClient, project_id: &str) -> ApiResult<AutoAllocatedTopology> {
    client.request(&GET, &[project_id]).send().await
}

/// Checks, without making anything, that the topology can be made (`?fields=dry-run`):
/// Neutron answers an [`AutoAllocatedTopology`] whose ID is `dry-run=pass`, or 409 with
/// what is missing (no default external network, no default subnet pool…).
pub async fn validate(
    client: &ServiceClient,
    project_id: &str,
) -> ApiResult<AutoAllocatedTopology> {
    client
        .request(&GET, &[project_id])
        .query_pair("fields", "dry-run")
        .send()
        .await
}

/// Deletes the project's auto-allocated topology (its router, subnets and network).
pub async fn delete(client: &ServiceClient, project_id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[project_id]).send().await
}
