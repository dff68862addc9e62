//! Service profiles (admin, `flavors`): a driver (and its free-form `metainfo`) that can
//! serve the [flavors](crate::openstack::networking::v2::flavors) it is associated with.
//! List, show, create, update, delete. Neutron refuses a driver that no loaded service
//! provider names, and changes to a profile in use by a flavor (409).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::service_profiles::{self, CreateOpts, ListOpts, UpdateOpts};
//! let driver = "neutron.services.l3_router.service_providers.single_node.SingleNodeDriver";
//! let profile = service_profiles::create(&network, &CreateOpts::driver(driver).description("single node"))
//!     .await.extract()?;
//! service_profiles::update(&network, &profile.id, &UpdateOpts::default().enabled(false)).await.extract()?;
//! let of_driver = ListOpts { driver: Some(driver.into()), ..ListOpts::default() };
//! assert!(service_profiles::list(&network, &of_driver).all().await?.iter().any(|p| p.id == profile.id));
//! service_profiles::delete(&network, &profile.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List service profiles.
    LIST = GET "/service_profiles" list("service_profiles", ServiceProfile);
    /// Show a service profile.
    GET = GET "/service_profiles/{profile_id}" response("service_profile", ServiceProfile);
    /// Create a service profile.
    CREATE = POST "/service_profiles" request("service_profile", CreateOpts)
        response("service_profile", ServiceProfile);
    /// Update a service profile.
    UPDATE = PUT "/service_profiles/{profile_id}" request("service_profile", UpdateOpts)
        response("service_profile", ServiceProfile);
    /// Delete a service profile.
    DELETE = DELETE "/service_profiles/{profile_id}";
}

/// A service profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ServiceProfile {
    /// The ID.
    pub id: String,
    /// Its description (may be empty).
    pub description: String,
    /// The driver's import path (may be empty when `metainfo` says it all).
    pub driver: String,
    /// Free-form information for the driver, as text (may be empty).
    pub metainfo: String,
    /// Whether it may serve flavors.
    pub enabled: bool,
}

/// Options for creating a service profile: a driver, metainfo, or both.
///
/// ```
/// use ferrocloud::openstack::networking::v2::service_profiles::CreateOpts;
/// let opts = CreateOpts::driver("neutron.services.vpn.device_drivers.ipsec.OpenSwanDriver")
///     .description("Dummy profile").metainfo("{'foo': 'bar'}").enabled(true);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "driver": "neutron.services.vpn.device_drivers.ipsec.OpenSwanDriver",
///     "description": "Dummy profile", "metainfo": "{'foo': 'bar'}", "enabled": true}));
/// use ferrocloud::request::Validate;
/// assert!(CreateOpts::default().validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The driver's import path (one a loaded service provider names).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub driver: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Free-form information for the driver.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metainfo: Option<String>,
    /// Whether it may serve flavors (true by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

impl CreateOpts {
    /// A profile for `driver`.
    pub fn driver(driver: impl Into<String>) -> Self {
        CreateOpts {
            driver: Some(driver.into()),
            ..Default::default()
        }
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// Sets the metainfo.
    pub fn metainfo(mut self, metainfo: impl Into<String>) -> Self {
        self.metainfo = Some(metainfo.into());
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
        let given = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.is_empty());
        if !given(&self.driver) && !given(&self.metainfo) {
            return Err(Error::invalid_input(
                "a service profile needs a driver or metainfo",
            ));
        }
        Ok(())
    }
}

/// Changes to a service profile; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::service_profiles::UpdateOpts;
/// let opts = UpdateOpts::default().enabled(false).description("New description");
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"enabled": false, "description": "New description"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new driver.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub driver: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// New metainfo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metainfo: Option<String>,
    /// Enable or disable it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

impl UpdateOpts {
    /// Sets the driver.
    pub fn driver(mut self, driver: impl Into<String>) -> Self {
        self.driver = Some(driver.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// Sets the metainfo.
    pub fn metainfo(mut self, metainfo: impl Into<String>) -> Self {
        self.metainfo = Some(metainfo.into());
        self
    }
    /// Enables or disables it.
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }
}

impl Validate for UpdateOpts {}

/// Filters for listing service profiles; sorting, paging and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::service_profiles::ListOpts;
/// let opts = ListOpts { enabled: Some(true), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "enabled=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By driver.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub driver: Option<String>,
    /// By description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Enabled profiles only, or disabled only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::crud::crud! {
    ServiceProfile, "service profile", "service profiles", "service_profiles_links",
    extract_service_profiles;
    list, get, create, update, delete
}
