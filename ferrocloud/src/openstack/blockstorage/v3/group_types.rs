//! Group types (3.11): the kinds of generic volume group a cloud offers, with their
//! group specs ([`crate::openstack::blockstorage::v3::group_type_specs`]). Creating,
//! changing and deleting them is for admins; anyone lists and shows the public ones and
//! the default. Cinder keeps one, `default_cgsnapshot_type`, for the consistency group
//! API: groups cannot be made of it through the groups API.
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::group_types::{self, CreateOpts};
//! let volumes = volumes.with_microversion("3.11");
//! let opts = CreateOpts::new("replicated").group_spec("consistent_group_snapshot_enabled", "<is> True");
//! let t = group_types::create(&volumes, &opts).await.extract()?;
//! let same = group_types::find(&volumes, "replicated").await?;
//! assert_eq!(same.id, t.id);
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "block-storage";
    /// List group types.
    LIST = GET "/group_types" since("3.11") list("group_types", GroupType);
    /// Show a group type.
    GET = GET "/group_types/{group_type_id}" since("3.11") response("group_type", GroupType);
    /// Show the default group type.
    GET_DEFAULT = GET "/group_types/default" since("3.11") response("group_type", GroupType);
    /// Create a group type.
    CREATE = POST "/group_types" since("3.11") request("group_type", CreateOpts) response("group_type", GroupType);
    /// Update a group type.
    UPDATE = PUT "/group_types/{group_type_id}" since("3.11") request("group_type", UpdateOpts) response("group_type", GroupType);
    /// Delete a group type.
    DELETE = DELETE "/group_types/{group_type_id}" since("3.11");
}

/// The operations the v2 API documents: none (3.11).
pub static V2_OPERATIONS: &[&crate::Operation] = &[];

/// A group type.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct GroupType {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// Whether every project may use it.
    pub is_public: bool,
    /// Its group specs (shown to those the policy lets see them).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub group_specs: BTreeMap<String, String>,
}

impl crate::find::Named for GroupType {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

crate::operation::extract_fn! {
    /// The group types of a page of [`list`].
    extract_group_types, GroupType
}

/// What [`list`] filters on.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Public types only (`true`), private ones (`false`); admins see both when not set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_public: Option<bool>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::group_types::CreateOpts;
/// let opts = CreateOpts::new("grp-type-001").description("group type 0001")
///     .group_spec("consistent_group_snapshot_enabled", "<is> False");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "name": "grp-type-001", "description": "group type 0001", "is_public": true,
///     "group_specs": {"consistent_group_snapshot_enabled": "<is> False"}}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (unique).
    pub name: String,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether every project may use it.
    #[serde(default = "crate::de::yes")]
    pub is_public: bool,
    /// Its group specs.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub group_specs: BTreeMap<String, String>,
}

impl CreateOpts {
    /// A public group type named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            description: None,
            is_public: true,
            group_specs: BTreeMap::new(),
        }
    }
    /// Sets the description.
    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.description = Some(d.into());
        self
    }
    /// Makes it private.
    pub fn private(mut self) -> Self {
        self.is_public = false;
        self
    }
    /// Adds a group spec.
    pub fn group_spec(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.group_specs.insert(key.into(), value.into());
        self
    }
}

fn check_name(name: &str) -> Result<()> {
    if name.trim().is_empty() || name.chars().count() > 255 {
        return Err(Error::invalid_input(format!(
            "group type name {name:?} must be 1 to 255 characters, not only spaces"
        )));
    }
    Ok(())
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        check_name(&self.name)?;
        crate::metadata::check_all(&self.group_specs, "/")
    }
}

/// What [`update`] sends: what changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A new visibility.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_public: Option<bool>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.name.is_none() && self.description.is_none() && self.is_public.is_none() {
            return Err(Error::invalid_input(
                "a group type update needs a name, a description or a visibility",
            ));
        }
        Ok(())
    }
}

/// Lists group types, following `group_type_links`.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<GroupType> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("group_type_links"))
}

/// Shows a group type.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<GroupType> {
    client.request(&GET, &[id]).send().await
}

/// Shows the default group type (`404` when the cloud has none).
pub async fn get_default(client: &ServiceClient) -> ApiResult<GroupType> {
    client.request(&GET_DEFAULT, &[]).send().await
}

/// Creates a group type (admin; `202`).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<GroupType> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Changes a group type's name, description or visibility (admin).
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<GroupType> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a group type (admin; `202`; `400` while groups use it).
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

/// Finds a group type by ID, or by name when exactly one has it.
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<GroupType> {
    crate::find::find(
        "group type",
        name_or_id,
        get(client, name_or_id),
        list(client, &ListOpts::default()),
    )
    .await
}
