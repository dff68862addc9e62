//! Nodes: the objects Senlin manages (a Nova server, a Heat stack…), each made from a
//! profile, alone or in a cluster. Creating, changing, deleting, checking and recovering
//! a node answer `202` with the action doing the work. From microversion 1.7 an existing
//! object can be adopted as a node (previewing the profile Senlin would make of it).
//!
//! ```no_run
//! # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::clustering::v1::{actions, nodes};
//! let started = nodes::create(&senlin, &nodes::CreateOpts::new("node009", "mystack")).await?;
//! let node = nodes::wait_for_active(&senlin, &started.value.id, &Default::default()).await?;
//! let action = nodes::check(&senlin, &node.id, &Default::default()).await?;
//! actions::wait_for_success(&senlin, &action, &Default::default()).await?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::clusters::{CheckOpts, RecoverOpts};
use super::common::{Record, Accepted, Named, Object, Paging, senlin_functions, start};
use crate::dates::Timestamp;
use crate::de::text_enum;
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "clustering";
    /// List nodes.
    LIST = GET "/nodes" list("nodes", Node);
    /// Create a node (`202`).
    CREATE = POST "/nodes" request("node", CreateOpts) response("node", Node);
    /// Show a node.
    GET = GET "/nodes/{node_id}" response("node", Node);
    /// Change a node (`202`).
    UPDATE = PATCH "/nodes/{node_id}" request("node", UpdateOpts) response("node", Node);
    /// Delete a node (`202`).
    DELETE = DELETE "/nodes/{node_id}";
    /// Adopt an existing object as a node (1.7).
    ADOPT = POST "/nodes/adopt" since("1.7") request(AdoptOpts) response("node", Node);
    /// Preview the adoption of an object (1.7).
    ADOPT_PREVIEW = POST "/nodes/adopt-preview" since("1.7") request(AdoptPreviewOpts)
        response(AdoptPreview);
    /// Check a node's health.
    CHECK = POST "/nodes/{node_id}/actions" request("check", CheckOpts) response(Accepted);
    /// Recover a node.
    RECOVER = POST "/nodes/{node_id}/actions" request("recover", RecoverOpts) response(Accepted);
    /// Run a profile operation on a node (1.4).
    OPERATION = POST "/nodes/{node_id}/ops" since("1.4") request(NodeOperation) response(Accepted);
}

text_enum! {
    /// Where a node stands.
    ///
    /// ```
    /// use ferrocloud::openstack::clustering::v1::nodes::NodeStatus;
    /// let s: NodeStatus = serde_json::from_str("\"ERROR\"").unwrap();
    /// assert!(s.is_failed());
    /// assert!(NodeStatus::Active.is_active());
    /// ```
    NodeStatus {
        /// Created, not yet built.
        Init = "INIT",
        /// Working.
        Active = "ACTIVE",
        /// Being created.
        Creating = "CREATING",
        /// Being changed.
        Updating = "UPDATING",
        /// Being deleted.
        Deleting = "DELETING",
        /// Being checked.
        Checking = "CHECKING",
        /// Being recovered.
        Recovering = "RECOVERING",
        /// Running a profile operation.
        Operating = "OPERATING",
        /// Working with problems.
        Warning = "WARNING",
        /// Failed.
        Error = "ERROR",
    }
}

impl NodeStatus {
    /// Whether the node is `ACTIVE`.
    pub fn is_active(&self) -> bool {
        *self == NodeStatus::Active
    }

    /// Whether the node is in a state it leaves only by an action: `ERROR` or `WARNING`.
    pub fn is_failed(&self) -> bool {
        matches!(self, NodeStatus::Error | NodeStatus::Warning)
    }
}

/// A node.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Node {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// Where it stands.
    pub status: NodeStatus,
    /// Why it is where it stands.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub status_reason: Option<String>,
    /// The cluster it belongs to (`None` or empty for an orphan).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub cluster_id: Option<String>,
    /// Its index in the cluster (`-1` for an orphan).
    pub index: i64,
    /// Its role in the cluster (`master`).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub role: Option<String>,
    /// The ID of the object it manages (a server's ID).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub physical_id: Option<String>,
    /// The profile it is made from.
    pub profile_id: String,
    /// The profile's name.
    pub profile_name: String,
    /// Metadata.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub metadata: Object,
    /// What Senlin keeps about it.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub data: Object,
    /// The objects depending on it.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub dependents: Object,
    /// The object's details (with [`get_details`]).
    #[serde(default)]
    pub details: Option<Value>,
    /// Whether it is marked for replacement first when the cluster shrinks or recovers
    /// (1.13).
    #[serde(default)]
    pub tainted: Option<bool>,
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
/// use ferrocloud::openstack::clustering::v1::nodes::CreateOpts;
/// let mut o = CreateOpts::new("node009", "mystack");
/// o.role = Some("master".into());
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!(
///     {"name": "node009", "profile_id": "mystack", "role": "master"}));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    pub name: String,
    /// The profile (ID, short ID or name).
    pub profile_id: String,
    /// The cluster to put it in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_id: Option<String>,
    /// Its role in the cluster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Object>,
}

impl CreateOpts {
    /// A node of a profile.
    ///
    /// ```
    /// use ferrocloud::openstack::clustering::v1::nodes::CreateOpts;
    /// assert!(CreateOpts::new("n", "p").cluster_id.is_none());
    /// ```
    pub fn new(name: impl Into<String>, profile_id: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            profile_id: profile_id.into(),
            cluster_id: None,
            role: None,
            metadata: None,
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

/// What [`update`] changes (`tainted` needs microversion 1.13).
///
/// ```
/// use ferrocloud::openstack::clustering::v1::nodes::UpdateOpts;
/// let o = UpdateOpts { name: Some("new_node_name".into()), ..Default::default() };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"name": "new_node_name"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new profile (of the same type).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_id: Option<String>,
    /// A new role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// New metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Object>,
    /// Mark or unmark it for replacement (1.13).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tainted: Option<bool>,
}

impl UpdateOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        crate::microversion::check_field(client, "tainted", self.tainted.is_some(), Some("1.13"), None)
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::at_least_one_of(&[
            ("name", self.name.is_some()),
            ("profile_id", self.profile_id.is_some()),
            ("role", self.role.is_some()),
            ("metadata", self.metadata.is_some()),
            ("tainted", self.tainted.is_some()),
        ])
    }
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::clustering::v1::nodes::ListOpts;
/// let o = ListOpts { cluster_id: Some("web".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "cluster_id=web");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Nodes of this cluster.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster_id: Option<String>,
    /// Nodes of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Nodes in this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub paging: Paging,
}

senlin_functions! {
    Node, "node", extract_nodes;
    list get create_started update_started delete_started wait_active wait_deleted
}

/// Shows a node with the details of the object it manages ([`Node::details`]).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let n = ferrocloud::openstack::clustering::v1::nodes::get_details(&senlin, "node009").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get_details(client: &ServiceClient, id: &str) -> ApiResult<Node> {
    client
        .request(&GET, &[id])
        .query_pair("show_details", "true")
        .send()
        .await
}

/// What [`adopt_preview`] sends: the object to adopt, its type, and profile properties
/// that override what Senlin reads from it.
///
/// ```
/// use ferrocloud::openstack::clustering::v1::nodes::AdoptPreviewOpts;
/// let o = AdoptPreviewOpts::new("65e27958", "os.nova.server-1.0");
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"identity": "65e27958", "type": "os.nova.server-1.0"}));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdoptPreviewOpts {
    /// The object's ID (a server's ID).
    pub identity: String,
    /// The profile type to read it as (`os.nova.server-1.0`).
    #[serde(rename = "type")]
    pub profile_type: String,
    /// Profile properties that override what Senlin reads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overrides: Option<Object>,
    /// Snapshot the object first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot: Option<bool>,
}

impl AdoptPreviewOpts {
    /// A preview of the adoption of `identity` as a `profile_type`.
    pub fn new(identity: impl Into<String>, profile_type: impl Into<String>) -> Self {
        AdoptPreviewOpts {
            identity: identity.into(),
            profile_type: profile_type.into(),
            overrides: None,
            snapshot: None,
        }
    }
}

impl Validate for AdoptPreviewOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("identity", !self.identity.trim().is_empty())?;
        crate::request::require("type", !self.profile_type.trim().is_empty())
    }
}

/// What [`adopt`] sends: the preview's fields, and the node's name, role and metadata.
///
/// ```
/// use ferrocloud::openstack::clustering::v1::nodes::{AdoptOpts, AdoptPreviewOpts};
/// let mut o = AdoptOpts::new(AdoptPreviewOpts::new("65e27958", "os.nova.server-1.0"));
/// o.name = Some("node009".into());
/// assert_eq!(serde_json::to_value(&o).unwrap()["name"], "node009");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdoptOpts {
    /// The object, its type, overrides and snapshot.
    #[serde(flatten)]
    pub object: AdoptPreviewOpts,
    /// The node's name (Senlin makes one when not given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The node's role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The node's metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Object>,
}

impl AdoptOpts {
    /// An adoption of the object `object` names.
    pub fn new(object: AdoptPreviewOpts) -> Self {
        AdoptOpts {
            object,
            name: None,
            role: None,
            metadata: None,
        }
    }
}

impl Validate for AdoptOpts {
    fn validate(&self) -> Result<()> {
        self.object.validate()
    }
}

/// The answer of [`adopt_preview`]: the profile spec Senlin would make of the object.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct AdoptPreview {
    /// The spec (Senlin's engine names this key `node_profile`, its reference
    /// `node_preview`; both are read).
    #[serde(alias = "node_profile")]
    pub node_preview: ProfileSpec,
}

/// A profile spec, as an adoption preview shows it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ProfileSpec {
    /// The profile type's name (`os.nova.server`).
    #[serde(rename = "type")]
    pub profile_type: String,
    /// The profile type's version (`1.0`, as a number or text).
    pub version: Value,
    /// The profile's properties.
    pub properties: Object,
}

/// Adopts an existing object as a node (microversion 1.7); the node is `ACTIVE` at once.
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::clustering::v1::nodes::{self, AdoptOpts, AdoptPreviewOpts};
/// let opts = AdoptOpts::new(AdoptPreviewOpts::new("65e27958", "os.nova.server-1.0"));
/// let node = nodes::adopt(&senlin.with_microversion("1.7"), &opts).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn adopt(client: &ServiceClient, opts: &AdoptOpts) -> ApiResult<Node> {
    client.request(&ADOPT, &[]).body(opts).send().await
}

/// Shows the profile spec Senlin would make of an object, without adopting it
/// (microversion 1.7).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::clustering::v1::nodes::{self, AdoptPreviewOpts};
/// let opts = AdoptPreviewOpts::new("65e27958", "os.nova.server-1.0");
/// let preview = nodes::adopt_preview(&senlin.with_microversion("1.7"), &opts).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn adopt_preview(client: &ServiceClient, opts: &AdoptPreviewOpts) -> ApiResult<AdoptPreview> {
    client.request(&ADOPT_PREVIEW, &[]).body(opts).send().await
}

/// Checks a node's health.
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let action = ferrocloud::openstack::clustering::v1::nodes::check(&senlin, "node009", &Default::default()).await?;
/// # Ok(()) }
/// ```
pub async fn check(client: &ServiceClient, id: &str, params: &CheckOpts) -> Result<String> {
    start(client, &CHECK, &[id], params).await
}

/// Recovers a node (`check` needs microversion 1.6).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::clustering::v1::clusters::RecoverOpts;
/// let opts = RecoverOpts { operation: Some("REBOOT".into()), ..Default::default() };
/// let action = ferrocloud::openstack::clustering::v1::nodes::recover(&senlin, "node009", &opts).await?;
/// # Ok(()) }
/// ```
pub async fn recover(client: &ServiceClient, id: &str, opts: &RecoverOpts) -> Result<String> {
    opts.check_version(client)?;
    start(client, &RECOVER, &[id], opts).await
}

/// A profile operation on a node: `{"reboot": {"type": "SOFT"}}`.
pub type NodeOperation = Named<Object>;

/// Runs a profile operation (`reboot`, `stop`…) on a node, with its parameters
/// (microversion 1.4; see
/// [`profile_types::operations`](super::profile_types::operations)).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let params = [("type".to_string(), "SOFT".into())].into();
/// let action = ferrocloud::openstack::clustering::v1::nodes::operation(
///     &senlin.with_microversion("1.4"), "node009", "reboot", &params).await?;
/// # Ok(()) }
/// ```
pub async fn operation(client: &ServiceClient, id: &str, name: &str, params: &Object) -> Result<String> {
    start(client, &OPERATION, &[id], &Named::new(name, params)).await
}
