//! Network segments (`segment`, routed networks): list (typed filters, sorting, any
//! attribute), show, create (admin: a new segment of a network, with its type,
//! physical network and segmentation ID), update (name and description, optionally
//! only if unchanged since read), delete, find. Neutron creates segments one at a time
//! (no bulk creation), and gives each network a first segment of its own.
//!
//! A subnet's segment is read and set with
//! [`SegmentId`](crate::openstack::networking::v2::extensions::segments::SegmentId).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, net_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::segments::{self, CreateOpts, ListOpts};
//! // A VLAN segment on the `public` physical network; Neutron picks a free VLAN ID.
//! let opts = CreateOpts::new(net_id, "vlan").physical_network("public").name("rack-2");
//! let segment = segments::create(&network, &opts).await.extract()?;
//! println!("VLAN {:?}", segment.segmentation_id);
//! let of_net = segments::list(&network, &ListOpts { network_id: Some(net_id.into()), ..ListOpts::default() })
//!     .all().await?;
//! segments::delete(&network, &segment.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::dates::Timestamp;
use crate::request::{Extensible, Validate, require};
use crate::Result;

crate::operations! {
    service: "network";
    /// List segments.
    LIST = GET "/segments" list("segments", Segment);
    /// Show a segment.
    GET = GET "/segments/{segment_id}" response("segment", Segment);
    /// Create a segment.
    CREATE = POST "/segments" request("segment", CreateOpts) response("segment", Segment);
    /// Update a segment.
    UPDATE = PUT "/segments/{segment_id}" request("segment", UpdateOpts) response("segment", Segment);
    /// Delete a segment.
    DELETE = DELETE "/segments/{segment_id}";
}

/// A network segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Segment {
    /// The ID.
    pub id: String,
    /// The network it belongs to.
    pub network_id: String,
    /// The name (`None`: none given, as for a network's first segment).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// Its description (`None` for a network's first segment).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// `flat`, `vlan`, `vxlan`, `geneve`, `gre`, `local`.
    pub network_type: String,
    /// The physical network (flat and VLAN segments; `None` for tunnels).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub physical_network: Option<String>,
    /// The VLAN ID or tunnel ID (`None` for flat segments).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub segmentation_id: Option<u32>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated_at: Timestamp,
    /// Incremented on every change; see [`update_if_revision`].
    pub revision_number: u64,
}

impl crate::find::Named for Segment {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        self.name.as_deref().unwrap_or_default()
    }
}

/// Options for creating a segment (admin).
///
/// ```
/// use ferrocloud::openstack::networking::v2::segments::CreateOpts;
/// let opts = CreateOpts::new("net-1", "vlan").physical_network("public").segmentation_id(2000);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "network_id": "net-1", "network_type": "vlan",
///     "physical_network": "public", "segmentation_id": 2000}));
/// use ferrocloud::request::Validate;
/// assert!(CreateOpts::new("", "vlan").validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The network.
    pub network_id: String,
    /// `flat`, `vlan`, `vxlan`, `geneve`, `gre`, `local` (one of ML2's type drivers).
    pub network_type: String,
    /// The physical network (flat and VLAN segments).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub physical_network: Option<String>,
    /// The VLAN ID or tunnel ID; Neutron picks a free one when unset (the API reference
    /// calls it required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segmentation_id: Option<u32>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CreateOpts {
    /// A segment of type `network_type` of the network `network_id`.
    pub fn new(network_id: impl Into<String>, network_type: impl Into<String>) -> Self {
        CreateOpts {
            network_id: network_id.into(),
            network_type: network_type.into(),
            physical_network: None,
            segmentation_id: None,
            name: None,
            description: None,
        }
    }
    /// Sets the physical network.
    pub fn physical_network(mut self, physical_network: impl Into<String>) -> Self {
        self.physical_network = Some(physical_network.into());
        self
    }
    /// Sets the segmentation ID.
    pub fn segmentation_id(mut self, id: u32) -> Self {
        self.segmentation_id = Some(id);
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
        require("network_id", !self.network_id.is_empty())?;
        require("network_type", !self.network_type.is_empty())
    }
}

/// Changes to a segment (its name and description only).
///
/// ```
/// use ferrocloud::openstack::networking::v2::segments::UpdateOpts;
/// let opts = UpdateOpts::default().name("1").description("Segment One");
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"name": "1", "description": "Segment One"}));
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

/// Filters for listing segments; sorting, paging and other filters are in `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::segments::ListOpts;
/// let opts = ListOpts { network_type: Some("vlan".into()), segmentation_id: Some(100), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "network_type=vlan&segmentation_id=100");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_id: Option<String>,
    /// By name (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By description (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// By network type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_type: Option<String>,
    /// By physical network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub physical_network: Option<String>,
    /// By segmentation ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segmentation_id: Option<u32>,
    /// By revision number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_number: Option<u64>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::common::resource_functions! {
    Segment, "segment", "segments", extract_segments, without_bulk
}
