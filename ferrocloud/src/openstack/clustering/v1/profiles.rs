//! Profiles: what a node is made from — a spec of a profile type (`os.nova.server`,
//! `os.heat.stack`…), kept as the JSON given. A profile's spec cannot change; its name
//! and metadata can.
//!
//! ```no_run
//! # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::clustering::v1::profiles::{self, CreateOpts};
//! let spec = serde_json::json!({
//!     "type": "os.nova.server", "version": 1.0,
//!     "properties": {"flavor": "m1.small", "image": "F20", "networks": [{"network": "private"}]}
//! });
//! let p = profiles::create(&senlin, &CreateOpts::new("pserver", spec)).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::common::{Record, Object, Paging, ValidateOpts, senlin_functions};
use crate::request::Validate;
use crate::Result;

crate::operations! {
    service: "clustering";
    /// List profiles.
    LIST = GET "/profiles" list("profiles", Profile);
    /// Create a profile.
    CREATE = POST "/profiles" request("profile", CreateOpts) response("profile", Profile);
    /// Show a profile.
    GET = GET "/profiles/{profile_id}" response("profile", Profile);
    /// Change a profile's name or metadata.
    UPDATE = PATCH "/profiles/{profile_id}" request("profile", UpdateOpts) response("profile", Profile);
    /// Delete a profile (`204`).
    DELETE = DELETE "/profiles/{profile_id}";
    /// Validate a profile spec (1.2).
    VALIDATE = POST "/profiles/validate" since("1.2") request("profile", ValidateOpts)
        response("profile", Profile);
}

/// A profile.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Profile {
    /// The ID (empty in a validation's answer, where Senlin sends `null`).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub id: String,
    /// The name.
    pub name: String,
    /// The type and version (`os.nova.server-1.0`).
    #[serde(rename = "type")]
    pub profile_type: String,
    /// The spec, as given.
    pub spec: Value,
    /// The metadata.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub metadata: Object,
    /// Ownership and dates.
    #[serde(flatten)]
    pub record: Record,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::clustering::v1::profiles::CreateOpts;
/// let o = CreateOpts::new("test-profile", serde_json::json!({"type": "os.nova.server", "version": 1.0, "properties": {}}));
/// assert_eq!(serde_json::to_value(&o).unwrap()["name"], "test-profile");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    pub name: String,
    /// The spec: `type`, `version` and `properties`.
    pub spec: Value,
    /// Metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Object>,
}

impl CreateOpts {
    /// A profile of this spec.
    ///
    /// ```
    /// use ferrocloud::openstack::clustering::v1::profiles::CreateOpts;
    /// assert!(CreateOpts::new("p", serde_json::json!({})).metadata.is_none());
    /// ```
    pub fn new(name: impl Into<String>, spec: Value) -> Self {
        CreateOpts {
            name: name.into(),
            spec,
            metadata: None,
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("name", !self.name.trim().is_empty())?;
        crate::request::require("spec", self.spec.is_object())
    }
}

/// What [`update`] changes.
///
/// ```
/// use ferrocloud::openstack::clustering::v1::profiles::UpdateOpts;
/// let o = UpdateOpts { name: Some("new-name".into()), ..Default::default() };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"name": "new-name"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New metadata (replacing the old).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Object>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::at_least_one_of(&[
            ("name", self.name.is_some()),
            ("metadata", self.metadata.is_some()),
        ])
    }
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::clustering::v1::profiles::ListOpts;
/// let o = ListOpts { profile_type: Some("os.nova.server-1.0".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "type=os.nova.server-1.0");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Profiles of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Profiles of this type.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub profile_type: Option<String>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub paging: Paging,
}

senlin_functions! {
    Profile, "profile", extract_profiles;
    list get create update delete validate
}
