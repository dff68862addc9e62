//! Quotas: how many of a resource (`Cluster`) a project may have (admins set them).
//!
//! ```no_run
//! # async fn demo(magnum: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::containerinfra::v1::quotas::{self, QuotaOpts};
//! quotas::create(&magnum, &QuotaOpts::new("aa5436ab", "Cluster", 10)).await.extract()?;
//! let q = quotas::get(&magnum, "aa5436ab", "Cluster").await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "container-infrastructure-management";
    /// Set a project's quota of a resource (`201`).
    CREATE = POST "/quotas" request(QuotaOpts) response(Quota);
    /// List quotas.
    LIST = GET "/quotas" list("quotas", Quota);
    /// Show a project's quota of a resource.
    GET = GET "/quotas/{project_id}/{resource}" response(Quota);
    /// Change a project's quota of a resource (`202`).
    UPDATE = PATCH "/quotas/{project_id}/{resource}" request(QuotaOpts) response(Quota);
    /// Delete a project's quota of a resource (`204`).
    DELETE = DELETE "/quotas/{project_id}/{resource}";
}

/// A project's quota of a resource. A project without a quota of its own is answered
/// the default, which has no record: no `id` and no dates.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Quota {
    /// The record's ID (`None` for the default).
    #[serde(default)]
    pub id: Option<u64>,
    /// The project.
    pub project_id: String,
    /// The resource (`Cluster`).
    pub resource: String,
    /// How many the project may have.
    pub hard_limit: i64,
    /// When it was set.
    #[serde(default, with = "crate::dates::option")]
    pub created_at: Option<Timestamp>,
    /// When it last changed.
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
}

/// What [`create`] and [`update`] send.
///
/// ```
/// use ferrocloud::openstack::containerinfra::v1::quotas::QuotaOpts;
/// assert_eq!(serde_json::to_value(QuotaOpts::new("p1", "Cluster", 10)).unwrap(),
///     serde_json::json!({"project_id": "p1", "resource": "Cluster", "hard_limit": 10}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotaOpts {
    /// The project.
    pub project_id: String,
    /// The resource (`Cluster`).
    pub resource: String,
    /// The limit.
    pub hard_limit: i64,
}

impl QuotaOpts {
    /// `hard_limit` of `resource` for `project_id`.
    pub fn new(project_id: impl Into<String>, resource: impl Into<String>, hard_limit: i64) -> Self {
        QuotaOpts {
            project_id: project_id.into(),
            resource: resource.into(),
            hard_limit,
        }
    }
}

impl Validate for QuotaOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("project_id", !self.project_id.is_empty())?;
        crate::request::require("resource", !self.resource.is_empty())
    }
}

/// What [`list`] filters on.
///
/// ```
/// let opts = ferrocloud::openstack::containerinfra::v1::quotas::ListOpts { all_tenants: Some(true), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "all_tenants=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Every project's quotas (admins).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_tenants: Option<bool>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub controls: super::common::ListOpts,
}

/// Sets a project's quota of a resource (`201`).
pub async fn create(client: &ServiceClient, opts: &QuotaOpts) -> ApiResult<Quota> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Lists quotas (the caller's project's, or every project's with `all_tenants`),
/// following Magnum's `next` links.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Quota> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Next("next"))
}

crate::operation::extract_fn! {
    /// The quotas of a page (or of all pages).
    extract_quotas, Quota
}

/// Shows a project's quota of a resource.
pub async fn get(client: &ServiceClient, project_id: &str, resource: &str) -> ApiResult<Quota> {
    client.request(&GET, &[project_id, resource]).send().await
}

/// Changes a project's quota of a resource (`202`); `opts` names the same project and
/// resource.
pub async fn update(client: &ServiceClient, opts: &QuotaOpts) -> ApiResult<Quota> {
    client
        .request(&UPDATE, &[&opts.project_id, &opts.resource])
        .body(opts)
        .send()
        .await
}

/// Deletes a project's quota of a resource (`204`): the default applies again.
pub async fn delete(client: &ServiceClient, project_id: &str, resource: &str) -> ApiResult<()> {
    client.request(&DELETE, &[project_id, resource]).send().await
}
