//! Stacks: creating (from a template, or adopting one abandoned elsewhere), previewing,
//! listing, showing, updating (the whole stack, or a patch keeping what is not said),
//! deleting, abandoning and exporting them; their template, environment and files;
//! the actions (suspend, resume, cancel an update, check); waiters.
//!
//! A stack's canonical path names it twice: `/stacks/{stack_name}/{stack_id}`. The
//! functions here take both;
//! [`lookup`](crate::openstack::orchestration::v1::stacks::lookup) finds them from
//! either (Heat answers a name or an ID alone with a `302` redirect, read here without
//! following it), and [`find`](crate::openstack::orchestration::v1::stacks::find) shows
//! the stack that way.
//!
//! ```no_run
//! # async fn demo(heat: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::orchestration::v1::stacks::{self, ListOpts, StackStatus, UpdateOpts};
//! use ferrocloud::wait::WaitOpts;
//! let stack = stacks::find(&heat, "web").await?;
//! let opts = UpdateOpts { parameters: Some(serde_json::from_value(
//!     serde_json::json!({"flavor": "m1.large"})).unwrap()), ..Default::default() };
//! stacks::update_patch(&heat, &stack.stack_name, &stack.id, &opts).await.extract()?;
//! stacks::wait_for_status(&heat, &stack.stack_name, &stack.id,
//!     StackStatus::UpdateComplete, &WaitOpts::default()).await?;
//! for s in stacks::list(&heat, &ListOpts::default()).all().await? {
//!     println!("{} {}", s.stack_name, s.stack_status);
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::common::{self, Document, Output, Template, names};
pub use super::common::StackStatus;
use crate::dates::Timestamp;
use crate::de::Link;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Null, Validate, require};
use crate::{Error, ErrorKind, Result, ServiceClient};

crate::operations! {
    service: "orchestration";
    /// Create a stack (or adopt one: the same request with `adopt_stack_data`).
    CREATE = POST "/stacks" request(CreateOpts) response("stack", CreatedStack);
    /// Preview a stack's creation.
    PREVIEW = POST "/stacks/preview" request(CreateOpts) response("stack", StackPreview);
    /// List stacks.
    LIST = GET "/stacks" list("stacks", StackSummary);
    /// Find a stack by name or ID (`302` to its canonical path).
    LOOKUP = GET "/stacks/{stack_identity}";
    /// Show a stack.
    GET = GET "/stacks/{stack_name}/{stack_id}" response("stack", Stack);
    /// Update a stack (its template is replaced).
    UPDATE = PUT "/stacks/{stack_name}/{stack_id}" request(UpdateOpts);
    /// Update a stack, keeping what the request does not say.
    UPDATE_PATCH = PATCH "/stacks/{stack_name}/{stack_id}" request(UpdateOpts);
    /// Preview an update.
    PREVIEW_UPDATE = PUT "/stacks/{stack_name}/{stack_id}/preview" request(UpdateOpts) response("resource_changes", ResourceChanges);
    /// Preview a patch update.
    PREVIEW_UPDATE_PATCH = PATCH "/stacks/{stack_name}/{stack_id}/preview" request(UpdateOpts) response("resource_changes", ResourceChanges);
    /// Delete a stack by name or ID (`302` to its canonical path).
    LOOKUP_DELETE = DELETE "/stacks/{stack_identity}";
    /// Delete a stack.
    DELETE = DELETE "/stacks/{stack_name}/{stack_id}";
    /// Abandon a stack: delete it but leave its resources, and return their data.
    ABANDON = DELETE "/stacks/{stack_name}/{stack_id}/abandon" response(StackData);
    /// Export a stack's data.
    EXPORT = GET "/stacks/{stack_name}/{stack_id}/export" response(StackData);
    /// Show a stack's template.
    TEMPLATE = GET "/stacks/{stack_name}/{stack_id}/template" response(Template);
    /// Show a stack's environment.
    ENVIRONMENT = GET "/stacks/{stack_name}/{stack_id}/environment" response(Environment);
    /// Show a stack's files.
    FILES = GET "/stacks/{stack_name}/{stack_id}/files" response(BTreeMap<String, String>);
    /// Suspend a stack.
    SUSPEND = POST "/stacks/{stack_name}/{stack_id}/actions" request("suspend", Null);
    /// Resume a suspended stack.
    RESUME = POST "/stacks/{stack_name}/{stack_id}/actions" request("resume", Null);
    /// Cancel an update in progress, rolling back.
    CANCEL_UPDATE = POST "/stacks/{stack_name}/{stack_id}/actions" request("cancel_update", Null);
    /// Cancel a create or update in progress, without rolling back.
    CANCEL_WITHOUT_ROLLBACK = POST "/stacks/{stack_name}/{stack_id}/actions" request("cancel_without_rollback", Null);
    /// Check a stack's resources.
    CHECK = POST "/stacks/{stack_name}/{stack_id}/actions" request("check", Null);
}

// ------------------------------------------------------------------ types

/// A stack, as shown by [`get`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Stack {
    /// The ID.
    pub id: String,
    /// The name.
    pub stack_name: String,
    /// The status.
    pub stack_status: StackStatus,
    /// Why it has that status (a failure's cause).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub stack_status_reason: String,
    /// The template's description.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub description: String,
    /// The template's description (again).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub template_description: String,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub creation_time: Timestamp,
    /// When it was last updated.
    #[serde(with = "crate::dates::option")]
    pub updated_time: Option<Timestamp>,
    /// When it was deleted.
    #[serde(with = "crate::dates::option")]
    pub deletion_time: Option<Timestamp>,
    /// Whether a failed creation is left as it is (`true`) rather than rolled back.
    pub disable_rollback: bool,
    /// Minutes Heat gives creation and updates.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub timeout_mins: Option<u32>,
    /// The parameters, with Heat's own (`OS::stack_id`…).
    pub parameters: Map<String, Value>,
    /// The outputs, resolved. Empty when Heat leaves them out: asked not to resolve them
    /// ([`get_unresolved`]), a deleted stack, and sometimes a stack being created.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub outputs: Vec<Output>,
    /// The parent stack's ID, for a nested stack.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub parent: Option<String>,
    /// The owner's user name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub stack_owner: Option<String>,
    /// The project of the stack's own users (signals, waits).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub stack_user_project_id: Option<String>,
    /// Tags.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub tags: Vec<String>,
    /// Capabilities (unused by Heat, always empty).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub capabilities: Vec<Value>,
    /// Notification topics (unused by Heat, always empty).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub notification_topics: Vec<Value>,
    /// Links (`self`).
    pub links: Vec<Link>,
    /// The project (admins listing every project's stacks).
    #[serde(default)]
    pub project: Option<String>,
    /// Whether the stack is being deleted (by convergence).
    #[serde(default)]
    pub deleted: Option<bool>,
}

/// A stack as [`list`] shows it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct StackSummary {
    /// The ID.
    pub id: String,
    /// The name.
    pub stack_name: String,
    /// The status.
    pub stack_status: StackStatus,
    /// Why it has that status.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub stack_status_reason: String,
    /// The template's description.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub description: String,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub creation_time: Timestamp,
    /// When it was last updated.
    #[serde(with = "crate::dates::option")]
    pub updated_time: Option<Timestamp>,
    /// When it was deleted.
    #[serde(with = "crate::dates::option")]
    pub deletion_time: Option<Timestamp>,
    /// The parent stack's ID, for a nested stack.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub parent: Option<String>,
    /// The owner's user name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub stack_owner: Option<String>,
    /// The project of the stack's own users.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub stack_user_project_id: Option<String>,
    /// Tags.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub tags: Vec<String>,
    /// Links (`self`).
    pub links: Vec<Link>,
    /// The project (`global_tenant` listings).
    #[serde(default)]
    pub project: Option<String>,
}

impl crate::find::Named for Stack {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.stack_name
    }
}

/// What [`create`] and [`adopt`] answer: the new stack's ID and link.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct CreatedStack {
    /// The ID.
    pub id: String,
    /// Links (`self`: the canonical path).
    pub links: Vec<Link>,
}

/// What [`preview`] answers: the stack as it would be created.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct StackPreview {
    /// `None` (no stack exists).
    pub id: String,
    /// The name.
    pub stack_name: String,
    /// The template's description.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub description: String,
    /// The template's description (again).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub template_description: String,
    /// When the preview was made.
    #[serde(with = "crate::dates::timestamp")]
    pub creation_time: Timestamp,
    /// `null`.
    #[serde(with = "crate::dates::option")]
    pub updated_time: Option<Timestamp>,
    /// `null`.
    #[serde(with = "crate::dates::option")]
    pub deletion_time: Option<Timestamp>,
    /// Whether rollback would be disabled.
    #[serde(default)]
    pub disable_rollback: Option<bool>,
    /// Minutes Heat would give creation.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub timeout_mins: Option<u32>,
    /// The parameters.
    pub parameters: Map<String, Value>,
    /// The outputs (unresolved).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub outputs: Vec<Value>,
    /// The resources that would be created (a nested stack's as a list).
    pub resources: Vec<PreviewItem>,
    /// The parent stack.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub parent: Option<String>,
    /// The owner's user name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub stack_owner: Option<String>,
    /// Tags.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub tags: Vec<String>,
    /// Capabilities (always empty).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub capabilities: Vec<Value>,
    /// Notification topics (always empty).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub notification_topics: Vec<Value>,
    /// Links.
    pub links: Vec<Link>,
}

/// One entry of a preview's resources: a resource, or a nested stack's resources.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum PreviewItem {
    /// A resource.
    Resource(Box<PreviewResource>),
    /// The resources of a nested stack.
    Nested(Vec<PreviewItem>),
}

/// A resource as a preview shows it (not created: its status is `INIT`/`COMPLETE`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct PreviewResource {
    /// The resource's name in the template.
    pub resource_name: String,
    /// Its type (`OS::Nova::Server`).
    pub resource_type: String,
    /// Its action (`INIT`).
    pub resource_action: String,
    /// Its state (`COMPLETE`).
    pub resource_status: String,
    /// Why.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub resource_status_reason: String,
    /// Its physical ID (empty: not created).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub physical_resource_id: String,
    /// Its description.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub description: String,
    /// Its properties, resolved.
    #[serde(default)]
    pub properties: Map<String, Value>,
    /// Its attributes (empty).
    #[serde(default)]
    pub attributes: Map<String, Value>,
    /// Its metadata.
    #[serde(default)]
    pub metadata: Map<String, Value>,
    /// The resources that depend on it.
    #[serde(default)]
    pub required_by: Vec<String>,
    /// Its identity (`stack_name`, `stack_id`, `tenant`, `path`).
    #[serde(default)]
    pub resource_identity: Option<Value>,
    /// Its stack's identity.
    #[serde(default)]
    pub stack_identity: Option<Value>,
    /// Its stack's name.
    #[serde(default)]
    pub stack_name: Option<String>,
    /// When it was last changed.
    #[serde(default, with = "crate::dates::option")]
    pub updated_time: Option<Timestamp>,
    /// When it was created.
    #[serde(default, with = "crate::dates::option")]
    pub creation_time: Option<Timestamp>,
}

/// What an update preview says of each resource: added, deleted, replaced, unchanged,
/// updated.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ResourceChanges {
    /// Resources the update would add.
    #[serde(default)]
    pub added: Vec<Value>,
    /// Resources it would delete.
    #[serde(default)]
    pub deleted: Vec<Value>,
    /// Resources it would replace.
    #[serde(default)]
    pub replaced: Vec<Value>,
    /// Resources it would leave alone.
    #[serde(default)]
    pub unchanged: Vec<Value>,
    /// Resources it would update in place.
    #[serde(default)]
    pub updated: Vec<Value>,
}

/// A stack's data, as [`abandon`] and [`export`] give it (and [`adopt`] takes it).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct StackData {
    /// The stack's ID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its last action (`CREATE`, `SUSPEND`…).
    pub action: String,
    /// That action's state (`COMPLETE`).
    pub status: String,
    /// Its project.
    pub project_id: String,
    /// The project of its own users.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub stack_user_project_id: Option<String>,
    /// Its template.
    pub template: Map<String, Value>,
    /// Its environment.
    pub environment: Map<String, Value>,
    /// Its files.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub files: BTreeMap<String, String>,
    /// Its resources, by name.
    pub resources: BTreeMap<String, ResourceData>,
    /// Tags.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub tags: Vec<String>,
}

/// One resource in a stack's data.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ResourceData {
    /// Its name.
    pub name: String,
    /// Its type.
    #[serde(rename = "type")]
    pub resource_type: String,
    /// Its last action.
    pub action: String,
    /// That action's state.
    pub status: String,
    /// Its physical ID.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub resource_id: Option<String>,
    /// Its metadata.
    #[serde(default)]
    pub metadata: Map<String, Value>,
    /// Its data (generated values, backups).
    #[serde(default)]
    pub resource_data: Map<String, Value>,
    /// A nested stack's own resources.
    #[serde(default)]
    pub resources: Option<BTreeMap<String, ResourceData>>,
}

/// A stack's environment.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Environment {
    /// Parameter values.
    #[serde(default)]
    pub parameters: Map<String, Value>,
    /// Parameter defaults (for nested stacks too).
    pub parameter_defaults: Map<String, Value>,
    /// The resource registry (type mappings, `resources` hooks).
    pub resource_registry: Map<String, Value>,
    /// Names of the parameters stored encrypted.
    pub encrypted_param_names: Vec<String>,
    /// Event sinks.
    pub event_sinks: Vec<Value>,
}

// ------------------------------------------------------------------ options

/// What [`create`], [`preview`] and [`adopt`] send.
///
/// ```
/// use ferrocloud::openstack::orchestration::v1::stacks::CreateOpts;
/// let mut opts = CreateOpts::new("web", "heat_template_version: 2018-08-31\n");
/// opts.timeout_mins = Some(30);
/// opts.tags = Some(vec!["prod".into(), "web".into()]);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "stack_name": "web", "template": "heat_template_version: 2018-08-31\n",
///     "timeout_mins": 30, "tags": "prod,web"}));
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The stack's name (unique in the project; a letter first).
    pub stack_name: String,
    /// The template (text or JSON); or [`template_url`](Self::template_url).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<Document>,
    /// Where Heat fetches the template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_url: Option<String>,
    /// Files the template refers to (`get_file`, nested templates), by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub files: Option<BTreeMap<String, String>>,
    /// A Swift container holding the files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub files_container: Option<String>,
    /// The environment (text or JSON).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<Document>,
    /// Environment files, in order, named among `files`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment_files: Option<Vec<String>>,
    /// Parameter values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Map<String, Value>>,
    /// Minutes before creation fails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_mins: Option<u32>,
    /// Leave a failed creation as it is instead of rolling back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable_rollback: Option<bool>,
    /// Tags (sent as one comma-separated text).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "common::comma_list")]
    pub tags: Option<Vec<String>>,
    /// The data of an abandoned stack to adopt ([`adopt`]; the body [`abandon`]
    /// answers). Sent as JSON text, the form Heat parses (it refuses an object); a
    /// string is sent as it is.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "json_text")]
    pub adopt_stack_data: Option<Value>,
}

// Parameter values, environments and adoption data may hold passwords: Debug shows the
// parameters' names only, and whether the others are there.
impl std::fmt::Debug for CreateOpts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateOpts")
            .field("stack_name", &self.stack_name)
            .field("template", &self.template.as_ref().map(|_| "…"))
            .field("template_url", &self.template_url)
            .field("files", &self.files.as_ref().map(|m| m.keys().collect::<Vec<_>>()))
            .field("files_container", &self.files_container)
            .field("environment", &self.environment.as_ref().map(|_| "[REDACTED]"))
            .field("environment_files", &self.environment_files)
            .field("parameters", &names(&self.parameters))
            .field("timeout_mins", &self.timeout_mins)
            .field("disable_rollback", &self.disable_rollback)
            .field("tags", &self.tags)
            .field("adopt_stack_data", &self.adopt_stack_data.as_ref().map(|_| "[REDACTED]"))
            .finish()
    }
}

impl std::fmt::Debug for UpdateOpts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UpdateOpts")
            .field("template", &self.template.as_ref().map(|_| "…"))
            .field("template_url", &self.template_url)
            .field("files", &self.files.as_ref().map(|m| m.keys().collect::<Vec<_>>()))
            .field("files_container", &self.files_container)
            .field("environment", &self.environment.as_ref().map(|_| "[REDACTED]"))
            .field("environment_files", &self.environment_files)
            .field("parameters", &names(&self.parameters))
            .field("clear_parameters", &self.clear_parameters)
            .field("timeout_mins", &self.timeout_mins)
            .field("disable_rollback", &self.disable_rollback)
            .field("tags", &self.tags)
            .field("existing", &self.existing)
            .field("converge", &self.converge)
            .finish()
    }
}

/// Writes a JSON value as its text (a string as it is).
fn json_text<S: serde::Serializer>(v: &Option<Value>, s: S) -> std::result::Result<S::Ok, S::Error> {
    match v {
        Some(Value::String(text)) => s.serialize_str(text),
        Some(v) => s.serialize_str(&v.to_string()),
        None => s.serialize_none(),
    }
}

impl CreateOpts {
    /// A stack named `name` from `template` (text, or a JSON value).
    pub fn new(name: impl Into<String>, template: impl Into<Document>) -> Self {
        CreateOpts {
            stack_name: name.into(),
            template: Some(template.into()),
            ..Default::default()
        }
    }

    /// A stack named `name` adopting an abandoned stack's `data` (see [`adopt`]).
    ///
    /// ```
    /// use ferrocloud::openstack::orchestration::v1::stacks::CreateOpts;
    /// let opts = CreateOpts::adopting("web", serde_json::json!({"name": "old"}));
    /// assert_eq!(serde_json::to_value(&opts).unwrap(),
    ///     serde_json::json!({"stack_name": "web", "adopt_stack_data": r#"{"name":"old"}"#}));
    /// ```
    pub fn adopting(name: impl Into<String>, data: Value) -> Self {
        CreateOpts {
            stack_name: name.into(),
            adopt_stack_data: Some(data),
            ..Default::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("stack_name", !self.stack_name.is_empty())?;
        if self.adopt_stack_data.is_none() {
            crate::request::exactly_one_of(&[
                ("template", self.template.is_some()),
                ("template_url", self.template_url.is_some()),
            ])?;
        }
        Ok(())
    }
}

/// What the updates ([`update`], [`update_patch`]) and their previews send.
///
/// ```
/// use ferrocloud::openstack::orchestration::v1::stacks::UpdateOpts;
/// let opts = UpdateOpts { clear_parameters: Some(vec!["flavor".into()]), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"clear_parameters": ["flavor"]}));
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// The new template (text or JSON); a patch keeps the current one without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<Document>,
    /// Where Heat fetches the new template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_url: Option<String>,
    /// Files the template refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub files: Option<BTreeMap<String, String>>,
    /// A Swift container holding the files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub files_container: Option<String>,
    /// The environment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<Document>,
    /// Environment files, named among `files`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment_files: Option<Vec<String>>,
    /// Parameter values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Map<String, Value>>,
    /// Parameters to return to their defaults (a patch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clear_parameters: Option<Vec<String>>,
    /// Minutes before the update fails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_mins: Option<u32>,
    /// Leave a failed update as it is instead of rolling back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable_rollback: Option<bool>,
    /// Tags (replacing the current ones).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "common::comma_list")]
    pub tags: Option<Vec<String>>,
    /// Keep the current template, parameters and environment where the request says
    /// nothing (what [`update_patch`] means).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing: Option<bool>,
    /// Compare with the resources' real state, not Heat's records (convergence).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub converge: Option<bool>,
}

impl Validate for UpdateOpts {}

/// What [`list`] filters, sorts and pages on.
///
/// ```
/// use ferrocloud::openstack::orchestration::v1::stacks::ListOpts;
/// let opts = ListOpts { tags_any: Some(vec!["a".into(), "b".into()]), show_nested: Some(true),
///     limit: Some(10), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()),
///     "limit=10&show_nested=true&tags_any=a%2Cb");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Stacks with this ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Stacks of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Stacks in this state (`COMPLETE`, `FAILED`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Stacks whose last action is this one (`CREATE`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Stacks of this project (admins).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
    /// Stacks of this user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Stacks nested in this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<String>,
    /// Stacks per page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Start after this stack's ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Sort keys, comma-separated (`stack_name`, `stack_status`, `creation_time`,
    /// `updated_time`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_keys: Option<String>,
    /// `asc` or `desc`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_dir: Option<String>,
    /// Include deleted stacks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub show_deleted: Option<bool>,
    /// Include nested stacks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub show_nested: Option<bool>,
    /// Stacks with all these tags.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "common::join_tags")]
    pub tags: Option<Vec<String>>,
    /// Stacks with any of these tags.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "common::join_tags")]
    pub tags_any: Option<Vec<String>>,
    /// Stacks without all of these tags.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "common::join_tags")]
    pub not_tags: Option<Vec<String>>,
    /// Stacks without any of these tags.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "common::join_tags")]
    pub not_tags_any: Option<Vec<String>>,
    /// Every project's stacks (admins).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_tenant: Option<bool>,
    /// Ask Heat to count the matching stacks too (see [`count`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_count: Option<bool>,
}

// ------------------------------------------------------------------ functions

fn checked(name: &str, id: &str) -> Result<()> {
    common::check_stack(name, id)
}

/// Creates a stack (`201`); wait for it with [`wait_for_status`].
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<CreatedStack> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Adopts an abandoned stack: `opts` must hold `adopt_stack_data`
/// ([`CreateOpts::adopting`]); Heat must allow adoption (`enable_stack_adopt`).
pub async fn adopt(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<CreatedStack> {
    if opts.adopt_stack_data.is_none() {
        return ApiResult::from_error(Error::invalid_input("adopt_stack_data is required"));
    }
    create(client, opts).await
}

/// Previews a stack's creation: what it would hold, created nothing.
pub async fn preview(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<StackPreview> {
    client.request(&PREVIEW, &[]).body(opts).send().await
}

/// Lists stacks, by marker and limit.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<StackSummary> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Marker("id"))
}

crate::operation::extract_fn! {
    /// The stacks of a page of [`list`].
    extract_stacks, StackSummary
}

/// How many stacks match `opts` (Heat's `count`, asked with `with_count`; paging
/// options are ignored).
///
/// ```no_run
/// # async fn demo(heat: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::orchestration::v1::stacks;
/// println!("{} stacks", stacks::count(&heat, &Default::default()).await?);
/// # Ok(()) }
/// ```
pub async fn count(client: &ServiceClient, opts: &ListOpts) -> Result<u64> {
    #[derive(Deserialize)]
    struct Counted {
        count: Option<u64>,
    }
    let opts = ListOpts {
        with_count: Some(true),
        limit: Some(1),
        marker: None,
        ..opts.clone()
    };
    let resp = client.request(&LIST, &[]).query(&opts).send_raw().await?;
    let counted: Counted = resp.decode(None)?;
    counted.count.ok_or_else(|| {
        Error::new(ErrorKind::Decode, "Heat's listing has no count")
            .with_request_id(resp.request_id())
    })
}

/// Finds a stack's name and ID from either (Heat's redirect, read without following
/// it). An unknown stack is [`ErrorKind::NotFound`].
///
/// ```no_run
/// # async fn demo(heat: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::orchestration::v1::stacks;
/// let (name, id) = stacks::lookup(&heat, "web").await?;
/// # Ok(()) }
/// ```
pub async fn lookup(client: &ServiceClient, name_or_id: &str) -> Result<(String, String)> {
    common::resolve(client, &LOOKUP, &[name_or_id], 0).await
}

/// Shows a stack.
pub async fn get(client: &ServiceClient, name: &str, id: &str) -> ApiResult<Stack> {
    if let Err(e) = checked(name, id) {
        return ApiResult::from_error(e);
    }
    client.request(&GET, &[name, id]).send().await
}

/// Shows a stack without resolving its outputs (`resolve_outputs=false`: faster; the
/// outputs are then without values).
pub async fn get_unresolved(client: &ServiceClient, name: &str, id: &str) -> ApiResult<Stack> {
    if let Err(e) = checked(name, id) {
        return ApiResult::from_error(e);
    }
    client
        .request(&GET, &[name, id])
        .query_pair("resolve_outputs", "false")
        .send()
        .await
}

/// Shows a stack named by its name or its ID: [`lookup`], then [`get`].
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<Stack> {
    let (name, id) = lookup(client, name_or_id).await?;
    get(client, &name, &id).await.extract()
}

/// Updates a stack (`202`), replacing its template: `opts` needs `template` or
/// `template_url`. Parameters not given return to their defaults.
pub async fn update(client: &ServiceClient, name: &str, id: &str, opts: &UpdateOpts) -> ApiResult<()> {
    if let Err(e) = checked(name, id).and_then(|()| {
        crate::request::exactly_one_of(&[
            ("template", opts.template.is_some()),
            ("template_url", opts.template_url.is_some()),
        ])
    }) {
        return ApiResult::from_error(e);
    }
    client.request(&UPDATE, &[name, id]).body(opts).send().await
}

/// Updates a stack with a patch (`202`): what `opts` does not say (template,
/// parameters, environment) is kept.
pub async fn update_patch(client: &ServiceClient, name: &str, id: &str, opts: &UpdateOpts) -> ApiResult<()> {
    if let Err(e) = checked(name, id) {
        return ApiResult::from_error(e);
    }
    client.request(&UPDATE_PATCH, &[name, id]).body(opts).send().await
}

/// Previews an update ([`update`]): what would be added, replaced, updated, deleted.
/// `show_nested` includes the nested stacks' resources.
pub async fn preview_update(
    client: &ServiceClient,
    name: &str,
    id: &str,
    opts: &UpdateOpts,
    show_nested: bool,
) -> ApiResult<ResourceChanges> {
    preview_with(client, &PREVIEW_UPDATE, name, id, opts, show_nested).await
}

/// Previews a patch update ([`update_patch`]).
pub async fn preview_update_patch(
    client: &ServiceClient,
    name: &str,
    id: &str,
    opts: &UpdateOpts,
    show_nested: bool,
) -> ApiResult<ResourceChanges> {
    preview_with(client, &PREVIEW_UPDATE_PATCH, name, id, opts, show_nested).await
}

async fn preview_with(
    client: &ServiceClient,
    op: &'static crate::operation::Op<ResourceChanges>,
    name: &str,
    id: &str,
    opts: &UpdateOpts,
    show_nested: bool,
) -> ApiResult<ResourceChanges> {
    if let Err(e) = checked(name, id) {
        return ApiResult::from_error(e);
    }
    let mut req = client.request(op, &[name, id]).body(opts);
    if show_nested {
        req = req.query_pair("show_nested", "true");
    }
    req.send().await
}

/// Deletes a stack (`204`); wait for it with [`wait_for_deletion`].
pub async fn delete(client: &ServiceClient, name: &str, id: &str) -> ApiResult<()> {
    if let Err(e) = checked(name, id) {
        return ApiResult::from_error(e);
    }
    client.request(&DELETE, &[name, id]).send().await
}

/// Deletes a stack named by its name or its ID: Heat's redirect is read, then the
/// canonical deletion sent. Returns the stack's name and ID.
pub async fn delete_by_name_or_id(client: &ServiceClient, name_or_id: &str) -> Result<(String, String)> {
    let (name, id) = common::resolve(client, &LOOKUP_DELETE, &[name_or_id], 0).await?;
    delete(client, &name, &id).await.ok()?;
    Ok((name, id))
}

/// Abandons a stack: Heat forgets it but leaves its resources, and answers the data
/// [`adopt`] takes (Heat must allow it: `enable_stack_abandon`).
pub async fn abandon(client: &ServiceClient, name: &str, id: &str) -> ApiResult<StackData> {
    if let Err(e) = checked(name, id) {
        return ApiResult::from_error(e);
    }
    client.request(&ABANDON, &[name, id]).send().await
}

/// Exports a stack's data (as [`abandon`] would give it, the stack kept).
pub async fn export(client: &ServiceClient, name: &str, id: &str) -> ApiResult<StackData> {
    if let Err(e) = checked(name, id) {
        return ApiResult::from_error(e);
    }
    client.request(&EXPORT, &[name, id]).send().await
}

/// A stack's template, as Heat holds it (JSON).
pub async fn template(client: &ServiceClient, name: &str, id: &str) -> ApiResult<Template> {
    if let Err(e) = checked(name, id) {
        return ApiResult::from_error(e);
    }
    client.request(&TEMPLATE, &[name, id]).send().await
}

/// A stack's environment.
pub async fn environment(client: &ServiceClient, name: &str, id: &str) -> ApiResult<Environment> {
    if let Err(e) = checked(name, id) {
        return ApiResult::from_error(e);
    }
    client.request(&ENVIRONMENT, &[name, id]).send().await
}

/// A stack's files, by name.
pub async fn files(client: &ServiceClient, name: &str, id: &str) -> ApiResult<BTreeMap<String, String>> {
    if let Err(e) = checked(name, id) {
        return ApiResult::from_error(e);
    }
    client.request(&FILES, &[name, id]).send().await
}

async fn action(
    client: &ServiceClient,
    op: &'static crate::operation::Op<()>,
    name: &str,
    id: &str,
) -> ApiResult<()> {
    if let Err(e) = checked(name, id) {
        return ApiResult::from_error(e);
    }
    client.request(op, &[name, id]).body(&Null).send().await
}

/// Suspends a stack (`202`; `SUSPEND_COMPLETE` when done).
pub async fn suspend(client: &ServiceClient, name: &str, id: &str) -> ApiResult<()> {
    action(client, &SUSPEND, name, id).await
}

/// Resumes a suspended stack (`202`; `RESUME_COMPLETE` when done).
pub async fn resume(client: &ServiceClient, name: &str, id: &str) -> ApiResult<()> {
    action(client, &RESUME, name, id).await
}

/// Cancels an update in progress and rolls it back (`202`).
pub async fn cancel_update(client: &ServiceClient, name: &str, id: &str) -> ApiResult<()> {
    action(client, &CANCEL_UPDATE, name, id).await
}

/// Cancels a create or update in progress, without rolling back (`202`).
pub async fn cancel_without_rollback(client: &ServiceClient, name: &str, id: &str) -> ApiResult<()> {
    action(client, &CANCEL_WITHOUT_ROLLBACK, name, id).await
}

/// Checks that a stack's resources are as Heat thinks (`202`; `CHECK_COMPLETE` or
/// `CHECK_FAILED`).
pub async fn check(client: &ServiceClient, name: &str, id: &str) -> ApiResult<()> {
    action(client, &CHECK, name, id).await
}

// ------------------------------------------------------------------ waiters

/// Waits until the stack's status is `target`. A failure of the action awaited
/// (`UPDATE_FAILED` while waiting for `UPDATE_COMPLETE`), a failed rollback, and a
/// completed rollback when the rollback is not what is awaited end the wait with an
/// error carrying Heat's `stack_status_reason`. A failure of another action does not:
/// waiting for `ROLLBACK_COMPLETE` passes the `UPDATE_FAILED` that starts the rollback,
/// and waiting for `CHECK_COMPLETE` is not ended by the `UPDATE_FAILED` Heat still shows
/// before the check begins.
pub async fn wait_for_status(
    client: &ServiceClient,
    name: &str,
    id: &str,
    target: StackStatus,
    opts: &crate::wait::WaitOpts,
) -> Result<Stack> {
    use crate::wait::State;
    crate::wait::wait_for(
        &format!("stack {name}/{id} to be {target}"),
        opts,
        || async { get(client, name, id).await.extract() },
        |s: &Stack| {
            if s.stack_status == target {
                State::Ready
            } else if ends_wait_for(&s.stack_status, &target) {
                State::Failed(format!(
                    "stack {} is {}: {}",
                    s.stack_name,
                    s.stack_status,
                    if s.stack_status_reason.is_empty() {
                        "no reason given"
                    } else {
                        &s.stack_status_reason
                    }
                ))
            } else {
                State::Pending
            }
        },
        |_| {},
    )
    .await
}

/// Whether `status` (not `target`) means that `target` will not come.
fn ends_wait_for(status: &StackStatus, target: &StackStatus) -> bool {
    let rollback = StackStatus::RollbackComplete.action();
    (status.is_failed() && (status.action() == target.action() || status.action() == rollback))
        || (*status == StackStatus::RollbackComplete && target.action() != rollback)
}

/// Waits until the stack is gone: Heat answers `404`, or shows it `DELETE_COMPLETE`.
/// `DELETE_FAILED` ends the wait with Heat's reason.
pub async fn wait_for_deletion(
    client: &ServiceClient,
    name: &str,
    id: &str,
    opts: &crate::wait::WaitOpts,
) -> Result<()> {
    use crate::wait::State;
    crate::wait::wait_for(
        &format!("stack {name}/{id} to be deleted"),
        opts,
        || async {
            match get(client, name, id).await.extract() {
                Ok(s) => Ok(Some(s)),
                Err(e) if e.is_not_found() => Ok(None),
                Err(e) => Err(e),
            }
        },
        |s: &Option<Stack>| match s {
            None => State::Ready,
            Some(s) if s.stack_status == StackStatus::DeleteComplete => State::Ready,
            Some(s) if s.stack_status == StackStatus::DeleteFailed => State::Failed(format!(
                "stack {} is DELETE_FAILED: {}",
                s.stack_name, s.stack_status_reason
            )),
            Some(_) => State::Pending,
        },
        |_| {},
    )
    .await
    .map(drop)
}

#[cfg(test)]
mod tests {
    use super::{StackStatus as S, ends_wait_for};

    #[test]
    fn debug_hides_parameter_values_and_documents() {
        let mut opts = super::CreateOpts::new("web", "heat_template_version: 2018-08-31\n");
        opts.parameters = Some(
            serde_json::json!({"db_password": "s3cret", "flavor": "m1.small"})
                .as_object()
                .unwrap()
                .clone(),
        );
        opts.environment = Some("parameters: {db_password: s3cret}".into());
        opts.adopt_stack_data = Some(serde_json::json!({"environment": {"parameters": {"p": "s3cret"}}}));
        let shown = format!("{opts:?}");
        assert!(!shown.contains("s3cret") && !shown.contains("m1.small"), "{shown}");
        assert!(shown.contains("db_password") && shown.contains("flavor"), "{shown}");
        assert!(shown.contains("stack_name: \"web\""), "{shown}");
        let update = super::UpdateOpts { parameters: opts.parameters.clone(), ..Default::default() };
        let shown = format!("{update:?}");
        assert!(!shown.contains("s3cret") && shown.contains("db_password"), "{shown}");
    }

    #[test]
    fn which_statuses_end_a_wait() {
        // the awaited action failed
        assert!(ends_wait_for(&S::CreateFailed, &S::CreateComplete));
        assert!(ends_wait_for(&S::UpdateFailed, &S::UpdateComplete));
        // a rollback failed, or rolled back when the rollback is not awaited
        assert!(ends_wait_for(&S::RollbackFailed, &S::UpdateComplete));
        assert!(ends_wait_for(&S::RollbackFailed, &S::RollbackComplete));
        assert!(ends_wait_for(&S::RollbackComplete, &S::UpdateComplete));
        assert!(ends_wait_for(&S::RollbackComplete, &S::CreateComplete));
        // another action's failure, a rollback under way, progress: keep waiting
        assert!(!ends_wait_for(&S::UpdateFailed, &S::RollbackComplete));
        assert!(!ends_wait_for(&S::UpdateFailed, &S::CheckComplete));
        assert!(!ends_wait_for(&S::RollbackInProgress, &S::RollbackComplete));
        assert!(!ends_wait_for(&S::UpdateInProgress, &S::UpdateComplete));
        assert!(!ends_wait_for(&S::CreateComplete, &S::SuspendComplete));
        // a status this SDK does not know
        assert!(ends_wait_for(&S::Other("WARP_FAILED".into()), &S::Other("WARP_COMPLETE".into())));
        assert!(!ends_wait_for(&S::Other("WARP_FAILED".into()), &S::CreateComplete));
    }
}
