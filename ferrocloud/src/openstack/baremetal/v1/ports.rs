//! Ports: a node's network interfaces (MAC address, switch connection, physical
//! network), alone or in a port group. Listings page by Ironic's `next` link; the plain
//! listing gives [`PortSummary`](crate::openstack::baremetal::v1::ports::PortSummary)s, the detailed one [`Port`](crate::openstack::baremetal::v1::ports::Port)s.
//!
//! ```no_run
//! # async fn demo(ironic: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetal::v1::ports::{self, CreateOpts, ListOpts};
//! let port = ports::create(&ironic, &CreateOpts::new("6d85703a", "52:54:00:12:34:56")).await.extract()?;
//! let opts = ListOpts { node: Some("node-1".into()), ..Default::default() };
//! for p in ports::list_detail(&ironic, &opts).all().await? {
//!     println!("{} {}", p.uuid, p.address);
//! }
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
    /// Create a port.
    CREATE = POST "/ports" request(CreateOpts) response(Port);
    /// List ports.
    LIST = GET "/ports" list("ports", PortSummary);
    /// List ports with their details.
    LIST_DETAIL = GET "/ports/detail" list("ports", Port);
    /// Show a port.
    GET = GET "/ports/{port_id}" response(Port);
    /// Update a port.
    UPDATE = PATCH "/ports/{port_id}" request(super::common::Patch) response(Port);
    /// Delete a port.
    DELETE = DELETE "/ports/{port_id}";
    /// List a node's ports.
    LIST_BY_NODE = GET "/nodes/{node_ident}/ports" list("ports", PortSummary);
    /// List a node's ports with their details.
    LIST_BY_NODE_DETAIL = GET "/nodes/{node_ident}/ports/detail" list("ports", Port);
    /// List a port group's ports.
    LIST_BY_PORTGROUP = GET "/portgroups/{portgroup_ident}/ports" since("1.24") list("ports", PortSummary);
    /// List a port group's ports with their details.
    LIST_BY_PORTGROUP_DETAIL = GET "/portgroups/{portgroup_ident}/ports/detail" since("1.24") list("ports", Port);
}

/// A port, as the plain listing gives it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct PortSummary {
    /// The UUID.
    pub uuid: String,
    /// The MAC address.
    pub address: String,
    /// Its links.
    pub links: Links,
}

/// A port.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Port {
    /// The UUID.
    pub uuid: String,
    /// The MAC address.
    pub address: String,
    /// Its node.
    pub node_uuid: String,
    /// Its port group (1.24).
    #[serde(default)]
    pub portgroup_uuid: Option<String>,
    /// The name (1.88).
    #[serde(default)]
    pub name: Option<String>,
    /// The switch it is connected to (`switch_id`, `port_id`, `switch_info`; 1.19).
    #[serde(default)]
    pub local_link_connection: Option<Object>,
    /// Whether it boots by PXE (1.19).
    #[serde(default)]
    pub pxe_enabled: Option<bool>,
    /// Its physical network (1.34).
    #[serde(default)]
    pub physical_network: Option<String>,
    /// Ironic's own data (1.18).
    #[serde(default)]
    pub internal_info: Option<Object>,
    /// Free-form data.
    pub extra: Object,
    /// Whether it is a Smart NIC port (1.53).
    #[serde(default)]
    pub is_smartnic: Option<bool>,
    /// The description (1.97).
    #[serde(default)]
    pub description: Option<String>,
    /// The NIC's vendor (1.100).
    #[serde(default)]
    pub vendor: Option<String>,
    /// Its category (1.101).
    #[serde(default)]
    pub category: Option<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Its links.
    pub links: Links,
}

/// What the port listings filter on.
///
/// ```
/// use ferrocloud::openstack::baremetal::v1::ports::ListOpts;
/// let opts = ListOpts { address: Some("11:11:11:11:11:11".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()),
///     "address=11%3A11%3A11%3A11%3A11%3A11");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Ports of this node (name or UUID).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    /// Ports of this node (UUID).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_uuid: Option<String>,
    /// Ports of this port group (1.24).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub portgroup: Option<String>,
    /// The port with this MAC address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Ports of nodes of these shards (1.82).
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "crate::query::comma")]
    pub shard: Vec<String>,
    /// Ports of nodes of this conductor group (1.99).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conductor_group: Option<String>,
    /// Paging, sorting, fields.
    #[serde(flatten)]
    pub listing: Listing,
}

impl Versioned for ListOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        since(client, "portgroup", self.portgroup.is_some(), "1.24")?;
        since(client, "shard", !self.shard.is_empty(), "1.82")?;
        since(client, "conductor_group", self.conductor_group.is_some(), "1.99")?;
        self.listing.check(client)
    }
}

/// What [`create`] sends: the node (by UUID, or from 1.94 by name as `node_ident`) and
/// the MAC address.
///
/// ```
/// use ferrocloud::openstack::baremetal::v1::ports::CreateOpts;
/// let o = CreateOpts::new("6d85703a", "11:11:11:11:11:11");
/// assert_eq!(serde_json::to_value(&o).unwrap(),
///     serde_json::json!({"node_uuid": "6d85703a", "address": "11:11:11:11:11:11"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The node's UUID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node_uuid: Option<String>,
    /// The node's name or UUID (1.94).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node_ident: Option<String>,
    /// The MAC address.
    pub address: String,
    /// Its port group (1.24).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portgroup_uuid: Option<String>,
    /// A name (1.88).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The switch it is connected to (1.19).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_link_connection: Option<Object>,
    /// Whether it boots by PXE (1.19).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pxe_enabled: Option<bool>,
    /// Its physical network (1.34).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub physical_network: Option<String>,
    /// Free-form data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra: Option<Object>,
    /// A Smart NIC port (1.53).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_smartnic: Option<bool>,
    /// A UUID of one's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    /// The description (1.97).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The NIC's vendor (1.100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<String>,
    /// Its category (1.101).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
}

impl CreateOpts {
    /// A port of node `node_uuid` with MAC `address`.
    pub fn new(node_uuid: impl Into<String>, address: impl Into<String>) -> Self {
        CreateOpts {
            node_uuid: Some(node_uuid.into()),
            address: address.into(),
            ..Default::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("address", !self.address.is_empty())?;
        crate::request::exactly_one_of(&[
            ("node_uuid", self.node_uuid.is_some()),
            ("node_ident", self.node_ident.is_some()),
        ])
    }
}

impl Versioned for CreateOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        let checks = [
            ("node_ident", self.node_ident.is_some(), "1.94"),
            ("portgroup_uuid", self.portgroup_uuid.is_some(), "1.24"),
            ("name", self.name.is_some(), "1.88"),
            ("local_link_connection", self.local_link_connection.is_some(), "1.19"),
            ("pxe_enabled", self.pxe_enabled.is_some(), "1.19"),
            ("physical_network", self.physical_network.is_some(), "1.34"),
            ("is_smartnic", self.is_smartnic.is_some(), "1.53"),
            ("description", self.description.is_some(), "1.97"),
            ("vendor", self.vendor.is_some(), "1.100"),
            ("category", self.category.is_some(), "1.101"),
        ];
        for (field, set, version) in checks {
            since(client, field, set, version)?;
        }
        Ok(())
    }
}

super::common::resource_functions!(Port, PortSummary, "port"; list list_detail get create update delete);

crate::operation::extract_fn! {
    /// The ports of a page of a plain listing.
    extract_summaries, PortSummary
}

crate::operation::extract_fn! {
    /// The ports of a page of a detailed listing.
    extract_ports, Port
}

/// A node's ports.
pub fn list_by_node(client: &ServiceClient, node: &str, opts: &Listing) -> Pager<PortSummary> {
    super::common::pager(client, &LIST_BY_NODE, &[node], opts)
}

/// A node's ports with their details.
pub fn list_by_node_detail(client: &ServiceClient, node: &str, opts: &Listing) -> Pager<Port> {
    super::common::pager(client, &LIST_BY_NODE_DETAIL, &[node], opts)
}

/// A port group's ports (1.24).
pub fn list_by_portgroup(client: &ServiceClient, portgroup: &str, opts: &Listing) -> Pager<PortSummary> {
    super::common::pager(client, &LIST_BY_PORTGROUP, &[portgroup], opts)
}

/// A port group's ports with their details (1.24).
pub fn list_by_portgroup_detail(client: &ServiceClient, portgroup: &str, opts: &Listing) -> Pager<Port> {
    super::common::pager(client, &LIST_BY_PORTGROUP_DETAIL, &[portgroup], opts)
}
