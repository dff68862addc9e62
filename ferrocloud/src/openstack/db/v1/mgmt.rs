//! Instances as administrators see them (with their Nova server, guest status and
//! tasks), their actions (stop the database, reboot, migrate, reset the task, rebuild)
//! and the history of their root user.
//!
//! ```no_run
//! # async fn demo(trove: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::db::v1::mgmt;
//! let i = mgmt::get(&trove, "7de1bed8").await.extract()?;
//! println!("{:?}", i.task_description);
//! mgmt::migrate(&trove, "7de1bed8", Some("compute-001")).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Empty, ListOpts};
use super::instances::Instance;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "database";
    /// List every instance (administrators).
    LIST = GET "/mgmt/instances" list("instances", Instance);
    /// Show an instance (administrators).
    GET = GET "/mgmt/instances/{instance_id}" response("instance", Instance);
    /// Stop the database service.
    STOP = POST "/mgmt/instances/{instance_id}/action" request("stop", Empty);
    /// Reboot the server.
    REBOOT = POST "/mgmt/instances/{instance_id}/action" request("reboot", Empty);
    /// Migrate the server.
    MIGRATE = POST "/mgmt/instances/{instance_id}/action" request("migrate", MigrateOpts);
    /// Reset the task status.
    RESET_TASK_STATUS = POST "/mgmt/instances/{instance_id}/action" request("reset-task-status", Empty);
    /// Rebuild the server from an image.
    REBUILD = POST "/mgmt/instances/{instance_id}/action" request("rebuild", RebuildOpts);
    /// When root was enabled.
    ROOT_HISTORY = GET "/mgmt/instances/{instance_id}/root" response("root_history", RootHistory);
}

/// Where to migrate a server.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MigrateOpts {
    /// The target host (the scheduler picks one when `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
}

impl Validate for MigrateOpts {}

/// The image to rebuild a server from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RebuildOpts {
    /// The image.
    pub image_id: String,
}

impl Validate for RebuildOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("image_id", !self.image_id.is_empty())
    }
}

/// When and by whom root was enabled on an instance.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct RootHistory {
    /// The instance.
    pub id: String,
    /// When (`None` when never).
    #[serde(default)]
    pub enabled: Option<String>,
    /// The user who did.
    #[serde(default)]
    pub user: Option<String>,
}

/// What [`list`] filters on.
///
/// ```
/// let o = ferrocloud::openstack::db::v1::mgmt::ListMgmtOpts { deleted: Some(false), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "deleted=false");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListMgmtOpts {
    /// Deleted instances (or not).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
    /// Instances of clusters too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_clustered: Option<bool>,
    /// Paging.
    #[serde(flatten)]
    pub page: ListOpts,
}

/// Lists every instance, following Trove's `links`.
pub fn list(client: &ServiceClient, opts: &ListMgmtOpts) -> Pager<Instance> {
    client.request(&LIST, &[]).query(opts).paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The instances of a page (or of all pages).
    extract_instances, Instance
}

/// Shows an instance with the administrators' fields.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Instance> {
    client.request(&GET, &[id]).send().await
}

async fn action<B: Serialize + Validate>(
    client: &ServiceClient,
    op: &'static crate::operation::Op<()>,
    id: &str,
    key: &str,
    body: &B,
) -> ApiResult<()> {
    client.request(op, &[id]).json_in(key, body).send().await
}

/// Stops the database service (`202`).
pub async fn stop(client: &ServiceClient, id: &str) -> ApiResult<()> {
    action(client, &STOP, id, "stop", &Empty {}).await
}

/// Reboots the server (`202`).
pub async fn reboot(client: &ServiceClient, id: &str) -> ApiResult<()> {
    action(client, &REBOOT, id, "reboot", &Empty {}).await
}

/// Migrates the server, to `host` or where the scheduler says (`202`).
pub async fn migrate(client: &ServiceClient, id: &str, host: Option<&str>) -> ApiResult<()> {
    let opts = MigrateOpts { host: host.map(str::to_string) };
    action(client, &MIGRATE, id, "migrate", &opts).await
}

/// Resets the task status (`202`).
pub async fn reset_task_status(client: &ServiceClient, id: &str) -> ApiResult<()> {
    action(client, &RESET_TASK_STATUS, id, "reset-task-status", &Empty {}).await
}

/// Rebuilds the server from an image (`202`).
pub async fn rebuild(client: &ServiceClient, id: &str, image_id: &str) -> ApiResult<()> {
    let opts = RebuildOpts { image_id: image_id.to_string() };
    action(client, &REBUILD, id, "rebuild", &opts).await
}

/// Shows when root was enabled.
pub async fn root_history(client: &ServiceClient, id: &str) -> ApiResult<RootHistory> {
    client.request(&ROOT_HISTORY, &[id]).send().await
}
