//! Share types: what a share is made on (extra specs the scheduler matches, such as
//! `driver_handles_share_servers`), their extra specs and their access by project.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::share_types::{self, CreateOpts};
//! let opts = CreateOpts::new("gold", false).extra_spec("snapshot_support", "True");
//! let t = share_types::create(&manila, &opts).await.extract()?;
//! share_types::add_access(&manila, &t.id, "e1284adea3ee").await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::{ListControls, need};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "shared-file-system";
    /// List share types.
    LIST = GET "/types" list("share_types", ShareType);
    /// Show the default share type.
    GET_DEFAULT = GET "/types/default" response("share_type", ShareType);
    /// Show a share type.
    GET = GET "/types/{share_type_id}" response("share_type", ShareType);
    /// Create a share type.
    CREATE = POST "/types" request("share_type", CreateOpts) response("share_type", ShareType);
    /// Update a share type (2.50).
    UPDATE = PUT "/types/{share_type_id}" since("2.50") request("share_type", UpdateOpts) response("share_type", ShareType);
    /// Delete a share type.
    DELETE = DELETE "/types/{share_type_id}";
    /// List a share type's extra specs.
    LIST_EXTRA_SPECS = GET "/types/{share_type_id}/extra_specs" response("extra_specs", BTreeMap<String, String>);
    /// Set extra specs.
    SET_EXTRA_SPECS = POST "/types/{share_type_id}/extra_specs" request("extra_specs", ExtraSpecs) response("extra_specs", BTreeMap<String, String>);
    /// Unset an extra spec.
    DELETE_EXTRA_SPEC = DELETE "/types/{share_type_id}/extra_specs/{extra_spec_key}";
    /// List the projects with access to a private share type.
    LIST_ACCESS = GET "/types/{share_type_id}/share_type_access" list("share_type_access", Access);
    /// Give a project access to a private share type.
    ADD_ACCESS = POST "/types/{share_type_id}/action" request("addProjectAccess", ProjectOpts);
    /// Take a project's access away.
    REMOVE_ACCESS = POST "/types/{share_type_id}/action" request("removeProjectAccess", ProjectOpts);
}

/// A share type.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ShareType {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// All extra specs (values as Manila stores them: text).
    pub extra_specs: BTreeMap<String, serde_json::Value>,
    /// The extra specs every type has (`driver_handles_share_servers`).
    pub required_extra_specs: BTreeMap<String, serde_json::Value>,
    /// Whether every project may use it (2.7; `os-share-type-access:is_public` before).
    #[serde(default, rename = "share_type_access:is_public", alias = "os-share-type-access:is_public")]
    pub is_public: Option<bool>,
    /// The description (2.41).
    #[serde(default)]
    pub description: Option<String>,
    /// Whether it is the default type (2.46).
    #[serde(default)]
    pub is_default: Option<bool>,
}

impl crate::find::Named for ShareType {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// Filters of [`list`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// `true`, `false` or `all` (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_public: Option<String>,
    /// Types with these extra specs (a dict as text, 2.43).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extra_specs: Option<String>,
    /// Paging and other filters.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// Lists share types (one page: Manila does not page them).
pub async fn list(client: &ServiceClient, opts: &ListOpts) -> ApiResult<Vec<ShareType>> {
    client.request(&LIST, &[]).query(opts).send().await
}

/// Shows the default share type.
pub async fn get_default(client: &ServiceClient) -> ApiResult<ShareType> {
    client.request(&GET_DEFAULT, &[]).send().await
}

/// Shows a share type.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<ShareType> {
    client.request(&GET, &[id]).send().await
}

/// Finds a share type by ID, or by name when exactly one has it.
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<ShareType> {
    match get(client, name_or_id).await.extract() {
        Ok(t) => return Ok(t),
        Err(e) if !e.is_not_found() => return Err(e),
        Err(_) => {}
    }
    let opts = ListOpts {
        is_public: Some("all".into()),
        ..ListOpts::default()
    };
    let mut found: Vec<ShareType> = list(client, &opts)
        .await
        .extract()?
        .into_iter()
        .filter(|t| t.name == name_or_id)
        .collect();
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(Error::new(
            crate::ErrorKind::NotFound,
            format!("no share type named or with ID {name_or_id:?}"),
        )),
        n => Err(Error::new(
            crate::ErrorKind::Conflict,
            format!("{n} share types are named {name_or_id:?}"),
        )),
    }
}

/// What [`create`] takes.
///
/// ```
/// use ferrocloud::openstack::sharedfilesystems::v2::share_types::CreateOpts;
/// let opts = CreateOpts::new("gold", true);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!(
///     {"name": "gold", "extra_specs": {"driver_handles_share_servers": true}}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    pub name: String,
    /// Extra specs; `driver_handles_share_servers` is required.
    pub extra_specs: BTreeMap<String, serde_json::Value>,
    /// Whether every project may use it.
    #[serde(default, rename = "share_type_access:is_public", skip_serializing_if = "Option::is_none")]
    pub is_public: Option<bool>,
    /// The description (2.41).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CreateOpts {
    /// A type named `name` whose shares need (or not) a share server of their own.
    pub fn new(name: impl Into<String>, driver_handles_share_servers: bool) -> Self {
        CreateOpts {
            name: name.into(),
            extra_specs: BTreeMap::from([(
                "driver_handles_share_servers".to_string(),
                serde_json::Value::Bool(driver_handles_share_servers),
            )]),
            ..CreateOpts::default()
        }
    }
    /// Adds an extra spec.
    pub fn extra_spec(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.extra_specs
            .insert(key.into(), serde_json::Value::String(value.into()));
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        if self.name.is_empty() {
            return Err(Error::invalid_input("a share type needs a name"));
        }
        Ok(())
    }
}

/// Creates a share type (admin). Before 2.7 the public flag is sent under its old name.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<ShareType> {
    if opts.description.is_some()
        && let Err(e) = need(client, "description", 41)
    {
        return ApiResult::from_error(e);
    }
    if !super::common::renamed_actions(client) && opts.is_public.is_some() {
        let mut body = match serde_json::to_value(opts) {
            Ok(v) => v,
            Err(e) => return ApiResult::from_error(Error::invalid_input(e.to_string())),
        };
        if let Some(map) = body.as_object_mut()
            && let Some(v) = map.remove("share_type_access:is_public")
        {
            map.insert("os-share-type-access:is_public".into(), v);
        }
        return client
            .request(&CREATE, &[])
            .json_in("share_type", &body)
            .send()
            .await;
    }
    client.request(&CREATE, &[]).body(opts).send().await
}

/// What [`update`] takes (2.50).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// The new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether every project may use it.
    #[serde(default, rename = "share_type_access:is_public", skip_serializing_if = "Option::is_none")]
    pub is_public: Option<bool>,
}

impl Validate for UpdateOpts {}

/// Updates a share type (admin, 2.50).
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<ShareType> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a share type (admin).
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

/// Extra specs to set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ExtraSpecs(pub BTreeMap<String, String>);

impl Validate for ExtraSpecs {
    fn validate(&self) -> Result<()> {
        if self.0.keys().any(|k| k.is_empty()) {
            return Err(Error::invalid_input("an extra spec key must not be empty"));
        }
        Ok(())
    }
}

/// Lists a share type's extra specs.
pub async fn list_extra_specs(client: &ServiceClient, id: &str) -> ApiResult<BTreeMap<String, String>> {
    client.request(&LIST_EXTRA_SPECS, &[id]).send().await
}

/// Sets extra specs of a share type (admin); the answer holds the specs sent.
pub async fn set_extra_specs(
    client: &ServiceClient,
    id: &str,
    specs: &BTreeMap<String, String>,
) -> ApiResult<BTreeMap<String, String>> {
    client
        .request(&SET_EXTRA_SPECS, &[id])
        .body(&ExtraSpecs(specs.clone()))
        .send()
        .await
}

/// Unsets an extra spec of a share type (admin).
pub async fn delete_extra_spec(client: &ServiceClient, id: &str, key: &str) -> ApiResult<()> {
    client.request(&DELETE_EXTRA_SPEC, &[id, key]).send().await
}

/// A project's access to a private share type.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Access {
    /// The share type.
    pub share_type_id: String,
    /// The project.
    pub project_id: String,
}

/// The body of [`add_access`] and [`remove_access`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectOpts {
    /// The project.
    pub project: String,
}

impl Validate for ProjectOpts {}

/// Lists the projects with access to a private share type (admin).
pub async fn list_access(client: &ServiceClient, id: &str) -> ApiResult<Vec<Access>> {
    client.request(&LIST_ACCESS, &[id]).send().await
}

/// Gives a project access to a private share type (admin).
pub async fn add_access(client: &ServiceClient, id: &str, project: &str) -> ApiResult<()> {
    let body = ProjectOpts {
        project: project.into(),
    };
    client.request(&ADD_ACCESS, &[id]).body(&body).send().await
}

/// Takes a project's access to a private share type away (admin).
pub async fn remove_access(client: &ServiceClient, id: &str, project: &str) -> ApiResult<()> {
    let body = ProjectOpts {
        project: project.into(),
    };
    client.request(&REMOVE_ACCESS, &[id]).body(&body).send().await
}
