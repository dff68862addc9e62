//! Flavors of the service plugins (`flavors`): named choices of driver for a service
//! type (an L3 router flavor picks `single_node`, `ha` or `dvr`), each served by the
//! [service profiles](crate::openstack::networking::v2::service_profiles) associated
//! with it. List, show, create, update, delete, find (creating and changing them is for
//! admins); associate and disassociate a service profile.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::flavors::{self, CreateOpts, UpdateOpts};
//! let flavor = flavors::create(&network, &CreateOpts::new("L3_ROUTER_NAT").name("ha-routers"))
//!     .await.extract()?;
//! flavors::associate(&network, &flavor.id, "service-profile-id").await.ok()?;
//! let shown = flavors::get(&network, &flavor.id).await.extract()?;
//! assert_eq!(shown.service_profiles, ["service-profile-id"]);
//! flavors::disassociate(&network, &flavor.id, "service-profile-id").await.ok()?;
//! flavors::update(&network, &flavor.id, &UpdateOpts::default().enabled(false)).await.extract()?;
//! flavors::delete(&network, &flavor.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "network";
    /// List flavors.
    LIST = GET "/flavors" list("flavors", Flavor);
    /// Show a flavor.
    GET = GET "/flavors/{flavor_id}" response("flavor", Flavor);
    /// Create a flavor.
    CREATE = POST "/flavors" request("flavor", CreateOpts) response("flavor", Flavor);
    /// Update a flavor.
    UPDATE = PUT "/flavors/{flavor_id}" request("flavor", UpdateOpts) response("flavor", Flavor);
    /// Delete a flavor.
    DELETE = DELETE "/flavors/{flavor_id}";
    /// Associate a service profile with a flavor.
    ASSOCIATE = POST "/flavors/{flavor_id}/service_profiles"
        request("service_profile", ProfileRef) response("service_profile", ProfileRef);
    /// Disassociate a service profile from a flavor.
    DISASSOCIATE = DELETE "/flavors/{flavor_id}/service_profiles/{profile_id}";
}

/// A flavor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Flavor {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// The service type it is for (`L3_ROUTER_NAT`, `FIREWALL`…).
    pub service_type: String,
    /// Whether it can be chosen.
    pub enabled: bool,
    /// The IDs of its service profiles.
    pub service_profiles: Vec<String>,
}

impl crate::find::Named for Flavor {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// A service profile named by ID: the body of [`associate`] and of its answer.
///
/// ```
/// use ferrocloud::openstack::networking::v2::flavors::ProfileRef;
/// assert_eq!(serde_json::to_value(ProfileRef::new("4e5b")).unwrap(), serde_json::json!({"id": "4e5b"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProfileRef {
    /// The ID.
    pub id: String,
}

impl ProfileRef {
    /// The service profile `id`.
    pub fn new(id: impl Into<String>) -> Self {
        ProfileRef { id: id.into() }
    }
}

impl Validate for ProfileRef {
    fn validate(&self) -> Result<()> {
        crate::request::require("id", !self.id.is_empty())
    }
}

/// Options for creating a flavor (admin).
///
/// ```
/// use ferrocloud::openstack::networking::v2::flavors::CreateOpts;
/// let opts = CreateOpts::new("FIREWALL").enabled(true).name("dummy").description("Dummy flavor");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "service_type": "FIREWALL", "enabled": true, "name": "dummy", "description": "Dummy flavor"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The service type it is for (a service plugin must be loaded for it).
    pub service_type: String,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether it can be chosen (true by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

impl CreateOpts {
    /// A flavor for `service_type`.
    pub fn new(service_type: impl Into<String>) -> Self {
        CreateOpts {
            service_type: service_type.into(),
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
    /// Enables or disables it.
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("service_type", !self.service_type.is_empty())
    }
}

/// Changes to a flavor; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::flavors::UpdateOpts;
/// let opts = UpdateOpts::default().name("newname").enabled(false);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"name": "newname", "enabled": false}));
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
    /// Enable or disable it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
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
    /// Enables or disables it.
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }
}

impl Validate for UpdateOpts {}

/// Filters for listing flavors; sorting, paging and other filters are in `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::flavors::ListOpts;
/// let opts = ListOpts { service_type: Some("L3_ROUTER_NAT".into()), enabled: Some(true), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "service_type=L3_ROUTER_NAT&enabled=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// By service type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_type: Option<String>,
    /// Enabled flavors only, or disabled only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::crud::crud! {
    Flavor, "flavor", "flavors", "flavors_links", extract_flavors;
    list, get, create, update, delete, find
}

/// Associates service profile `profile_id` with flavor `flavor_id` (admin).
///
/// Neutron (2025.2) answers with the *flavor's* ID in `service_profile.id`, not the
/// profile's as the API reference shows: read the association back with [`get`].
pub async fn associate(
    client: &ServiceClient,
    flavor_id: &str,
    profile_id: &str,
) -> ApiResult<ProfileRef> {
    client
        .request(&ASSOCIATE, &[flavor_id])
        .body(&ProfileRef::new(profile_id))
        .send()
        .await
}

/// Disassociates service profile `profile_id` from flavor `flavor_id` (admin).
pub async fn disassociate(
    client: &ServiceClient,
    flavor_id: &str,
    profile_id: &str,
) -> ApiResult<()> {
    client
        .request(&DISASSOCIATE, &[flavor_id, profile_id])
        .send()
        .await
}
