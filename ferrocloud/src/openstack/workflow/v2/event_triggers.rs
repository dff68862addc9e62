//! Event triggers: run a workflow when a notification (exchange, topic, event type)
//! arrives on the message bus.
//!
//! ```no_run
//! # async fn demo(mistral: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::workflow::v2::event_triggers::{self, CreateOpts};
//! let opts = CreateOpts::new("7d4e1a2b", "nova", "notifications", "compute.instance.create.end");
//! let t = event_triggers::create(&mistral, &opts).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Data, ListControls, Scope, mistral_functions};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "workflow";
    /// List event triggers.
    LIST = GET "/event_triggers" list("event_triggers", EventTrigger);
    /// Create an event trigger.
    CREATE = POST "/event_triggers" request(CreateOpts) response(EventTrigger);
    /// Show an event trigger.
    GET = GET "/event_triggers/{event_trigger_id}" response(EventTrigger);
    /// Update an event trigger.
    UPDATE = PUT "/event_triggers/{event_trigger_id}" request(UpdateOpts) response(EventTrigger);
    /// Delete an event trigger.
    DELETE = DELETE "/event_triggers/{event_trigger_id}";
}

/// An event trigger.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct EventTrigger {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The workflow's ID.
    pub workflow_id: String,
    /// The workflow's input.
    #[serde(default)]
    pub workflow_input: Option<Data>,
    /// The executions' parameters.
    #[serde(default)]
    pub workflow_params: Option<Data>,
    /// The exchange.
    pub exchange: String,
    /// The topic.
    pub topic: String,
    /// The event type.
    pub event: String,
    /// `private` or `public`.
    #[serde(default)]
    pub scope: Option<Scope>,
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

/// What [`list`] filters on, besides the [`ListControls`].
///
/// ```
/// let opts = ferrocloud::openstack::workflow::v2::event_triggers::ListOpts {
///     exchange: Some("nova".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "exchange=nova");
/// ```
/// Mistral 22 answers `500` to a listing with any of these filters (its event trigger
/// listing reads none): filter the unfiltered listing instead.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// On this exchange.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exchange: Option<String>,
    /// On this topic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// For this event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// Of this workflow.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workflow_id: Option<String>,
    /// Of every project (admins).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_projects: Option<bool>,
    /// Paging, sorting and fields.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::workflow::v2::event_triggers::CreateOpts;
/// let opts = CreateOpts::new("wf", "nova", "notifications", "compute.instance.create.end");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"workflow_id": "wf",
///     "exchange": "nova", "topic": "notifications", "event": "compute.instance.create.end"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The workflow's ID (required).
    pub workflow_id: String,
    /// The workflow's input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow_input: Option<Data>,
    /// The executions' parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow_params: Option<Data>,
    /// The exchange (required).
    pub exchange: String,
    /// The topic (required).
    pub topic: String,
    /// The event type (required).
    pub event: String,
    /// `private` (the default) or `public` (admins).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
}

impl CreateOpts {
    /// Runs workflow `workflow_id` on `event` notifications of `exchange`/`topic`.
    pub fn new(
        workflow_id: impl Into<String>,
        exchange: impl Into<String>,
        topic: impl Into<String>,
        event: impl Into<String>,
    ) -> Self {
        CreateOpts {
            workflow_id: workflow_id.into(),
            exchange: exchange.into(),
            topic: topic.into(),
            event: event.into(),
            ..Default::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("workflow_id", !self.workflow_id.is_empty())?;
        crate::request::require("exchange", !self.exchange.is_empty())?;
        crate::request::require("topic", !self.topic.is_empty())?;
        crate::request::require("event", !self.event.is_empty())
    }
}

/// What [`update`] changes.
///
/// ```
/// let opts = ferrocloud::openstack::workflow::v2::event_triggers::UpdateOpts {
///     name: Some("renamed".into()), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"name": "renamed"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Another workflow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow_id: Option<String>,
    /// New input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow_input: Option<Data>,
    /// New parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow_params: Option<Data>,
}

impl Validate for UpdateOpts {}

mistral_functions! { EventTrigger, "event trigger", extract_event_triggers; list get delete }

/// Creates an event trigger (`201`).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<EventTrigger> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Updates an event trigger.
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<EventTrigger> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}
