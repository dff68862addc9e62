//! Dynamic actions: actions implemented by a class of a
//! [`code source`](crate::openstack::workflow::v2::code_sources).
//!
//! ```no_run
//! # async fn demo(mistral: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::workflow::v2::dynamic_actions::{self, DynamicActionOpts};
//! let opts = DynamicActionOpts::new("hello", "Hello").code_source_name("hello_mod");
//! let a = dynamic_actions::create(&mistral, &opts).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{ListControls, Scope, mistral_functions};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "workflow";
    /// List dynamic actions.
    LIST = GET "/dynamic_actions" list("dynamic_actions", DynamicAction);
    /// Create a dynamic action.
    CREATE = POST "/dynamic_actions" request(DynamicActionOpts) response(DynamicAction);
    /// Show a dynamic action.
    GET = GET "/dynamic_actions/{dynamic_action_identifier}" response(DynamicAction);
    /// Update a dynamic action (named in the body).
    UPDATE = PUT "/dynamic_actions" request(DynamicActionOpts) response(DynamicAction);
    /// Delete a dynamic action.
    DELETE = DELETE "/dynamic_actions/{dynamic_action_identifier}";
}

/// A dynamic action.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct DynamicAction {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The namespace.
    #[serde(default)]
    pub namespace: Option<String>,
    /// The class implementing it.
    pub class_name: String,
    /// Its code source's ID.
    #[serde(default)]
    pub code_source_id: Option<String>,
    /// Its code source's name.
    #[serde(default)]
    pub code_source_name: Option<String>,
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
/// let opts = ferrocloud::openstack::workflow::v2::dynamic_actions::ListOpts {
///     name: Some("hello".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "name=hello");
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
    /// Of every project (admins).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_projects: Option<bool>,
    /// Paging, sorting and fields.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] and [`update`] send (Mistral reads the namespace from the body).
///
/// ```
/// use ferrocloud::openstack::workflow::v2::dynamic_actions::DynamicActionOpts;
/// let opts = DynamicActionOpts::new("hello", "Hello").code_source_name("hello_mod");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!(
///     {"name": "hello", "class_name": "Hello", "code_source_name": "hello_mod"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DynamicActionOpts {
    /// The name (or, to update, the `id`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// The ID (updates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The class implementing it (required).
    pub class_name: String,
    /// Its code source's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_source_id: Option<String>,
    /// Its code source's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_source_name: Option<String>,
    /// The namespace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// `private` (the default) or `public`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
}

impl DynamicActionOpts {
    /// Action `name` implemented by class `class_name`.
    pub fn new(name: impl Into<String>, class_name: impl Into<String>) -> Self {
        DynamicActionOpts {
            name: name.into(),
            class_name: class_name.into(),
            ..Default::default()
        }
    }

    /// Of the code source of this name.
    pub fn code_source_name(mut self, name: impl Into<String>) -> Self {
        self.code_source_name = Some(name.into());
        self
    }
}

impl Validate for DynamicActionOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("class_name", !self.class_name.is_empty())?;
        crate::request::at_least_one_of(&[
            ("name", !self.name.is_empty()),
            ("id", self.id.is_some()),
        ])
    }
}

mistral_functions! { DynamicAction, "dynamic action", extract_dynamic_actions; list get_ns delete_ns }

/// Creates a dynamic action (`201`); its code source is named by ID or name.
pub async fn create(client: &ServiceClient, opts: &DynamicActionOpts) -> ApiResult<DynamicAction> {
    if opts.code_source_id.is_none() && opts.code_source_name.is_none() {
        return ApiResult::from_error(crate::Error::invalid_input(
            "a dynamic action needs a code_source_id or a code_source_name",
        ));
    }
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Updates the dynamic action named (or with the `id`) in `opts`.
pub async fn update(client: &ServiceClient, opts: &DynamicActionOpts) -> ApiResult<DynamicAction> {
    client.request(&UPDATE, &[]).body(opts).send().await
}
