//! Software deployments: a configuration applied to a server, with its input values;
//! the agent on the server reports its status and output values by updating it.
//!
//! ```no_run
//! # async fn demo(heat: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::orchestration::v1::software_deployments::{self, CreateOpts};
//! let opts = CreateOpts::new("8da95794-2ad9-4979-8ae5-739ce314c5cd", "ec14c864-096e-4e27-bb8a-2c2b4dc6f3f5");
//! let d = software_deployments::create(&heat, &opts).await.extract()?;
//! for c in software_deployments::metadata(&heat, &d.server_id).await.extract()? {
//!     println!("{} ({:?})", c.name, c.group);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::common::names;
use super::software_configs::SoftwareConfig;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate, require};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "orchestration";
    /// Create a deployment.
    CREATE = POST "/software_deployments" request(CreateOpts) response("software_deployment", SoftwareDeployment);
    /// List deployments.
    LIST = GET "/software_deployments" list("software_deployments", SoftwareDeployment);
    /// Show a deployment.
    GET = GET "/software_deployments/{deployment_id}" response("software_deployment", SoftwareDeployment);
    /// Update a deployment.
    UPDATE = PUT "/software_deployments/{deployment_id}" request(UpdateOpts) response("software_deployment", SoftwareDeployment);
    /// Delete a deployment.
    DELETE = DELETE "/software_deployments/{deployment_id}";
    /// Show the configurations deployed to a server.
    METADATA = GET "/software_deployments/metadata/{server_id}" list("metadata", SoftwareConfig);
}

/// A software deployment. `Debug` shows the names of its input and output values, not the
/// values (Heat's own inputs carry the credentials the server signals with).
#[derive(Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct SoftwareDeployment {
    /// The ID.
    pub id: String,
    /// The configuration deployed.
    pub config_id: String,
    /// The server it is deployed to.
    pub server_id: String,
    /// The action it runs for (`CREATE`, `UPDATE`…).
    #[serde(default)]
    pub action: Option<String>,
    /// `IN_PROGRESS`, `COMPLETE` or `FAILED`.
    #[serde(default)]
    pub status: Option<String>,
    /// Why it has that status.
    #[serde(default)]
    pub status_reason: Option<String>,
    /// The input values.
    #[serde(default)]
    pub input_values: Option<Map<String, Value>>,
    /// The output values the server reported (`null` before).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub output_values: Option<Map<String, Value>>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub creation_time: Timestamp,
    /// When it last changed.
    #[serde(default, with = "crate::dates::option")]
    pub updated_time: Option<Timestamp>,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::orchestration::v1::software_deployments::CreateOpts;
/// let mut opts = CreateOpts::new("c1", "s1");
/// opts.action = Some("CREATE".into());
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"config_id": "c1", "server_id": "s1", "action": "CREATE"}));
/// ```
///
/// `Debug` shows the names of the input values only.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The configuration to deploy.
    pub config_id: String,
    /// The server to deploy it to.
    pub server_id: String,
    /// The action it runs for (`CREATE` by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The input values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_values: Option<Map<String, Value>>,
    /// The initial status (`IN_PROGRESS` by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_reason: Option<String>,
    /// The project of the stack's users that signal it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stack_user_project_id: Option<String>,
}

impl CreateOpts {
    /// Deploys `config_id` to `server_id`.
    pub fn new(config_id: impl Into<String>, server_id: impl Into<String>) -> Self {
        CreateOpts {
            config_id: config_id.into(),
            server_id: server_id.into(),
            ..Default::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("config_id", !self.config_id.is_empty())?;
        require("server_id", !self.server_id.is_empty())
    }
}

/// What [`update`] sends (what the server's agent reports).
///
/// ```
/// use ferrocloud::openstack::orchestration::v1::software_deployments::UpdateOpts;
/// let opts = UpdateOpts { status: Some("COMPLETE".into()), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"status": "COMPLETE"}));
/// ```
///
/// `Debug` shows the names of the input and output values only.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// Another configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config_id: Option<String>,
    /// The action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The input values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_values: Option<Map<String, Value>>,
    /// The output values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_values: Option<Map<String, Value>>,
    /// The status (`COMPLETE`, `FAILED`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_reason: Option<String>,
}

impl Validate for UpdateOpts {}

impl std::fmt::Debug for SoftwareDeployment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SoftwareDeployment")
            .field("id", &self.id)
            .field("config_id", &self.config_id)
            .field("server_id", &self.server_id)
            .field("action", &self.action)
            .field("status", &self.status)
            .field("status_reason", &self.status_reason)
            .field("input_values", &names(&self.input_values))
            .field("output_values", &names(&self.output_values))
            .field("creation_time", &self.creation_time)
            .field("updated_time", &self.updated_time)
            .finish()
    }
}

impl std::fmt::Debug for CreateOpts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateOpts")
            .field("config_id", &self.config_id)
            .field("server_id", &self.server_id)
            .field("action", &self.action)
            .field("input_values", &names(&self.input_values))
            .field("status", &self.status)
            .field("status_reason", &self.status_reason)
            .field("stack_user_project_id", &self.stack_user_project_id)
            .finish()
    }
}

impl std::fmt::Debug for UpdateOpts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UpdateOpts")
            .field("config_id", &self.config_id)
            .field("action", &self.action)
            .field("input_values", &names(&self.input_values))
            .field("output_values", &names(&self.output_values))
            .field("status", &self.status)
            .field("status_reason", &self.status_reason)
            .finish()
    }
}

/// Creates a deployment.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<SoftwareDeployment> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Lists deployments, of one server when `server_id` is given (one page).
pub fn list(client: &ServiceClient, server_id: Option<&str>) -> Pager<SoftwareDeployment> {
    let mut req = client.request(&LIST, &[]);
    if let Some(s) = server_id {
        req = req.query_pair("server_id", s);
    }
    req.paged(PageStyle::Single)
}

/// Shows a deployment.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<SoftwareDeployment> {
    if let Err(e) = require("deployment ID", !id.is_empty()) {
        return ApiResult::from_error(e);
    }
    client.request(&GET, &[id]).send().await
}

/// Updates a deployment.
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<SoftwareDeployment> {
    if let Err(e) = require("deployment ID", !id.is_empty()) {
        return ApiResult::from_error(e);
    }
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a deployment.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    if let Err(e) = require("deployment ID", !id.is_empty()) {
        return ApiResult::from_error(e);
    }
    client.request(&DELETE, &[id]).send().await
}

/// The configurations deployed to a server, with their input values (what the
/// server's agent reads).
pub async fn metadata(client: &ServiceClient, server_id: &str) -> ApiResult<Vec<SoftwareConfig>> {
    if let Err(e) = require("server ID", !server_id.is_empty()) {
        return ApiResult::from_error(e);
    }
    client.request(&METADATA, &[server_id]).send().await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::openstack::orchestration::v1::software_configs::ConfigInput;

    #[test]
    fn debug_shows_value_names_only() {
        let secret = serde_json::json!("s3cret-deploy-pass");
        let values: Map<String, Value> =
            [("deploy_password".to_string(), secret.clone())].into_iter().collect();
        let create = CreateOpts {
            input_values: Some(values.clone()),
            ..CreateOpts::new("c1", "s1")
        };
        let update = UpdateOpts {
            input_values: Some(values.clone()),
            output_values: Some(values.clone()),
            ..Default::default()
        };
        let deployment: SoftwareDeployment = serde_json::from_value(serde_json::json!({
            "id": "d1", "config_id": "c1", "server_id": "s1",
            "input_values": values, "output_values": values,
            "creation_time": "2026-12-05T19:00:00Z"
        }))
        .unwrap();
        let input = ConfigInput {
            value: Some(secret.clone()),
            default: Some(secret),
            ..ConfigInput::new("deploy_password")
        };
        for shown in [
            format!("{create:?}"),
            format!("{update:?}"),
            format!("{deployment:?}"),
            format!("{input:?}"),
        ] {
            assert!(shown.contains("deploy_password"), "{shown}");
            assert!(!shown.contains("s3cret"), "{shown}");
        }
    }
}
