//! Volume connectors and targets (1.32): how a node boots from and reaches remote
//! volumes (an iSCSI initiator's IQN, a Cinder volume).
//!
//! ```no_run
//! # async fn demo(ironic: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetal::v1::volume::{self, ConnectorCreateOpts};
//! let opts = ConnectorCreateOpts::new("6d85703a", "iqn", "iqn.2017-07.org.openstack:01:d9a51732c3f");
//! let c = volume::create_connector(&ironic, &opts).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Links, Listing, Object, Patch, Versioned};
use crate::dates::Timestamp;
use crate::pagination::Pager;
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "baremetal";
    /// The links of the volume resources.
    ROOT = GET "/volume" since("1.32") response(VolumeLinks);
    /// The links of a node's volume resources.
    NODE_ROOT = GET "/nodes/{node_ident}/volume" since("1.32") response(VolumeLinks);
    /// List volume connectors.
    LIST_CONNECTORS = GET "/volume/connectors" since("1.32") list("connectors", Connector);
    /// Create a volume connector.
    CREATE_CONNECTOR = POST "/volume/connectors" since("1.32") request(ConnectorCreateOpts) response(Connector);
    /// Show a volume connector.
    GET_CONNECTOR = GET "/volume/connectors/{volume_connector_id}" since("1.32") response(Connector);
    /// Update a volume connector.
    UPDATE_CONNECTOR = PATCH "/volume/connectors/{volume_connector_id}" since("1.32") request(Patch) response(Connector);
    /// Delete a volume connector.
    DELETE_CONNECTOR = DELETE "/volume/connectors/{volume_connector_id}" since("1.32");
    /// List a node's volume connectors.
    LIST_NODE_CONNECTORS = GET "/nodes/{node_ident}/volume/connectors" since("1.32") list("connectors", Connector);
    /// List volume targets.
    LIST_TARGETS = GET "/volume/targets" since("1.32") list("targets", Target);
    /// Create a volume target.
    CREATE_TARGET = POST "/volume/targets" since("1.32") request(TargetCreateOpts) response(Target);
    /// Show a volume target.
    GET_TARGET = GET "/volume/targets/{volume_target_id}" since("1.32") response(Target);
    /// Update a volume target.
    UPDATE_TARGET = PATCH "/volume/targets/{volume_target_id}" since("1.32") request(Patch) response(Target);
    /// Delete a volume target.
    DELETE_TARGET = DELETE "/volume/targets/{volume_target_id}" since("1.32");
    /// List a node's volume targets.
    LIST_NODE_TARGETS = GET "/nodes/{node_ident}/volume/targets" since("1.32") list("targets", Target);
}

/// The links of the volume resources.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct VolumeLinks {
    /// The connectors' links.
    pub connectors: Links,
    /// The targets' links.
    pub targets: Links,
    /// Its own links.
    pub links: Links,
}

/// The links of the volume resources (1.32).
pub async fn root(client: &ServiceClient) -> ApiResult<VolumeLinks> {
    client.request(&ROOT, &[]).send().await
}

/// The links of a node's volume resources (1.32).
pub async fn node_root(client: &ServiceClient, node: &str) -> ApiResult<VolumeLinks> {
    client.request(&NODE_ROOT, &[node]).send().await
}

/// A volume connector. The plain listing gives no dates and no `extra`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Connector {
    /// The UUID.
    pub uuid: String,
    /// `iqn`, `ip`, `mac`, `wwnn`, `wwpn`, `port` or `portgroup`.
    #[serde(rename = "type")]
    pub connector_type: String,
    /// The connector's ID (an IQN, a WWN…).
    pub connector_id: String,
    /// Its node.
    pub node_uuid: String,
    /// Free-form data (details).
    #[serde(default)]
    pub extra: Option<Object>,
    /// When it was created (details).
    #[serde(default, deserialize_with = "crate::dates::option::deserialize")]
    pub created_at: Option<Timestamp>,
    /// When it last changed (details).
    #[serde(default, deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Its links.
    pub links: Links,
}

/// A volume target. The plain listing gives no dates, `properties` or `extra`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Target {
    /// The UUID.
    pub uuid: String,
    /// The volume's type (`iscsi`, `fibre_channel`…).
    pub volume_type: String,
    /// The boot index (0: the boot volume).
    pub boot_index: u32,
    /// The volume's ID in the storage service.
    pub volume_id: String,
    /// Its node.
    pub node_uuid: String,
    /// How to reach it (details).
    #[serde(default)]
    pub properties: Option<Object>,
    /// Free-form data (details).
    #[serde(default)]
    pub extra: Option<Object>,
    /// When it was created (details).
    #[serde(default, deserialize_with = "crate::dates::option::deserialize")]
    pub created_at: Option<Timestamp>,
    /// When it last changed (details).
    #[serde(default, deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Its links.
    pub links: Links,
}

/// What the volume listings filter on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Those of this node.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    /// Paging, sorting, fields, details.
    #[serde(flatten)]
    pub listing: Listing,
}

impl Versioned for ListOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        self.listing.check(client)
    }
}

/// What [`create_connector`] sends.
///
/// ```
/// use ferrocloud::openstack::baremetal::v1::volume::ConnectorCreateOpts;
/// let o = ConnectorCreateOpts::new("6d85703a", "iqn", "iqn.2017-07.org.openstack:01:d9a5");
/// assert_eq!(serde_json::to_value(&o).unwrap()["type"], "iqn");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConnectorCreateOpts {
    /// The node's UUID.
    pub node_uuid: String,
    /// The connector's type.
    #[serde(rename = "type")]
    pub connector_type: String,
    /// The connector's ID.
    pub connector_id: String,
    /// Free-form data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra: Option<Object>,
    /// A UUID of one's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
}

impl ConnectorCreateOpts {
    /// A connector of `node_uuid`.
    pub fn new(node_uuid: impl Into<String>, kind: impl Into<String>, id: impl Into<String>) -> Self {
        ConnectorCreateOpts {
            node_uuid: node_uuid.into(),
            connector_type: kind.into(),
            connector_id: id.into(),
            ..Default::default()
        }
    }
}

impl Validate for ConnectorCreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("node_uuid", !self.node_uuid.is_empty())?;
        crate::request::require("type", !self.connector_type.is_empty())?;
        crate::request::require("connector_id", !self.connector_id.is_empty())
    }
}

/// What [`create_target`] sends.
///
/// ```
/// use ferrocloud::openstack::baremetal::v1::volume::TargetCreateOpts;
/// let o = TargetCreateOpts::new("6d85703a", "iscsi", 0, "04452bed");
/// assert_eq!(serde_json::to_value(&o).unwrap()["boot_index"], 0);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TargetCreateOpts {
    /// The node's UUID.
    pub node_uuid: String,
    /// The volume's type.
    pub volume_type: String,
    /// The boot index.
    pub boot_index: u32,
    /// The volume's ID.
    pub volume_id: String,
    /// How to reach it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<Object>,
    /// Free-form data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra: Option<Object>,
    /// A UUID of one's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
}

impl TargetCreateOpts {
    /// A target of `node_uuid`.
    pub fn new(
        node_uuid: impl Into<String>,
        volume_type: impl Into<String>,
        boot_index: u32,
        volume_id: impl Into<String>,
    ) -> Self {
        TargetCreateOpts {
            node_uuid: node_uuid.into(),
            volume_type: volume_type.into(),
            boot_index,
            volume_id: volume_id.into(),
            ..Default::default()
        }
    }
}

impl Validate for TargetCreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("node_uuid", !self.node_uuid.is_empty())?;
        crate::request::require("volume_type", !self.volume_type.is_empty())?;
        crate::request::require("volume_id", !self.volume_id.is_empty())
    }
}

/// Volume connectors, following Ironic's `next` link.
pub fn list_connectors(client: &ServiceClient, opts: &ListOpts) -> Pager<Connector> {
    super::common::pager(client, &LIST_CONNECTORS, &[], opts)
}

/// A node's volume connectors.
pub fn list_node_connectors(client: &ServiceClient, node: &str, opts: &Listing) -> Pager<Connector> {
    super::common::pager(client, &LIST_NODE_CONNECTORS, &[node], opts)
}

/// Creates a volume connector (`201`).
pub async fn create_connector(client: &ServiceClient, opts: &ConnectorCreateOpts) -> ApiResult<Connector> {
    client.request(&CREATE_CONNECTOR, &[]).body(opts).send().await
}

/// Shows a volume connector.
pub async fn get_connector(client: &ServiceClient, id: &str) -> ApiResult<Connector> {
    client.request(&GET_CONNECTOR, &[id]).send().await
}

/// Changes a volume connector with a JSON Patch.
pub async fn update_connector(client: &ServiceClient, id: &str, patch: &Patch) -> ApiResult<Connector> {
    client.request(&UPDATE_CONNECTOR, &[id]).body(patch).send().await
}

/// Deletes a volume connector (`204`).
pub async fn delete_connector(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE_CONNECTOR, &[id]).send().await
}

/// Volume targets, following Ironic's `next` link.
pub fn list_targets(client: &ServiceClient, opts: &ListOpts) -> Pager<Target> {
    super::common::pager(client, &LIST_TARGETS, &[], opts)
}

/// A node's volume targets.
pub fn list_node_targets(client: &ServiceClient, node: &str, opts: &Listing) -> Pager<Target> {
    super::common::pager(client, &LIST_NODE_TARGETS, &[node], opts)
}

/// Creates a volume target (`201`).
pub async fn create_target(client: &ServiceClient, opts: &TargetCreateOpts) -> ApiResult<Target> {
    client.request(&CREATE_TARGET, &[]).body(opts).send().await
}

/// Shows a volume target.
pub async fn get_target(client: &ServiceClient, id: &str) -> ApiResult<Target> {
    client.request(&GET_TARGET, &[id]).send().await
}

/// Changes a volume target with a JSON Patch.
pub async fn update_target(client: &ServiceClient, id: &str, patch: &Patch) -> ApiResult<Target> {
    client.request(&UPDATE_TARGET, &[id]).body(patch).send().await
}

/// Deletes a volume target (`204`).
pub async fn delete_target(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE_TARGET, &[id]).send().await
}
