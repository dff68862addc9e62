//! Workbooks: YAML documents holding workflows and actions, stored together under one
//! name. Definitions are sent as `text/plain`.
//!
//! ```no_run
//! # async fn demo(mistral: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::workflow::v2::{common::DefinitionOpts, workbooks};
//! let yaml = "version: '2.0'\nname: ops\nworkflows:\n  hello:\n    tasks:\n      t:\n        action: std.noop\n";
//! assert!(workbooks::validate(&mistral, yaml).await.extract()?.valid);
//! let wb = workbooks::create(&mistral, yaml, &DefinitionOpts::default()).await.extract()?;
//! workbooks::delete(&mistral, &wb.name, "").await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{DefinitionOpts, ListControls, Scope, definition, mistral_functions};
use crate::ServiceClient;
use crate::dates::Timestamp;
use crate::request::ApiResult;

crate::operations! {
    service: "workflow";
    /// List workbooks.
    LIST = GET "/workbooks" list("workbooks", Workbook);
    /// Create a workbook (YAML).
    CREATE = POST "/workbooks" response(Workbook);
    /// Show a workbook.
    GET = GET "/workbooks/{workbook_name}" response(Workbook);
    /// Update a workbook (YAML; the name comes from the definition).
    UPDATE = PUT "/workbooks" response(Workbook);
    /// Delete a workbook.
    DELETE = DELETE "/workbooks/{workbook_name}";
    /// Validate a workbook definition.
    VALIDATE = POST "/workbooks/validate" response(super::common::Validation);
}

/// A workbook.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Workbook {
    /// The ID.
    pub id: String,
    /// The name (from the definition).
    pub name: String,
    /// The namespace (`""`: the default one).
    #[serde(default)]
    pub namespace: Option<String>,
    /// The YAML definition.
    pub definition: String,
    /// Tags (from the definition).
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
/// let opts = ferrocloud::openstack::workflow::v2::workbooks::ListOpts {
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
    /// With these tags.
    #[serde(serialize_with = "crate::query::comma", skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Paging, sorting and fields.
    #[serde(flatten)]
    pub controls: ListControls,
}

mistral_functions! { Workbook, "workbook", extract_workbooks; list get_ns delete_ns validate }

/// Creates a workbook from its YAML definition (`201`).
pub async fn create(client: &ServiceClient, yaml: &str, opts: &DefinitionOpts) -> ApiResult<Workbook> {
    definition(client.request(&CREATE, &[]), yaml, opts).send().await
}

/// Replaces a workbook's definition (the workbook is the one the definition names).
pub async fn update(client: &ServiceClient, yaml: &str, opts: &DefinitionOpts) -> ApiResult<Workbook> {
    definition(client.request(&UPDATE, &[]), yaml, opts).send().await
}
