//! Environments: named sets of variables that executions read as `env()`. Variables
//! are JSON values, sent and read as Mistral's JSON text; their `Debug` hides them
//! (they often hold credentials).
//!
//! ```no_run
//! # async fn demo(mistral: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::workflow::v2::environments::{self, EnvironmentOpts};
//! let opts = EnvironmentOpts::new("prod", serde_json::json!({"region": "r1", "retries": 3}));
//! environments::create(&mistral, &opts).await.extract()?;
//! let env = environments::get(&mistral, "prod").await.extract()?;
//! assert_eq!(env.variables["retries"], 3);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Data, ListControls, Scope, mistral_functions};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "workflow";
    /// List environments.
    LIST = GET "/environments" list("environments", Environment);
    /// Create an environment.
    CREATE = POST "/environments" request(EnvironmentOpts) response(Environment);
    /// Show an environment.
    GET = GET "/environments/{environment_name}" response(Environment);
    /// Update an environment (named in the body).
    UPDATE = PUT "/environments" request(EnvironmentOpts) response(Environment);
    /// Delete an environment.
    DELETE = DELETE "/environments/{environment_name}";
}

/// An environment.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Environment {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The description.
    #[serde(default)]
    pub description: Option<String>,
    /// The variables (a JSON object).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub variables: Data,
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
/// let opts = ferrocloud::openstack::workflow::v2::environments::ListOpts {
///     name: Some("prod".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "name=prod");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Of this scope.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// Paging, sorting and fields.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] and [`update`] send (variables as JSON text).
///
/// ```
/// use ferrocloud::openstack::workflow::v2::environments::EnvironmentOpts;
/// let opts = EnvironmentOpts::new("prod", serde_json::json!({"token": "s3cr3t"}));
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!(
///     {"name": "prod", "variables": "{\"token\":\"s3cr3t\"}"}));
/// assert!(!format!("{opts:?}").contains("s3cr3t"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EnvironmentOpts {
    /// The name (required).
    pub name: String,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The variables (required when creating).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variables: Option<Data>,
    /// `private` (the default) or `public`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
}

impl EnvironmentOpts {
    /// Environment `name` with these variables.
    pub fn new(name: impl Into<String>, variables: serde_json::Value) -> Self {
        EnvironmentOpts {
            name: name.into(),
            variables: Some(variables.into()),
            ..Default::default()
        }
    }
}

impl Validate for EnvironmentOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("name", !self.name.is_empty())
    }
}

mistral_functions! { Environment, "environment", extract_environments; list get delete }

/// Creates an environment (`201`).
pub async fn create(client: &ServiceClient, opts: &EnvironmentOpts) -> ApiResult<Environment> {
    if opts.variables.is_none() {
        return ApiResult::from_error(crate::Error::invalid_input("an environment needs variables"));
    }
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Updates the environment `opts.name` (its variables are replaced by those given).
pub async fn update(client: &ServiceClient, opts: &EnvironmentOpts) -> ApiResult<Environment> {
    client.request(&UPDATE, &[]).body(opts).send().await
}
