//! Availability zones users may place load balancers in (API 2.14). An availability
//! zone is named, not numbered: its name is its ID in paths.
//!
//! ```no_run
//! # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::loadbalancer::v2::availability_zones::{self, CreateOpts};
//! availability_zones::create(&lb, &CreateOpts::new("my_az", "5712097e")).await.extract()?;
//! let az = availability_zones::find(&lb, "my_az").await?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{ListControls, lb_functions};
use crate::request::Validate;

crate::operations! {
    service: "load-balancer";
    /// List availability zones.
    LIST = GET "/lbaas/availabilityzones" list("availability_zones", AvailabilityZone);
    /// Create an availability zone (admins).
    CREATE = POST "/lbaas/availabilityzones" request("availability_zone", CreateOpts) response("availability_zone", AvailabilityZone);
    /// Show an availability zone.
    GET = GET "/lbaas/availabilityzones/{availability_zone_name}" response("availability_zone", AvailabilityZone);
    /// Update an availability zone (admins).
    UPDATE = PUT "/lbaas/availabilityzones/{availability_zone_name}" request("availability_zone", UpdateOpts) response("availability_zone", AvailabilityZone);
    /// Delete an availability zone (admins).
    DELETE = DELETE "/lbaas/availabilityzones/{availability_zone_name}";
}

/// An availability zone.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AvailabilityZone {
    /// The name, which is also its ID.
    pub name: String,
    /// The description (`""` when it has none).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub description: String,
    /// Whether users may pick it.
    pub enabled: bool,
    /// Its availability zone profile.
    pub availability_zone_profile_id: String,
}

impl crate::find::Named for AvailabilityZone {
    fn id(&self) -> &str {
        &self.name
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// What [`list`] filters on, besides the [`ListControls`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// The zone of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Enabled or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Of this profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub availability_zone_profile_id: Option<String>,
    /// Paging, sorting and fields.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::availability_zones::CreateOpts;
/// assert_eq!(serde_json::to_value(CreateOpts::new("az1", "5712097e")).unwrap(),
///     serde_json::json!({"name": "az1", "availability_zone_profile_id": "5712097e"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (required).
    pub name: String,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether users may pick it (true by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Its profile (required).
    pub availability_zone_profile_id: String,
}

impl CreateOpts {
    /// An availability zone `name` of the profile `profile_id`.
    pub fn new(name: impl Into<String>, profile_id: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            availability_zone_profile_id: profile_id.into(),
            ..Default::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("name", !self.name.is_empty())?;
        crate::request::require(
            "availability_zone_profile_id",
            !self.availability_zone_profile_id.is_empty(),
        )
    }
}

/// What [`update`] changes.
///
/// ```
/// let opts = ferrocloud::openstack::loadbalancer::v2::availability_zones::UpdateOpts { enabled: Some(false), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"enabled": false}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Enabled or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

impl Validate for UpdateOpts {}

lb_functions! {
    AvailabilityZone, "availability zone", "availability_zones_links", extract_availability_zones, [];
    list get create update delete find
}
