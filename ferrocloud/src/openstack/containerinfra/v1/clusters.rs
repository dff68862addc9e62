//! Clusters: a COE (Kubernetes) deployed on Nova servers from a cluster template.
//! Creating, updating, resizing and upgrading answer `202` with the cluster's UUID and
//! go on in the background; [`wait_for_status`](crate::openstack::containerinfra::v1::clusters::wait_for_status) follows the cluster until it is
//! `*_COMPLETE`, and reports Magnum's `status_reason` when it ends `*_FAILED`.
//!
//! ```no_run
//! # async fn demo(magnum: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::containerinfra::v1::clusters::{self, CreateOpts, ResizeOpts};
//! use ferrocloud::wait::WaitOpts;
//! let opts = CreateOpts { node_count: Some(2), ..CreateOpts::new("k8s", "0562d357") };
//! let id = clusters::create(&magnum, &opts).await.extract()?.uuid;
//! let cluster = clusters::wait_for_status(&magnum, &id, &WaitOpts::default()).await?;
//! println!("{:?}", cluster.api_address);
//! let magnum = magnum.with_microversion("1.7");
//! clusters::resize(&magnum, &id, &ResizeOpts::new(3)).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{ClusterId, Labels, magnum_functions};
use crate::dates::Timestamp;
use crate::de::{Link, text_enum};
use crate::find::Named;
use crate::request::{ApiResult, Validate};
use crate::wait::{State, WaitOpts};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "container-infrastructure-management";
    /// Create a cluster (`202`, its UUID).
    CREATE = POST "/clusters" request(CreateOpts) response(ClusterId);
    /// List clusters (summaries).
    LIST = GET "/clusters" list("clusters", ClusterSummary);
    /// Show a cluster (by UUID or name).
    GET = GET "/clusters/{cluster_ident}" response(Cluster);
    /// Delete a cluster (`204`; the deletion goes on in the background).
    DELETE = DELETE "/clusters/{cluster_ident}";
    /// Change a cluster with a JSON Patch (`202`, its UUID).
    UPDATE = PATCH "/clusters/{cluster_ident}" request(super::common::Patch) response(ClusterId);
    /// Resize a cluster or one of its node groups (1.7+).
    RESIZE = POST "/clusters/{cluster_ident}/actions/resize" since("1.7") request(ResizeOpts) response(ClusterId);
    /// Upgrade a cluster to another template (1.8+).
    UPGRADE = POST "/clusters/{cluster_ident}/actions/upgrade" since("1.8") request(UpgradeOpts) response(ClusterId);
}

text_enum! {
    /// Where a cluster stands: an action (`CREATE`, `UPDATE`, `DELETE`, `RESUME`,
    /// `RESTORE`, `ROLLBACK`, `SNAPSHOT`, `CHECK`, `ADOPT`) and how it went.
    ///
    /// ```
    /// use ferrocloud::openstack::containerinfra::v1::clusters::ClusterStatus;
    /// let s: ClusterStatus = serde_json::from_str("\"UPDATE_IN_PROGRESS\"").unwrap();
    /// assert!(s.is_in_progress());
    /// assert!(ClusterStatus::CreateFailed.is_failed());
    /// assert!(ClusterStatus::Other("ADOPT_COMPLETE".into()).is_complete());
    /// ```
    ClusterStatus {
        /// Being created.
        CreateInProgress = "CREATE_IN_PROGRESS",
        /// Creation failed.
        CreateFailed = "CREATE_FAILED",
        /// Created.
        CreateComplete = "CREATE_COMPLETE",
        /// Being changed (update, resize, upgrade).
        UpdateInProgress = "UPDATE_IN_PROGRESS",
        /// The change failed.
        UpdateFailed = "UPDATE_FAILED",
        /// Changed.
        UpdateComplete = "UPDATE_COMPLETE",
        /// Being deleted.
        DeleteInProgress = "DELETE_IN_PROGRESS",
        /// Deletion failed.
        DeleteFailed = "DELETE_FAILED",
        /// Deleted.
        DeleteComplete = "DELETE_COMPLETE",
        /// Being resumed.
        ResumeInProgress = "RESUME_IN_PROGRESS",
        /// Resuming failed.
        ResumeFailed = "RESUME_FAILED",
        /// Resumed.
        ResumeComplete = "RESUME_COMPLETE",
        /// Being restored.
        RestoreInProgress = "RESTORE_IN_PROGRESS",
        /// Restoring failed.
        RestoreFailed = "RESTORE_FAILED",
        /// Restored.
        RestoreComplete = "RESTORE_COMPLETE",
        /// Being rolled back.
        RollbackInProgress = "ROLLBACK_IN_PROGRESS",
        /// The rollback failed.
        RollbackFailed = "ROLLBACK_FAILED",
        /// Rolled back.
        RollbackComplete = "ROLLBACK_COMPLETE",
        /// A snapshot is being taken.
        SnapshotInProgress = "SNAPSHOT_IN_PROGRESS",
        /// The snapshot failed.
        SnapshotFailed = "SNAPSHOT_FAILED",
        /// Snapshot taken.
        SnapshotComplete = "SNAPSHOT_COMPLETE",
        /// Being checked.
        CheckInProgress = "CHECK_IN_PROGRESS",
        /// The check failed.
        CheckFailed = "CHECK_FAILED",
        /// Checked.
        CheckComplete = "CHECK_COMPLETE",
        /// Being adopted.
        AdoptInProgress = "ADOPT_IN_PROGRESS",
        /// Adoption failed.
        AdoptFailed = "ADOPT_FAILED",
        /// Adopted.
        AdoptComplete = "ADOPT_COMPLETE",
    }
}

impl ClusterStatus {
    /// True for `*_IN_PROGRESS`.
    pub fn is_in_progress(&self) -> bool {
        self.as_str().ends_with("_IN_PROGRESS")
    }
    /// True for `*_FAILED`.
    pub fn is_failed(&self) -> bool {
        self.as_str().ends_with("_FAILED")
    }
    /// True for `*_COMPLETE`.
    pub fn is_complete(&self) -> bool {
        self.as_str().ends_with("_COMPLETE")
    }
}

text_enum! {
    /// What Magnum's health monitor says of a cluster.
    ///
    /// ```
    /// use ferrocloud::openstack::containerinfra::v1::clusters::HealthStatus;
    /// assert_eq!(serde_json::from_str::<HealthStatus>("\"HEALTHY\"").unwrap(), HealthStatus::Healthy);
    /// ```
    HealthStatus {
        /// Every node and the API answer.
        Healthy = "HEALTHY",
        /// Something does not.
        Unhealthy = "UNHEALTHY",
        /// Not known (not monitored, or not reachable).
        Unknown = "UNKNOWN",
    }
}

/// A cluster as listings show it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ClusterSummary {
    /// The UUID.
    pub uuid: String,
    /// The name.
    pub name: String,
    /// Where it stands.
    pub status: ClusterStatus,
    /// Its template.
    pub cluster_template_id: String,
    /// The Nova key pair on its nodes.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub keypair: Option<String>,
    /// The number of masters.
    pub master_count: u32,
    /// The number of worker nodes.
    pub node_count: u32,
    /// The creation timeout in minutes.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub create_timeout: Option<u32>,
    /// The Heat stack (none before it is created).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub stack_id: Option<String>,
    /// The health monitor's view.
    #[serde(default)]
    pub health_status: Option<HealthStatus>,
    /// The worker flavor.
    #[serde(default)]
    pub flavor_id: Option<String>,
    /// The master flavor.
    #[serde(default)]
    pub master_flavor_id: Option<String>,
    /// The Docker volume size (GiB).
    #[serde(default)]
    pub docker_volume_size: Option<u64>,
    /// Labels.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub labels: Labels,
    /// The owning project.
    #[serde(default)]
    pub project_id: Option<String>,
    /// Links (`self`, `bookmark`).
    pub links: Vec<Link>,
}

/// A cluster, as [`get`] shows it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Cluster {
    /// The UUID.
    pub uuid: String,
    /// The name.
    pub name: String,
    /// Where it stands.
    pub status: ClusterStatus,
    /// Why (Heat's message; the cause of a `*_FAILED`).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub status_reason: Option<String>,
    /// Its template.
    pub cluster_template_id: String,
    /// The Nova key pair on its nodes.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub keypair: Option<String>,
    /// The number of masters.
    pub master_count: u32,
    /// The number of worker nodes.
    pub node_count: u32,
    /// The creation timeout in minutes.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub create_timeout: Option<u32>,
    /// The Heat stack.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub stack_id: Option<String>,
    /// The COE's API (`https://172.24.4.6:6443`), once up.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub api_address: Option<String>,
    /// The etcd discovery URL.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub discovery_url: Option<String>,
    /// The COE's version (`v1.27.3`).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub coe_version: Option<String>,
    /// The container runtime's version.
    #[serde(default)]
    pub container_version: Option<String>,
    /// The masters' addresses.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub master_addresses: Vec<String>,
    /// The worker nodes' addresses.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub node_addresses: Vec<String>,
    /// The health monitor's view.
    #[serde(default)]
    pub health_status: Option<HealthStatus>,
    /// The health monitor's details.
    #[serde(default)]
    pub health_status_reason: Option<serde_json::Value>,
    /// The failures of the Heat resources, by resource.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub faults: Labels,
    /// The worker flavor.
    #[serde(default)]
    pub flavor_id: Option<String>,
    /// The master flavor.
    #[serde(default)]
    pub master_flavor_id: Option<String>,
    /// The Docker volume size (GiB).
    #[serde(default)]
    pub docker_volume_size: Option<u64>,
    /// Labels, the template's merged with the cluster's own.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub labels: Labels,
    /// Labels that differ from the template's.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub labels_overridden: Labels,
    /// Labels added to the template's.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub labels_added: Labels,
    /// Template labels left out.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub labels_skipped: Labels,
    /// The private network.
    #[serde(default)]
    pub fixed_network: Option<String>,
    /// The private subnet.
    #[serde(default)]
    pub fixed_subnet: Option<String>,
    /// Whether the nodes have floating IPs.
    #[serde(default)]
    pub floating_ip_enabled: Option<bool>,
    /// Whether the masters sit behind a load balancer.
    #[serde(default)]
    pub master_lb_enabled: Option<bool>,
    /// The owning project.
    #[serde(default)]
    pub project_id: Option<String>,
    /// The creating user.
    #[serde(default)]
    pub user_id: Option<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// Links (`self`, `bookmark`).
    pub links: Vec<Link>,
}

impl Named for ClusterSummary {
    fn id(&self) -> &str {
        &self.uuid
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// What [`create`] sends: `cluster_template_id` is required; the rest comes from the
/// template when left out.
///
/// ```
/// use ferrocloud::openstack::containerinfra::v1::clusters::CreateOpts;
/// let opts = CreateOpts { master_count: Some(3), ..CreateOpts::new("k8s", "0562d357") };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!(
///     {"name": "k8s", "cluster_template_id": "0562d357", "master_count": 3}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// The template (UUID or name; required).
    pub cluster_template_id: String,
    /// The key pair (instead of the template's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keypair: Option<String>,
    /// The number of masters (1 by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub master_count: Option<u32>,
    /// The number of worker nodes (1 by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node_count: Option<u32>,
    /// The creation timeout in minutes (60 by default; 0 for none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_timeout: Option<u32>,
    /// The etcd discovery URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discovery_url: Option<String>,
    /// The master flavor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub master_flavor_id: Option<String>,
    /// The worker flavor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flavor_id: Option<String>,
    /// The Docker volume size (GiB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docker_volume_size: Option<u64>,
    /// Labels (instead of the template's, or merged with them with `merge_labels`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<Labels>,
    /// Merge `labels` into the template's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merge_labels: Option<bool>,
    /// The private network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_network: Option<String>,
    /// The private subnet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_subnet: Option<String>,
    /// Floating IPs on the nodes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floating_ip_enabled: Option<bool>,
    /// Masters behind a load balancer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub master_lb_enabled: Option<bool>,
}

impl CreateOpts {
    /// A cluster `name` from the template `cluster_template_id`.
    pub fn new(name: impl Into<String>, cluster_template_id: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            cluster_template_id: cluster_template_id.into(),
            ..Default::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("cluster_template_id", !self.cluster_template_id.is_empty())
    }
}

/// What [`resize`] sends: the new number of worker nodes, optionally which servers to
/// remove and in which node group.
///
/// ```
/// use ferrocloud::openstack::containerinfra::v1::clusters::ResizeOpts;
/// let opts = ResizeOpts { nodegroup: Some("default-worker".into()), ..ResizeOpts::new(3) };
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"node_count": 3, "nodegroup": "default-worker"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResizeOpts {
    /// The new number of nodes.
    pub node_count: u32,
    /// The Nova servers to remove when shrinking (UUIDs or names).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nodes_to_remove: Vec<String>,
    /// The node group (the default worker group when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nodegroup: Option<String>,
}

impl ResizeOpts {
    /// Resize to `node_count` nodes.
    pub fn new(node_count: u32) -> Self {
        ResizeOpts {
            node_count,
            ..Default::default()
        }
    }
}

impl Validate for ResizeOpts {}

/// What [`upgrade`] sends: the template to move to, optionally the node group and how
/// many nodes at a time.
///
/// ```
/// use ferrocloud::openstack::containerinfra::v1::clusters::UpgradeOpts;
/// assert_eq!(serde_json::to_value(UpgradeOpts::new("e74c40e0")).unwrap(),
///     serde_json::json!({"cluster_template": "e74c40e0", "max_batch_size": 1}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpgradeOpts {
    /// The template to upgrade to (UUID or name).
    pub cluster_template: String,
    /// Nodes upgraded at a time. [`UpgradeOpts::new`] sets 1: Magnum documents 1 as the
    /// default, but answers `500` when the field is left out (it passes the unset value
    /// on to its conductor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_batch_size: Option<u32>,
    /// The node group (the default worker group when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nodegroup: Option<String>,
}

impl UpgradeOpts {
    /// Upgrade to `cluster_template`, one node at a time.
    pub fn new(cluster_template: impl Into<String>) -> Self {
        UpgradeOpts {
            cluster_template: cluster_template.into(),
            max_batch_size: Some(1),
            nodegroup: None,
        }
    }
}

impl Validate for UpgradeOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("cluster_template", !self.cluster_template.is_empty())
    }
}

/// Creates a cluster (`202`): the answer holds its UUID; the cluster is
/// `CREATE_IN_PROGRESS` until [`wait_for_status`] sees it `CREATE_COMPLETE`.
///
/// ```no_run
/// # async fn demo(magnum: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::containerinfra::v1::clusters::{self, CreateOpts};
/// let id = clusters::create(&magnum, &CreateOpts::new("k8s", "0562d357")).await.extract()?.uuid;
/// # Ok(()) }
/// ```
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<ClusterId> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Resizes a cluster or a node group (`202`; API 1.7).
///
/// ```no_run
/// # async fn demo(magnum: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::containerinfra::v1::clusters::{self, ResizeOpts};
/// clusters::resize(&magnum.with_microversion("1.7"), "k8s", &ResizeOpts::new(5)).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn resize(client: &ServiceClient, ident: &str, opts: &ResizeOpts) -> ApiResult<ClusterId> {
    client.request(&RESIZE, &[ident]).body(opts).send().await
}

/// Upgrades a cluster to another template (`202`; API 1.8).
///
/// ```no_run
/// # async fn demo(magnum: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::containerinfra::v1::clusters::{self, UpgradeOpts};
/// clusters::upgrade(&magnum.with_microversion("1.8"), "k8s", &UpgradeOpts::new("k8s-1.28")).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn upgrade(
    client: &ServiceClient,
    ident: &str,
    opts: &UpgradeOpts,
) -> ApiResult<ClusterId> {
    client.request(&UPGRADE, &[ident]).body(opts).send().await
}

magnum_functions! {
    Cluster, ClusterSummary, ClusterId, "cluster", extract_clusters;
    list get update delete
}

/// Waits until the cluster's current action is over (`*_COMPLETE`); `*_FAILED` ends
/// the wait with an error holding Magnum's `status_reason`.
///
/// ```no_run
/// # async fn demo(magnum: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::containerinfra::v1::clusters;
/// let c = clusters::wait_for_status(&magnum, "k8s", &Default::default()).await?;
/// # Ok(()) }
/// ```
pub async fn wait_for_status(client: &ServiceClient, ident: &str, opts: &WaitOpts) -> Result<Cluster> {
    crate::wait::wait_for(
        &format!("cluster {ident} to be *_COMPLETE"),
        opts,
        || async { get(client, ident).await.extract() },
        |c: &Cluster| {
            if c.status.is_complete() {
                State::Ready
            } else if c.status.is_failed() {
                State::Failed(format!(
                    "the cluster is {}: {}",
                    c.status,
                    c.status_reason.as_deref().unwrap_or("no reason given")
                ))
            } else {
                State::Pending
            }
        },
        |_| {},
    )
    .await
}

/// Waits until the cluster is gone (`404`); `DELETE_FAILED` ends the wait with an
/// error holding Magnum's `status_reason`.
///
/// ```no_run
/// # async fn demo(magnum: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::containerinfra::v1::clusters;
/// clusters::delete(&magnum, "k8s").await.ok()?;
/// clusters::wait_for_delete(&magnum, "k8s", &Default::default()).await?;
/// # Ok(()) }
/// ```
pub async fn wait_for_delete(client: &ServiceClient, ident: &str, opts: &WaitOpts) -> Result<()> {
    crate::wait::wait_for(
        &format!("cluster {ident} to be deleted"),
        opts,
        || async {
            match get(client, ident).await.extract() {
                Ok(c) => Ok(Some(c)),
                Err(e) if e.is_not_found() => Ok(None),
                Err(e) => Err(e),
            }
        },
        |c: &Option<Cluster>| match c {
            None => State::Ready,
            Some(c) if c.status == ClusterStatus::DeleteFailed => State::Failed(format!(
                "the cluster is DELETE_FAILED: {}",
                c.status_reason.as_deref().unwrap_or("no reason given")
            )),
            Some(_) => State::Pending,
        },
        |_| {},
    )
    .await
    .map(|_| ())
}
