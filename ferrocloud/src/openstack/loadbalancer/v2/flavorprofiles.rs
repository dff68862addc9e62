//! Flavor profiles: the provider settings behind flavors, as a JSON document in text
//! (`{"loadbalancer_topology": "ACTIVE_STANDBY"}`; admins; API 2.6).
//!
//! ```no_run
//! # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::loadbalancer::v2::flavorprofiles::{self, CreateOpts};
//! let data = serde_json::json!({"loadbalancer_topology": "ACTIVE_STANDBY"});
//! let opts = CreateOpts::new("amphora-act-stdby", "amphora", &data)?;
//! let p = flavorprofiles::create(&lb, &opts).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{ListControls, lb_functions, named};
use crate::request::Validate;

crate::operations! {
    service: "load-balancer";
    /// List flavor profiles.
    LIST = GET "/lbaas/flavorprofiles" list("flavorprofiles", FlavorProfile);
    /// Create a flavor profile.
    CREATE = POST "/lbaas/flavorprofiles" request("flavorprofile", CreateOpts) response("flavorprofile", FlavorProfile);
    /// Show a flavor profile.
    GET = GET "/lbaas/flavorprofiles/{flavorprofile_id}" response("flavorprofile", FlavorProfile);
    /// Update a flavor profile.
    UPDATE = PUT "/lbaas/flavorprofiles/{flavorprofile_id}" request("flavorprofile", UpdateOpts) response("flavorprofile", FlavorProfile);
    /// Delete a flavor profile.
    DELETE = DELETE "/lbaas/flavorprofiles/{flavorprofile_id}";
}

/// A flavor profile.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct FlavorProfile {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The provider it configures.
    pub provider_name: String,
    /// The settings: a JSON object, as text.
    pub flavor_data: String,
}

named!(FlavorProfile);

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
/// use ferrocloud::openstack::loadbalancer::v2::flavorprofiles::CreateOpts;
/// let o = CreateOpts::new("p", "amphora", &serde_json::json!({"loadbalancer_topology": "SINGLE"})).unwrap();
/// assert_eq!(o.flavor_data, r#"{"loadbalancer_topology":"SINGLE"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (required).
    pub name: String,
    /// The provider it configures (required).
    pub provider_name: String,
    /// The settings: a JSON object, as text (required).
    pub flavor_data: String,
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
            flavor_data: data_text("flavor_data", data)?,
        })
    }
}

/// A JSON object as the text Octavia stores; anything else is refused.
pub(crate) fn data_text(field: &str, data: &serde_json::Value) -> crate::Result<String> {
    if !data.is_object() {
        return Err(crate::Error::invalid_input(format!(
            "{field} must be a JSON object"
        )));
    }
    Ok(data.to_string())
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("name", !self.name.is_empty())?;
        crate::request::require("provider_name", !self.provider_name.is_empty())?;
        crate::request::require("flavor_data", !self.flavor_data.is_empty())
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
    pub flavor_data: Option<String>,
}

impl Validate for UpdateOpts {}

lb_functions! {
    FlavorProfile, "flavor profile", "flavorprofile_links", extract_flavorprofiles, [];
    list get create update delete find
}
