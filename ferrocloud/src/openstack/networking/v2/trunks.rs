//! Trunks (`trunk`): a parent port that carries the traffic of subports, each on its
//! own VLAN, so that one server NIC reaches several networks. List (typed filters,
//! sorting, tags), show, create, update (optionally only if unchanged since read),
//! delete, find, and the subports: add, remove, get. A parent port shows its trunk in
//! [`TrunkDetails`](crate::openstack::networking::v2::extensions::trunk_details::TrunkDetails).
//!
//! Neutron creates trunks one at a time (it answers a bulk request with 400). A subport
//! of segmentation type `inherit` takes the segmentation of its network where the trunk
//! driver supports it (not every driver does).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, parent: &str, child: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::trunks::{self, CreateOpts, Subport};
//! let trunk = trunks::create(&network, &CreateOpts::new(parent).name("vm-trunk")).await.extract()?;
//! let trunk = trunks::add_subports(&network, &trunk.id, &[Subport::vlan(child, 101)]).await.extract()?;
//! assert_eq!(trunk.sub_ports.len(), 1);
//! trunks::remove_subports(&network, &trunk.id, &[child]).await.ok()?;
//! trunks::delete(&network, &trunk.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::dates::Timestamp;
use crate::request::{ApiResult, Extensible, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "network";
    /// List trunks.
    LIST = GET "/trunks" list("trunks", Trunk);
    /// Show a trunk.
    GET = GET "/trunks/{trunk_id}" response("trunk", Trunk);
    /// Create a trunk.
    CREATE = POST "/trunks" request("trunk", CreateOpts) response("trunk", Trunk);
    /// Update a trunk.
    UPDATE = PUT "/trunks/{trunk_id}" request("trunk", UpdateOpts) response("trunk", Trunk);
    /// Delete a trunk.
    DELETE = DELETE "/trunks/{trunk_id}";
    /// Add subports to a trunk (the answer is the trunk, without an envelope).
    ADD_SUBPORTS = PUT "/trunks/{trunk_id}/add_subports" request(Subports) response(Trunk);
    /// Remove subports from a trunk.
    REMOVE_SUBPORTS = PUT "/trunks/{trunk_id}/remove_subports" request(SubportRefs)
        response(Trunk);
    /// List the subports of a trunk.
    GET_SUBPORTS = GET "/trunks/{trunk_id}/get_subports" list("sub_ports", Subport);
}

/// A subport: a port carried by a trunk on one VLAN.
///
/// ```
/// use ferrocloud::openstack::networking::v2::trunks::Subport;
/// assert_eq!(serde_json::to_value(Subport::vlan("p1", 42)).unwrap(), serde_json::json!(
///     {"port_id": "p1", "segmentation_type": "vlan", "segmentation_id": 42}));
/// assert_eq!(serde_json::to_value(Subport::inherit("p2")).unwrap(), serde_json::json!(
///     {"port_id": "p2", "segmentation_type": "inherit"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Subport {
    /// The port.
    pub port_id: String,
    /// `vlan`, or `inherit` (the segmentation of the port's network).
    pub segmentation_type: String,
    /// The VLAN ID (Neutron sends it always; left out when sending `inherit`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segmentation_id: Option<u32>,
}

impl Subport {
    /// `port_id` on VLAN `vlan_id`.
    pub fn vlan(port_id: impl Into<String>, vlan_id: u32) -> Self {
        Subport {
            port_id: port_id.into(),
            segmentation_type: "vlan".into(),
            segmentation_id: Some(vlan_id),
        }
    }
    /// `port_id` with the segmentation of its network.
    pub fn inherit(port_id: impl Into<String>) -> Self {
        Subport {
            port_id: port_id.into(),
            segmentation_type: "inherit".into(),
            segmentation_id: None,
        }
    }
}

impl Validate for Subport {
    fn validate(&self) -> Result<()> {
        crate::request::require("sub_ports.port_id", !self.port_id.is_empty())?;
        match (self.segmentation_type.as_str(), self.segmentation_id) {
            ("vlan", Some(1..=4094)) | ("inherit", None) => Ok(()),
            ("vlan", id) => Err(Error::invalid_input(format!(
                "a vlan subport needs a segmentation_id from 1 to 4094, not {id:?}"
            ))),
            _ => Ok(()),
        }
    }
}

/// The body of [`add_subports`]: the subports to add.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Subports {
    /// The subports.
    pub sub_ports: Vec<Subport>,
}

impl Validate for Subports {
    fn validate(&self) -> Result<()> {
        crate::request::require("sub_ports", !self.sub_ports.is_empty())?;
        self.sub_ports.iter().try_for_each(Validate::validate)
    }
}

/// A subport named by its port, to remove it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubportRef {
    /// The port.
    pub port_id: String,
}

/// The body of [`remove_subports`]: the subports to remove.
///
/// ```
/// use ferrocloud::openstack::networking::v2::trunks::SubportRefs;
/// assert_eq!(serde_json::to_value(SubportRefs::new(["p1"])).unwrap(),
///            serde_json::json!({"sub_ports": [{"port_id": "p1"}]}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubportRefs {
    /// The subports.
    pub sub_ports: Vec<SubportRef>,
}

impl SubportRefs {
    /// The subports of these port IDs.
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(port_ids: I) -> Self {
        SubportRefs {
            sub_ports: port_ids
                .into_iter()
                .map(|p| SubportRef { port_id: p.into() })
                .collect(),
        }
    }
}

impl Validate for SubportRefs {
    fn validate(&self) -> Result<()> {
        crate::request::require("sub_ports", !self.sub_ports.is_empty())?;
        self.sub_ports
            .iter()
            .try_for_each(|s| crate::request::require("sub_ports.port_id", !s.port_id.is_empty()))
    }
}

/// A trunk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Trunk {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// The administrative state: a trunk that is down refuses subport changes.
    pub admin_state_up: bool,
    /// `ACTIVE`, `DOWN` (parent port not bound yet), `BUILD`, `DEGRADED` or `ERROR`.
    pub status: String,
    /// The parent port.
    pub port_id: String,
    /// The subports.
    pub sub_ports: Vec<Subport>,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// Its tags (empty when the `standard-attr-tag` extension is not loaded).
    #[serde(default)]
    pub tags: Vec<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated_at: Timestamp,
    /// Incremented on every change; see [`update_if_revision`].
    pub revision_number: u64,
}

impl crate::find::Named for Trunk {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// Options for creating a trunk on a parent port.
///
/// ```
/// use ferrocloud::openstack::networking::v2::trunks::{CreateOpts, Subport};
/// let opts = CreateOpts::new("parent").name("t").sub_ports([Subport::vlan("child", 7)]);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"port_id": "parent",
///     "name": "t", "sub_ports": [{"port_id": "child", "segmentation_type": "vlan", "segmentation_id": 7}]}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The parent port.
    pub port_id: String,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The administrative state (up by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// Subports to start with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_ports: Vec<Subport>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

impl CreateOpts {
    /// A trunk whose parent is `port_id`.
    pub fn new(port_id: impl Into<String>) -> Self {
        CreateOpts {
            port_id: port_id.into(),
            ..Default::default()
        }
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
    /// Sets the administrative state.
    pub fn admin_state_up(mut self, up: bool) -> Self {
        self.admin_state_up = Some(up);
        self
    }
    /// Sets the subports.
    pub fn sub_ports<I: IntoIterator<Item = Subport>>(mut self, sub_ports: I) -> Self {
        self.sub_ports = sub_ports.into_iter().collect();
        self
    }
}

impl Extensible for CreateOpts {
    type Base = CreateOpts;
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("port_id", !self.port_id.is_empty())?;
        self.sub_ports.iter().try_for_each(Validate::validate)
    }
}

/// Changes to a trunk; unset fields are left as they are (subports change with
/// [`add_subports`] and [`remove_subports`]).
///
/// ```
/// use ferrocloud::openstack::networking::v2::trunks::UpdateOpts;
/// assert_eq!(serde_json::to_value(UpdateOpts::default().name("foo").admin_state_up(true)).unwrap(),
///            serde_json::json!({"name": "foo", "admin_state_up": true}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A new administrative state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
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
    /// Sets the administrative state.
    pub fn admin_state_up(mut self, up: bool) -> Self {
        self.admin_state_up = Some(up);
        self
    }
}

impl Extensible for UpdateOpts {
    type Base = UpdateOpts;
}

impl Validate for UpdateOpts {}

/// Filters for listing trunks; sorting, paging, tags and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::trunks::ListOpts;
/// let opts = ListOpts { port_id: Some("p1".into()), ..ListOpts::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "port_id=p1");
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
    /// By parent port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port_id: Option<String>,
    /// By status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// By administrative state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// By revision number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_number: Option<u64>,
    /// Sorting, paging, fields, tags and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::common::resource_functions! {
    Trunk, "trunk", "trunks", extract_trunks, without_bulk
}

/// Adds subports to a trunk; answers with the trunk.
pub async fn add_subports(client: &ServiceClient, trunk_id: &str, sub_ports: &[Subport]) -> ApiResult<Trunk> {
    let body = Subports {
        sub_ports: sub_ports.to_vec(),
    };
    client.request(&ADD_SUBPORTS, &[trunk_id]).body(&body).send().await
}

/// Removes the subports of these port IDs from a trunk; answers with the trunk.
pub async fn remove_subports<S: AsRef<str>>(
    client: &ServiceClient,
    trunk_id: &str,
    port_ids: &[S],
) -> ApiResult<Trunk> {
    let body = SubportRefs::new(port_ids.iter().map(AsRef::as_ref));
    client.request(&REMOVE_SUBPORTS, &[trunk_id]).body(&body).send().await
}

/// The subports of a trunk.
pub async fn get_subports(client: &ServiceClient, trunk_id: &str) -> ApiResult<Vec<Subport>> {
    client.request(&GET_SUBPORTS, &[trunk_id]).send().await
}
