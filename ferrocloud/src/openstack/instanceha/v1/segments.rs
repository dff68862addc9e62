//! Failover segments: groups of compute hosts that stand in for each other, each with its
//! recovery method.
//!
//! ```no_run
//! # async fn demo(masakari: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::instanceha::v1::segments::{self, CreateOpts, RecoveryMethod, UpdateOpts};
//! let s = segments::create(&masakari, &CreateOpts::new("segment1", RecoveryMethod::Auto, "COMPUTE"))
//!     .await.extract()?;
//! let opts = UpdateOpts { description: Some("rack 4".into()), ..Default::default() };
//! segments::update(&masakari, &s.uuid, &opts).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Paging, Record, masakari_functions, need};
use crate::de::text_enum;
use crate::request::Validate;
use crate::{Result, ServiceClient};

crate::operations! {
    service: "instance-ha";
    /// List segments.
    LIST = GET "/segments" list("segments", Segment);
    /// Create a segment.
    CREATE = POST "/segments" request("segment", CreateOpts) response("segment", Segment);
    /// Show a segment.
    GET = GET "/segments/{segment_id}" response("segment", Segment);
    /// Change a segment.
    UPDATE = PUT "/segments/{segment_id}" request("segment", UpdateOpts) response("segment", Segment);
    /// Delete a segment (`204`).
    DELETE = DELETE "/segments/{segment_id}";
}

text_enum! {
    /// How Masakari recovers the instances of a failed host of the segment.
    ///
    /// ```
    /// use ferrocloud::openstack::instanceha::v1::segments::RecoveryMethod;
    /// assert_eq!(serde_json::from_str::<RecoveryMethod>("\"auto\"").unwrap(), RecoveryMethod::Auto);
    /// assert_eq!(RecoveryMethod::ReservedHost.to_string(), "reserved_host");
    /// ```
    RecoveryMethod {
        /// Evacuate to any host, chosen by the scheduler.
        Auto = "auto",
        /// Evacuate to the segment's reserved hosts.
        ReservedHost = "reserved_host",
        /// `auto`, then `reserved_host` when it fails.
        AutoPriority = "auto_priority",
        /// `reserved_host`, then `auto` when it fails.
        RhPriority = "rh_priority",
    }
}

/// A failover segment.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Segment {
    /// The database ID.
    pub id: u64,
    /// The UUID (what the API takes).
    pub uuid: String,
    /// The name.
    pub name: String,
    /// The description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// How its hosts' instances are recovered.
    pub recovery_method: RecoveryMethod,
    /// The service its hosts run (`COMPUTE`).
    pub service_type: String,
    /// Whether Masakari acts on its notifications (1.2).
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Dates and deletion.
    #[serde(flatten)]
    pub record: Record,
}

impl crate::find::Named for Segment {
    fn id(&self) -> &str {
        &self.uuid
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// What [`create`] sends (`enabled` needs microversion 1.2).
///
/// ```
/// use ferrocloud::openstack::instanceha::v1::segments::{CreateOpts, RecoveryMethod};
/// let o = CreateOpts::new("new_segment", RecoveryMethod::Auto, "COMPUTE");
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!(
///     {"name": "new_segment", "recovery_method": "auto", "service_type": "COMPUTE"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    pub name: String,
    /// How its hosts' instances are recovered.
    pub recovery_method: RecoveryMethod,
    /// The service its hosts run (`COMPUTE`).
    pub service_type: String,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether Masakari acts on its notifications (1.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

impl CreateOpts {
    /// A segment.
    ///
    /// ```
    /// use ferrocloud::openstack::instanceha::v1::segments::{CreateOpts, RecoveryMethod};
    /// assert_eq!(CreateOpts::new("s", RecoveryMethod::Auto, "COMPUTE").name, "s");
    /// ```
    pub fn new(
        name: impl Into<String>,
        recovery_method: RecoveryMethod,
        service_type: impl Into<String>,
    ) -> Self {
        CreateOpts {
            name: name.into(),
            recovery_method,
            service_type: service_type.into(),
            description: None,
            enabled: None,
        }
    }

    fn check(&self, client: &ServiceClient) -> Result<()> {
        if self.enabled.is_some() {
            need(client, "a segment's enabled", 2)?;
        }
        Ok(())
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("name", !self.name.trim().is_empty())?;
        crate::request::require("service_type", !self.service_type.trim().is_empty())
    }
}

/// What [`update`] changes (`enabled` needs microversion 1.2).
///
/// ```
/// use ferrocloud::openstack::instanceha::v1::segments::UpdateOpts;
/// let o = UpdateOpts { name: Some("new_segment".into()), enabled: Some(false), ..Default::default() };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"name": "new_segment", "enabled": false}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new recovery method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery_method: Option<RecoveryMethod>,
    /// A new service type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_type: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Enable or disable (1.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

impl UpdateOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        if self.enabled.is_some() {
            need(client, "a segment's enabled", 2)?;
        }
        Ok(())
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::at_least_one_of(&[
            ("name", self.name.is_some()),
            ("recovery_method", self.recovery_method.is_some()),
            ("service_type", self.service_type.is_some()),
            ("description", self.description.is_some()),
            ("enabled", self.enabled.is_some()),
        ])
    }
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::instanceha::v1::segments::{ListOpts, RecoveryMethod};
/// let o = ListOpts { recovery_method: Some(RecoveryMethod::Auto), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "recovery_method=auto");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Segments of this recovery method.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recovery_method: Option<RecoveryMethod>,
    /// Segments of this service type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_type: Option<String>,
    /// Enabled or disabled segments (1.2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub paging: Paging,
}

masakari_functions! {
    Segment, "segment", "id", extract_segments, [];
    list get create update delete find
}
