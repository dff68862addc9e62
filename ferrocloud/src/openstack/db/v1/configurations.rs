//! Configuration groups: database settings (`values`) for a datastore version, attached
//! to instances ([`update`](crate::openstack::db::v1::instances::update) of instances).
//!
//! ```no_run
//! # async fn demo(trove: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::db::v1::configurations::{self, CreateOpts};
//! let mut opts = CreateOpts::new("group1").datastore("mysql", "5.7");
//! opts.values.insert("connect_timeout".into(), 200.into());
//! let group = configurations::create(&trove, &opts).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{DatastoreRef, ListOpts, Values, db_functions};
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "database";
    /// List configuration groups.
    LIST = GET "/configurations" list("configurations", Configuration);
    /// Create a configuration group.
    CREATE = POST "/configurations" request("configuration", CreateOpts) response("configuration", Configuration);
    /// Show a configuration group.
    GET = GET "/configurations/{config_id}" response("configuration", Configuration);
    /// List the instances a group is attached to.
    LIST_INSTANCES = GET "/configurations/{config_id}/instances" list("instances", InstanceRef);
    /// Change some values.
    PATCH = PATCH "/configurations/{config_id}" request("configuration", UpdateOpts);
    /// Replace the values (and name, description).
    REPLACE = PUT "/configurations/{config_id}" request("configuration", UpdateOpts);
    /// Delete a configuration group.
    DELETE = DELETE "/configurations/{config_id}";
}

/// A configuration group.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Configuration {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The description.
    #[serde(default)]
    pub description: Option<String>,
    /// The datastore.
    pub datastore_name: String,
    /// The datastore version's ID.
    pub datastore_version_id: String,
    /// The datastore version's name.
    pub datastore_version_name: String,
    /// The datastore version's number.
    #[serde(default)]
    pub datastore_version_number: Option<String>,
    /// The settings (shown by [`get`] and [`create`]).
    #[serde(default)]
    pub values: Values,
    /// How many instances it is attached to (shown by [`get`] and [`create`]).
    #[serde(default)]
    pub instance_count: Option<u32>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated: Timestamp,
}

/// An instance a group is attached to.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct InstanceRef {
    /// The instance's ID.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::db::v1::configurations::CreateOpts;
/// let mut opts = CreateOpts::new("g").datastore("mysql", "5.7");
/// opts.values.insert("connect_timeout".into(), 200.into());
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"name": "g",
///     "datastore": {"type": "mysql", "version": "5.7"}, "values": {"connect_timeout": 200}}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    pub name: String,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The datastore version the values are for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datastore: Option<DatastoreRef>,
    /// The settings.
    #[serde(default)]
    pub values: Values,
}

impl CreateOpts {
    /// A group `name` with no values yet.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts { name: name.into(), ..Default::default() }
    }

    /// Sets the datastore and its version.
    pub fn datastore(mut self, datastore: impl Into<String>, version: impl Into<String>) -> Self {
        self.datastore = Some(DatastoreRef {
            datastore_type: Some(datastore.into()),
            version: Some(version.into()),
            ..Default::default()
        });
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("name", !self.name.is_empty())
    }
}

/// What [`patch`] (some values) and [`replace`] (all values, name, description) send.
///
/// ```
/// use ferrocloud::openstack::db::v1::configurations::UpdateOpts;
/// let mut opts = UpdateOpts::default();
/// opts.values.insert("connect_timeout".into(), 17.into());
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"values": {"connect_timeout": 17}}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// The settings.
    #[serde(default)]
    pub values: Values,
    /// A new name ([`replace`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description ([`replace`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Validate for UpdateOpts {}

/// Creates a configuration group.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Configuration> {
    client.request(&CREATE, &[]).json_in("configuration", opts).send().await
}

/// Lists the instances a group is attached to, following Trove's `links`.
pub fn list_instances(client: &ServiceClient, id: &str, opts: &ListOpts) -> Pager<InstanceRef> {
    client.request(&LIST_INSTANCES, &[id]).query(opts).paged(PageStyle::Links("links"))
}

/// Changes some values, keeping the others (`200`).
pub async fn patch(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<()> {
    client.request(&PATCH, &[id]).json_in("configuration", opts).send().await
}

/// Replaces the values (and the name and description) (`202`).
pub async fn replace(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<()> {
    client.request(&REPLACE, &[id]).json_in("configuration", opts).send().await
}

db_functions! { Configuration, "configuration group", extract_configurations, []; list get delete }
