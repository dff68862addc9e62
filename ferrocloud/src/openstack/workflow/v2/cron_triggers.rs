//! Cron triggers: run a workflow on a schedule (a cron pattern, a first time, a number
//! of runs).
//!
//! ```no_run
//! # async fn demo(mistral: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::workflow::v2::cron_triggers::{self, CreateOpts};
//! let opts = CreateOpts::new("nightly", "backup").pattern("0 2 * * *");
//! let t = cron_triggers::create(&mistral, &opts).await.extract()?;
//! println!("next run: {:?}", t.next_execution_time);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Data, ListControls, Scope, mistral_functions};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "workflow";
    /// List cron triggers.
    LIST = GET "/cron_triggers" list("cron_triggers", CronTrigger);
    /// Create a cron trigger.
    CREATE = POST "/cron_triggers" request(CreateOpts) response(CronTrigger);
    /// Show a cron trigger.
    GET = GET "/cron_triggers/{cron_trigger_identifier}" response(CronTrigger);
    /// Delete a cron trigger.
    DELETE = DELETE "/cron_triggers/{cron_trigger_identifier}";
}

/// A cron trigger.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct CronTrigger {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The workflow's name.
    #[serde(default)]
    pub workflow_name: Option<String>,
    /// The workflow's ID.
    #[serde(default)]
    pub workflow_id: Option<String>,
    /// The workflow's input.
    #[serde(default)]
    pub workflow_input: Option<Data>,
    /// The executions' parameters.
    #[serde(default)]
    pub workflow_params: Option<Data>,
    /// The owner.
    #[serde(default)]
    pub project_id: Option<String>,
    /// `private` or `public`.
    #[serde(default)]
    pub scope: Option<Scope>,
    /// The cron pattern.
    #[serde(default)]
    pub pattern: Option<String>,
    /// How many runs are left (none: no limit).
    #[serde(default)]
    pub remaining_executions: Option<u64>,
    /// The first run.
    #[serde(default, with = "crate::dates::option")]
    pub first_execution_time: Option<Timestamp>,
    /// The next run.
    #[serde(default, with = "crate::dates::option")]
    pub next_execution_time: Option<Timestamp>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
}

/// What [`list`] filters on, besides the [`ListControls`].
///
/// ```
/// let opts = ferrocloud::openstack::workflow::v2::cron_triggers::ListOpts {
///     workflow_name: Some("backup".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "workflow_name=backup");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Of this workflow (name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workflow_name: Option<String>,
    /// Of this workflow (ID).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workflow_id: Option<String>,
    /// Of this scope.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// Of every project (admins).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_projects: Option<bool>,
    /// Paging, sorting and fields.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] sends: a pattern, a first execution time, or both.
///
/// ```
/// use ferrocloud::openstack::workflow::v2::cron_triggers::CreateOpts;
/// let mut opts = CreateOpts::new("nightly", "backup").pattern("0 2 * * *");
/// opts.remaining_executions = Some(3);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"name": "nightly",
///     "workflow_name": "backup", "pattern": "0 2 * * *", "remaining_executions": 3}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (required).
    pub name: String,
    /// The workflow's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow_name: Option<String>,
    /// The workflow's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow_id: Option<String>,
    /// The workflow's input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow_input: Option<Data>,
    /// The executions' parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow_params: Option<Data>,
    /// The cron pattern (`*/5 * * * *`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// The first run, in UTC (`2030-01-01 02:00`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_execution_time: Option<String>,
    /// How many runs (none: no limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining_executions: Option<u64>,
}

impl CreateOpts {
    /// Trigger `name` of workflow `workflow_name`.
    pub fn new(name: impl Into<String>, workflow_name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            workflow_name: Some(workflow_name.into()),
            ..Default::default()
        }
    }

    /// On this cron pattern.
    pub fn pattern(mut self, pattern: impl Into<String>) -> Self {
        self.pattern = Some(pattern.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("name", !self.name.is_empty())?;
        crate::request::at_least_one_of(&[
            ("workflow_name", self.workflow_name.is_some()),
            ("workflow_id", self.workflow_id.is_some()),
        ])?;
        crate::request::at_least_one_of(&[
            ("pattern", self.pattern.is_some()),
            ("first_execution_time", self.first_execution_time.is_some()),
        ])
    }
}

mistral_functions! { CronTrigger, "cron trigger", extract_cron_triggers; list get delete find }

/// Creates a cron trigger (`201`).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<CronTrigger> {
    client.request(&CREATE, &[]).body(opts).send().await
}
