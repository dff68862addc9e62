//! The policies attached to a cluster (attach, detach and change them with
//! [`clusters::attach_policy`] and its siblings).
//!
//! ```no_run
//! # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::clustering::v1::cluster_policies::{self, ListOpts};
//! let opts = ListOpts { enabled: Some(true), ..Default::default() };
//! for b in cluster_policies::list(&senlin, "cluster4", &opts).all().await? {
//!     println!("{} ({})", b.policy_name, b.policy_type);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::ServiceClient;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;

crate::operations! {
    service: "clustering";
    /// List a cluster's policies.
    LIST = GET "/clusters/{cluster_id}/policies" list("cluster_policies", ClusterPolicy);
    /// Show one policy of a cluster.
    GET = GET "/clusters/{cluster_id}/policies/{policy_id}" response("cluster_policy", ClusterPolicy);
}

/// A policy attached to a cluster.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ClusterPolicy {
    /// The binding's ID.
    pub id: String,
    /// The cluster's ID.
    pub cluster_id: String,
    /// The cluster's name.
    pub cluster_name: String,
    /// The policy's ID.
    pub policy_id: String,
    /// The policy's name.
    pub policy_name: String,
    /// The policy's type (`senlin.policy.deletion-1.0`).
    pub policy_type: String,
    /// Whether the policy is enforced on the cluster.
    pub enabled: bool,
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::clustering::v1::cluster_policies::ListOpts;
/// let o = ListOpts { enabled: Some(false), sort: Some("policy_name".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "enabled=false&sort=policy_name");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Enabled or disabled bindings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Policies of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy_name: Option<String>,
    /// Policies of this type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy_type: Option<String>,
    /// Sort keys and directions (`enabled:desc`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<String>,
}

/// Lists the policies of a cluster (one page).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let all = ferrocloud::openstack::clustering::v1::cluster_policies::list(&senlin, "cluster4", &Default::default())
///     .all().await?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, cluster_id: &str, opts: &ListOpts) -> Pager<ClusterPolicy> {
    client
        .request(&LIST, &[cluster_id])
        .query(opts)
        .paged(PageStyle::Single)
}

/// Shows one policy of a cluster.
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let b = ferrocloud::openstack::clustering::v1::cluster_policies::get(&senlin, "cluster4", "dp01")
///     .await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, cluster_id: &str, policy_id: &str) -> ApiResult<ClusterPolicy> {
    client.request(&GET, &[cluster_id, policy_id]).send().await
}
