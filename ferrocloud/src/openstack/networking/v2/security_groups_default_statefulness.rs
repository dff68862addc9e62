//! The default statefulness of new security groups (admin): whether a group created
//! without `stateful` tracks connections, for one project or (with no project) for the
//! whole cloud. List, show, create, update, delete.
//!
//! The API reference documents this resource, but Neutron 28.0 does not serve it
//! yet (404): the functions are tested against a mock server only.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, project: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::security_groups_default_statefulness::{self as statefulness, CreateOpts};
//! let entry = statefulness::create(&network, &CreateOpts::new(false).project_id(project)).await.extract()?;
//! assert!(!entry.stateful);
//! statefulness::delete(&network, &entry.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::request::{Extensible, Validate};

crate::operations! {
    service: "network";
    /// List the default statefulness entries.
    LIST = GET "/security-groups-default-statefulness"
        list("security_groups_default_statefulness", DefaultStatefulness);
    /// Show a default statefulness entry.
    GET = GET "/security-groups-default-statefulness/{security_groups_default_statefulness_id}"
        response("security_groups_default_statefulness", DefaultStatefulness);
    /// Create a default statefulness entry.
    CREATE = POST "/security-groups-default-statefulness"
        request("security_groups_default_statefulness", CreateOpts)
        response("security_groups_default_statefulness", DefaultStatefulness);
    /// Update a default statefulness entry.
    UPDATE = PUT "/security-groups-default-statefulness/{security_groups_default_statefulness_id}"
        request("security_groups_default_statefulness", UpdateOpts)
        response("security_groups_default_statefulness", DefaultStatefulness);
    /// Delete a default statefulness entry.
    DELETE = DELETE "/security-groups-default-statefulness/{security_groups_default_statefulness_id}";
}

/// Whether new security groups are stateful, for a project or for every project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DefaultStatefulness {
    /// The ID.
    pub id: String,
    /// The project it applies to (`None`: the cloud's default).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub project_id: Option<String>,
    /// New groups track connections.
    pub stateful: bool,
}

/// Options for creating a default statefulness entry.
///
/// ```
/// use ferrocloud::openstack::networking::v2::security_groups_default_statefulness::CreateOpts;
/// let opts = CreateOpts::new(false).project_id("e4f50856753b4dc6afee5fa6b9b6c550");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "project_id": "e4f50856753b4dc6afee5fa6b9b6c550", "stateful": false}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The project (none: the cloud's default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// New groups track connections.
    pub stateful: bool,
}

impl CreateOpts {
    /// New groups are `stateful`, or not.
    pub fn new(stateful: bool) -> Self {
        CreateOpts {
            project_id: None,
            stateful,
        }
    }
    /// For this project only.
    pub fn project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }
}

impl Extensible for CreateOpts {
    type Base = CreateOpts;
}

impl Validate for CreateOpts {}

/// Changes to a default statefulness entry.
///
/// ```
/// use ferrocloud::openstack::networking::v2::security_groups_default_statefulness::UpdateOpts;
/// assert_eq!(serde_json::to_value(UpdateOpts::default().stateful(true)).unwrap(),
///            serde_json::json!({"stateful": true}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// New groups track connections, or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stateful: Option<bool>,
}

impl UpdateOpts {
    /// Sets the statefulness.
    pub fn stateful(mut self, stateful: bool) -> Self {
        self.stateful = Some(stateful);
        self
    }
}

impl Extensible for UpdateOpts {
    type Base = UpdateOpts;
}

impl Validate for UpdateOpts {}

/// Filters for listing default statefulness entries.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// By statefulness.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stateful: Option<bool>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::common::resource_functions! {
    DefaultStatefulness, "default statefulness entry", "security_groups_default_statefulness",
    extract_default_statefulness;
    list get create update delete
}
