//! Flavors: named sets of provider settings (a flavor profile) users pick for a load
//! balancer (API 2.6). Operators create them; everyone lists them.
//!
//! ```no_run
//! # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::loadbalancer::v2::flavors::{self, CreateOpts};
//! let f = flavors::create(&lb, &CreateOpts::new("Basic", "5712097e")).await.extract()?;
//! let same = flavors::find(&lb, "Basic").await?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{ListControls, lb_functions, named};
use crate::request::Validate;

crate::operations! {
    service: "load-balancer";
    /// List flavors.
    LIST = GET "/lbaas/flavors" list("flavors", Flavor);
    /// Create a flavor (admins).
    CREATE = POST "/lbaas/flavors" request("flavor", CreateOpts) response("flavor", Flavor);
    /// Show a flavor.
    GET = GET "/lbaas/flavors/{flavor_id}" response("flavor", Flavor);
    /// Update a flavor (admins).
    UPDATE = PUT "/lbaas/flavors/{flavor_id}" request("flavor", UpdateOpts) response("flavor", Flavor);
    /// Delete a flavor (admins).
    DELETE = DELETE "/lbaas/flavors/{flavor_id}";
}

/// A flavor.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Flavor {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The description (`""` when it has none).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub description: String,
    /// Whether users may pick it.
    pub enabled: bool,
    /// Its flavor profile.
    pub flavor_profile_id: String,
}

named!(Flavor);

/// What [`list`] filters on, besides the [`ListControls`].
///
/// ```
/// let opts = ferrocloud::openstack::loadbalancer::v2::flavors::ListOpts { enabled: Some(true), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "enabled=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Flavors of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Enabled or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Of this profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flavor_profile_id: Option<String>,
    /// Paging, sorting and fields.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::flavors::CreateOpts;
/// assert_eq!(serde_json::to_value(CreateOpts::new("Basic", "5712097e")).unwrap(),
///     serde_json::json!({"name": "Basic", "flavor_profile_id": "5712097e"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (required).
    pub name: String,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its flavor profile (required).
    pub flavor_profile_id: String,
    /// Whether users may pick it (true by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

impl CreateOpts {
    /// A flavor `name` of the profile `flavor_profile_id`.
    pub fn new(name: impl Into<String>, flavor_profile_id: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            flavor_profile_id: flavor_profile_id.into(),
            ..Default::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("name", !self.name.is_empty())?;
        crate::request::require("flavor_profile_id", !self.flavor_profile_id.is_empty())
    }
}

/// What [`update`] changes.
///
/// ```
/// let opts = ferrocloud::openstack::loadbalancer::v2::flavors::UpdateOpts { enabled: Some(false), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"enabled": false}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Enabled or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

impl Validate for UpdateOpts {}

lb_functions! {
    Flavor, "flavor", "flavors_links", extract_flavors, [];
    list get create update delete find
}
