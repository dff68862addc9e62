//! Actions: the system actions (`std.echo`, `nova.servers_create`…) and ad-hoc actions
//! written in YAML (sent as `text/plain`) on top of them. Run one with
//! [`action_executions::create`].
//!
//! ```no_run
//! # async fn demo(mistral: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::workflow::v2::{actions, common::DefinitionOpts};
//! let yaml = "version: '2.0'\ngreet:\n  base: std.echo\n  base-input:\n    output: hello\n";
//! let created = actions::create(&mistral, yaml, &DefinitionOpts::default()).await.extract()?;
//! let echo = actions::get(&mistral, "std.echo", "").await.extract()?;
//! assert_eq!(echo.name, "std.echo");
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{DefinitionOpts, ListControls, Scope, definition, mistral_functions};
use crate::ServiceClient;
use crate::request::ApiResult;

crate::operations! {
    service: "workflow";
    /// List actions.
    LIST = GET "/actions" list("actions", Action);
    /// Create ad-hoc actions (YAML).
    CREATE = POST "/actions" list("actions", Action);
    /// Show an action.
    GET = GET "/actions/{action_identifier}" response(Action);
    /// Update an ad-hoc action (YAML).
    UPDATE = PUT "/actions/{action_identifier}" list("actions", Action);
    /// Delete an ad-hoc action.
    DELETE = DELETE "/actions/{action_identifier}";
    /// Validate an action definition.
    VALIDATE = POST "/actions/validate" response(super::common::Validation);
}

/// An action.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Action {
    /// The ID (a system action's is its name).
    pub id: String,
    /// The name.
    pub name: String,
    /// True for the actions Mistral and its plug-ins provide, says the reference;
    /// Mistral 22 answers `false` for every action, `std.echo` included.
    #[serde(default)]
    pub is_system: Option<bool>,
    /// Its input parameters as Mistral writes them (`output, delay=0`).
    #[serde(default)]
    pub input: Option<String>,
    /// The description.
    #[serde(default)]
    pub description: Option<String>,
    /// Tags.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub tags: Vec<String>,
    /// The YAML definition (ad-hoc actions; none for system actions).
    #[serde(default)]
    pub definition: Option<String>,
    /// `private` or `public`.
    #[serde(default)]
    pub scope: Option<Scope>,
    /// The owner.
    #[serde(default)]
    pub project_id: Option<String>,
    /// When it was created (none for system actions).
    #[serde(default, with = "crate::dates::option")]
    pub created_at: Option<crate::dates::Timestamp>,
    /// When it last changed.
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<crate::dates::Timestamp>,
    /// The namespace.
    #[serde(default)]
    pub namespace: Option<String>,
}

/// What [`list`] filters on, besides the [`ListControls`].
///
/// ```
/// let opts = ferrocloud::openstack::workflow::v2::actions::ListOpts {
///     is_system: Some(false), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "is_system=false");
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
    /// System actions or not (Mistral 22 answers `500` to this filter).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_system: Option<bool>,
    /// With these tags.
    #[serde(serialize_with = "crate::query::comma", skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Paging, sorting and fields.
    #[serde(flatten)]
    pub controls: ListControls,
}

mistral_functions! { Action, "action", extract_actions; list get_ns delete_ns validate }

/// Creates the ad-hoc actions a YAML document defines (`201`); the answer lists them.
pub async fn create(client: &ServiceClient, yaml: &str, opts: &DefinitionOpts) -> ApiResult<Vec<Action>> {
    definition(client.request(&CREATE, &[]), yaml, opts).send().await
}

/// Replaces the definition of ad-hoc action `identifier`; the answer lists the actions
/// the document defines.
pub async fn update(
    client: &ServiceClient,
    identifier: &str,
    yaml: &str,
    opts: &DefinitionOpts,
) -> ApiResult<Vec<Action>> {
    definition(client.request(&UPDATE, &[identifier]), yaml, opts)
        .send()
        .await
}
