//! Project and domain limits (unified limits): the limit of a resource of a service for
//! one project or domain, overriding the [registered limit][registered]; and the
//! enforcement model (`flat` or `strict-two-level`).
//!
//! A limit can only be created for a resource that has a registered limit.
//!
//! [registered]: crate::openstack::identity::v3::registered_limits
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient, service_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::limits::{self, CreateOpts, UpdateOpts};
//! let model = limits::get_model(&identity).await.extract()?;
//! println!("enforcement model: {}", model.name);
//! let created = limits::create(&identity, &[
//!     CreateOpts::for_project("project-id", service_id, "cores", 40),
//! ]).await.extract()?;
//! let upd = UpdateOpts { resource_limit: Some(50), ..Default::default() };
//! limits::update(&identity, &created[0].id, &upd).await.ok()?;
//! limits::delete(&identity, &created[0].id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::Links;
use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// Show the enforcement model.
    GET_MODEL = GET "/limits/model" response("model", Model);
    /// List limits.
    LIST = GET "/limits" list("limits", Limit);
    /// Create limits (several at once).
    CREATE = POST "/limits" request("limits", Vec<CreateOpts>) list("limits", Limit);
    /// Show a limit.
    GET = GET "/limits/{limit_id}" response("limit", Limit);
    /// Update a limit.
    UPDATE = PATCH "/limits/{limit_id}" request("limit", UpdateOpts) response("limit", Limit);
    /// Delete a limit.
    DELETE = DELETE "/limits/{limit_id}";
}

/// The limit enforcement model of the deployment.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Model {
    /// `flat` or `strict-two-level`.
    pub name: String,
    /// What it means.
    pub description: String,
}

/// A limit of one resource of one service for one project or domain.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Limit {
    /// Its ID.
    pub id: String,
    /// The project it applies to.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub project_id: Option<String>,
    /// The domain it applies to.
    #[serde(default)]
    pub domain_id: Option<String>,
    /// The service.
    pub service_id: String,
    /// The region, if it applies to one region only.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub region_id: Option<String>,
    /// The resource (`cores`, `volume`…).
    pub resource_name: String,
    /// The limit.
    pub resource_limit: i64,
    /// Its description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// Links to it.
    pub links: Links,
}

/// A new limit, for a project or for a domain.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The service (required).
    pub service_id: String,
    /// The project it applies to (this or `domain_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The domain it applies to (this or `project_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    /// The region (default: every region).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    /// The resource (required).
    pub resource_name: String,
    /// The limit.
    pub resource_limit: i64,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CreateOpts {
    /// A limit of `resource_limit` for `resource_name` of `service_id`, for the project
    /// `project_id`.
    pub fn for_project(
        project_id: impl Into<String>,
        service_id: impl Into<String>,
        resource_name: impl Into<String>,
        resource_limit: i64,
    ) -> Self {
        CreateOpts {
            project_id: Some(project_id.into()),
            service_id: service_id.into(),
            resource_name: resource_name.into(),
            resource_limit,
            ..Default::default()
        }
    }

    /// A limit of `resource_limit` for `resource_name` of `service_id`, for the domain
    /// `domain_id`.
    pub fn for_domain(
        domain_id: impl Into<String>,
        service_id: impl Into<String>,
        resource_name: impl Into<String>,
        resource_limit: i64,
    ) -> Self {
        CreateOpts {
            domain_id: Some(domain_id.into()),
            service_id: service_id.into(),
            resource_name: resource_name.into(),
            resource_limit,
            ..Default::default()
        }
    }

    /// Limits it to one region.
    pub fn region_id(mut self, region_id: impl Into<String>) -> Self {
        self.region_id = Some(region_id.into());
        self
    }

    /// Sets the description.
    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.description = Some(d.into());
        self
    }

    fn check(&self, i: usize) -> Result<()> {
        let field = |f: &str| format!("limits[{i}].{f}");
        require(&field("service_id"), !self.service_id.is_empty())?;
        require(&field("resource_name"), !self.resource_name.is_empty())?;
        let set = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.is_empty());
        if set(&self.project_id) == set(&self.domain_id) {
            return Err(Error::invalid_input(format!(
                "{} and {}: set exactly one of them",
                field("project_id"),
                field("domain_id")
            )));
        }
        if self.resource_limit < -1 {
            return Err(Error::invalid_input(format!(
                "{} must be -1 (unlimited) or more",
                field("resource_limit")
            )));
        }
        if self.region_id.as_deref() == Some("") {
            return Err(Error::invalid_input(format!(
                "{} must not be empty",
                field("region_id")
            )));
        }
        Ok(())
    }
}

impl Validate for [CreateOpts] {
    fn validate(&self) -> Result<()> {
        if self.is_empty() {
            return Err(Error::invalid_input("limits: give at least one limit"));
        }
        self.iter().enumerate().try_for_each(|(i, o)| o.check(i))
    }
}

/// Changes to a limit; unset fields are left as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_limit: Option<i64>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.resource_limit.is_some_and(|l| l < -1) {
            return Err(Error::invalid_input(
                "resource_limit must be -1 (unlimited) or more",
            ));
        }
        Ok(())
    }
}

/// Filters for listing limits.
///
/// ```
/// use ferrocloud::openstack::identity::v3::limits::ListOpts;
/// let o = ListOpts { project_id: Some("p1".into()), resource_name: Some("cores".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "resource_name=cores&project_id=p1");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Limits of this service.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    /// Limits of this region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    /// Limits of this resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_name: Option<String>,
    /// Limits of this project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Limits of this domain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
}

/// Shows the enforcement model.
pub async fn get_model(client: &ServiceClient) -> ApiResult<Model> {
    client.request(&GET_MODEL, &[]).send().await
}

/// Lists limits.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Limit> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The limits of a page.
    extract_limits, Limit
}

/// Creates limits, all or none; the answer lists them.
pub async fn create(client: &ServiceClient, opts: &[CreateOpts]) -> ApiResult<Vec<Limit>> {
    client
        .request(&CREATE, &[])
        .body(opts)
        .send()
        .await
}

/// Shows a limit.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Limit> {
    client.request(&GET, &[id]).send().await
}

/// Updates a limit.
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<Limit> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a limit.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}
