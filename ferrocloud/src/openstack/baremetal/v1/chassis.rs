//! Chassis: groups of nodes that share a frame.
//!
//! ```no_run
//! # async fn demo(ironic: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetal::v1::chassis::{self, CreateOpts};
//! let c = chassis::create(&ironic, &CreateOpts { description: Some("rack 12".into()), ..Default::default() }).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Links, Listing, Object, Versioned};
use crate::dates::Timestamp;
use crate::request::Validate;

crate::operations! {
    service: "baremetal";
    /// Create a chassis.
    CREATE = POST "/chassis" request(CreateOpts) response(Chassis);
    /// List chassis.
    LIST = GET "/chassis" list("chassis", ChassisSummary);
    /// List chassis with their details.
    LIST_DETAIL = GET "/chassis/detail" list("chassis", Chassis);
    /// Show a chassis.
    GET = GET "/chassis/{chassis_id}" response(Chassis);
    /// Update a chassis.
    UPDATE = PATCH "/chassis/{chassis_id}" request(super::common::Patch) response(Chassis);
    /// Delete a chassis.
    DELETE = DELETE "/chassis/{chassis_id}";
}

/// A chassis, as the plain listing gives it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ChassisSummary {
    /// The UUID.
    pub uuid: String,
    /// The description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// Its links.
    pub links: Links,
}

/// A chassis.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Chassis {
    /// The UUID.
    pub uuid: String,
    /// The description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// Free-form data.
    pub extra: Object,
    /// The links of its nodes. Ironic 2026.1 answers them wrapped in one more list
    /// (`[[…]]`); they are read flat.
    #[serde(deserialize_with = "super::common::flat_links")]
    pub nodes: Links,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Its links.
    pub links: Links,
}

/// What the chassis listings take.
pub type ListOpts = Listing;

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::baremetal::v1::chassis::CreateOpts;
/// let o = CreateOpts { description: Some("Sample chassis".into()), ..Default::default() };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"description": "Sample chassis"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Free-form data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra: Option<Object>,
    /// A UUID of one's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
}

impl Validate for CreateOpts {}
impl Versioned for CreateOpts {}

super::common::resource_functions!(Chassis, ChassisSummary, "chassis"; list list_detail get create update delete);
