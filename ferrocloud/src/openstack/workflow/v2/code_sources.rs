//! Code sources: Python modules stored in Mistral (sent as `text/plain`), whose classes
//! become [`dynamic_actions`].
//!
//! ```no_run
//! # async fn demo(mistral: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::workflow::v2::{code_sources, common::DefinitionOpts};
//! let module = "from mistral_lib import actions\n\nclass Hello(actions.Action):\n    def run(self, context):\n        return 'hello'\n";
//! let cs = code_sources::create(&mistral, "hello_mod", module, &DefinitionOpts::default()).await.extract()?;
//! assert_eq!(cs.version, 1);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{DefinitionOpts, ListControls, Scope, definition, mistral_functions};
use crate::dates::Timestamp;
use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "workflow";
    /// List code sources.
    LIST = GET "/code_sources" list("code_sources", CodeSource);
    /// Create a code source (its content as text).
    CREATE = POST "/code_sources" response(CodeSource);
    /// Show a code source.
    GET = GET "/code_sources/{code_source_identifier}" response(CodeSource);
    /// Update a code source (named in the query).
    UPDATE = PUT "/code_sources" response(CodeSource);
    /// Delete a code source.
    DELETE = DELETE "/code_sources/{code_source_identifier}";
}

/// A code source.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct CodeSource {
    /// The ID.
    pub id: String,
    /// The name (the module's).
    pub name: String,
    /// The namespace.
    #[serde(default)]
    pub namespace: Option<String>,
    /// The Python source.
    pub content: String,
    /// The version, raised by each update.
    pub version: u64,
    /// `private` or `public`.
    #[serde(default)]
    pub scope: Option<Scope>,
    /// The dynamic actions it provides.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub actions: Vec<String>,
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
/// let opts = ferrocloud::openstack::workflow::v2::code_sources::ListOpts {
///     namespace: Some("ops".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "namespace=ops");
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

mistral_functions! { CodeSource, "code source", extract_code_sources; list get_ns delete_ns }

/// Creates code source `name` with this Python `content` (`201`; `skip_validation` is
/// not read).
pub async fn create(client: &ServiceClient, name: &str, content: &str, opts: &DefinitionOpts) -> ApiResult<CodeSource> {
    if name.is_empty() {
        return ApiResult::from_error(crate::Error::invalid_input("a code source needs a name"));
    }
    definition(client.request(&CREATE, &[]).query_pair("name", name), content, opts)
        .send()
        .await
}

/// Replaces the content of code source `identifier` (name or ID).
pub async fn update(
    client: &ServiceClient,
    identifier: &str,
    content: &str,
    opts: &DefinitionOpts,
) -> ApiResult<CodeSource> {
    if identifier.is_empty() {
        return ApiResult::from_error(crate::Error::invalid_input("a code source identifier is needed"));
    }
    definition(
        client.request(&UPDATE, &[]).query_pair("identifier", identifier),
        content,
        opts,
    )
    .send()
    .await
}
