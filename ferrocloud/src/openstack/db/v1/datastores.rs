//! Datastores (`mysql`, `postgresql`…), their versions, and the configuration
//! parameters a version takes. Versions are named by datastore and version name, or
//! by version ID alone.
//!
//! ```no_run
//! # async fn demo(trove: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::db::v1::datastores;
//! for d in datastores::list(&trove).all().await? {
//!     println!("{} {:?}", d.name, d.default_version);
//! }
//! let params = datastores::list_parameters(&trove, "mysql", "5.7").all().await?;
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::de::Link;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "database";
    /// List datastores.
    LIST = GET "/datastores" list("datastores", Datastore);
    /// Show a datastore.
    GET = GET "/datastores/{datastore}" response("datastore", Datastore);
    /// Delete a datastore (administrators).
    DELETE = DELETE "/datastores/{datastore}";
    /// List a datastore's versions.
    LIST_VERSIONS = GET "/datastores/{datastore}/versions" list("versions", DatastoreVersion);
    /// Show a version by datastore and name.
    GET_VERSION = GET "/datastores/{datastore}/versions/{version}" response("version", DatastoreVersion);
    /// Show a version by ID.
    GET_VERSION_BY_ID = GET "/datastores/versions/{datastore_version_id}" response("version", DatastoreVersion);
    /// List a version's parameters (by datastore and name).
    LIST_PARAMETERS = GET "/datastores/{datastore}/versions/{version}/parameters" list("configuration-parameters", Parameter);
    /// Show a parameter (by datastore and version name).
    GET_PARAMETER = GET "/datastores/{datastore}/versions/{version}/parameters/{parameter_name}" response(Parameter);
    /// List a version's parameters (by version ID).
    LIST_PARAMETERS_BY_ID = GET "/datastores/versions/{datastore_version_id}/parameters" list("configuration-parameters", Parameter);
    /// Show a parameter (by version ID).
    GET_PARAMETER_BY_ID = GET "/datastores/versions/{datastore_version_id}/parameters/{parameter_name}" response(Parameter);
}

/// A datastore.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Datastore {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The default version's ID.
    #[serde(default)]
    pub default_version: Option<String>,
    /// Its active versions.
    #[serde(default)]
    pub versions: Vec<DatastoreVersion>,
    /// Links.
    pub links: Vec<Link>,
}

/// A datastore version.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct DatastoreVersion {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The datastore's ID.
    #[serde(default)]
    pub datastore: Option<String>,
    /// The version number (`5.7.29`).
    #[serde(default)]
    pub version: Option<String>,
    /// Whether instances may be created with it (the datastore listing writes `1`/`0`,
    /// a version's own answer `true`/`false`).
    #[serde(default, with = "super::common::flag::option")]
    pub active: Option<bool>,
    /// The Glance image (administrators).
    #[serde(default)]
    pub image: Option<String>,
    /// Tags the image is found by.
    #[serde(default)]
    pub image_tags: Vec<String>,
    /// Packages installed (as Trove writes them).
    #[serde(default)]
    pub packages: Option<serde_json::Value>,
    /// The guest agent's manager class.
    #[serde(default)]
    pub registry_ext: Option<String>,
    /// The replication strategy's class.
    #[serde(default)]
    pub repl_strategy: Option<String>,
    /// Links.
    #[serde(default)]
    pub links: Vec<Link>,
}

/// A configuration parameter a datastore version takes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Parameter {
    /// The name.
    pub name: String,
    /// `integer`, `string`, `boolean`, `float`.
    #[serde(rename = "type")]
    pub parameter_type: String,
    /// The smallest value.
    #[serde(default, alias = "min_size")]
    pub min: Option<i128>,
    /// The largest value (MySQL's reach 18446744073709551615, beyond `i64`).
    #[serde(default, alias = "max_size")]
    pub max: Option<i128>,
    /// Whether a change needs a restart.
    pub restart_required: bool,
    /// The version.
    pub datastore_version_id: String,
    /// Whether it was deleted (administrators' answers).
    #[serde(default, with = "super::common::flag::option")]
    pub deleted: Option<bool>,
    /// When it was deleted (administrators' answers).
    #[serde(default)]
    pub deleted_at: Option<String>,
}

/// Lists datastores (one page).
pub fn list(client: &ServiceClient) -> Pager<Datastore> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The datastores of a page.
    extract_datastores, Datastore
}

/// Shows a datastore (by ID or name).
pub async fn get(client: &ServiceClient, datastore: &str) -> ApiResult<Datastore> {
    client.request(&GET, &[datastore]).send().await
}

/// Deletes a datastore (administrators; `202`).
pub async fn delete(client: &ServiceClient, datastore: &str) -> ApiResult<()> {
    client.request(&DELETE, &[datastore]).send().await
}

/// Lists a datastore's versions (one page).
pub fn list_versions(client: &ServiceClient, datastore: &str) -> Pager<DatastoreVersion> {
    client.request(&LIST_VERSIONS, &[datastore]).paged(PageStyle::Single)
}

/// Shows a version by datastore and version name (or ID).
pub async fn get_version(client: &ServiceClient, datastore: &str, version: &str) -> ApiResult<DatastoreVersion> {
    client.request(&GET_VERSION, &[datastore, version]).send().await
}

/// Shows a version by ID.
pub async fn get_version_by_id(client: &ServiceClient, version_id: &str) -> ApiResult<DatastoreVersion> {
    client.request(&GET_VERSION_BY_ID, &[version_id]).send().await
}

/// Lists a version's parameters (one page).
pub fn list_parameters(client: &ServiceClient, datastore: &str, version: &str) -> Pager<Parameter> {
    client.request(&LIST_PARAMETERS, &[datastore, version]).paged(PageStyle::Single)
}

/// Shows a parameter of a version.
pub async fn get_parameter(client: &ServiceClient, datastore: &str, version: &str, name: &str) -> ApiResult<Parameter> {
    client.request(&GET_PARAMETER, &[datastore, version, name]).send().await
}

/// Lists a version's parameters by version ID (one page).
pub fn list_parameters_by_id(client: &ServiceClient, version_id: &str) -> Pager<Parameter> {
    client.request(&LIST_PARAMETERS_BY_ID, &[version_id]).paged(PageStyle::Single)
}

/// Shows a parameter of a version by version ID.
pub async fn get_parameter_by_id(client: &ServiceClient, version_id: &str, name: &str) -> ApiResult<Parameter> {
    client.request(&GET_PARAMETER_BY_ID, &[version_id, name]).send().await
}

crate::operation::extract_fn! {
    /// The parameters of a page.
    extract_parameters, Parameter
}

crate::operation::extract_fn! {
    /// The versions of a page.
    extract_versions, DatastoreVersion
}
