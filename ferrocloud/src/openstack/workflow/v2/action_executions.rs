//! Action executions: the runs of actions, by tasks or alone (an ad-hoc run of an
//! action, synchronous unless `run_sync` is false); an asynchronous action reports its
//! result with an update.
//!
//! ```no_run
//! # async fn demo(mistral: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::workflow::v2::action_executions::{self, CreateOpts};
//! let run = CreateOpts::new("std.echo").input(serde_json::json!({"output": "hi"}));
//! let ex = action_executions::create(&mistral, &run).await.extract()?;
//! assert_eq!(ex.output.as_deref(), Some(&serde_json::json!({"result": "hi"})));
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Data, ListControls, State, mistral_functions};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "workflow";
    /// List action executions.
    LIST = GET "/action_executions" list("action_executions", ActionExecution);
    /// Run an action.
    CREATE = POST "/action_executions" request(CreateOpts) response(ActionExecution);
    /// Show an action execution.
    GET = GET "/action_executions/{action_execution_id}" response(ActionExecution);
    /// Report an action execution's state and output.
    UPDATE = PUT "/action_executions/{action_execution_id}" request(UpdateOpts) response(ActionExecution);
    /// Delete an action execution.
    DELETE = DELETE "/action_executions/{action_execution_id}";
}

/// An action execution. `input`, `output` and `params` are decoded from the JSON text
/// Mistral sends. A synchronous ad-hoc run that does not save its result
/// (`save_result` unset) comes back without `id` and dates.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ActionExecution {
    /// The ID (`null` for a synchronous run that does not save its result: Mistral
    /// keeps no record of it).
    #[serde(default)]
    pub id: Option<String>,
    /// The action's name.
    pub name: String,
    /// The workflow's name (run by a task).
    #[serde(default)]
    pub workflow_name: Option<String>,
    /// The workflow's namespace.
    #[serde(default)]
    pub workflow_namespace: Option<String>,
    /// The task's name.
    #[serde(default)]
    pub task_name: Option<String>,
    /// The task execution.
    #[serde(default)]
    pub task_execution_id: Option<String>,
    /// Where it stands.
    pub state: State,
    /// Why.
    #[serde(default)]
    pub state_info: Option<String>,
    /// Tags.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub tags: Vec<String>,
    /// The description.
    #[serde(default)]
    pub description: Option<String>,
    /// The owner.
    #[serde(default)]
    pub project_id: Option<String>,
    /// Whether an executor took it.
    #[serde(default)]
    pub accepted: Option<bool>,
    /// Its input.
    #[serde(default)]
    pub input: Option<Data>,
    /// Its output (`{"result": …}`).
    #[serde(default)]
    pub output: Option<Data>,
    /// Its parameters (`save_result`, `run_sync`, `target`).
    #[serde(default)]
    pub params: Option<Data>,
    /// When it was created (`null` for an unsaved synchronous run).
    #[serde(default, with = "crate::dates::option")]
    pub created_at: Option<Timestamp>,
    /// When it last changed.
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
}

/// What [`list`] filters on, besides the [`ListControls`].
///
/// ```
/// let opts = ferrocloud::openstack::workflow::v2::action_executions::ListOpts {
///     task_execution_id: Some("t1".into()), include_output: Some(true), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()),
///     "task_execution_id=t1&include_output=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Of this action.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Of this workflow.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workflow_name: Option<String>,
    /// Of this task (name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_name: Option<String>,
    /// Of this task execution.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_execution_id: Option<String>,
    /// In this state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// With each output.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_output: Option<bool>,
    /// Paging, sorting and fields.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] sends: the action, its input and run parameters (as JSON text).
///
/// ```
/// use ferrocloud::openstack::workflow::v2::action_executions::CreateOpts;
/// let opts = CreateOpts::new("std.echo").input(serde_json::json!({"output": "hi"}));
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!(
///     {"name": "std.echo", "input": "{\"output\":\"hi\"}"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The action (required).
    pub name: String,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The action's input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Data>,
    /// `{"save_result": true, "run_sync": false, "target": …}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub params: Option<Data>,
    /// The namespace of an ad-hoc action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow_namespace: Option<String>,
}

impl CreateOpts {
    /// Runs action `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            ..Default::default()
        }
    }

    /// With this input.
    pub fn input(mut self, input: serde_json::Value) -> Self {
        self.input = Some(input.into());
        self
    }

    /// Keeps (`true`) or not the record of a synchronous run (`params.save_result`):
    /// an unsaved run comes back without an ID.
    ///
    /// ```
    /// use ferrocloud::openstack::workflow::v2::action_executions::CreateOpts;
    /// let o = CreateOpts::new("std.async_noop").save_result(true).run_sync(false);
    /// assert_eq!(o.params.as_deref(),
    ///     Some(&serde_json::json!({"save_result": true, "run_sync": false})));
    /// ```
    pub fn save_result(mut self, save: bool) -> Self {
        self.params = super::common::with_param(self.params.take(), "save_result", save.into());
        self
    }

    /// Waits for the result (`true`, the default of an action that is not asynchronous)
    /// or answers at once with the execution `RUNNING` (`params.run_sync`).
    pub fn run_sync(mut self, sync: bool) -> Self {
        self.params = super::common::with_param(self.params.take(), "run_sync", sync.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("name", !self.name.is_empty())
    }
}

/// What [`update`] sends: the outcome of an asynchronous action.
///
/// ```
/// use ferrocloud::openstack::workflow::v2::{action_executions::UpdateOpts, common::State};
/// let done = UpdateOpts::new(State::Success).output(serde_json::json!({"id": 7}));
/// assert_eq!(serde_json::to_value(&done).unwrap(),
///     serde_json::json!({"state": "SUCCESS", "output": "{\"id\":7}"}));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// `SUCCESS`, `ERROR`, `CANCELLED`, `PAUSED` or `RUNNING`.
    pub state: State,
    /// The result (or the error): a JSON object, as Mistral takes no other; it becomes
    /// the action's result (the execution's `output` reads `{"result": <it>}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<Data>,
}

impl UpdateOpts {
    /// Moves the action execution to `state`.
    pub fn new(state: State) -> Self {
        UpdateOpts { state, output: None }
    }

    /// With this output.
    pub fn output(mut self, output: serde_json::Value) -> Self {
        self.output = Some(output.into());
        self
    }
}

impl Validate for UpdateOpts {}

// `delete`: Mistral refuses it (`403`) unless its configuration allows it
// (`[api] allow_action_execution_deletion`, off by default).
mistral_functions! { ActionExecution, "action execution", extract_action_executions; list get delete }

/// Runs an action (`201`).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<ActionExecution> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Reports the outcome of an asynchronous action execution.
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<ActionExecution> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}
