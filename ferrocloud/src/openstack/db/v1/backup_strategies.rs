//! Backup strategies: the Swift container an instance's (or a project's) backups go to.
//!
//! ```no_run
//! # async fn demo(trove: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::db::v1::backup_strategies::{self, CreateOpts};
//! let opts = CreateOpts { instance_id: Some("0602db72".into()), swift_container: "my_backups".into() };
//! backup_strategies::create(&trove, &opts).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "database";
    /// List backup strategies.
    LIST = GET "/backup_strategies" list("backup_strategies", BackupStrategy);
    /// Create a backup strategy.
    CREATE = POST "/backup_strategies" request("backup_strategy", CreateOpts) response("backup_strategy", BackupStrategy);
    /// Delete a backup strategy.
    DELETE = DELETE "/backup_strategies";
}

/// A backup strategy.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct BackupStrategy {
    /// The project.
    #[serde(default)]
    pub project_id: Option<String>,
    /// The instance (none: the whole project, which Trove writes as `""`).
    #[serde(default, deserialize_with = "crate::de::empty_as_none")]
    pub instance_id: Option<String>,
    /// `swift`.
    pub backend: String,
    /// The container.
    pub swift_container: String,
}

/// What [`create`] sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The instance (the whole project when `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    /// The container.
    pub swift_container: String,
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("swift_container", !self.swift_container.is_empty())
    }
}

/// Which strategies [`list`] shows and [`delete`] deletes.
///
/// ```
/// let f = ferrocloud::openstack::db::v1::backup_strategies::Filter { instance_id: Some("i".into()), project_id: None };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&f).unwrap()), "instance_id=i");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Filter {
    /// Of this instance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    /// Of this project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

/// Lists backup strategies (one page).
pub fn list(client: &ServiceClient, filter: &Filter) -> Pager<BackupStrategy> {
    client.request(&LIST, &[]).query(filter).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The strategies of a page.
    extract_backup_strategies, BackupStrategy
}

/// Creates a backup strategy.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<BackupStrategy> {
    client.request(&CREATE, &[]).json_in("backup_strategy", opts).send().await
}

/// Deletes the backup strategy of an instance or project (`202`).
pub async fn delete(client: &ServiceClient, filter: &Filter) -> ApiResult<()> {
    client.request(&DELETE, &[]).query(filter).send().await
}
