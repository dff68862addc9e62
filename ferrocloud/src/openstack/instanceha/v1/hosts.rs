//! Hosts of a failover segment: the compute hosts Masakari watches, and the reserved
//! hosts that take their instances.
//!
//! ```no_run
//! # async fn demo(masakari: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::instanceha::v1::hosts::{self, CreateOpts, UpdateOpts};
//! let segment = "9e800031-6946-4b43-bf09-8b3d1cab792b";
//! let h = hosts::create(&masakari, segment, &CreateOpts::new("compute-1", "COMPUTE", "SSH"))
//!     .await.extract()?;
//! let opts = UpdateOpts { on_maintenance: Some(true), ..Default::default() };
//! hosts::update(&masakari, segment, &h.uuid, &opts).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Paging, Record, masakari_functions};
use super::segments::Segment;
use crate::request::Validate;
use crate::{Result, ServiceClient};

crate::operations! {
    service: "instance-ha";
    /// List a segment's hosts.
    LIST = GET "/segments/{segment_id}/hosts" list("hosts", Host);
    /// Add a host to a segment.
    CREATE = POST "/segments/{segment_id}/hosts" request("host", CreateOpts) response("host", Host);
    /// Show a host.
    GET = GET "/segments/{segment_id}/hosts/{host_id}" response("host", Host);
    /// Change a host.
    UPDATE = PUT "/segments/{segment_id}/hosts/{host_id}" request("host", UpdateOpts)
        response("host", Host);
    /// Remove a host (`204`).
    DELETE = DELETE "/segments/{segment_id}/hosts/{host_id}";
}

/// A host of a segment.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Host {
    /// The database ID.
    pub id: u64,
    /// The UUID (what the API takes).
    pub uuid: String,
    /// The name (the compute service's host name).
    pub name: String,
    /// The kind of host (`COMPUTE`, `COMPUTE_HOST`…).
    #[serde(rename = "type")]
    pub host_type: String,
    /// How it is reached for fencing (`SSH`…).
    pub control_attributes: String,
    /// Whether it is a reserved host, kept free for recovery.
    pub reserved: bool,
    /// Whether it is under maintenance (its failures are ignored).
    pub on_maintenance: bool,
    /// Its segment's UUID.
    pub failover_segment_id: String,
    /// Its segment.
    pub failover_segment: Segment,
    /// Dates and deletion.
    #[serde(flatten)]
    pub record: Record,
}

impl crate::find::Named for Host {
    fn id(&self) -> &str {
        &self.uuid
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::instanceha::v1::hosts::CreateOpts;
/// let o = CreateOpts::new("openstack-VirtualBox", "COMPUTE", "SSH");
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!(
///     {"name": "openstack-VirtualBox", "type": "COMPUTE", "control_attributes": "SSH"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (the compute service's host name).
    pub name: String,
    /// The kind of host.
    #[serde(rename = "type")]
    pub host_type: String,
    /// How it is reached for fencing.
    pub control_attributes: String,
    /// A reserved host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reserved: Option<bool>,
    /// Under maintenance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_maintenance: Option<bool>,
}

impl CreateOpts {
    /// A host.
    ///
    /// ```
    /// let o = ferrocloud::openstack::instanceha::v1::hosts::CreateOpts::new("c1", "COMPUTE", "SSH");
    /// assert_eq!(o.host_type, "COMPUTE");
    /// ```
    pub fn new(
        name: impl Into<String>,
        host_type: impl Into<String>,
        control_attributes: impl Into<String>,
    ) -> Self {
        CreateOpts {
            name: name.into(),
            host_type: host_type.into(),
            control_attributes: control_attributes.into(),
            reserved: None,
            on_maintenance: None,
        }
    }

    fn check(&self, _: &ServiceClient) -> Result<()> {
        Ok(())
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("name", !self.name.trim().is_empty())?;
        crate::request::require("type", !self.host_type.trim().is_empty())
    }
}

/// What [`update`] changes.
///
/// ```
/// use ferrocloud::openstack::instanceha::v1::hosts::UpdateOpts;
/// let o = UpdateOpts { reserved: Some(true), ..Default::default() };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"reserved": true}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new kind.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub host_type: Option<String>,
    /// New fencing attributes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control_attributes: Option<String>,
    /// Reserved or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reserved: Option<bool>,
    /// Under maintenance or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_maintenance: Option<bool>,
}

impl UpdateOpts {
    fn check(&self, _: &ServiceClient) -> Result<()> {
        Ok(())
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::at_least_one_of(&[
            ("name", self.name.is_some()),
            ("type", self.host_type.is_some()),
            ("control_attributes", self.control_attributes.is_some()),
            ("reserved", self.reserved.is_some()),
            ("on_maintenance", self.on_maintenance.is_some()),
        ])
    }
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::instanceha::v1::hosts::ListOpts;
/// let o = ListOpts { reserved: Some(true), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "reserved=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Hosts of this kind.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub host_type: Option<String>,
    /// Hosts under maintenance or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_maintenance: Option<bool>,
    /// Reserved hosts or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reserved: Option<bool>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub paging: Paging,
}

masakari_functions! {
    Host, "host", "id", extract_hosts, [segment_id];
    list get create update delete find
}
