//! Template validation: Heat parses a template (with its files and environment) and
//! answers its description, parameters and parameter groups.
//!
//! ```no_run
//! # async fn demo(heat: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::orchestration::v1::templates::{self, ValidateOpts};
//! let opts = ValidateOpts::new("heat_template_version: 2018-08-31\nresources: {}\n");
//! let result = templates::validate(&heat, &opts).await.extract()?;
//! println!("{} parameters", result.parameters.len());
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::common::Document;
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "orchestration";
    /// Validate a template.
    VALIDATE = POST "/validate" request(ValidateOpts) response(Validation);
}

/// What [`validate`] sends.
///
/// ```
/// use ferrocloud::openstack::orchestration::v1::templates::ValidateOpts;
/// let opts = ValidateOpts { template_url: Some("http://x/t.yaml".into()), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"template_url": "http://x/t.yaml"}));
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ValidateOpts {
    /// The template (text or JSON); or `template_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<Document>,
    /// Where Heat fetches the template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_url: Option<String>,
    /// Files the template refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub files: Option<BTreeMap<String, String>>,
    /// The environment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<Document>,
    /// Environment files, named among `files`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment_files: Option<Vec<String>>,
}

// An environment may hold parameter values (passwords): Debug says whether there is one.
impl std::fmt::Debug for ValidateOpts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ValidateOpts")
            .field("template", &self.template.as_ref().map(|_| "…"))
            .field("template_url", &self.template_url)
            .field("files", &self.files.as_ref().map(|m| m.keys().collect::<Vec<_>>()))
            .field("environment", &self.environment.as_ref().map(|_| "[REDACTED]"))
            .field("environment_files", &self.environment_files)
            .finish()
    }
}

impl ValidateOpts {
    /// Validates `template` (text, or a JSON value).
    pub fn new(template: impl Into<Document>) -> Self {
        ValidateOpts {
            template: Some(template.into()),
            ..Default::default()
        }
    }
}

impl Validate for ValidateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::exactly_one_of(&[
            ("template", self.template.is_some()),
            ("template_url", self.template_url.is_some()),
        ])
    }
}

/// What [`validate`] answers.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Validation {
    /// The template's description.
    #[serde(rename = "Description")]
    pub description: String,
    /// The parameters' schemas, by name.
    #[serde(rename = "Parameters")]
    pub parameters: Map<String, Value>,
    /// The parameter groups.
    #[serde(rename = "ParameterGroups", default)]
    pub parameter_groups: Vec<ParameterGroup>,
    /// The environment as Heat resolved it.
    #[serde(rename = "Environment", default)]
    pub environment: Option<Map<String, Value>>,
}

/// A parameter group of a template.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ParameterGroup {
    /// Its label.
    #[serde(default)]
    pub label: Option<String>,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Its parameters' names.
    #[serde(default)]
    pub parameters: Vec<String>,
}

/// Validates a template. `show_nested` validates nested templates too;
/// `ignore_errors` names error codes to ignore (comma-separated).
pub async fn validate(client: &ServiceClient, opts: &ValidateOpts) -> ApiResult<Validation> {
    validate_with(client, opts, false, None).await
}

/// [`validate`] with Heat's query options: `show_nested` validates nested templates
/// too, and `ignore_errors` names error codes to ignore (comma-separated).
pub async fn validate_with(
    client: &ServiceClient,
    opts: &ValidateOpts,
    show_nested: bool,
    ignore_errors: Option<&str>,
) -> ApiResult<Validation> {
    let mut req = client.request(&VALIDATE, &[]).body(opts);
    if show_nested {
        req = req.query_pair("show_nested", "true");
    }
    if let Some(codes) = ignore_errors {
        req = req.query_pair("ignore_errors", codes);
    }
    req.send().await
}

#[cfg(test)]
mod tests {
    #[test]
    fn debug_hides_the_environment() {
        let mut opts = super::ValidateOpts::new("heat_template_version: 2018-08-31\n");
        opts.environment = Some("parameters: {db_password: s3cret}".into());
        let shown = format!("{opts:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("[REDACTED]"), "{shown}");
    }
}
