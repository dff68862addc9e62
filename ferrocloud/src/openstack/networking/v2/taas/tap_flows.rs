//! Tap flows: list, show, create, update (name and description), delete, find.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::taas::tap_flows::{self, CreateOpts, Direction};
//!
//! let opts = CreateOpts::new("{tap_service_id}", "{source_port_id}", Direction::In).name("tf1");
//! let flow = tap_flows::create(&network, &opts).await.extract()?;
//! tap_flows::delete(&network, &flow.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::openstack::networking::v2::common::ListControls;
use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List tap flows.
    LIST = GET "/taas/tap_flows" list("tap_flows", TapFlow);
    /// Show a tap flow.
    GET = GET "/taas/tap_flows/{tap_flow_id}" response("tap_flow", TapFlow);
    /// Create a tap flow.
    CREATE = POST "/taas/tap_flows" request("tap_flow", CreateOpts) response("tap_flow", TapFlow);
    /// Update a tap flow.
    UPDATE = PUT "/taas/tap_flows/{tap_flow_id}" request("tap_flow", UpdateOpts)
        response("tap_flow", TapFlow);
    /// Delete a tap flow.
    DELETE = DELETE "/taas/tap_flows/{tap_flow_id}";
}

/// Which traffic of the source port is mirrored, seen from the port's instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Direction {
    /// Traffic into the instance.
    In,
    /// Traffic out of the instance.
    Out,
    /// Both.
    Both,
}

/// A tap flow: a source port whose traffic a tap service receives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TapFlow {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// The tap service receiving the traffic.
    pub tap_service_id: String,
    /// The port whose traffic is mirrored.
    pub source_port: String,
    /// Which traffic is mirrored.
    pub direction: Direction,
    /// `ACTIVE`, `DOWN`, `ERROR`, or `PENDING_*` while the agent sets it up.
    pub status: String,
    /// The VLANs mirrored (`1-5,9`; `None`: all), with `taas-vlan-filter`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vlan_filter: Option<String>,
    /// The owning project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl TapFlow {
    /// The owning project, under either name.
    pub fn project(&self) -> Option<&str> {
        self.project_id.as_deref().or(self.tenant_id.as_deref())
    }
}

/// A new tap flow.
///
/// ```
/// use ferrocloud::openstack::networking::v2::taas::tap_flows::{CreateOpts, Direction};
/// use ferrocloud::request::Validate;
/// let opts = CreateOpts::new("ts-1", "port-1", Direction::Both).name("tf1");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"name": "tf1",
///     "tap_service_id": "ts-1", "source_port": "port-1", "direction": "BOTH"}));
/// assert!(opts.clone().vlan_filter("1-5,9").validate().is_ok());
/// assert!(opts.vlan_filter("1-5,").validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The tap service to receive the traffic.
    pub tap_service_id: String,
    /// The port whose traffic is mirrored.
    pub source_port: String,
    /// Which traffic is mirrored.
    pub direction: Direction,
    /// The VLANs to mirror (`1-5,9`; `taas-vlan-filter`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vlan_filter: Option<String>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

impl CreateOpts {
    /// Mirrors `direction` traffic of `source_port` to the tap service `tap_service_id`.
    pub fn new(
        tap_service_id: impl Into<String>,
        source_port: impl Into<String>,
        direction: Direction,
    ) -> Self {
        CreateOpts {
            name: None,
            description: None,
            tap_service_id: tap_service_id.into(),
            source_port: source_port.into(),
            direction,
            vlan_filter: None,
            project_id: None,
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
    /// Mirrors only these VLANs (`1-5,9`).
    pub fn vlan_filter(mut self, vlans: impl Into<String>) -> Self {
        self.vlan_filter = Some(vlans.into());
        self
    }
}

/// True for VLAN ranges like `1-5,9`.
fn is_vlan_ranges(s: &str) -> bool {
    let number = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    s.split(',').all(|part| match part.split_once('-') {
        Some((a, b)) => number(a) && number(b),
        None => number(part),
    })
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("tap_service_id", !self.tap_service_id.is_empty())?;
        crate::request::require("source_port", !self.source_port.is_empty())?;
        if let Some(v) = &self.vlan_filter
            && !is_vlan_ranges(v)
        {
            return Err(Error::invalid_input(format!(
                "vlan_filter {v:?} is not a list of VLAN IDs and ranges (1-5,9)"
            )));
        }
        Ok(())
    }
}

/// Changes to a tap flow: its name and description.
///
/// ```
/// use ferrocloud::openstack::networking::v2::taas::tap_flows::UpdateOpts;
/// let opts = UpdateOpts::default().description("test tap flow");
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"description": "test tap flow"}));
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

/// Filters for listing tap flows; sorting, paging and other filters are in `controls`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By name (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By tap service.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tap_service_id: Option<String>,
    /// By source port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_port: Option<String>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

crate::openstack::networking::v2::common::resource_functions! {
    TapFlow, "tap flow", "tap_flows", extract_tap_flows;
    list get create update delete find
}

crate::openstack::networking::v2::common::named!(TapFlow);

impl crate::request::Extensible for CreateOpts {
    type Base = CreateOpts;
}

impl crate::request::Extensible for UpdateOpts {
    type Base = UpdateOpts;
}
