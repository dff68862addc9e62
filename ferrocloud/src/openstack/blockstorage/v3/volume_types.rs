//! Volume types: the kinds of volume a cloud offers (a back end, QoS, encryption), public
//! or private to the projects given access. Creating, changing and deleting them, and
//! access, are for admins; anyone lists and shows the public ones and the default.
//! Their extra specs are in [`crate::openstack::blockstorage::v3::volume_type_extra_specs`], their encryption in
//! [`crate::openstack::blockstorage::v3::volume_type_encryption`].
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::volume_types::{self, CreateOpts};
//! let opts = CreateOpts::new("fast").private().extra_spec("volume_backend_name", "ssd");
//! let t = volume_types::create(&volumes, &opts).await.extract()?;
//! volume_types::add_project_access(&volumes, &t.id, "6f70656e737461636b20342065766572").await.ok()?;
//! let t = volume_types::find(&volumes, "fast").await?;
//! println!("{} is public: {}", t.name, t.is_public);
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
    /// List volume types.
    LIST = GET "/types" list("volume_types", VolumeType);
    /// Show a volume type.
    GET = GET "/types/{volume_type_id}" response("volume_type", VolumeType);
    /// Show the default volume type.
    GET_DEFAULT = GET "/types/default" response("volume_type", VolumeType);
    /// Create a volume type.
    CREATE = POST "/types" request("volume_type", CreateOpts) response("volume_type", VolumeType);
    /// Update a volume type.
    UPDATE = PUT "/types/{volume_type_id}" request("volume_type", UpdateOpts) response("volume_type", VolumeType);
    /// Delete a volume type.
    DELETE = DELETE "/types/{volume_type_id}";
    /// List the projects a private volume type is shared with.
    LIST_ACCESS = GET "/types/{volume_type}/os-volume-type-access" list("volume_type_access", TypeAccess);
    /// Add private volume type access to a project.
    ADD_ACCESS = POST "/types/{volume_type}/action" request("addProjectAccess", ProjectAccess);
    /// Remove private volume type access from a project.
    REMOVE_ACCESS = POST "/types/{volume_type}/action" request("removeProjectAccess", ProjectAccess);
}

/// The operations the v2 API documents: all but the default type.
pub static V2_OPERATIONS: &[&crate::Operation] = &[
    LIST.operation(),
    GET.operation(),
    CREATE.operation(),
    UPDATE.operation(),
    DELETE.operation(),
    LIST_ACCESS.operation(),
    ADD_ACCESS.operation(),
    REMOVE_ACCESS.operation(),
];

/// A volume type.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct VolumeType {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The description (older clouds list types without one).
    #[serde(default)]
    pub description: Option<String>,
    /// Whether every project may use it (a boolean, or its text in old answers; clouds
    /// from before private types, which list none, leave it out: public).
    #[serde(default = "yes", deserialize_with = "crate::de::bool_or_text")]
    pub is_public: bool,
    /// The same, under the access extension's name (sent beside `is_public`).
    #[serde(rename = "os-volume-type-access:is_public", default)]
    pub access_is_public: Option<bool>,
    /// Its extra specs (all of them for admins, the user-visible ones for others; none
    /// when the policy hides them).
    #[serde(default)]
    pub extra_specs: BTreeMap<String, String>,
    /// The QoS specs associated with it.
    #[serde(default)]
    pub qos_specs_id: Option<String>,
}

fn yes() -> bool {
    true
}

impl crate::find::Named for VolumeType {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

crate::operation::extract_fn! {
    /// The volume types of a page of [`list`].
    extract_volume_types, VolumeType
}

/// Which types [`list`] shows, by visibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Visibility {
    /// Public types only (Cinder's default).
    #[serde(rename = "true")]
    Public,
    /// Private types only (those the caller may see).
    #[serde(rename = "false")]
    Private,
    /// Both (`is_public=None`): for admins every type; for others the public ones and
    /// the private ones their project was given.
    #[serde(rename = "None")]
    All,
}

/// What [`list`] filters on.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By visibility (Cinder lists public types only when it is not given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_public: Option<Visibility>,
    /// Types whose extra specs include these (3.52), sent as `extra_specs={"k": "v"}`.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "json_param")]
    pub extra_specs: Option<BTreeMap<String, String>>,
    /// Paging, sorting and free filters.
    #[serde(flatten)]
    pub controls: ListControls,
}

fn json_param<S: serde::Serializer>(
    v: &Option<BTreeMap<String, String>>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    let text = serde_json::to_string(v).map_err(serde::ser::Error::custom)?;
    s.serialize_str(&text)
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::volume_types::CreateOpts;
/// let opts = CreateOpts::new("vol-type-001").description("volume type 0001").extra_spec("capabilities", "gpu");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "name": "vol-type-001", "description": "volume type 0001",
///     "os-volume-type-access:is_public": true, "extra_specs": {"capabilities": "gpu"}}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (unique).
    pub name: String,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether every project may use it.
    #[serde(rename = "os-volume-type-access:is_public", default = "yes")]
    pub is_public: bool,
    /// Its extra specs.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra_specs: BTreeMap<String, String>,
}

impl CreateOpts {
    /// A public type named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            description: None,
            is_public: true,
            extra_specs: BTreeMap::new(),
        }
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// Makes it private (only projects given access use it).
    pub fn private(mut self) -> Self {
        self.is_public = false;
        self
    }
    /// Adds an extra spec.
    pub fn extra_spec(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.extra_specs.insert(key.into(), value.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        check_name(&self.name)?;
        crate::metadata::check_all(&self.extra_specs, "/")
    }
}

fn check_name(name: &str) -> Result<()> {
    let n = name.trim().chars().count();
    if n == 0 || n > 255 {
        return Err(Error::invalid_input(
            "a volume type's name must be 1 to 255 characters, not only spaces",
        ));
    }
    Ok(())
}

/// What [`update`] changes (at least one).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description (`""` clears it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Make it public or private.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_public: Option<bool>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::at_least_one_of(&[
            ("name", self.name.is_some()),
            ("description", self.description.is_some()),
            ("is_public", self.is_public.is_some()),
        ])?;
        match &self.name {
            Some(n) => check_name(n),
            None => Ok(()),
        }
    }
}

/// A project a private type is shared with.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TypeAccess {
    /// The project.
    pub project_id: String,
    /// The volume type.
    pub volume_type_id: String,
}

/// The project of an access change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectAccess {
    /// The project's ID.
    pub project: String,
}

impl Validate for ProjectAccess {
    fn validate(&self) -> Result<()> {
        crate::request::require("project", !self.project.is_empty())
    }
}

super::common::resource_functions! {
    VolumeType, VolumeType, "volume type", "volume_types";
    get create update delete
}

/// Lists volume types (one page: Cinder does not page them unless asked with a limit).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<VolumeType> {
    if let Err(e) = crate::microversion::check_field(
        client,
        "extra_specs",
        opts.extra_specs.is_some(),
        Some("3.52"),
        None,
    ) {
        return client.request(&LIST, &[]).fail_with(e).paged(PageStyle::Single);
    }
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("volume_types_links"))
}

/// The default volume type (the deployment's, or the project's own since 3.62).
pub async fn get_default(client: &ServiceClient) -> ApiResult<VolumeType> {
    client.request(&GET_DEFAULT, &[]).send().await
}

/// Finds a volume type by ID (Cinder's show takes IDs only), or by name among every type
/// the caller may see, when exactly one has it.
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<VolumeType> {
    let opts = ListOpts {
        is_public: Some(Visibility::All),
        ..ListOpts::default()
    };
    let all = list(client, &opts);
    crate::find::find("volume type", name_or_id, get(client, name_or_id), all).await
}

/// The projects a private volume type is shared with (admin).
pub fn list_access(client: &ServiceClient, id: &str) -> Pager<TypeAccess> {
    client
        .request(&LIST_ACCESS, &[id])
        .paged(PageStyle::Single)
}

/// Shares a private volume type with a project (admin, `202`).
pub async fn add_project_access(client: &ServiceClient, id: &str, project: &str) -> ApiResult<()> {
    client
        .request(&ADD_ACCESS, &[id])
        .body(&ProjectAccess {
            project: project.to_string(),
        })
        .send()
        .await
}

/// Stops sharing a private volume type with a project (admin, `202`).
pub async fn remove_project_access(
    client: &ServiceClient,
    id: &str,
    project: &str,
) -> ApiResult<()> {
    client
        .request(&REMOVE_ACCESS, &[id])
        .body(&ProjectAccess {
            project: project.to_string(),
        })
        .send()
        .await
}
