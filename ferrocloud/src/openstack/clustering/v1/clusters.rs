//! Clusters: groups of nodes made from one profile, kept between a minimum and a maximum
//! size. Creating, changing and deleting a cluster, and every action on it (resizing,
//! scaling, adding, removing and replacing nodes, attaching policies, checking and
//! recovering), answer `202`: the functions return the ID of the action doing the work,
//! to wait for with [`actions::wait_for_success`].
//!
//! ```no_run
//! # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::clustering::v1::{actions, clusters};
//! use clusters::{AdjustmentType, CreateOpts, ResizeOpts};
//! let mut opts = CreateOpts::new("web", "pserver", 2);
//! opts.max_size = Some(5);
//! let started = clusters::create(&senlin, &opts).await?;
//! let web = clusters::wait_for_active(&senlin, &started.value.id, &Default::default()).await?;
//! let resize = ResizeOpts { adjustment_type: Some(AdjustmentType::ExactCapacity), number: Some(4.into()), ..Default::default() };
//! let action = clusters::resize(&senlin, &web.id, &resize).await?;
//! actions::wait_for_success(&senlin, &action, &Default::default()).await?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Number, Value};

use super::common::{Record, Accepted, Named, Object, Paging, senlin_functions, start};
use crate::dates::Timestamp;
use crate::de::text_enum;
use crate::microversion::check_field;
use crate::pagination::{PageStyle, Pager};
use crate::request::Validate;
use crate::{Result, ServiceClient};

crate::operations! {
    service: "clustering";
    /// List clusters.
    LIST = GET "/clusters" list("clusters", Cluster);
    /// Create a cluster (`202`).
    CREATE = POST "/clusters" request("cluster", CreateOpts) response("cluster", Cluster);
    /// Show a cluster.
    GET = GET "/clusters/{cluster_id}" response("cluster", Cluster);
    /// Change a cluster (`202`).
    UPDATE = PATCH "/clusters/{cluster_id}" request("cluster", UpdateOpts) response("cluster", Cluster);
    /// Delete a cluster (`202`).
    DELETE = DELETE "/clusters/{cluster_id}";
    /// Resize a cluster.
    RESIZE = POST "/clusters/{cluster_id}/actions" request("resize", ResizeOpts) response(Accepted);
    /// Scale a cluster in.
    SCALE_IN = POST "/clusters/{cluster_id}/actions" request("scale_in", ScaleOpts) response(Accepted);
    /// Scale a cluster out.
    SCALE_OUT = POST "/clusters/{cluster_id}/actions" request("scale_out", ScaleOpts) response(Accepted);
    /// Add nodes to a cluster.
    ADD_NODES = POST "/clusters/{cluster_id}/actions" request("add_nodes", AddNodesOpts)
        response(Accepted);
    /// Remove nodes from a cluster.
    DEL_NODES = POST "/clusters/{cluster_id}/actions" request("del_nodes", DelNodesOpts)
        response(Accepted);
    /// Replace nodes of a cluster (1.3).
    REPLACE_NODES = POST "/clusters/{cluster_id}/actions" since("1.3")
        request("replace_nodes", ReplaceNodesOpts) response(Accepted);
    /// Attach a policy to a cluster.
    ATTACH_POLICY = POST "/clusters/{cluster_id}/actions" request("policy_attach", PolicyOpts)
        response(Accepted);
    /// Detach a policy from a cluster.
    DETACH_POLICY = POST "/clusters/{cluster_id}/actions" request("policy_detach", DetachPolicyOpts)
        response(Accepted);
    /// Check the health of a cluster's nodes.
    CHECK = POST "/clusters/{cluster_id}/actions" request("check", CheckOpts) response(Accepted);
    /// Recover a cluster's nodes.
    RECOVER = POST "/clusters/{cluster_id}/actions" request("recover", RecoverOpts) response(Accepted);
    /// Complete a lifecycle hook (1.9).
    COMPLETE_LIFECYCLE = POST "/clusters/{cluster_id}/actions" since("1.9")
        request("complete_lifecycle", LifecycleOpts) response(Accepted);
    /// Collect an attribute's values across a cluster's nodes (1.2).
    COLLECT = GET "/clusters/{cluster_id}/attrs/{path}" since("1.2")
        list("cluster_attributes", Attribute);
    /// Run a profile operation on a cluster's nodes (1.4).
    OPERATION = POST "/clusters/{cluster_id}/ops" since("1.4") request(ClusterOperation)
        response(Accepted);
}

/// The action Senlin serves as `policy_update`, which the API reference's sample writes
/// `update_policy` (listed apart, so that coverage reports skip the reference's form; its
/// empty `OPERATIONS` is not read).
#[allow(dead_code)]
mod served {
    use super::{Accepted, PolicyOpts};
    crate::operations! {
        service: "clustering", undocumented;
        /// Change a policy's binding to a cluster.
        UPDATE_POLICY = POST "/clusters/{cluster_id}/actions" request("policy_update", PolicyOpts)
            response(Accepted);
    }
}

pub use served::UPDATE_POLICY;

text_enum! {
    /// Where a cluster stands.
    ///
    /// ```
    /// use ferrocloud::openstack::clustering::v1::clusters::ClusterStatus;
    /// let s: ClusterStatus = serde_json::from_str("\"CRITICAL\"").unwrap();
    /// assert!(s.is_failed());
    /// assert!(ClusterStatus::Active.is_active());
    /// ```
    ClusterStatus {
        /// Created, not yet built.
        Init = "INIT",
        /// Working.
        Active = "ACTIVE",
        /// Being created.
        Creating = "CREATING",
        /// Being changed.
        Updating = "UPDATING",
        /// Being resized.
        Resizing = "RESIZING",
        /// Being deleted.
        Deleting = "DELETING",
        /// Being checked.
        Checking = "CHECKING",
        /// Being recovered.
        Recovering = "RECOVERING",
        /// Running a profile operation.
        Operating = "OPERATING",
        /// Some nodes are not working.
        Warning = "WARNING",
        /// Too few nodes are working.
        Critical = "CRITICAL",
        /// Failed.
        Error = "ERROR",
    }
}

impl ClusterStatus {
    /// Whether the cluster is `ACTIVE`.
    pub fn is_active(&self) -> bool {
        *self == ClusterStatus::Active
    }

    /// Whether the cluster is in a state it leaves only by an action: `ERROR`,
    /// `CRITICAL` or `WARNING`.
    pub fn is_failed(&self) -> bool {
        matches!(
            self,
            ClusterStatus::Error | ClusterStatus::Critical | ClusterStatus::Warning
        )
    }
}

/// A cluster.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Cluster {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// Where it stands.
    pub status: ClusterStatus,
    /// Why it is where it stands.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub status_reason: Option<String>,
    /// The profile of its nodes.
    pub profile_id: String,
    /// The profile's name.
    pub profile_name: String,
    /// The number of nodes it should have.
    pub desired_capacity: i64,
    /// The fewest nodes it may have.
    pub min_size: i64,
    /// The most nodes it may have (`-1`: no limit).
    pub max_size: i64,
    /// Seconds its actions may run.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub timeout: Option<i64>,
    /// Its nodes' IDs.
    pub nodes: Vec<String>,
    /// Its policies' IDs.
    pub policies: Vec<String>,
    /// Metadata.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub metadata: Object,
    /// Configuration (`node.name.format`…).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub config: Object,
    /// What Senlin keeps about it.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub data: Object,
    /// The objects depending on it.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub dependents: Object,
    /// When it was initialized.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub init_at: Option<Timestamp>,
    /// Ownership and dates.
    #[serde(flatten)]
    pub record: Record,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::clustering::v1::clusters::CreateOpts;
/// let o = CreateOpts::new("test_cluster", "mystack", 0);
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!(
///     {"name": "test_cluster", "profile_id": "mystack", "desired_capacity": 0}));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    pub name: String,
    /// The profile of its nodes (ID, short ID or name).
    pub profile_id: String,
    /// The number of nodes to make.
    pub desired_capacity: i64,
    /// The fewest nodes it may have.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_size: Option<i64>,
    /// The most nodes it may have (`-1`: no limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_size: Option<i64>,
    /// Seconds its actions may run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<i64>,
    /// Metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Object>,
    /// Configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<Object>,
}

impl CreateOpts {
    /// A cluster of `desired_capacity` nodes of a profile.
    ///
    /// ```
    /// use ferrocloud::openstack::clustering::v1::clusters::CreateOpts;
    /// assert_eq!(CreateOpts::new("c", "p", 3).desired_capacity, 3);
    /// ```
    pub fn new(name: impl Into<String>, profile_id: impl Into<String>, desired_capacity: i64) -> Self {
        CreateOpts {
            name: name.into(),
            profile_id: profile_id.into(),
            desired_capacity,
            min_size: None,
            max_size: None,
            timeout: None,
            metadata: None,
            config: None,
        }
    }

    fn check(&self, _: &ServiceClient) -> Result<()> {
        Ok(())
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("name", !self.name.trim().is_empty())?;
        crate::request::require("profile_id", !self.profile_id.trim().is_empty())
    }
}

/// What [`update`] changes (`profile_only` needs microversion 1.6).
///
/// ```
/// use ferrocloud::openstack::clustering::v1::clusters::UpdateOpts;
/// let o = UpdateOpts { timeout: Some(30), profile_only: Some(true), ..Default::default() };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"timeout": 30, "profile_only": true}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new profile for its nodes (of the same type).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_id: Option<String>,
    /// Change the profile of the cluster only, not of its nodes (1.6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_only: Option<bool>,
    /// A new timeout, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<i64>,
    /// New metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Object>,
    /// New configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<Object>,
}

impl UpdateOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        check_field(client, "profile_only", self.profile_only.is_some(), Some("1.6"), None)
    }
}

impl Validate for UpdateOpts {}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::clustering::v1::clusters::ListOpts;
/// let o = ListOpts { status: Some("ACTIVE".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "status=ACTIVE");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Clusters of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Clusters in this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub paging: Paging,
}

senlin_functions! {
    Cluster, "cluster", extract_clusters;
    list get create_started update_started delete_started wait_active wait_deleted
}

text_enum! {
    /// How a resize reads its `number`.
    ///
    /// ```
    /// use ferrocloud::openstack::clustering::v1::clusters::AdjustmentType;
    /// assert_eq!(AdjustmentType::ChangeInCapacity.as_str(), "CHANGE_IN_CAPACITY");
    /// ```
    AdjustmentType {
        /// `number` is the new size.
        ExactCapacity = "EXACT_CAPACITY",
        /// `number` nodes more (or fewer, when negative).
        ChangeInCapacity = "CHANGE_IN_CAPACITY",
        /// `number` percent more (or fewer).
        ChangeInPercentage = "CHANGE_IN_PERCENTAGE",
    }
}

/// What [`resize`] sends: a size change and/or new size limits.
///
/// ```
/// use ferrocloud::openstack::clustering::v1::clusters::{AdjustmentType, ResizeOpts};
/// let o = ResizeOpts { adjustment_type: Some(AdjustmentType::ChangeInCapacity), number: Some((-2).into()),
///     min_size: Some(1), max_size: Some(5), strict: Some(true), ..Default::default() };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"adjustment_type": "CHANGE_IN_CAPACITY",
///     "number": -2, "min_size": 1, "max_size": 5, "strict": true}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ResizeOpts {
    /// How `number` is read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjustment_type: Option<AdjustmentType>,
    /// The size, change or percentage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<Number>,
    /// A new minimum size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_size: Option<i64>,
    /// A new maximum size (`-1`: no limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_size: Option<i64>,
    /// The fewest nodes a percentage change adds or removes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_step: Option<i64>,
    /// Refuse a change outside the limits instead of stopping at them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strict: Option<bool>,
}

impl Validate for ResizeOpts {
    fn validate(&self) -> Result<()> {
        if self.adjustment_type.is_some() != self.number.is_some() {
            return Err(crate::Error::invalid_input(
                "a resize needs adjustment_type and number together",
            ));
        }
        crate::request::at_least_one_of(&[
            ("number", self.number.is_some()),
            ("min_size", self.min_size.is_some()),
            ("max_size", self.max_size.is_some()),
        ])
    }
}

/// What [`scale_in`] and [`scale_out`] send: how many nodes (the policies decide when
/// not given).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScaleOpts {
    /// The number of nodes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
}

impl Validate for ScaleOpts {}

/// What [`add_nodes`] sends: the nodes to add (IDs, short IDs or names).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddNodesOpts {
    /// The nodes.
    pub nodes: Vec<String>,
}

impl Validate for AddNodesOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("nodes", !self.nodes.is_empty())
    }
}

/// What [`del_nodes`] sends: the nodes to remove, and whether to delete them
/// (`destroy_after_deletion`, microversion 1.4).
///
/// ```
/// use ferrocloud::openstack::clustering::v1::clusters::DelNodesOpts;
/// let o = DelNodesOpts { nodes: vec!["aff0135".into()], destroy_after_deletion: Some(false) };
/// assert_eq!(serde_json::to_value(&o).unwrap()["destroy_after_deletion"], false);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelNodesOpts {
    /// The nodes.
    pub nodes: Vec<String>,
    /// Delete the nodes too, rather than keep them orphaned (1.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destroy_after_deletion: Option<bool>,
}

impl Validate for DelNodesOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("nodes", !self.nodes.is_empty())
    }
}

/// What [`replace_nodes`] sends: each node of the cluster and the orphan node that
/// replaces it (microversion 1.3).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplaceNodesOpts {
    /// Old node → new node.
    pub nodes: BTreeMap<String, String>,
}

impl Validate for ReplaceNodesOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("nodes", !self.nodes.is_empty())
    }
}

/// What [`attach_policy`] and [`update_policy`] send: the policy, and whether it is
/// enforced.
///
/// ```
/// use ferrocloud::openstack::clustering::v1::clusters::PolicyOpts;
/// let o = PolicyOpts { policy_id: "dp01".into(), enabled: Some(false) };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"policy_id": "dp01", "enabled": false}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyOpts {
    /// The policy (ID, short ID or name).
    pub policy_id: String,
    /// Whether it is enforced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

impl Validate for PolicyOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("policy_id", !self.policy_id.trim().is_empty())
    }
}

/// What [`detach_policy`] sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetachPolicyOpts {
    /// The policy (ID, short ID or name).
    pub policy_id: String,
}

impl Validate for DetachPolicyOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("policy_id", !self.policy_id.trim().is_empty())
    }
}

/// What a health check sends: parameters for the profile's check (usually none).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckOpts(pub Object);

impl Validate for CheckOpts {}

/// What a recovery sends (for clusters and nodes): how to recover (`REBUILD`,
/// `RECREATE`, `REBOOT`…), its parameters, and whether to check health first
/// (`check`, microversion 1.6).
///
/// ```
/// use ferrocloud::openstack::clustering::v1::clusters::RecoverOpts;
/// let o = RecoverOpts { operation: Some("reboot".into()), check: Some(false), ..Default::default() };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"operation": "reboot", "check": false}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RecoverOpts {
    /// How to recover.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    /// The operation's parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation_params: Option<Object>,
    /// Check health first, and recover only what is not working (1.6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<bool>,
}

impl RecoverOpts {
    pub(crate) fn check_version(&self, client: &ServiceClient) -> Result<()> {
        check_field(client, "check", self.check.is_some(), Some("1.6"), None)
    }
}

impl Validate for RecoverOpts {}

/// What [`complete_lifecycle`] sends: the token of the lifecycle action to complete.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LifecycleOpts {
    /// The lifecycle action's token.
    pub lifecycle_action_token: String,
}

impl Validate for LifecycleOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require(
            "lifecycle_action_token",
            !self.lifecycle_action_token.trim().is_empty(),
        )
    }
}

/// The filters and parameters of a profile operation on a cluster's nodes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OperationArgs {
    /// Which nodes (`{"role": "slave"}`); all when empty.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub filters: Object,
    /// The operation's parameters (see
    /// [`profile_types::operations`](super::profile_types::operations)).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: Object,
}

/// A profile operation on a cluster's nodes: `{"reboot": {"filters": …, "params": …}}`.
pub type ClusterOperation = Named<OperationArgs>;

/// One node's value of a collected attribute.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Attribute {
    /// The node's ID.
    pub id: String,
    /// The value.
    #[serde(default)]
    pub value: Value,
}

/// Resizes a cluster: to a size, by a change or a percentage, and/or to new limits.
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::clustering::v1::clusters::{self, ResizeOpts};
/// let action = clusters::resize(&senlin, "web", &ResizeOpts { max_size: Some(10), ..Default::default() }).await?;
/// # Ok(()) }
/// ```
pub async fn resize(client: &ServiceClient, id: &str, opts: &ResizeOpts) -> Result<String> {
    start(client, &RESIZE, &[id], opts).await
}

/// Removes `count` nodes from a cluster (its policies decide when `None`).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let action = ferrocloud::openstack::clustering::v1::clusters::scale_in(&senlin, "web", Some(2)).await?;
/// # Ok(()) }
/// ```
pub async fn scale_in(client: &ServiceClient, id: &str, count: Option<u32>) -> Result<String> {
    start(client, &SCALE_IN, &[id], &ScaleOpts { count }).await
}

/// Adds `count` nodes to a cluster (its policies decide when `None`).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let action = ferrocloud::openstack::clustering::v1::clusters::scale_out(&senlin, "web", Some(2)).await?;
/// # Ok(()) }
/// ```
pub async fn scale_out(client: &ServiceClient, id: &str, count: Option<u32>) -> Result<String> {
    start(client, &SCALE_OUT, &[id], &ScaleOpts { count }).await
}

/// Adds orphan nodes to a cluster.
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::clustering::v1::clusters::{self, AddNodesOpts};
/// let action = clusters::add_nodes(&senlin, "web", &AddNodesOpts { nodes: vec!["node-1234".into()] }).await?;
/// # Ok(()) }
/// ```
pub async fn add_nodes(client: &ServiceClient, id: &str, opts: &AddNodesOpts) -> Result<String> {
    start(client, &ADD_NODES, &[id], opts).await
}

/// Removes nodes from a cluster (`destroy_after_deletion` needs microversion 1.4).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::clustering::v1::clusters::{self, DelNodesOpts};
/// let opts = DelNodesOpts { nodes: vec!["aff0135".into()], ..Default::default() };
/// let action = clusters::del_nodes(&senlin, "web", &opts).await?;
/// # Ok(()) }
/// ```
pub async fn del_nodes(client: &ServiceClient, id: &str, opts: &DelNodesOpts) -> Result<String> {
    check_field(
        client,
        "destroy_after_deletion",
        opts.destroy_after_deletion.is_some(),
        Some("1.4"),
        None,
    )?;
    start(client, &DEL_NODES, &[id], opts).await
}

/// Replaces nodes of a cluster with orphan nodes (microversion 1.3).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::clustering::v1::clusters::{self, ReplaceNodesOpts};
/// let opts = ReplaceNodesOpts { nodes: [("node-1234".to_string(), "node-5678".to_string())].into() };
/// let action = clusters::replace_nodes(&senlin.with_microversion("1.3"), "web", &opts).await?;
/// # Ok(()) }
/// ```
pub async fn replace_nodes(client: &ServiceClient, id: &str, opts: &ReplaceNodesOpts) -> Result<String> {
    start(client, &REPLACE_NODES, &[id], opts).await
}

/// Attaches a policy to a cluster.
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::clustering::v1::clusters::{self, PolicyOpts};
/// let action = clusters::attach_policy(&senlin, "web", &PolicyOpts { policy_id: "dp01".into(), enabled: Some(true) }).await?;
/// # Ok(()) }
/// ```
pub async fn attach_policy(client: &ServiceClient, id: &str, opts: &PolicyOpts) -> Result<String> {
    start(client, &ATTACH_POLICY, &[id], opts).await
}

/// Detaches a policy from a cluster.
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let action = ferrocloud::openstack::clustering::v1::clusters::detach_policy(&senlin, "web", "dp01").await?;
/// # Ok(()) }
/// ```
pub async fn detach_policy(client: &ServiceClient, id: &str, policy_id: &str) -> Result<String> {
    let opts = DetachPolicyOpts {
        policy_id: policy_id.into(),
    };
    start(client, &DETACH_POLICY, &[id], &opts).await
}

/// Changes a policy's binding to a cluster (enables or disables it). Sent as
/// `policy_update`, the action Senlin serves.
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::clustering::v1::clusters::{self, PolicyOpts};
/// let action = clusters::update_policy(&senlin, "web", &PolicyOpts { policy_id: "dp01".into(), enabled: Some(false) }).await?;
/// # Ok(()) }
/// ```
pub async fn update_policy(client: &ServiceClient, id: &str, opts: &PolicyOpts) -> Result<String> {
    start(client, &UPDATE_POLICY, &[id], opts).await
}

/// Checks the health of a cluster's nodes.
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let action = ferrocloud::openstack::clustering::v1::clusters::check(&senlin, "web", &Default::default()).await?;
/// # Ok(()) }
/// ```
pub async fn check(client: &ServiceClient, id: &str, params: &CheckOpts) -> Result<String> {
    start(client, &CHECK, &[id], params).await
}

/// Recovers a cluster's nodes (`check` needs microversion 1.6).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::clustering::v1::clusters::{self, RecoverOpts};
/// let opts = RecoverOpts { operation: Some("REBUILD".into()), ..Default::default() };
/// let action = clusters::recover(&senlin, "web", &opts).await?;
/// # Ok(()) }
/// ```
pub async fn recover(client: &ServiceClient, id: &str, opts: &RecoverOpts) -> Result<String> {
    opts.check_version(client)?;
    start(client, &RECOVER, &[id], opts).await
}

/// Completes a lifecycle hook, letting the action that waits for it go on
/// (microversion 1.9).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let action = ferrocloud::openstack::clustering::v1::clusters::complete_lifecycle(
///     &senlin.with_microversion("1.9"), "web", "ffbb9175").await?;
/// # Ok(()) }
/// ```
pub async fn complete_lifecycle(client: &ServiceClient, id: &str, token: &str) -> Result<String> {
    let opts = LifecycleOpts {
        lifecycle_action_token: token.into(),
    };
    start(client, &COMPLETE_LIFECYCLE, &[id], &opts).await
}

/// Runs a profile operation (`reboot`, `stop`…) on a cluster's nodes, or on those its
/// filters select (microversion 1.4).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::clustering::v1::clusters::{self, OperationArgs};
/// let args = OperationArgs { params: [("type".to_string(), "soft".into())].into(), ..Default::default() };
/// let action = clusters::operation(&senlin.with_microversion("1.4"), "web", "reboot", &args).await?;
/// # Ok(()) }
/// ```
pub async fn operation(
    client: &ServiceClient,
    id: &str,
    name: &str,
    args: &OperationArgs,
) -> Result<String> {
    start(client, &OPERATION, &[id], &Named::new(name, args)).await
}

/// Collects the values of a node attribute across a cluster (`path` is a JSON path into
/// the nodes' details: `details.addresses.private[0].addr`; microversion 1.2).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let ips = ferrocloud::openstack::clustering::v1::clusters::collect(
///     &senlin.with_microversion("1.2"), "web", "details.addresses.private[0].addr").all().await?;
/// # Ok(()) }
/// ```
pub fn collect(client: &ServiceClient, id: &str, path: &str) -> Pager<Attribute> {
    client
        .request(&COLLECT, &[id, path])
        .paged(PageStyle::Single)
}
