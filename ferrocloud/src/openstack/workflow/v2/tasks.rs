//! Task executions: the steps of a workflow execution, their results and published
//! variables; a failed task can be rerun.
//!
//! ```no_run
//! # async fn demo(mistral: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::workflow::v2::tasks::{self, ListOpts, RerunOpts};
//! let opts = ListOpts { workflow_execution_id: Some("6bd3c9f2".into()), ..Default::default() };
//! for t in tasks::extract_tasks(&tasks::list(&mistral, &opts).all_pages().await?)? {
//!     println!("{}: {} {:?}", t.name, t.state, t.result.as_deref());
//! }
//! tasks::rerun(&mistral, "8c1a2f4e", &RerunOpts::default()).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Data, ListControls, State, mistral_functions};
use super::executions::{Execution, TreeOpts};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "workflow";
    /// List task executions.
    LIST = GET "/tasks" list("tasks", Task);
    /// Show a task execution.
    GET = GET "/tasks/{task_id}" response(Task);
    /// Rerun a failed task.
    RERUN = PUT "/tasks/{task_id}" request(RerunOpts) response(Task);
    /// List the sub-executions of a task.
    LIST_SUB = GET "/tasks/{task_id}/executions" list("executions", Execution);
}

/// A task execution. `result`, `published`, `published_global` and `runtime_context`
/// are decoded from the JSON text Mistral sends.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Task {
    /// The ID.
    pub id: String,
    /// The task's name.
    pub name: String,
    /// `ACTION` or `WORKFLOW` (a sub-workflow).
    #[serde(rename = "type")]
    pub task_type: String,
    /// The workflow's name.
    pub workflow_name: String,
    /// The workflow's namespace.
    #[serde(default)]
    pub workflow_namespace: Option<String>,
    /// The workflow's ID.
    pub workflow_id: String,
    /// The workflow execution it belongs to.
    pub workflow_execution_id: String,
    /// Tags.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub tags: Vec<String>,
    /// Where it stands.
    pub state: State,
    /// Why it is in its state.
    #[serde(default)]
    pub state_info: Option<String>,
    /// The owner.
    #[serde(default)]
    pub project_id: Option<String>,
    /// Mistral's bookkeeping (retries, what triggered it…).
    #[serde(default)]
    pub runtime_context: Option<Data>,
    /// Its result (when read alone, or in listings that ask for it).
    #[serde(default)]
    pub result: Option<Data>,
    /// The variables it published.
    #[serde(default)]
    pub published: Option<Data>,
    /// The variables it published globally.
    #[serde(default)]
    pub published_global: Option<Data>,
    /// Whether the engine has handled its completion.
    #[serde(default)]
    pub processed: Option<bool>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// When it started running.
    #[serde(default, with = "crate::dates::option")]
    pub started_at: Option<Timestamp>,
    /// When it finished.
    #[serde(default, with = "crate::dates::option")]
    pub finished_at: Option<Timestamp>,
}

/// What [`list`] filters on, besides the [`ListControls`].
///
/// ```
/// let opts = ferrocloud::openstack::workflow::v2::tasks::ListOpts {
///     state: Some("ERROR".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "state=ERROR");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Of this workflow execution.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workflow_execution_id: Option<String>,
    /// Of this workflow (name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workflow_name: Option<String>,
    /// Of this workflow (ID).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workflow_id: Option<String>,
    /// In this state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// With these tags.
    #[serde(serialize_with = "crate::query::comma", skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Paging, sorting and fields.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`rerun`] sends: the task goes back to `RUNNING`.
///
/// ```
/// use ferrocloud::openstack::workflow::v2::tasks::RerunOpts;
/// assert_eq!(serde_json::to_value(RerunOpts::default().reset(false)).unwrap(),
///     serde_json::json!({"state": "RUNNING", "reset": false}));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RerunOpts {
    /// `RUNNING` (rerun) or `SKIPPED` (go on as if it had succeeded).
    pub state: State,
    /// Rerun every iteration of a `with-items` task (true), or only the failed ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reset: Option<bool>,
    /// Environment variables to change for the rerun.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub env: Option<Data>,
}

impl Default for RerunOpts {
    fn default() -> Self {
        RerunOpts {
            state: State::Running,
            reset: None,
            env: None,
        }
    }
}

impl RerunOpts {
    /// Whether every iteration runs again.
    pub fn reset(mut self, reset: bool) -> Self {
        self.reset = Some(reset);
        self
    }
}

impl Validate for RerunOpts {
    fn validate(&self) -> crate::Result<()> {
        match self.state {
            State::Running | State::Skipped => Ok(()),
            _ => Err(crate::Error::invalid_input(
                "a task is rerun to RUNNING or SKIPPED",
            )),
        }
    }
}

mistral_functions! { Task, "task", extract_tasks; list get find }

/// Reruns a task that failed (its workflow execution goes back to `RUNNING`).
pub async fn rerun(client: &ServiceClient, id: &str, opts: &RerunOpts) -> ApiResult<Task> {
    client.request(&RERUN, &[id]).body(opts).send().await
}

/// Lists the workflow executions a task started (one page).
pub fn list_sub_executions(client: &ServiceClient, id: &str, opts: &TreeOpts) -> crate::pagination::Pager<Execution> {
    client
        .request(&LIST_SUB, &[id])
        .query(opts)
        .paged(crate::pagination::PageStyle::Single)
}
