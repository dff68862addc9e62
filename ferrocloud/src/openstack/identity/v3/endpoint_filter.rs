//! Project endpoint associations and endpoint groups (OS-EP-FILTER): per-project
//! catalogs.
//!
//! Once a project is associated with endpoints (one by one, or through endpoint groups,
//! filters that select endpoints by service, region or interface), tokens scoped to it
//! carry only those endpoints in their catalog.
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::endpoint_filter::{self, CreateGroupOpts, Filters};
//! let filters = Filters { interface: Some("public".into()), ..Default::default() };
//! let group = endpoint_filter::create_group(&identity, &CreateGroupOpts::new("public-only", filters))
//!     .await.extract()?;
//! endpoint_filter::add_group_to_project(&identity, &group.id, "project-id").await.ok()?;
//! let endpoints = endpoint_filter::list_group_endpoints(&identity, &group.id)
//!     .all_pages().await?.extract()?;
//! endpoint_filter::remove_group_from_project(&identity, &group.id, "project-id").await.ok()?;
//! endpoint_filter::delete_group(&identity, &group.id).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::endpoints::Endpoint;
use super::projects::Project;
use super::Links;
use crate::pagination::{PageStyle, Pager};
use crate::request::{at_least_one_of, require, ApiResult, Validate};
use crate::{Error, Operation, Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// List endpoint groups.
    LIST_GROUPS = GET "/OS-EP-FILTER/endpoint_groups" list("endpoint_groups", EndpointGroup);
    /// Create an endpoint group.
    CREATE_GROUP = POST "/OS-EP-FILTER/endpoint_groups" request("endpoint_group", CreateGroupOpts) response("endpoint_group", EndpointGroup);
    /// Show an endpoint group.
    GET_GROUP = GET "/OS-EP-FILTER/endpoint_groups/{endpoint_group_id}" response("endpoint_group", EndpointGroup);
    /// Check that an endpoint group exists.
    CHECK_GROUP = HEAD "/OS-EP-FILTER/endpoint_groups/{endpoint_group_id}";
    /// Update an endpoint group.
    UPDATE_GROUP = PATCH "/OS-EP-FILTER/endpoint_groups/{endpoint_group_id}" request("endpoint_group", UpdateGroupOpts) response("endpoint_group", EndpointGroup);
    /// Delete an endpoint group.
    DELETE_GROUP = DELETE "/OS-EP-FILTER/endpoint_groups/{endpoint_group_id}";
    /// Associate an endpoint with a project.
    ADD_ENDPOINT = PUT "/OS-EP-FILTER/projects/{project_id}/endpoints/{endpoint_id}";
    /// Check an endpoint's association with a project.
    CHECK_ENDPOINT = HEAD "/OS-EP-FILTER/projects/{project_id}/endpoints/{endpoint_id}";
    /// Remove an endpoint's association with a project.
    REMOVE_ENDPOINT = DELETE "/OS-EP-FILTER/projects/{project_id}/endpoints/{endpoint_id}";
    /// List the endpoints associated with a project.
    LIST_PROJECT_ENDPOINTS = GET "/OS-EP-FILTER/projects/{project_id}/endpoints" list("endpoints", Endpoint);
    /// List the projects associated with an endpoint.
    LIST_ENDPOINT_PROJECTS = GET "/OS-EP-FILTER/endpoints/{endpoint_id}/projects" list("projects", Project);
    /// Associate an endpoint group with a project.
    ADD_GROUP = PUT "/OS-EP-FILTER/endpoint_groups/{endpoint_group_id}/projects/{project_id}";
    /// Show an endpoint group's association with a project.
    GET_GROUP_PROJECT = GET "/OS-EP-FILTER/endpoint_groups/{endpoint_group_id}/projects/{project_id}" response(GroupProject);
    /// Check an endpoint group's association with a project.
    CHECK_GROUP_PROJECT = HEAD "/OS-EP-FILTER/endpoint_groups/{endpoint_group_id}/projects/{project_id}";
    /// Remove an endpoint group's association with a project.
    REMOVE_GROUP = DELETE "/OS-EP-FILTER/endpoint_groups/{endpoint_group_id}/projects/{project_id}";
    /// List the projects associated with an endpoint group.
    LIST_GROUP_PROJECTS = GET "/OS-EP-FILTER/endpoint_groups/{endpoint_group_id}/projects" list("projects", Project);
    /// List the endpoints an endpoint group selects.
    LIST_GROUP_ENDPOINTS = GET "/OS-EP-FILTER/endpoint_groups/{endpoint_group_id}/endpoints" list("endpoints", Endpoint);
    /// List the endpoint groups associated with a project.
    LIST_PROJECT_GROUPS = GET "/OS-EP-FILTER/projects/{project_id}/endpoint_groups" list("endpoint_groups", EndpointGroup);
}

/// Which endpoints an endpoint group selects: those matching every filter set.
///
/// ```
/// use ferrocloud::openstack::identity::v3::endpoint_filter::Filters;
/// let f = Filters { service_id: Some("s1".into()), interface: Some("admin".into()), ..Default::default() };
/// assert_eq!(serde_json::to_string(&f).unwrap(), r#"{"interface":"admin","service_id":"s1"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Filters {
    /// Endpoints with this interface (`public`, `internal`, `admin`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interface: Option<String>,
    /// Endpoints of this service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    /// Endpoints of this region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    /// Other endpoint attributes to match.
    #[serde(flatten)]
    pub other: BTreeMap<String, Value>,
}

impl Filters {
    fn is_empty(&self) -> bool {
        self.interface.is_none()
            && self.service_id.is_none()
            && self.region_id.is_none()
            && self.other.is_empty()
    }
}

/// An endpoint group.
///
/// Keystone lists endpoint groups as plain objects; the API reference shows each one
/// wrapped in `{"endpoint_group": …}`. Both are read.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct EndpointGroup {
    /// Its ID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its description.
    pub description: Option<String>,
    /// The endpoints it selects.
    pub filters: Filters,
    /// Links to it.
    pub links: Links,
}

#[derive(Deserialize)]
struct GroupFields {
    id: String,
    name: String,
    #[serde(default)]
    description: Option<String>,
    filters: Filters,
    links: Links,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum GroupRepr {
    Wrapped { endpoint_group: GroupFields },
    Plain(GroupFields),
}

impl<'de> Deserialize<'de> for EndpointGroup {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let f = match GroupRepr::deserialize(d)
            .map_err(|_| serde::de::Error::custom("expected an endpoint group (with an \"id\")"))?
        {
            GroupRepr::Wrapped { endpoint_group } => endpoint_group,
            GroupRepr::Plain(f) => f,
        };
        Ok(EndpointGroup {
            id: f.id,
            name: f.name,
            description: f.description,
            filters: f.filters,
            links: f.links,
        })
    }
}

impl crate::find::Named for EndpointGroup {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// The answer to showing an endpoint group's association with a project.
///
/// Keystone answers with the association (`project_endpoint_group`); the API reference
/// shows the project instead. Whichever comes is set.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct GroupProject {
    /// The association, as Keystone answers.
    #[serde(default)]
    pub project_endpoint_group: Option<GroupProjectAssociation>,
    /// The project, as the API reference shows the answer.
    #[serde(default)]
    pub project: Option<Project>,
}

/// An endpoint group's association with a project.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct GroupProjectAssociation {
    /// The endpoint group.
    pub endpoint_group_id: String,
    /// The project.
    pub project_id: String,
    /// Links to the association.
    pub links: Links,
}

/// A new endpoint group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateGroupOpts {
    /// The name (required).
    pub name: String,
    /// The endpoints it selects (at least one filter).
    pub filters: Filters,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CreateGroupOpts {
    /// A group named `name` selecting the endpoints that match `filters`.
    pub fn new(name: impl Into<String>, filters: Filters) -> Self {
        CreateGroupOpts {
            name: name.into(),
            filters,
            description: None,
        }
    }
}

impl Validate for CreateGroupOpts {
    fn validate(&self) -> Result<()> {
        require("name", !self.name.is_empty())?;
        if self.filters.is_empty() {
            return Err(Error::invalid_input("filters: set at least one filter"));
        }
        Ok(())
    }
}

/// Changes to an endpoint group; unset fields are left as they are (the filters are
/// replaced as a whole).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateGroupOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New filters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filters: Option<Filters>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Validate for UpdateGroupOpts {
    fn validate(&self) -> Result<()> {
        at_least_one_of(&[
            ("name", self.name.is_some()),
            ("filters", self.filters.is_some()),
            ("description", self.description.is_some()),
        ])?;
        if self.name.as_deref() == Some("") {
            return Err(Error::invalid_input("name must not be empty"));
        }
        if self.filters.as_ref().is_some_and(Filters::is_empty) {
            return Err(Error::invalid_input("filters: set at least one filter"));
        }
        Ok(())
    }
}

/// Filters for listing endpoint groups.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListGroupsOpts {
    /// Endpoint groups with this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

async fn exists(client: &ServiceClient, op: &'static Operation, params: &[&str]) -> Result<bool> {
    client.request(op, params).send().await.exists()
}

/// Lists endpoint groups.
pub fn list_groups(client: &ServiceClient, opts: &ListGroupsOpts) -> Pager<EndpointGroup> {
    client
        .request(&LIST_GROUPS, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The endpoint groups of a page.
    extract_groups, EndpointGroup
}

/// Creates an endpoint group.
pub async fn create_group(
    client: &ServiceClient,
    opts: &CreateGroupOpts,
) -> ApiResult<EndpointGroup> {
    client.request(&CREATE_GROUP, &[]).body(opts).send().await
}

/// Shows an endpoint group.
pub async fn get_group(client: &ServiceClient, id: &str) -> ApiResult<EndpointGroup> {
    client.request(&GET_GROUP, &[id]).send().await
}

/// Whether an endpoint group exists: `Ok(false)` when Keystone answers 404.
pub async fn group_exists(client: &ServiceClient, id: &str) -> Result<bool> {
    exists(client, &CHECK_GROUP, &[id]).await
}

/// Updates an endpoint group.
pub async fn update_group(
    client: &ServiceClient,
    id: &str,
    opts: &UpdateGroupOpts,
) -> ApiResult<EndpointGroup> {
    client.request(&UPDATE_GROUP, &[id]).body(opts).send().await
}

/// Deletes an endpoint group.
pub async fn delete_group(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE_GROUP, &[id]).send().await
}

/// Finds an endpoint group by ID or exact name.
pub async fn find_group(client: &ServiceClient, name_or_id: &str) -> Result<EndpointGroup> {
    let by_name = ListGroupsOpts {
        name: Some(name_or_id.to_string()),
    };
    crate::find::find(
        "endpoint group",
        name_or_id,
        get_group(client, name_or_id),
        list_groups(client, &by_name),
    )
    .await
}

/// Associates the endpoint `endpoint_id` with the project `project_id`.
pub async fn add_endpoint_to_project(
    client: &ServiceClient,
    project_id: &str,
    endpoint_id: &str,
) -> ApiResult<()> {
    client
        .request(&ADD_ENDPOINT, &[project_id, endpoint_id])
        .send()
        .await
}

/// Whether the endpoint `endpoint_id` is associated with the project `project_id`:
/// `Ok(false)` when Keystone answers 404.
pub async fn project_has_endpoint(
    client: &ServiceClient,
    project_id: &str,
    endpoint_id: &str,
) -> Result<bool> {
    exists(client, &CHECK_ENDPOINT, &[project_id, endpoint_id]).await
}

/// Removes the association of the endpoint `endpoint_id` with the project `project_id`.
pub async fn remove_endpoint_from_project(
    client: &ServiceClient,
    project_id: &str,
    endpoint_id: &str,
) -> ApiResult<()> {
    client
        .request(&REMOVE_ENDPOINT, &[project_id, endpoint_id])
        .send()
        .await
}

/// Lists the endpoints associated with a project (one by one, not through groups).
pub fn list_project_endpoints(client: &ServiceClient, project_id: &str) -> Pager<Endpoint> {
    client
        .request(&LIST_PROJECT_ENDPOINTS, &[project_id])
        .paged(PageStyle::Links("links"))
}

/// Lists the projects associated with an endpoint.
pub fn list_endpoint_projects(client: &ServiceClient, endpoint_id: &str) -> Pager<Project> {
    client
        .request(&LIST_ENDPOINT_PROJECTS, &[endpoint_id])
        .paged(PageStyle::Links("links"))
}

/// Associates the endpoint group `group_id` with the project `project_id`.
pub async fn add_group_to_project(
    client: &ServiceClient,
    group_id: &str,
    project_id: &str,
) -> ApiResult<()> {
    client
        .request(&ADD_GROUP, &[group_id, project_id])
        .send()
        .await
}

/// Shows the association of the endpoint group `group_id` with the project
/// `project_id` (404 without one).
pub async fn get_group_project(
    client: &ServiceClient,
    group_id: &str,
    project_id: &str,
) -> ApiResult<GroupProject> {
    client
        .request(&GET_GROUP_PROJECT, &[group_id, project_id])
        .send()
        .await
}

/// Whether the endpoint group `group_id` is associated with the project `project_id`:
/// `Ok(false)` when Keystone answers 404.
pub async fn project_has_group(
    client: &ServiceClient,
    group_id: &str,
    project_id: &str,
) -> Result<bool> {
    exists(client, &CHECK_GROUP_PROJECT, &[group_id, project_id]).await
}

/// Removes the association of the endpoint group `group_id` with the project
/// `project_id`.
pub async fn remove_group_from_project(
    client: &ServiceClient,
    group_id: &str,
    project_id: &str,
) -> ApiResult<()> {
    client
        .request(&REMOVE_GROUP, &[group_id, project_id])
        .send()
        .await
}

/// Lists the projects associated with an endpoint group.
pub fn list_group_projects(client: &ServiceClient, group_id: &str) -> Pager<Project> {
    client
        .request(&LIST_GROUP_PROJECTS, &[group_id])
        .paged(PageStyle::Links("links"))
}

/// Lists the endpoints an endpoint group selects.
pub fn list_group_endpoints(client: &ServiceClient, group_id: &str) -> Pager<Endpoint> {
    client
        .request(&LIST_GROUP_ENDPOINTS, &[group_id])
        .paged(PageStyle::Links("links"))
}

/// Lists the endpoint groups associated with a project.
pub fn list_project_groups(client: &ServiceClient, project_id: &str) -> Pager<EndpointGroup> {
    client
        .request(&LIST_PROJECT_GROUPS, &[project_id])
        .paged(PageStyle::Links("links"))
}
