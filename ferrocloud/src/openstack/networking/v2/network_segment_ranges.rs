//! Network segment ranges (`network-segment-range`, admin): the VLAN IDs and tunnel IDs
//! Neutron allocates from, shared or reserved for one project. List (typed filters,
//! sorting, tags, any attribute), show (with the IDs still available and those in use),
//! create, update (name, description and bounds, optionally only if
//! unchanged since read), delete, find. Neutron makes one default range per type and
//! physical network from ML2's configuration; those cannot be changed. A project's
//! tenant networks take their IDs from the ranges reserved for it first, and a range
//! with an ID in use cannot be deleted (409).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, project_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::network_segment_ranges::{self, CreateOpts, UpdateOpts};
//! let opts = CreateOpts::vlan("public", 300, 309).name("tenant-a").project_id(project_id);
//! let range = network_segment_ranges::create(&network, &opts).await.extract()?;
//! assert_eq!(range.available.len(), 10);
//! let range = network_segment_ranges::update(&network, &range.id, &UpdateOpts::default().maximum(319))
//!     .await.extract()?;
//! for (vlan, project) in &range.used {
//!     println!("VLAN {vlan} is used by {project}");
//! }
//! network_segment_ranges::delete(&network, &range.id).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::dates::Timestamp;
use crate::request::{Extensible, Validate, require};
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List network segment ranges.
    LIST = GET "/network_segment_ranges" list("network_segment_ranges", NetworkSegmentRange);
    /// Show a network segment range.
    GET = GET "/network_segment_ranges/{network_segment_range_id}"
        response("network_segment_range", NetworkSegmentRange);
    /// Create a network segment range.
    CREATE = POST "/network_segment_ranges"
        request("network_segment_range", CreateOpts)
        response("network_segment_range", NetworkSegmentRange);
    /// Update a network segment range.
    UPDATE = PUT "/network_segment_ranges/{network_segment_range_id}"
        request("network_segment_range", UpdateOpts)
        response("network_segment_range", NetworkSegmentRange);
    /// Delete a network segment range.
    DELETE = DELETE "/network_segment_ranges/{network_segment_range_id}";
}

/// A range of segmentation IDs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NetworkSegmentRange {
    /// The ID.
    pub id: String,
    /// The name (empty for the default ranges, which Neutron sends without one).
    #[serde(default)]
    pub name: String,
    /// Its description (`null`, read as empty, for the default ranges).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub description: String,
    /// One of the default ranges, made from ML2's configuration.
    pub default: bool,
    /// Shared by every project (otherwise reserved for `project_id`).
    pub shared: bool,
    /// The project it is reserved for (`None` for shared ranges, which Neutron lists
    /// without it).
    #[serde(default)]
    pub project_id: Option<String>,
    /// The same, under the older name (Neutron does not send it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// `vlan`, `vxlan`, `geneve` or `gre`.
    pub network_type: String,
    /// The physical network of a VLAN range (`None` for tunnels, which Neutron sends as
    /// `""`).
    #[serde(deserialize_with = "crate::de::empty_as_none")]
    pub physical_network: Option<String>,
    /// The first ID.
    pub minimum: u32,
    /// The last ID.
    pub maximum: u32,
    /// The IDs not in use.
    pub available: Vec<u32>,
    /// The IDs in use, with the project using each.
    pub used: BTreeMap<u32, String>,
    /// Its tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed (`None` for the default ranges, which Neutron sends without
    /// it).
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// Incremented on every change; see [`update_if_revision`].
    pub revision_number: u64,
}

impl crate::find::Named for NetworkSegmentRange {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

fn check_bounds(minimum: Option<u32>, maximum: Option<u32>) -> Result<()> {
    match (minimum, maximum) {
        (Some(min), Some(max)) if min > max => Err(Error::invalid_input(format!(
            "minimum ({min}) must not be greater than maximum ({max})"
        ))),
        _ => Ok(()),
    }
}

/// Options for creating a network segment range.
///
/// ```
/// use ferrocloud::openstack::networking::v2::network_segment_ranges::CreateOpts;
/// let opts = CreateOpts::vlan("physnet1", 10, 20).name("range_vlan_physnet1")
///     .project_id("7011dc7fccac4efda89dc3b7f0d0975a");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "name": "range_vlan_physnet1", "shared": false,
///     "project_id": "7011dc7fccac4efda89dc3b7f0d0975a", "network_type": "vlan",
///     "physical_network": "physnet1", "minimum": 10, "maximum": 20}));
/// use ferrocloud::request::Validate;
/// assert!(CreateOpts::tunnel("vxlan", 20, 10).validate().is_err());
/// assert!(CreateOpts::tunnel("vxlan", 1, 10).project_id("p").validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Shared by every project; false reserves it for `project_id`, which is then
    /// required.
    pub shared: bool,
    /// The project it is reserved for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// `vlan`, `vxlan`, `geneve` or `gre`.
    pub network_type: String,
    /// The physical network (VLAN ranges).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub physical_network: Option<String>,
    /// The first ID.
    pub minimum: u32,
    /// The last ID.
    pub maximum: u32,
}

impl CreateOpts {
    /// A shared range of `network_type` from `minimum` to `maximum`.
    pub fn new(network_type: impl Into<String>, minimum: u32, maximum: u32) -> Self {
        CreateOpts {
            name: None,
            description: None,
            shared: true,
            project_id: None,
            network_type: network_type.into(),
            physical_network: None,
            minimum,
            maximum,
        }
    }
    /// A shared range of VLAN IDs on `physical_network`.
    pub fn vlan(physical_network: impl Into<String>, minimum: u32, maximum: u32) -> Self {
        CreateOpts {
            physical_network: Some(physical_network.into()),
            ..Self::new("vlan", minimum, maximum)
        }
    }
    /// A shared range of tunnel IDs (`vxlan`, `geneve`, `gre`).
    pub fn tunnel(network_type: impl Into<String>, minimum: u32, maximum: u32) -> Self {
        Self::new(network_type, minimum, maximum)
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
    /// Shares it with every project, or not (then `project_id` is required).
    pub fn shared(mut self, shared: bool) -> Self {
        self.shared = shared;
        self
    }
    /// Reserves it for a project (and makes it unshared).
    pub fn project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self.shared = false;
        self
    }
}

impl Extensible for CreateOpts {
    type Base = CreateOpts;
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("network_type", !self.network_type.is_empty())?;
        if !self.shared {
            require("project_id (of a range that is not shared)", self.project_id.is_some())?;
        }
        check_bounds(Some(self.minimum), Some(self.maximum))
    }
}

/// Changes to a network segment range; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::network_segment_ranges::UpdateOpts;
/// let opts = UpdateOpts::default().name("new_range").minimum(10).maximum(20);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"name": "new_range", "minimum": 10, "maximum": 20}));
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
    /// A new first ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum: Option<u32>,
    /// A new last ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum: Option<u32>,
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
    /// Sets the first ID.
    pub fn minimum(mut self, minimum: u32) -> Self {
        self.minimum = Some(minimum);
        self
    }
    /// Sets the last ID.
    pub fn maximum(mut self, maximum: u32) -> Self {
        self.maximum = Some(maximum);
        self
    }
}

impl Extensible for UpdateOpts {
    type Base = UpdateOpts;
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        check_bounds(self.minimum, self.maximum)
    }
}

/// Filters for listing network segment ranges; sorting, paging, tags and other filters
/// are in `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::network_segment_ranges::ListOpts;
/// let opts = ListOpts { network_type: Some("vlan".into()), default: Some(false), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "default=false&network_type=vlan");
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
    /// Default ranges only, or the others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<bool>,
    /// Shared ranges only, or reserved only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// By project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// By network type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_type: Option<String>,
    /// By physical network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub physical_network: Option<String>,
    /// By revision number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_number: Option<u64>,
    /// Sorting, paging, fields, tags and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::common::resource_functions! {
    NetworkSegmentRange, "network segment range", "network_segment_ranges",
    extract_network_segment_ranges, without_bulk
}
