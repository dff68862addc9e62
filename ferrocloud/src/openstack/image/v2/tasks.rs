//! Tasks: Glance's asynchronous work (the legacy `import` task, and the tasks of the
//! interoperable import that [`images::list_tasks`]
//! shows). Creating tasks is for admins on most clouds; listings page by Glance's `next`.
//!
//! ```no_run
//! # async fn demo(glance: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::image::v2::tasks::{self, CreateOpts, TaskStatus};
//! let input = serde_json::json!({
//!     "import_from": "https://example.org/image.qcow2", "import_from_format": "qcow2",
//!     "image_properties": {"disk_format": "qcow2", "container_format": "bare"}});
//! let task = tasks::create(&glance, &CreateOpts::new("import", input)).await.extract()?;
//! let task = tasks::get(&glance, &task.id).await.extract()?;
//! if task.status == TaskStatus::Failure {
//!     println!("failed: {}", task.message.unwrap_or_default());
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "image";
    /// Create a task.
    CREATE = POST "/tasks" request(CreateOpts) response(Task);
    /// List tasks.
    LIST = GET "/tasks" list("tasks", Task);
    /// Show a task.
    GET = GET "/tasks/{task_id}" response(Task);
}

crate::openstack::blockstorage::v3::common::status_enum! {
    /// The status of a task.
    TaskStatus {
        /// Waiting to run.
        Pending = "pending",
        /// Running.
        Processing = "processing",
        /// Done.
        Success = "success",
        /// Failed: `message` says why.
        Failure = "failure",
    }
}

/// A task.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Task {
    /// The ID.
    pub id: String,
    /// Its kind (`import`, `api_image_import`, `location_import`).
    #[serde(rename = "type")]
    pub kind: String,
    /// The status.
    pub status: TaskStatus,
    /// The owning project.
    pub owner: String,
    /// What it was given (in a task's details; not in listings).
    #[serde(default)]
    pub input: Option<Value>,
    /// What it produced (`{"image_id": …}`), once done.
    #[serde(default)]
    pub result: Option<Value>,
    /// What happened (progress or the failure).
    #[serde(default)]
    pub message: Option<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated_at: Timestamp,
    /// When its record goes, once it is over.
    #[serde(default, deserialize_with = "crate::dates::option::deserialize")]
    pub expires_at: Option<Timestamp>,
    /// Its path (not in an image's task list).
    #[serde(rename = "self", default)]
    pub self_link: Option<String>,
    /// Its schema's path (not in an image's task list).
    #[serde(default)]
    pub schema: Option<String>,
    /// The image it works on (an image's task list; 2.12).
    #[serde(default)]
    pub image_id: Option<String>,
    /// The request that started it (an image's task list).
    #[serde(rename = "request-id", default)]
    pub request_id: Option<String>,
    /// The user who started it (an image's task list).
    #[serde(default)]
    pub user: Option<String>,
    /// Whether its record is deleted (an image's task list).
    #[serde(default)]
    pub deleted: Option<bool>,
    /// When its record was deleted (an image's task list).
    #[serde(default, deserialize_with = "crate::dates::option::deserialize")]
    pub deleted_at: Option<Timestamp>,
}

crate::operation::extract_fn! {
    /// The tasks of a page of [`list`].
    extract_tasks, Task
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::image::v2::tasks::CreateOpts;
/// let opts = CreateOpts::new("import", serde_json::json!({"import_from": "http://x/i"}));
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"type": "import", "input": {"import_from": "http://x/i"}}));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The kind of task (`import`).
    #[serde(rename = "type")]
    pub kind: String,
    /// Its input, as the kind defines it.
    pub input: Value,
}

impl CreateOpts {
    /// A task of `kind` with `input`.
    pub fn new(kind: impl Into<String>, input: Value) -> Self {
        CreateOpts {
            kind: kind.into(),
            input,
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("type", !self.kind.is_empty())
    }
}

/// What [`list`] filters and sorts on.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Tasks of this kind.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Tasks of this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<TaskStatus>,
    /// Tasks per page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Start after this task.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Sort key (`created_at`, `updated_at`, `id`, `type`, `status`, `owner`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_key: Option<String>,
    /// `asc` or `desc`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_dir: Option<String>,
}

/// Creates a task (`201`).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Task> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Lists tasks, following Glance's `next` links.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Task> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Next("next"))
}

/// Shows a task.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Task> {
    client.request(&GET, &[id]).send().await
}

/// Waits until the task is over: `success` gives the task, `failure` an error with its
/// message (an import's task says why it failed).
pub async fn wait_for_completion(
    client: &ServiceClient,
    id: &str,
    opts: &crate::wait::WaitOpts,
) -> Result<Task> {
    use crate::wait::State;
    crate::wait::wait_for(
        &format!("task {id} to complete"),
        opts,
        || async { get(client, id).await.extract() },
        |t: &Task| match &t.status {
            TaskStatus::Success => State::Ready,
            TaskStatus::Failure => State::Failed(format!(
                "task {} failed: {}",
                t.id,
                t.message.as_deref().filter(|m| !m.is_empty()).unwrap_or("no message")
            )),
            _ => State::Pending,
        },
        |_| {},
    )
    .await
}
