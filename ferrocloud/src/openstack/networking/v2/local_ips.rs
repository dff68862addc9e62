//! Local IPs (`local_ip`): a virtual address that every host answers locally for the
//! ports associated with it, translated to (or passed through to) each port's fixed
//! address. CRUD, find, and the port associations.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, net_id: &str, port: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::local_ips::{self, AssociationOpts, CreateOpts, IpMode};
//! let lip = local_ips::create(&network, &CreateOpts::on_network(net_id).ip_mode(IpMode::Translate)).await.extract()?;
//! let assoc = local_ips::create_port_association(&network, &lip.id, &AssociationOpts::new(port)).await.extract()?;
//! println!("{} -> {}", assoc.local_ip_address, assoc.fixed_ip);
//! local_ips::delete_port_association(&network, &lip.id, port).await.ok()?;
//! local_ips::delete(&network, &lip.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Extensible, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "network";
    /// List local IPs.
    LIST = GET "/local_ips" list("local_ips", LocalIp);
    /// Show a local IP.
    GET = GET "/local_ips/{local_ip_id}" response("local_ip", LocalIp);
    /// Create a local IP.
    CREATE = POST "/local_ips" request("local_ip", CreateOpts) response("local_ip", LocalIp);
    /// Update a local IP.
    UPDATE = PUT "/local_ips/{local_ip_id}" request("local_ip", UpdateOpts) response("local_ip", LocalIp);
    /// Delete a local IP.
    DELETE = DELETE "/local_ips/{local_ip_id}";
    /// List the port associations of a local IP.
    LIST_ASSOCIATIONS = GET "/local_ips/{local_ip_id}/port_associations"
        list("port_associations", PortAssociation);
    /// Associate a port with a local IP.
    CREATE_ASSOCIATION = POST "/local_ips/{local_ip_id}/port_associations"
        request("port_association", AssociationOpts) response("port_association", PortAssociation);
    /// Remove a port association.
    DELETE_ASSOCIATION = DELETE "/local_ips/{local_ip_id}/port_associations/{fixed_port_id}";
}

/// How a local IP reaches the associated ports' addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum IpMode {
    /// The local IP is translated (NAT) to the port's fixed address (the default).
    Translate,
    /// Packets keep the local IP as their address.
    Passthrough,
}

/// A local IP.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LocalIp {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// The port that holds the address.
    pub local_port_id: String,
    /// That port's network.
    pub network_id: String,
    /// The address.
    pub local_ip_address: String,
    /// How it reaches the associated ports.
    pub ip_mode: IpMode,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated_at: Timestamp,
    /// Incremented on every change; see [`update_if_revision`].
    pub revision_number: u64,
}

impl crate::find::Named for LocalIp {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// Options for creating a local IP: on a network (Neutron makes the port) or on an
/// existing port.
///
/// ```
/// use ferrocloud::openstack::networking::v2::local_ips::{CreateOpts, IpMode};
/// use ferrocloud::request::Validate;
/// let opts = CreateOpts::on_network("n1").local_ip_address("172.24.4.228").ip_mode(IpMode::Passthrough);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "network_id": "n1", "local_ip_address": "172.24.4.228", "ip_mode": "passthrough"}));
/// assert!(CreateOpts::default().validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The network (Neutron makes a port there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_id: Option<String>,
    /// An existing port to hold the address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_port_id: Option<String>,
    /// The address (Neutron's choice otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_ip_address: Option<String>,
    /// How it reaches the associated ports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_mode: Option<IpMode>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

impl CreateOpts {
    /// A local IP on `network_id`.
    pub fn on_network(network_id: impl Into<String>) -> Self {
        CreateOpts {
            network_id: Some(network_id.into()),
            ..Default::default()
        }
    }
    /// A local IP held by the existing port `local_port_id`.
    pub fn on_port(local_port_id: impl Into<String>) -> Self {
        CreateOpts {
            local_port_id: Some(local_port_id.into()),
            ..Default::default()
        }
    }
    /// Asks for this address.
    pub fn local_ip_address(mut self, address: impl Into<String>) -> Self {
        self.local_ip_address = Some(address.into());
        self
    }
    /// Sets the mode.
    pub fn ip_mode(mut self, mode: IpMode) -> Self {
        self.ip_mode = Some(mode);
        self
    }
    /// Sets the name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}

impl Extensible for CreateOpts {
    type Base = CreateOpts;
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::at_least_one_of(&[
            ("network_id", self.network_id.is_some()),
            ("local_port_id", self.local_port_id.is_some()),
        ])
    }
}

/// Changes to a local IP; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::local_ips::UpdateOpts;
/// assert_eq!(serde_json::to_value(UpdateOpts::default().name("n").description("d")).unwrap(),
///            serde_json::json!({"name": "n", "description": "d"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl UpdateOpts {
    /// Renames it.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}

impl Extensible for UpdateOpts {
    type Base = UpdateOpts;
}

impl Validate for UpdateOpts {}

/// Filters for listing local IPs; sorting, paging and other filters are in `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::local_ips::{IpMode, ListOpts};
/// let opts = ListOpts { ip_mode: Some(IpMode::Translate), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "ip_mode=translate");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By name (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By description (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// By port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_port_id: Option<String>,
    /// By network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_id: Option<String>,
    /// By address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_ip_address: Option<String>,
    /// By mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_mode: Option<IpMode>,
    /// By revision number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_number: Option<u64>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::common::resource_functions! {
    LocalIp, "local IP", "local_ips", extract_local_ips, without_bulk
}

// ------------------------------------------------------------------ port associations

/// A port associated with a local IP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PortAssociation {
    /// The local IP.
    pub local_ip_id: String,
    /// Its address.
    pub local_ip_address: String,
    /// The associated port.
    pub fixed_port_id: String,
    /// The port's address the local IP maps to.
    pub fixed_ip: String,
    /// The host the port is bound to (`None` while unbound).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub host: Option<String>,
}

/// A port to associate with a local IP.
///
/// ```
/// use ferrocloud::openstack::networking::v2::local_ips::AssociationOpts;
/// assert_eq!(serde_json::to_value(AssociationOpts::new("p1").fixed_ip("10.0.0.5")).unwrap(),
///            serde_json::json!({"fixed_port_id": "p1", "fixed_ip": "10.0.0.5"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AssociationOpts {
    /// The port.
    pub fixed_port_id: String,
    /// Which of its addresses (when it has several).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_ip: Option<String>,
}

impl AssociationOpts {
    /// Associates `fixed_port_id`.
    pub fn new(fixed_port_id: impl Into<String>) -> Self {
        AssociationOpts {
            fixed_port_id: fixed_port_id.into(),
            fixed_ip: None,
        }
    }
    /// Maps to this address of the port.
    pub fn fixed_ip(mut self, fixed_ip: impl Into<String>) -> Self {
        self.fixed_ip = Some(fixed_ip.into());
        self
    }
}

impl Validate for AssociationOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("fixed_port_id", !self.fixed_port_id.is_empty())
    }
}

/// Filters for listing port associations.
///
/// ```
/// use ferrocloud::openstack::networking::v2::local_ips::AssociationListOpts;
/// let opts = AssociationListOpts { host: Some("host1".into()), ..AssociationListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "host=host1");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AssociationListOpts {
    /// By port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fixed_port_id: Option<String>,
    /// By the port's address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fixed_ip: Option<String>,
    /// By host.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// Lists the port associations of a local IP.
pub fn list_port_associations(
    client: &ServiceClient,
    local_ip_id: &str,
    opts: &AssociationListOpts,
) -> Pager<PortAssociation> {
    client
        .request(&LIST_ASSOCIATIONS, &[local_ip_id])
        .query(opts)
        .paged(PageStyle::Links("port_associations_links"))
}

crate::operation::extract_fn! {
    /// The port associations of a page.
    extract_port_associations, PortAssociation
}

/// Associates a port with a local IP.
pub async fn create_port_association(
    client: &ServiceClient,
    local_ip_id: &str,
    opts: &AssociationOpts,
) -> ApiResult<PortAssociation> {
    client
        .request(&CREATE_ASSOCIATION, &[local_ip_id])
        .body(opts)
        .send()
        .await
}

/// Removes the association of the port `fixed_port_id` with a local IP.
pub async fn delete_port_association(
    client: &ServiceClient,
    local_ip_id: &str,
    fixed_port_id: &str,
) -> ApiResult<()> {
    client
        .request(&DELETE_ASSOCIATION, &[local_ip_id, fixed_port_id])
        .send()
        .await
}
