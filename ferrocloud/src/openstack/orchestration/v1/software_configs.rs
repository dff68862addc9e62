//! Software configurations: scripts, Puppet manifests, cloud-config… with their inputs
//! and outputs, applied to servers by [`software_deployments`].
//! A configuration cannot change: create another.
//!
//! ```no_run
//! # async fn demo(heat: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::orchestration::v1::software_configs::{self, ConfigInput, CreateOpts};
//! let mut opts = CreateOpts::new("hello");
//! opts.group = Some("script".into());
//! opts.config = Some("#!/bin/sh\necho hello $who\n".into());
//! opts.inputs = Some(vec![ConfigInput::new("who")]);
//! let config = software_configs::create(&heat, &opts).await.extract()?;
//! println!("{}", config.id);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate, require};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "orchestration";
    /// Create a configuration.
    CREATE = POST "/software_configs" request(CreateOpts) response("software_config", SoftwareConfig);
    /// List configurations.
    LIST = GET "/software_configs" list("software_configs", SoftwareConfig);
    /// Show a configuration.
    GET = GET "/software_configs/{config_id}" response("software_config", SoftwareConfig);
    /// Delete a configuration.
    DELETE = DELETE "/software_configs/{config_id}";
}

/// A software configuration. Listings show the ID, name, group and creation time only.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct SoftwareConfig {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The tool that applies it (`script`, `puppet`, `ansible`, `Heat::Ungrouped`…).
    #[serde(default)]
    pub group: Option<String>,
    /// The configuration itself.
    #[serde(default)]
    pub config: Option<String>,
    /// Its inputs.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub inputs: Vec<ConfigInput>,
    /// Its outputs.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub outputs: Vec<ConfigOutput>,
    /// Options of the tool.
    #[serde(default)]
    pub options: Option<Value>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub creation_time: Timestamp,
    /// When it was last changed (older Heat, in deployment metadata only).
    #[serde(default, with = "crate::dates::option")]
    pub updated_time: Option<Timestamp>,
    /// Its project.
    #[serde(default)]
    pub project: Option<String>,
}

/// An input of a configuration (with its value, in a server's deployment metadata).
/// `Debug` says whether it has a default and a value, without showing them: Heat's own
/// inputs carry the credentials the server signals with (`deploy_password`).
///
/// ```
/// use ferrocloud::openstack::orchestration::v1::software_configs::ConfigInput;
/// assert_eq!(serde_json::to_value(ConfigInput::new("foo")).unwrap(),
///     serde_json::json!({"name": "foo"}));
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConfigInput {
    /// Its name.
    pub name: String,
    /// Its type (`String`, `Number`, `CommaDelimitedList`, `Json`, `Boolean`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub input_type: Option<String>,
    /// Its description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Value>,
    /// Its value (deployment metadata).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// Whether changing it replaces the deployment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replace_on_change: Option<bool>,
}

impl std::fmt::Debug for ConfigInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let hidden = |v: &Option<Value>| v.as_ref().map(|_| "[REDACTED]");
        f.debug_struct("ConfigInput")
            .field("name", &self.name)
            .field("input_type", &self.input_type)
            .field("description", &self.description)
            .field("default", &hidden(&self.default))
            .field("value", &hidden(&self.value))
            .field("replace_on_change", &self.replace_on_change)
            .finish()
    }
}

impl ConfigInput {
    /// An input named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        ConfigInput {
            name: name.into(),
            ..Default::default()
        }
    }
}

/// An output of a configuration.
///
/// ```
/// use ferrocloud::openstack::orchestration::v1::software_configs::ConfigOutput;
/// let o = ConfigOutput { error_output: Some(true), ..ConfigOutput::new("result") };
/// assert_eq!(serde_json::to_value(&o).unwrap(),
///     serde_json::json!({"name": "result", "error_output": true}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConfigOutput {
    /// Its name.
    pub name: String,
    /// Its type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub output_type: Option<String>,
    /// Its description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether a value marks the deployment failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_output: Option<bool>,
}

impl ConfigOutput {
    /// An output named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        ConfigOutput {
            name: name.into(),
            ..Default::default()
        }
    }
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::orchestration::v1::software_configs::CreateOpts;
/// let mut opts = CreateOpts::new("hello");
/// opts.config = Some("echo hello".into());
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"name": "hello", "config": "echo hello"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    pub name: String,
    /// The tool that applies it (Heat's default: `Heat::Ungrouped`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The configuration itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<String>,
    /// Its inputs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inputs: Option<Vec<ConfigInput>>,
    /// Its outputs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outputs: Option<Vec<ConfigOutput>>,
    /// Options of the tool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Value>,
}

impl CreateOpts {
    /// A configuration named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            ..Default::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("name", !self.name.is_empty())
    }
}

/// What [`list`] pages on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Configurations per page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Start after this configuration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// Creates a configuration.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<SoftwareConfig> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Lists configurations (short form), by marker and limit.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<SoftwareConfig> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Marker("id"))
}

/// Shows a configuration.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<SoftwareConfig> {
    if let Err(e) = require("config ID", !id.is_empty()) {
        return ApiResult::from_error(e);
    }
    client.request(&GET, &[id]).send().await
}

/// Deletes a configuration.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    if let Err(e) = require("config ID", !id.is_empty()) {
        return ApiResult::from_error(e);
    }
    client.request(&DELETE, &[id]).send().await
}
