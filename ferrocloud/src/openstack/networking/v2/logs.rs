//! Logs of network events (`logging`): which packets of a firewall group's or security
//! group's traffic are logged (accepted, dropped, all), for one resource, one port, or
//! every resource of the type in the project; and the resource types this Neutron can
//! log. List, show, create, update (name, description, enabled), delete, find.
//!
//! Which resource types can be logged depends on the logging drivers loaded
//! ([`list_loggable_resources`](crate::openstack::networking::v2::logs::list_loggable_resources)); Neutron refuses a log of any other type.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::logs::{self, CreateOpts, Event, UpdateOpts};
//! let types = logs::list_loggable_resources(&network).all().await?;
//! if types.iter().any(|t| t.resource_type == "security_group") {
//!     let opts = CreateOpts::new("security_group").name("drops").event(Event::Drop);
//!     let log = logs::create(&network, &opts).await.extract()?;
//!     logs::update(&network, &log.id, &UpdateOpts::default().enabled(false)).await.extract()?;
//!     logs::delete(&network, &log.id).await.ok()?;
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::Validate;
use crate::{Result, ServiceClient};

crate::operations! {
    service: "network";
    /// List logs.
    LIST = GET "/log/logs" list("logs", Log);
    /// Show a log.
    GET = GET "/log/logs/{log_id}" response("log", Log);
    /// Create a log.
    CREATE = POST "/log/logs" request("log", CreateOpts) response("log", Log);
    /// Update a log.
    UPDATE = PUT "/log/logs/{log_id}" request("log", UpdateOpts) response("log", Log);
    /// Delete a log.
    DELETE = DELETE "/log/logs/{log_id}";
    /// List the resource types that can be logged.
    LIST_LOGGABLE_RESOURCES = GET "/log/loggable-resources"
        list("loggable_resources", LoggableResource);
}

/// Which packets a log records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Event {
    /// Accepted and dropped packets.
    All,
    /// Accepted packets.
    Accept,
    /// Dropped packets.
    Drop,
}

/// A log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Log {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// The type of resource logged (`security_group`, `firewall_group`).
    pub resource_type: String,
    /// The one resource logged (`null`: every resource of the type in the project).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub resource_id: Option<String>,
    /// The one port (or resource) whose traffic is logged (`null`: all of them).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub target_id: Option<String>,
    /// Which packets are recorded.
    pub event: Event,
    /// Whether it records.
    pub enabled: bool,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// Incremented on every change (0 when created).
    pub revision_number: u64,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated_at: Timestamp,
}

impl crate::find::Named for Log {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// A resource type that can be logged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LoggableResource {
    /// The type (`security_group`, `firewall_group`).
    #[serde(rename = "type")]
    pub resource_type: String,
}

/// Options for creating a log: the resource type, and optionally what to narrow it to.
///
/// ```
/// use ferrocloud::openstack::networking::v2::logs::CreateOpts;
/// let opts = CreateOpts::new("security_group").name("security group log")
///     .description("Log for project demo.");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "resource_type": "security_group", "name": "security group log",
///     "description": "Log for project demo."}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The type of resource to log (`security_group`, `firewall_group`).
    pub resource_type: String,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Log this resource only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<String>,
    /// Log this port's (or resource's) traffic only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_id: Option<String>,
    /// Which packets to record (`ALL` by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<Event>,
    /// Record from the start (true by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Create it for another project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The same, under the older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl CreateOpts {
    /// A log of resources of `resource_type`.
    pub fn new(resource_type: impl Into<String>) -> Self {
        CreateOpts {
            resource_type: resource_type.into(),
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
    /// Logs this resource only.
    pub fn resource_id(mut self, id: impl Into<String>) -> Self {
        self.resource_id = Some(id.into());
        self
    }
    /// Logs this port's (or resource's) traffic only.
    pub fn target_id(mut self, id: impl Into<String>) -> Self {
        self.target_id = Some(id.into());
        self
    }
    /// Records these packets.
    pub fn event(mut self, event: Event) -> Self {
        self.event = Some(event);
        self
    }
    /// Records from the start, or not.
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }
    /// Creates it for another project.
    pub fn project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("resource_type", !self.resource_type.is_empty())?;
        if self.project_id.is_some() && self.tenant_id.is_some() {
            return Err(crate::Error::invalid_input(
                "set project_id or tenant_id, not both",
            ));
        }
        Ok(())
    }
}

/// Changes to a log; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::logs::UpdateOpts;
/// let opts = UpdateOpts::default().enabled(false);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"enabled": false}));
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
    /// Start or stop recording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
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
    /// Starts or stops recording.
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }
}

impl Validate for UpdateOpts {}

/// Filters for listing logs; sorting, paging and other filters are in `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::logs::{Event, ListOpts};
/// let opts = ListOpts { event: Some(Event::Drop), enabled: Some(true), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "event=DROP&enabled=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// By resource type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    /// By resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<String>,
    /// By target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_id: Option<String>,
    /// By recorded packets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<Event>,
    /// Recording logs only, or stopped ones only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// By revision number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_number: Option<u64>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::crud::crud! {
    Log, "log", "logs", "logs_links", extract_logs;
    list, get, create, update, delete, find
}

/// Lists the resource types this Neutron can log (one page).
pub fn list_loggable_resources(client: &ServiceClient) -> Pager<LoggableResource> {
    client
        .request(&LIST_LOGGABLE_RESOURCES, &[])
        .paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The loggable resource types of a page of [`list_loggable_resources`].
    extract_loggable_resources, LoggableResource
}
