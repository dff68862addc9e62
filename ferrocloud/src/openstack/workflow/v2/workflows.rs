//! Workflows: YAML definitions (one document may define several), sent as
//! `text/plain`. A workflow is shared with other projects through its
//! [`members`].
//!
//! ```no_run
//! # async fn demo(mistral: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::workflow::v2::{common::DefinitionOpts, workflows};
//! let yaml = "version: '2.0'\nhello:\n  input: [name]\n  tasks:\n    greet:\n      action: std.echo output=<% $.name %>\n";
//! let created = workflows::create(&mistral, yaml, &DefinitionOpts::default().namespace("ops")).await.extract()?;
//! let wf = workflows::get(&mistral, "hello", "ops").await.extract()?;
//! println!("{} takes {:?}", wf.name, wf.input);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Data, DefinitionOpts, ListControls, Scope, definition, mistral_functions};
use crate::ServiceClient;
use crate::dates::Timestamp;
use crate::request::ApiResult;

crate::operations! {
    service: "workflow";
    /// List workflows.
    LIST = GET "/workflows" list("workflows", Workflow);
    /// Create workflows (YAML): the answer lists every workflow the document defines.
    CREATE = POST "/workflows" list("workflows", Workflow);
    /// Show a workflow.
    GET = GET "/workflows/{workflow_identifier}" response(Workflow);
    /// Update a workflow (YAML).
    UPDATE = PUT "/workflows/{workflow_identifier}" response(Workflow);
    /// Delete a workflow.
    DELETE = DELETE "/workflows/{workflow_identifier}";
    /// Validate a workflow definition.
    VALIDATE = POST "/workflows/validate" response(super::common::Validation);
}

/// A workflow.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Workflow {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The namespace (`""`: the default one).
    #[serde(default)]
    pub namespace: Option<String>,
    /// Its input parameters as Mistral writes them (`name, greeting="hi"`).
    #[serde(default)]
    pub input: Option<String>,
    /// Its `input` and `output` as lists (`{"input": ["name", {"greeting": "hi"}],
    /// "output": […]}`).
    #[serde(default)]
    pub interface: Option<Data>,
    /// The YAML definition.
    pub definition: String,
    /// The checksum of the definition.
    #[serde(default)]
    pub checksum: Option<String>,
    /// Tags.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub tags: Vec<String>,
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
/// let opts = ferrocloud::openstack::workflow::v2::workflows::ListOpts {
///     all_projects: Some(true), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "all_projects=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// In this namespace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// Of this scope.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// With these tags.
    #[serde(serialize_with = "crate::query::comma", skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
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

mistral_functions! { Workflow, "workflow", extract_workflows; list get_ns delete_ns validate }

/// Creates the workflows a YAML document defines (`201`); the answer lists them.
pub async fn create(client: &ServiceClient, yaml: &str, opts: &DefinitionOpts) -> ApiResult<Vec<Workflow>> {
    definition(client.request(&CREATE, &[]), yaml, opts).send().await
}

/// Replaces the definition of workflow `identifier` (its name or ID).
pub async fn update(
    client: &ServiceClient,
    identifier: &str,
    yaml: &str,
    opts: &DefinitionOpts,
) -> ApiResult<Workflow> {
    definition(client.request(&UPDATE, &[identifier]), yaml, opts)
        .send()
        .await
}
