//! Deploy templates (1.55): deploy steps applied when a node is deployed with a
//! matching trait (the template's name is a `CUSTOM_` trait). Ironic addresses a
//! template by name or UUID. The plain listing gives `uuid`, `name` and `links` only
//! (the others are `None`); ask for `detail` for the rest.
//!
//! ```no_run
//! # async fn demo(ironic: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetal::v1::deploy_templates::{self, CreateOpts, TemplateStep};
//! let step = TemplateStep { interface: "bios".into(), step: "apply_configuration".into(),
//!     args: Default::default(), priority: 150 };
//! let t = deploy_templates::create(&ironic, &CreateOpts::new("CUSTOM_HYPERTHREADING_ON", vec![step])).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Links, Listing, Object, Versioned};
use crate::dates::Timestamp;
use crate::request::Validate;
use crate::Result;

crate::operations! {
    service: "baremetal";
    /// Create a deploy template.
    CREATE = POST "/deploy_templates" since("1.55") request(CreateOpts) response(DeployTemplate);
    /// List deploy templates.
    LIST = GET "/deploy_templates" since("1.55") list("deploy_templates", DeployTemplate);
    /// Show a deploy template.
    GET = GET "/deploy_templates/{deploy_template_id}" since("1.55") response(DeployTemplate);
    /// Update a deploy template.
    UPDATE = PATCH "/deploy_templates/{deploy_template_id}" since("1.55") request(super::common::Patch) response(DeployTemplate);
    /// Delete a deploy template.
    DELETE = DELETE "/deploy_templates/{deploy_template_id}" since("1.55");
}

/// A step of a deploy template.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TemplateStep {
    /// The interface (`bios`, `raid`, `deploy`, `management`, `power`).
    pub interface: String,
    /// The step's name.
    pub step: String,
    /// Its arguments.
    #[serde(default)]
    pub args: Object,
    /// Its priority (0 disables it).
    pub priority: u32,
}

/// A deploy template.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct DeployTemplate {
    /// The UUID.
    pub uuid: String,
    /// The name (a `CUSTOM_` trait).
    pub name: String,
    /// The steps (details).
    #[serde(default)]
    pub steps: Option<Vec<TemplateStep>>,
    /// Free-form data (details).
    #[serde(default)]
    pub extra: Option<Object>,
    /// When it was created (details).
    #[serde(default, deserialize_with = "crate::dates::option::deserialize")]
    pub created_at: Option<Timestamp>,
    /// When it last changed (details).
    #[serde(default, deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Its links.
    pub links: Links,
}

/// What [`list`] takes.
pub type ListOpts = Listing;

/// What [`create`] sends.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (a `CUSTOM_` trait).
    pub name: String,
    /// The steps.
    pub steps: Vec<TemplateStep>,
    /// A UUID of one's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    /// Free-form data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra: Option<Object>,
}

impl CreateOpts {
    /// A template `name` with `steps`.
    pub fn new(name: impl Into<String>, steps: Vec<TemplateStep>) -> Self {
        CreateOpts {
            name: name.into(),
            steps,
            ..Default::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("name", !self.name.is_empty())?;
        crate::request::require("steps", !self.steps.is_empty())
    }
}

impl Versioned for CreateOpts {}

super::common::resource_functions!(DeployTemplate, DeployTemplate, "deploy template"; list get create update delete find);
