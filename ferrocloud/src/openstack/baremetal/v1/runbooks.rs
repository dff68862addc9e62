//! Runbooks (1.92): named lists of steps that `clean` and `service` run in place of
//! explicit steps. Ironic addresses a runbook by name or UUID. The plain listing gives
//! `uuid`, `name` and `links` only (the others are `None`); ask for `detail` for the
//! rest.
//!
//! ```no_run
//! # async fn demo(ironic: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetal::v1::runbooks::{self, CreateOpts, RunbookStep};
//! let step = RunbookStep { interface: "bios".into(), step: "apply_configuration".into(),
//!     args: Default::default(), order: 1 };
//! let r = runbooks::create(&ironic, &CreateOpts::new("CUSTOM_AWESOME", vec![step])).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Links, Listing, Object, Versioned};
use crate::dates::Timestamp;
use crate::request::Validate;
use crate::Result;

crate::operations! {
    service: "baremetal";
    /// Create a runbook.
    CREATE = POST "/runbooks" since("1.92") request(CreateOpts) response(Runbook);
    /// List runbooks.
    LIST = GET "/runbooks" since("1.92") list("runbooks", Runbook);
    /// Show a runbook.
    GET = GET "/runbooks/{runbook_id}" since("1.92") response(Runbook);
    /// Update a runbook.
    UPDATE = PATCH "/runbooks/{runbook_id}" since("1.92") request(super::common::Patch) response(Runbook);
    /// Delete a runbook.
    DELETE = DELETE "/runbooks/{runbook_id}" since("1.92");
}

/// A step of a runbook.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RunbookStep {
    /// The interface.
    pub interface: String,
    /// The step's name.
    pub step: String,
    /// Its arguments.
    #[serde(default)]
    pub args: Object,
    /// Its rank in the runbook.
    pub order: u32,
}

/// A runbook.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Runbook {
    /// The UUID.
    pub uuid: String,
    /// The name.
    pub name: String,
    /// The steps (details).
    #[serde(default)]
    pub steps: Option<Vec<RunbookStep>>,
    /// Whether its steps run without the ramdisk (details).
    #[serde(default)]
    pub disable_ramdisk: Option<bool>,
    /// Whether every project may use it (details).
    #[serde(default)]
    pub public: Option<bool>,
    /// The owner project (details).
    #[serde(default)]
    pub owner: Option<String>,
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
    /// The name.
    pub name: String,
    /// The steps.
    pub steps: Vec<RunbookStep>,
    /// Run the steps without the ramdisk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable_ramdisk: Option<bool>,
    /// A UUID of one's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    /// Free-form data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra: Option<Object>,
    /// Whether every project may use it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public: Option<bool>,
    /// The owner project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
}

impl CreateOpts {
    /// A runbook `name` with `steps`.
    pub fn new(name: impl Into<String>, steps: Vec<RunbookStep>) -> Self {
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

super::common::resource_functions!(Runbook, Runbook, "runbook"; list get create update delete find);
