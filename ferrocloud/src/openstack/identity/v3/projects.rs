//! Projects: the containers of resources, quotas and role assignments; also their tags
//! and their place in the project hierarchy.
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::projects::{self, CreateOpts};
//! let p = projects::create(&identity, &CreateOpts::new("web-team").description("web")).await.extract()?;
//! projects::add_tag(&identity, &p.id, "prod").await.ok()?;
//! let found = projects::find(&identity, "web-team").await?;
//! projects::delete(&identity, &p.id).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Links;
use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// List projects.
    LIST = GET "/projects" list("projects", Project);
    /// Create a project.
    CREATE = POST "/projects" request("project", CreateOpts) response("project", Project);
    /// Show a project.
    GET = GET "/projects/{project_id}" response("project", Project);
    /// Update a project.
    UPDATE = PATCH "/projects/{project_id}" request("project", UpdateOpts) response("project", Project);
    /// Delete a project.
    DELETE = DELETE "/projects/{project_id}";
    /// List a project's tags.
    LIST_TAGS = GET "/projects/{project_id}/tags" response(Tags);
    /// Replace a project's tags.
    REPLACE_TAGS = PUT "/projects/{project_id}/tags" request(Tags) response(Tags);
    /// Remove every tag of a project.
    DELETE_TAGS = DELETE "/projects/{project_id}/tags";
    /// Check that a project has a tag.
    CHECK_TAG = GET "/projects/{project_id}/tags/{tag}";
    /// Add a tag to a project.
    ADD_TAG = PUT "/projects/{project_id}/tags/{tag}";
    /// Remove a tag from a project.
    DELETE_TAG = DELETE "/projects/{project_id}/tags/{tag}";
}

/// A project.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Project {
    /// The project's ID.
    pub id: String,
    /// Its name, unique within its domain.
    pub name: String,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// The domain it belongs to (`None` for a project acting as a domain).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub domain_id: Option<String>,
    /// Whether it is enabled.
    pub enabled: bool,
    /// Whether this project acts as a domain (`false` when the service omits it, as in
    /// the projects listed for scoping and endpoint filters).
    #[serde(default)]
    pub is_domain: bool,
    /// The parent project (or the domain, for a top-level project).
    #[serde(default)]
    pub parent_id: Option<String>,
    /// Its tags.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub tags: Vec<String>,
    /// Resource options (e.g. `immutable`).
    #[serde(default)]
    pub options: BTreeMap<String, Value>,
    /// Links to it.
    pub links: Links,
    /// Its parents, when asked with `parents_as_list` or `parents_as_ids`.
    #[serde(default)]
    pub parents: Option<Value>,
    /// Its subtree, when asked with `subtree_as_list` or `subtree_as_ids`.
    #[serde(default)]
    pub subtree: Option<Value>,
}

impl crate::find::Named for Project {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// A project's tags.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Tags {
    /// The tags.
    pub tags: Vec<String>,
}

impl Validate for Tags {}

/// Filters for listing projects.
///
/// ```
/// use ferrocloud::openstack::identity::v3::projects::ListOpts;
/// let o = ListOpts { domain_id: Some("default".into()), tags_any: vec!["a".into(), "b".into()], ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "domain_id=default&tags-any=a%2Cb");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Projects of this domain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    /// Enabled (or disabled) projects only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Projects that act as domains (or not).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_domain: Option<bool>,
    /// Projects with this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Children of this project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    /// Projects with all of these tags.
    #[serde(serialize_with = "crate::query::comma", skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Projects with any of these tags.
    #[serde(rename = "tags-any", serialize_with = "crate::query::comma", skip_serializing_if = "Vec::is_empty")]
    pub tags_any: Vec<String>,
    /// Projects without all of these tags.
    #[serde(rename = "not-tags", serialize_with = "crate::query::comma", skip_serializing_if = "Vec::is_empty")]
    pub not_tags: Vec<String>,
    /// Projects without any of these tags.
    #[serde(rename = "not-tags-any", serialize_with = "crate::query::comma", skip_serializing_if = "Vec::is_empty")]
    pub not_tags_any: Vec<String>,
    /// Page size (where the deployment enables it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The last project of the previous page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// What to include when showing a project.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GetOpts {
    /// The parents, as a list of projects.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub parents_as_list: bool,
    /// The subtree, as a list of projects.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub subtree_as_list: bool,
    /// The parents, as nested IDs.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub parents_as_ids: bool,
    /// The subtree, as nested IDs.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub subtree_as_ids: bool,
    /// The project's limits.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub include_limits: bool,
}

/// A new project.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (required).
    pub name: String,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The domain (default: the token's domain).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    /// Whether it is enabled (default: true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Whether it acts as a domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_domain: Option<bool>,
    /// The parent project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    /// Tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// Resource options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<BTreeMap<String, Value>>,
}

impl CreateOpts {
    /// A project named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            ..Default::default()
        }
    }

    /// Sets the description.
    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.description = Some(d.into());
        self
    }

    /// Sets the domain.
    pub fn domain_id(mut self, d: impl Into<String>) -> Self {
        self.domain_id = Some(d.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("name", !self.name.is_empty())
    }
}

/// Changes to a project; unset fields are left as they are.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Enable or disable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Whether it acts as a domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_domain: Option<bool>,
    /// The domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    /// New tags (replacing the old ones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// Resource options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<BTreeMap<String, Value>>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.name.as_deref() == Some("") {
            return Err(crate::Error::invalid_input("name must not be empty"));
        }
        Ok(())
    }
}

/// Lists projects.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Project> {
    client.request(&LIST, &[]).query(opts).paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The projects of a page.
    extract_projects, Project
}

/// Creates a project.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Project> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Shows a project.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Project> {
    client.request(&GET, &[id]).send().await
}

/// Shows a project with its parents, subtree or limits.
pub async fn get_with(client: &ServiceClient, id: &str, opts: &GetOpts) -> ApiResult<Project> {
    client.request(&GET, &[id]).query(opts).send().await
}

/// Updates a project.
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<Project> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a project.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

/// Finds a project by ID or exact name.
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<Project> {
    let by_name = ListOpts {
        name: Some(name_or_id.to_string()),
        ..Default::default()
    };
    crate::find::find("project", name_or_id, get(client, name_or_id), list(client, &by_name)).await
}

/// Lists a project's tags.
pub async fn list_tags(client: &ServiceClient, id: &str) -> ApiResult<Tags> {
    client.request(&LIST_TAGS, &[id]).send().await
}

/// Replaces a project's tags.
pub async fn replace_tags(client: &ServiceClient, id: &str, tags: &[&str]) -> ApiResult<Tags> {
    let tags = Tags {
        tags: tags.iter().map(|t| t.to_string()).collect(),
    };
    client.request(&REPLACE_TAGS, &[id]).body(&tags).send().await
}

/// Removes every tag of a project.
pub async fn delete_tags(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE_TAGS, &[id]).send().await
}

/// Whether a project has a tag: `Ok(false)` when Keystone answers 404.
pub async fn has_tag(client: &ServiceClient, id: &str, tag: &str) -> Result<bool> {
    client.request(&CHECK_TAG, &[id, tag]).ok_codes(&[204]).send().await.exists()
}

/// Adds a tag to a project.
pub async fn add_tag(client: &ServiceClient, id: &str, tag: &str) -> ApiResult<()> {
    client.request(&ADD_TAG, &[id, tag]).send().await
}

/// Removes a tag from a project.
pub async fn delete_tag(client: &ServiceClient, id: &str, tag: &str) -> ApiResult<()> {
    client.request(&DELETE_TAG, &[id, tag]).send().await
}
