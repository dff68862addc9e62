//! Datastore versions as administrators manage them (`mgmt/datastore-versions`), and
//! the configuration parameters a version takes (`mgmt/datastores/versions/…`).
//!
//! ```no_run
//! # async fn demo(trove: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::db::v1::datastore_versions::{self, CreateOpts};
//! let opts = CreateOpts { image_tags: vec!["trove".into()], ..CreateOpts::new("5.7", "mysql", "mysql") };
//! datastore_versions::create(&trove, &opts).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::flag;
use super::datastores::Parameter;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "database";
    /// Create a datastore version.
    CREATE = POST "/mgmt/datastore-versions" request("version", CreateOpts);
    /// List every datastore version.
    LIST = GET "/mgmt/datastore-versions" list("versions", MgmtDatastoreVersion);
    /// Show a datastore version.
    GET = GET "/mgmt/datastore-versions/{datastore_version_id}" response("version", MgmtDatastoreVersion);
    /// Change a datastore version.
    UPDATE = PATCH "/mgmt/datastore-versions/{datastore_version_id}" request(UpdateOpts);
    /// Delete a datastore version.
    DELETE = DELETE "/mgmt/datastore-versions/{datastore_version_id}";
    /// Add a configuration parameter to a version.
    CREATE_PARAMETER = POST "/mgmt/datastores/versions/{datastore_version_id}/parameters" request("configuration-parameter", ParameterOpts) response(Parameter);
    /// Change a configuration parameter of a version.
    UPDATE_PARAMETER = PUT "/mgmt/datastores/versions/{datastore_version_id}/parameters/{parameter_name}" request("configuration-parameter", ParameterOpts) response(Parameter);
    /// Remove a configuration parameter from a version.
    DELETE_PARAMETER = DELETE "/mgmt/datastores/versions/{datastore_version_id}/parameters/{parameter_name}";
}

/// A datastore version with what administrators see.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct MgmtDatastoreVersion {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The datastore's ID.
    pub datastore_id: String,
    /// The datastore's name.
    pub datastore_name: String,
    /// The guest agent's manager (`mysql`).
    pub datastore_manager: String,
    /// The version number.
    #[serde(default)]
    pub version: Option<String>,
    /// The Glance image.
    #[serde(default)]
    pub image: Option<String>,
    /// Tags the image is found by.
    #[serde(default)]
    pub image_tags: Vec<String>,
    /// Packages installed.
    #[serde(default)]
    pub packages: Vec<String>,
    /// Whether instances may be created with it.
    pub active: bool,
    /// Whether it is its datastore's default.
    pub default: bool,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::db::v1::datastore_versions::CreateOpts;
/// let o = CreateOpts::new("5.7", "mysql", "mysql");
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!(
///     {"name": "5.7", "datastore_name": "mysql", "datastore_manager": "mysql", "packages": [], "active": true}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    pub name: String,
    /// The datastore (created when new).
    pub datastore_name: String,
    /// The guest agent's manager.
    pub datastore_manager: String,
    /// The version number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The Glance image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Tags to find the image by instead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub image_tags: Vec<String>,
    /// Packages to install.
    #[serde(default)]
    pub packages: Vec<String>,
    /// Whether instances may be created with it.
    pub active: bool,
    /// Make it the datastore's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<bool>,
    /// The guest agent's manager class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registry_ext: Option<String>,
    /// The replication strategy's class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repl_strategy: Option<String>,
}

impl CreateOpts {
    /// An active version `name` of `datastore_name`, served by `datastore_manager`.
    pub fn new(name: impl Into<String>, datastore_name: impl Into<String>, datastore_manager: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            datastore_name: datastore_name.into(),
            datastore_manager: datastore_manager.into(),
            active: true,
            ..Default::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("name", !self.name.is_empty())?;
        crate::request::require("datastore_name", !self.datastore_name.is_empty())?;
        crate::request::require("datastore_manager", !self.datastore_manager.is_empty())
    }
}

/// What [`update`] changes.
///
/// ```
/// let o = ferrocloud::openstack::db::v1::datastore_versions::UpdateOpts { active: Some(false), ..Default::default() };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"active": false}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new manager.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datastore_manager: Option<String>,
    /// A new image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// New image tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_tags: Option<Vec<String>>,
    /// Active or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// The datastore's default or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<bool>,
}

impl Validate for UpdateOpts {}

/// A configuration parameter to add or change.
///
/// ```
/// use ferrocloud::openstack::db::v1::datastore_versions::ParameterOpts;
/// let p = ParameterOpts { min_size: Some(64), ..ParameterOpts::new("connect_timeout", "integer") };
/// assert_eq!(serde_json::to_value(&p).unwrap(), serde_json::json!(
///     {"name": "connect_timeout", "data_type": "integer", "min_size": 64, "restart_required": 0}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParameterOpts {
    /// The name.
    pub name: String,
    /// `integer`, `string`, `boolean`, `float`.
    pub data_type: String,
    /// The smallest value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_size: Option<i64>,
    /// The largest value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_size: Option<i64>,
    /// Whether a change needs a restart.
    #[serde(with = "flag")]
    pub restart_required: bool,
}

impl ParameterOpts {
    /// A parameter `name` of `data_type`.
    pub fn new(name: impl Into<String>, data_type: impl Into<String>) -> Self {
        ParameterOpts { name: name.into(), data_type: data_type.into(), ..Default::default() }
    }
}

impl Validate for ParameterOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("name", !self.name.is_empty())?;
        crate::request::require("data_type", !self.data_type.is_empty())
    }
}

/// Creates a datastore version (`202`).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<()> {
    client.request(&CREATE, &[]).json_in("version", opts).send().await
}

/// Lists every datastore version (one page).
pub fn list(client: &ServiceClient) -> Pager<MgmtDatastoreVersion> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The versions of a page.
    extract_versions, MgmtDatastoreVersion
}

/// Shows a datastore version.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<MgmtDatastoreVersion> {
    client.request(&GET, &[id]).send().await
}

/// Changes a datastore version (`202`).
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<()> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a datastore version (`202`).
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

/// Adds a configuration parameter to a version; Trove answers with the parameter alone
/// (not the list the API reference shows).
pub async fn create_parameter(client: &ServiceClient, id: &str, opts: &ParameterOpts) -> ApiResult<Parameter> {
    client.request(&CREATE_PARAMETER, &[id]).json_in("configuration-parameter", opts).send().await
}

/// Changes a configuration parameter of a version.
pub async fn update_parameter(client: &ServiceClient, id: &str, opts: &ParameterOpts) -> ApiResult<Parameter> {
    client
        .request(&UPDATE_PARAMETER, &[id, &opts.name])
        .json_in("configuration-parameter", opts)
        .send()
        .await
}

/// Removes a configuration parameter from a version (`202`).
pub async fn delete_parameter(client: &ServiceClient, id: &str, name: &str) -> ApiResult<()> {
    client.request(&DELETE_PARAMETER, &[id, name]).send().await
}
