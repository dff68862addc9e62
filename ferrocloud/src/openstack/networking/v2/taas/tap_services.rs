//! Tap services: list, show, create, update (name and description), delete, find.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::taas::tap_services::{self, CreateOpts, UpdateOpts};
//!
//! let ts = tap_services::create(&network, &CreateOpts::new("{port_id}").name("ts1")).await.extract()?;
//! tap_services::update(&network, &ts.id, &UpdateOpts::default().description("monitor")).await.extract()?;
//! tap_services::delete(&network, &ts.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::openstack::networking::v2::common::ListControls;
use crate::request::Validate;
use crate::Result;

crate::operations! {
    service: "network";
    /// List tap services.
    LIST = GET "/taas/tap_services" list("tap_services", TapService);
    /// Show a tap service.
    GET = GET "/taas/tap_services/{tap_service_id}" response("tap_service", TapService);
    /// Create a tap service.
    CREATE = POST "/taas/tap_services" request("tap_service", CreateOpts)
        response("tap_service", TapService);
    /// Update a tap service.
    UPDATE = PUT "/taas/tap_services/{tap_service_id}" request("tap_service", UpdateOpts)
        response("tap_service", TapService);
    /// Delete a tap service.
    DELETE = DELETE "/taas/tap_services/{tap_service_id}";
}

/// A tap service: the port that receives mirrored traffic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TapService {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (empty when the API reference's listing sample leaves it out).
    #[serde(default)]
    pub description: String,
    /// The port that receives the mirrored traffic.
    pub port_id: String,
    /// `ACTIVE`, `DOWN`, `ERROR`, or `PENDING_*` while the agent sets it up.
    pub status: String,
    /// The owning project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl TapService {
    /// The owning project, under either name.
    pub fn project(&self) -> Option<&str> {
        self.project_id.as_deref().or(self.tenant_id.as_deref())
    }
}

/// A new tap service on a port.
///
/// ```
/// use ferrocloud::openstack::networking::v2::taas::tap_services::CreateOpts;
/// use ferrocloud::request::Validate;
/// let opts = CreateOpts::new("a9855775-48ae-4609-8742-aa9d85db2e01").name("ts1");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"name": "ts1",
///     "port_id": "a9855775-48ae-4609-8742-aa9d85db2e01"}));
/// assert!(CreateOpts::new("").validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The port to receive the mirrored traffic.
    pub port_id: String,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

impl CreateOpts {
    /// A tap service on the port `port_id`.
    pub fn new(port_id: impl Into<String>) -> Self {
        CreateOpts {
            port_id: port_id.into(),
            ..Default::default()
        }
    }
    /// Sets the name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("port_id", !self.port_id.is_empty())
    }
}

/// Changes to a tap service: its name and description.
///
/// ```
/// use ferrocloud::openstack::networking::v2::taas::tap_services::UpdateOpts;
/// let opts = UpdateOpts::default().description("test tap service");
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"description": "test tap service"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl UpdateOpts {
    /// Renames it.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}

impl Validate for UpdateOpts {}

/// Filters for listing tap services; sorting, paging and other filters are in
/// `controls`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By name (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port_id: Option<String>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

crate::openstack::networking::v2::common::resource_functions! {
    TapService, "tap service", "tap_services", extract_tap_services;
    list get create update delete find
}

crate::openstack::networking::v2::common::named!(TapService);

impl crate::request::Extensible for CreateOpts {
    type Base = CreateOpts;
}

impl crate::request::Extensible for UpdateOpts {
    type Base = UpdateOpts;
}
