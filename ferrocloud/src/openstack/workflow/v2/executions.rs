//! Workflow executions: start a workflow with its input, pause, resume, cancel or fail
//! it, change its environment, read its sub-executions and a report of its tasks, and
//! wait until it is done.
//!
//! ```no_run
//! # async fn demo(mistral: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::workflow::v2::executions::{self, CreateOpts};
//! let opts = CreateOpts::workflow("hello").input(serde_json::json!({"name": "Ada"}));
//! let ex = executions::create(&mistral, &opts).await.extract()?;
//! let done = executions::wait_for_completion(&mistral, &ex.id, &Default::default()).await?;
//! println!("output: {:?}", done.output.as_deref());
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Data, ListControls, State, mistral_functions};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::wait::WaitOpts;
use crate::{Error, ServiceClient};

crate::operations! {
    service: "workflow";
    /// List workflow executions.
    LIST = GET "/executions" list("executions", Execution);
    /// Start a workflow.
    CREATE = POST "/executions" request(CreateOpts) response(Execution);
    /// Show an execution.
    GET = GET "/executions/{execution_id}" response(Execution);
    /// Change an execution's state, description or environment.
    UPDATE = PUT "/executions/{execution_id}" request(UpdateOpts) response(Execution);
    /// Delete an execution.
    DELETE = DELETE "/executions/{execution_id}";
    /// List the sub-executions of an execution.
    LIST_SUB = GET "/executions/{execution_id}/executions" list("executions", Execution);
    /// A report of an execution's tasks.
    REPORT = GET "/executions/{execution_id}/report" response(Report);
}

/// A workflow execution. `input`, `output` and `params` are decoded from the JSON text
/// Mistral sends.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Execution {
    /// The ID.
    pub id: String,
    /// The workflow's ID.
    #[serde(default)]
    pub workflow_id: Option<String>,
    /// The workflow's name.
    #[serde(default)]
    pub workflow_name: Option<String>,
    /// The workflow's namespace.
    #[serde(default)]
    pub workflow_namespace: Option<String>,
    /// The description.
    #[serde(default)]
    pub description: Option<String>,
    /// Tags.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub tags: Vec<String>,
    /// Its parameters (`env`, `task_name`, `notify`…).
    #[serde(default)]
    pub params: Option<Data>,
    /// The task that started it (a sub-workflow).
    #[serde(default)]
    pub task_execution_id: Option<String>,
    /// The execution at the root of its tree.
    #[serde(default)]
    pub root_execution_id: Option<String>,
    /// The execution it repeats.
    #[serde(default)]
    pub source_execution_id: Option<String>,
    /// Where it stands.
    pub state: State,
    /// Why it is in its state (the error of a failed execution).
    #[serde(default)]
    pub state_info: Option<String>,
    /// Its input.
    #[serde(default)]
    pub input: Option<Data>,
    /// Its output (in listings with `include_output` only).
    #[serde(default)]
    pub output: Option<Data>,
    /// The variables its tasks published globally.
    #[serde(default)]
    pub published_global: Option<Data>,
    /// The owner.
    #[serde(default)]
    pub project_id: Option<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
}

/// What [`list`] filters on, besides the [`ListControls`]. Mistral reads filters with
/// an operator (`neq:ERROR`, `in:RUNNING,PAUSED`, `gt:2024-01-01`) as well as plain
/// values.
///
/// ```
/// let opts = ferrocloud::openstack::workflow::v2::executions::ListOpts {
///     state: Some("ERROR".into()), include_output: Some(true), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()),
///     "state=ERROR&include_output=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Of this workflow (name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workflow_name: Option<String>,
    /// Of this workflow (ID).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workflow_id: Option<String>,
    /// In this state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Started by this task.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_execution_id: Option<String>,
    /// Under this root execution.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub root_execution_id: Option<String>,
    /// With this description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// With these tags.
    #[serde(serialize_with = "crate::query::comma", skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// With each execution's output.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_output: Option<bool>,
    /// Of this project (admins).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Of every project (admins).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_projects: Option<bool>,
    /// Paging, sorting and fields.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] sends: the workflow (by ID, or by name and namespace), its input
/// and parameters (sent as JSON text, as Mistral keeps them).
///
/// ```
/// use ferrocloud::openstack::workflow::v2::executions::CreateOpts;
/// let opts = CreateOpts::workflow("hello").input(serde_json::json!({"name": "Ada"}))
///     .env(serde_json::json!({"region": "r1"}));
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "workflow_name": "hello", "input": "{\"name\":\"Ada\"}",
///     "params": "{\"env\":{\"region\":\"r1\"}}"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The workflow's ID (the surest way to name it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow_id: Option<String>,
    /// The workflow's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow_name: Option<String>,
    /// The workflow's namespace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow_namespace: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The workflow's input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Data>,
    /// Parameters: `env` (an environment's name or variables), `task_name` (reverse
    /// workflows), `notify`…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub params: Option<Data>,
    /// Run again with the workflow, input and parameters of this execution (what this
    /// request gives overrides them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_execution_id: Option<String>,
    /// An ID of your choosing: a second create with it returns the first execution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

impl CreateOpts {
    /// Runs workflow `name` (of the default namespace unless set).
    pub fn workflow(name: impl Into<String>) -> Self {
        CreateOpts {
            workflow_name: Some(name.into()),
            ..Default::default()
        }
    }

    /// Runs the workflow of this ID.
    pub fn workflow_id(id: impl Into<String>) -> Self {
        CreateOpts {
            workflow_id: Some(id.into()),
            ..Default::default()
        }
    }

    /// With this input.
    pub fn input(mut self, input: serde_json::Value) -> Self {
        self.input = Some(input.into());
        self
    }

    /// With `params.env` set to these variables (or to a stored environment's name).
    pub fn env(mut self, env: serde_json::Value) -> Self {
        self.params = super::common::with_param(self.params.take(), "env", env);
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::at_least_one_of(&[
            ("workflow_id", self.workflow_id.is_some()),
            ("workflow_name", self.workflow_name.is_some()),
            ("source_execution_id", self.source_execution_id.is_some()),
        ])
    }
}

/// What [`update`] changes: the state (with `state_info` when failing or cancelling),
/// the description, or the environment (`params.env`, while running or paused). Mistral
/// takes one at a time.
///
/// ```
/// use ferrocloud::openstack::workflow::v2::{common::State, executions::UpdateOpts};
/// assert_eq!(serde_json::to_value(UpdateOpts::state(State::Paused)).unwrap(),
///     serde_json::json!({"state": "PAUSED"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// The new state: `PAUSED`, `RUNNING` (resume), `SUCCESS`, `ERROR`, `CANCELLED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<State>,
    /// Why (with `ERROR` or `CANCELLED`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_info: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// New parameters (`{"env": {…}}`: the environment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub params: Option<Data>,
}

impl UpdateOpts {
    /// Moves the execution to `state`.
    pub fn state(state: State) -> Self {
        UpdateOpts {
            state: Some(state),
            ..Default::default()
        }
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::at_least_one_of(&[
            ("state", self.state.is_some()),
            ("description", self.description.is_some()),
            ("params", self.params.is_some()),
        ])?;
        if self.description.is_some() && self.state.is_some() {
            return Err(Error::invalid_input(
                "Mistral changes an execution's description apart from its state",
            ));
        }
        Ok(())
    }
}

/// What [`list_sub_executions`] and [`report`] take.
///
/// ```
/// let opts = ferrocloud::openstack::workflow::v2::executions::TreeOpts {
///     errors_only: Some(true), max_depth: Some(2), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()),
///     "errors_only=true&max_depth=2");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TreeOpts {
    /// Only the executions (and tasks) in error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors_only: Option<bool>,
    /// How deep to go (`-1`, the default: all the way).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_depth: Option<i32>,
    /// With each execution's output (sub-executions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_output: Option<bool>,
    /// The statistics only (reports).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statistics_only: Option<bool>,
}

/// A report of an execution's tree: statistics and, unless `statistics_only`, the tree.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// Counts of tasks by state.
    pub statistics: Statistics,
    /// The root execution with its tasks, their actions and sub-workflows.
    #[serde(default)]
    pub root_workflow_execution: Option<WorkflowEntry>,
}

/// Counts of the tasks of an execution tree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Statistics {
    /// Every task.
    pub total_tasks_count: u64,
    /// Running.
    pub running_tasks_count: u64,
    /// Succeeded.
    pub success_tasks_count: u64,
    /// Failed.
    pub error_tasks_count: u64,
    /// Not started.
    pub idle_tasks_count: u64,
    /// Paused.
    pub paused_tasks_count: u64,
    /// Seconds left, as Mistral estimates them (`-1`: unknown).
    pub estimated_time: i64,
}

/// What every entry of a report holds.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Entry {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(default)]
    pub name: Option<String>,
    /// Where it stands.
    #[serde(default)]
    pub state: Option<State>,
    /// Why.
    #[serde(default)]
    pub state_info: Option<String>,
    /// When it was created.
    #[serde(default)]
    pub created_at: Option<String>,
    /// When it last changed.
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// A workflow execution in a report.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct WorkflowEntry {
    /// Its ID, name, state…
    #[serde(flatten)]
    pub entry: Entry,
    /// Its tasks.
    #[serde(default)]
    pub task_executions: Vec<TaskEntry>,
}

/// A task in a report.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct TaskEntry {
    /// Its ID, name, state…
    #[serde(flatten)]
    pub entry: Entry,
    /// Its action executions.
    #[serde(default)]
    pub action_executions: Vec<ActionEntry>,
    /// Its sub-workflow executions.
    #[serde(default)]
    pub workflow_executions: Vec<WorkflowEntry>,
    /// How many times it was retried.
    #[serde(default)]
    pub retry_count: Option<u64>,
}

/// An action execution in a report.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ActionEntry {
    /// Its ID, name, state…
    #[serde(flatten)]
    pub entry: Entry,
    /// Whether an executor took it.
    #[serde(default)]
    pub accepted: Option<bool>,
    /// The executor's last heartbeat.
    #[serde(default)]
    pub last_heartbeat: Option<String>,
}

mistral_functions! { Execution, "execution", extract_executions; list get }

/// Starts a workflow (`201`).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Execution> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Changes an execution's state, description or environment.
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<Execution> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes an execution (`204`); Mistral refuses a running one unless `force`.
pub async fn delete(client: &ServiceClient, id: &str, force: bool) -> ApiResult<()> {
    let mut r = client.request(&DELETE, &[id]);
    if force {
        r = r.query_pair("force", "true");
    }
    r.send().await
}

/// Lists the sub-executions of an execution, at any depth (one page).
pub fn list_sub_executions(client: &ServiceClient, id: &str, opts: &TreeOpts) -> crate::pagination::Pager<Execution> {
    client
        .request(&LIST_SUB, &[id])
        .query(opts)
        .paged(crate::pagination::PageStyle::Single)
}

/// A report of an execution's tree of tasks, actions and sub-workflows.
pub async fn report(client: &ServiceClient, id: &str, opts: &TreeOpts) -> ApiResult<Report> {
    client.request(&REPORT, &[id]).query(opts).send().await
}

/// Waits until the execution is `SUCCESS`; `ERROR` and `CANCELLED` end the wait with an
/// error holding the execution's `state_info`.
pub async fn wait_for_completion(client: &ServiceClient, id: &str, opts: &WaitOpts) -> crate::Result<Execution> {
    crate::wait::wait_for(
        &format!("execution {id} to be SUCCESS"),
        opts,
        || async { get(client, id).await.extract() },
        |e: &Execution| super::common::completion(&format!("execution {id}"), &e.state, e.state_info.as_deref()),
        |_| {},
    )
    .await
}
