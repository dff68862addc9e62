//! Project quotas (admins): the limits configured for given projects. A limit not set
//! (`None`) is the deployment's default; a negative one is none; zero disables the kind.
//!
//! ```no_run
//! # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::keymanager::v1::project_quotas::{self, ProjectQuotas};
//! let project = "8b2d4e1a2c0e4bd3a3d9d5a5b5e7f001";
//! let q = ProjectQuotas { secrets: Some(50), orders: Some(10), containers: Some(20), ..Default::default() };
//! project_quotas::set(&barbican, project, &q).await.ok()?;
//! assert_eq!(project_quotas::get(&barbican, project).await.extract()?.secrets, Some(50));
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::Paging;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "key-manager";
    /// List the projects with configured quotas.
    LIST = GET "/project-quotas" list("project_quotas", ProjectQuotaRecord);
    /// Show a project's configured quotas.
    GET = GET "/project-quotas/{project_id}" response("project_quotas", ProjectQuotas);
    /// Set a project's quotas.
    SET = PUT "/project-quotas/{project_id}" request("project_quotas", ProjectQuotas);
    /// Delete a project's quotas (back to the defaults).
    DELETE = DELETE "/project-quotas/{project_id}";
}

/// A project's configured limits, per kind of entity (`None`: the default).
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::project_quotas::ProjectQuotas;
/// let q: ProjectQuotas = serde_json::from_str(
///     r#"{"secrets": 2000, "orders": 0, "containers": -1, "consumers": null, "cas": null}"#).unwrap();
/// assert_eq!((q.secrets, q.consumers), (Some(2000), None));
/// assert_eq!(serde_json::to_value(&q).unwrap(),
///     serde_json::json!({"secrets": 2000, "orders": 0, "containers": -1}));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectQuotas {
    /// Secrets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secrets: Option<i64>,
    /// Orders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orders: Option<i64>,
    /// Containers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub containers: Option<i64>,
    /// Consumers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consumers: Option<i64>,
    /// Certificate authorities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cas: Option<i64>,
}

impl Validate for ProjectQuotas {}

/// A project with configured quotas.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ProjectQuotaRecord {
    /// The project.
    pub project_id: String,
    /// Its configured limits.
    pub project_quotas: ProjectQuotas,
}

crate::operation::extract_fn! {
    /// The records of a page of [`list`].
    ///
    /// ```no_run
    /// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
    /// use ferrocloud::openstack::keymanager::v1::project_quotas;
    /// let pages = project_quotas::list(&barbican, &Default::default()).all_pages().await?;
    /// for r in project_quotas::extract_records(&pages)? { println!("{}", r.project_id) }
    /// # Ok(()) }
    /// ```
    extract_records, ProjectQuotaRecord
}

/// Lists the projects with configured quotas, following Barbican's `next` links.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::{common::Paging, project_quotas};
/// let pager = project_quotas::list(&barbican, &Paging::default().limit(50));
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, paging: &Paging) -> Pager<ProjectQuotaRecord> {
    client
        .request(&LIST, &[])
        .query(paging)
        .paged(PageStyle::Next("next"))
}

/// Shows a project's configured quotas.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let q = ferrocloud::openstack::keymanager::v1::project_quotas::get(&barbican, "8b2d4e1a").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, project_id: &str) -> ApiResult<ProjectQuotas> {
    client.request(&GET, &[project_id]).send().await
}

/// Sets a project's quotas (`204`): the limits left out take the defaults.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::project_quotas::{self, ProjectQuotas};
/// let q = ProjectQuotas { secrets: Some(-1), ..Default::default() };
/// project_quotas::set(&barbican, "8b2d4e1a", &q).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn set(client: &ServiceClient, project_id: &str, quotas: &ProjectQuotas) -> ApiResult<()> {
    client.request(&SET, &[project_id]).body(quotas).send().await
}

/// Deletes a project's quotas (`204`): the defaults apply again.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::keymanager::v1::project_quotas::delete(&barbican, "8b2d4e1a").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete(client: &ServiceClient, project_id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[project_id]).send().await
}
