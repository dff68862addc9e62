//! Availability zone profiles: the provider settings behind availability zones, as JSON text
//! (`{"compute_zone": "az1"}`; admins; API 2.14).
//!
//! ```no_run
//! # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::loadbalancer::v2::availability_zone_profiles::{self, CreateOpts};
//! let data = serde_json::json!({"compute_zone": "az1"});
//! let opts = CreateOpts::new("az1-profile", "amphora", &data)?;
//! let p = availability_zone_profiles::create(&lb, &opts).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{ListControls, lb_functions, named};
use crate::request::Validate;

crate::operations! {
    service: "load-balancer";
    /// List availability zone profiles.
    LIST = GET "/lbaas/availabilityzoneprofiles" list("availability_zone_profiles", AvailabilityZoneProfile);
    /// Create an availability zone profile.
    CREATE = POST "/lbaas/availabilityzoneprofiles" request("availability_zone_profile", CreateOpts) response("availability_zone_profile", AvailabilityZoneProfile);
    /// Show an availability zone profile.
    GET = GET "/lbaas/availabilityzoneprofiles/{availability_zone_profile_id}" response("availability_zone_profile", AvailabilityZoneProfile);
    /// Update an availability zone profile.
    UPDATE = PUT "/lbaas/availabilityzoneprofiles/{availability_zone_profile_id}" request("availability_zone_profile", UpdateOpts) response("availability_zone_profile", AvailabilityZoneProfile);
    /// Delete an availability zone profile.
    DELETE = DELETE "/lbaas/availabilityzoneprofiles/{availability_zone_profile_id}";
}

/// An availability zone profile.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AvailabilityZoneProfile {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The provider it configures.
    pub provider_name: String,
    /// The settings: a JSON object, as text.
    pub availability_zone_data: String,
}

named!(AvailabilityZoneProfile);

/// What [`list`] filters on, besides the [`ListControls`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Profiles of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Of this provider.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider_name: Option<String>,
    /// Paging, sorting and fields.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::availability_zone_profiles::CreateOpts;
/// let o = CreateOpts::new("p", "amphora", &serde_json::json!({"compute_zone": "az1"})).unwrap();
/// assert_eq!(o.availability_zone_data, r#"{"compute_zone":"az1"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (required).
    pub name: String,
    /// The provider it configures (required).
    pub provider_name: String,
    /// The settings: a JSON object, as text (required).
    pub availability_zone_data: String,
}

impl CreateOpts {
    /// A profile `name` of `provider_name` with the settings `data`.
    pub fn new(
        name: impl Into<String>,
        provider_name: impl Into<String>,
        data: &serde_json::Value,
    ) -> crate::Result<Self> {
        Ok(CreateOpts {
            name: name.into(),
            provider_name: provider_name.into(),
            availability_zone_data: super::flavorprofiles::data_text("availability_zone_data", data)?,
        })
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("name", !self.name.is_empty())?;
        crate::request::require("provider_name", !self.provider_name.is_empty())?;
        crate::request::require("availability_zone_data", !self.availability_zone_data.is_empty())
    }
}

/// What [`update`] changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_name: Option<String>,
    /// New settings (a JSON object, as text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone_data: Option<String>,
}

impl Validate for UpdateOpts {}

lb_functions! {
    AvailabilityZoneProfile, "availability zone profile", "availability_zone_profile_links", extract_availability_zone_profiles, [];
    list get create update delete find
}
