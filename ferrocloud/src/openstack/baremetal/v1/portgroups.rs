//! Port groups (1.23): ports bonded together (`mode` is the bonding mode). Ironic
//! addresses a port group by name or UUID;
//! [`find`](crate::openstack::baremetal::v1::portgroups::find) does the same.
//!
//! ```no_run
//! # async fn demo(ironic: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetal::v1::portgroups::{self, CreateOpts};
//! let pg = portgroups::create(&ironic, &CreateOpts::new("6d85703a")).await.extract()?;
//! let same = portgroups::find(&ironic, &pg.uuid).await?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Links, Listing, Object, Versioned, since};
use crate::dates::Timestamp;
use crate::pagination::Pager;
use crate::request::Validate;
use crate::{Result, ServiceClient};

crate::operations! {
    service: "baremetal";
    /// Create a port group.
    CREATE = POST "/portgroups" since("1.23") request(CreateOpts) response(Portgroup);
    /// List port groups.
    LIST = GET "/portgroups" since("1.23") list("portgroups", PortgroupSummary);
    /// List port groups with their details.
    LIST_DETAIL = GET "/portgroups/detail" since("1.23") list("portgroups", Portgroup);
    /// Show a port group.
    GET = GET "/portgroups/{portgroup_ident}" since("1.23") response(Portgroup);
    /// Update a port group.
    UPDATE = PATCH "/portgroups/{portgroup_ident}" since("1.23") request(super::common::Patch) response(Portgroup);
    /// Delete a port group.
    DELETE = DELETE "/portgroups/{portgroup_ident}" since("1.23");
    /// List a node's port groups.
    LIST_BY_NODE = GET "/nodes/{node_ident}/portgroups" since("1.24") list("portgroups", PortgroupSummary);
    /// List a node's port groups with their details.
    LIST_BY_NODE_DETAIL = GET "/nodes/{node_ident}/portgroups/detail" since("1.24") list("portgroups", Portgroup);
}

/// A port group, as the plain listing gives it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct PortgroupSummary {
    /// The UUID.
    pub uuid: String,
    /// The MAC address.
    #[serde(default)]
    pub address: Option<String>,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// Its links.
    pub links: Links,
}

/// A port group.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Portgroup {
    /// The UUID.
    pub uuid: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The MAC address.
    #[serde(default)]
    pub address: Option<String>,
    /// Its node.
    pub node_uuid: String,
    /// Whether its ports may be used alone.
    pub standalone_ports_supported: bool,
    /// Ironic's own data.
    pub internal_info: Object,
    /// Free-form data.
    pub extra: Object,
    /// The bonding mode (1.26).
    #[serde(default)]
    pub mode: Option<String>,
    /// Bonding properties (1.26).
    #[serde(default)]
    pub properties: Option<Object>,
    /// Its physical network (1.102).
    #[serde(default)]
    pub physical_network: Option<String>,
    /// Its category (1.103).
    #[serde(default)]
    pub category: Option<String>,
    /// The links of its ports.
    pub ports: Links,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Its links.
    pub links: Links,
}

impl crate::find::Named for Portgroup {
    fn id(&self) -> &str {
        &self.uuid
    }
    fn name(&self) -> &str {
        self.name.as_deref().unwrap_or_default()
    }
}

/// What the port group listings filter on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Port groups of this node.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    /// The port group with this MAC address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Port groups of nodes of this conductor group (1.99).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conductor_group: Option<String>,
    /// Port groups of nodes of these shards (1.106).
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "crate::query::comma")]
    pub shard: Vec<String>,
    /// Paging, sorting, fields.
    #[serde(flatten)]
    pub listing: Listing,
}

impl Versioned for ListOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        since(client, "conductor_group", self.conductor_group.is_some(), "1.99")?;
        since(client, "shard", !self.shard.is_empty(), "1.106")?;
        self.listing.check(client)
    }
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::baremetal::v1::portgroups::CreateOpts;
/// let o = CreateOpts { name: Some("pg".into()), ..CreateOpts::new("6d85703a") };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"node_uuid": "6d85703a", "name": "pg"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The node's UUID.
    pub node_uuid: String,
    /// The MAC address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// A name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The bonding mode (1.26).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// Whether its ports may be used alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standalone_ports_supported: Option<bool>,
    /// Bonding properties (1.26).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<Object>,
    /// Free-form data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra: Option<Object>,
    /// A UUID of one's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    /// Its physical network (1.102).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub physical_network: Option<String>,
    /// Its category (1.103).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
}

impl CreateOpts {
    /// A port group of node `node_uuid`.
    pub fn new(node_uuid: impl Into<String>) -> Self {
        CreateOpts {
            node_uuid: node_uuid.into(),
            ..Default::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("node_uuid", !self.node_uuid.is_empty())
    }
}

impl Versioned for CreateOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        since(client, "mode", self.mode.is_some(), "1.26")?;
        since(client, "properties", self.properties.is_some(), "1.26")?;
        since(client, "physical_network", self.physical_network.is_some(), "1.102")?;
        since(client, "category", self.category.is_some(), "1.103")
    }
}

super::common::resource_functions!(Portgroup, PortgroupSummary, "port group"; list list_detail get create update delete find);

crate::operation::extract_fn! {
    /// The port groups of a page of a plain listing.
    extract_summaries, PortgroupSummary
}

crate::operation::extract_fn! {
    /// The port groups of a page of a detailed listing.
    extract_portgroups, Portgroup
}

/// A node's port groups (1.24).
pub fn list_by_node(client: &ServiceClient, node: &str, opts: &Listing) -> Pager<PortgroupSummary> {
    super::common::pager(client, &LIST_BY_NODE, &[node], opts)
}

/// A node's port groups with their details (1.24).
pub fn list_by_node_detail(client: &ServiceClient, node: &str, opts: &Listing) -> Pager<Portgroup> {
    super::common::pager(client, &LIST_BY_NODE_DETAIL, &[node], opts)
}
