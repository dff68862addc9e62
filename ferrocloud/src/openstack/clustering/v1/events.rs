//! Events: what happened to clusters and nodes, as Senlin recorded it.
//!
//! ```no_run
//! # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::clustering::v1::events::{self, ListOpts};
//! let opts = ListOpts { cluster_id: Some("web".into()), ..Default::default() };
//! for e in events::list(&senlin, &opts).all().await? {
//!     println!("{} {} {:?}", e.timestamp, e.oname, e.status_reason);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Object, Paging, senlin_functions};
use crate::dates::Timestamp;

crate::operations! {
    service: "clustering";
    /// List events.
    LIST = GET "/events" list("events", Event);
    /// Show an event.
    GET = GET "/events/{event_id}" response("event", Event);
}

/// An event.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// The ID.
    pub id: String,
    /// When it happened.
    #[serde(with = "crate::dates::timestamp")]
    pub timestamp: Timestamp,
    /// Its level, as Senlin writes it (`20`, `INFO`).
    #[serde(deserialize_with = "crate::de::lenient_string")]
    pub level: String,
    /// The action that caused it (`create`, `CLUSTER_SCALE_OUT`).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub action: Option<String>,
    /// The ID of the object it is about.
    pub oid: String,
    /// The object's name.
    pub oname: String,
    /// The object's kind (`CLUSTER`, `NODE`).
    pub otype: String,
    /// The cluster of the object.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub cluster_id: Option<String>,
    /// The cluster's name, where Senlin adds it.
    #[serde(default)]
    pub cluster: Option<String>,
    /// The object's status then.
    pub status: String,
    /// Why.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub status_reason: Option<String>,
    /// What else Senlin recorded.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub meta_data: Object,
    /// The project.
    pub project: String,
    /// The user.
    pub user: String,
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::clustering::v1::events::ListOpts;
/// let o = ListOpts { otype: Some("NODE".into()), level: Some("ERROR".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "otype=NODE&level=ERROR");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Events about this object (ID).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oid: Option<String>,
    /// Events about objects of this kind (`CLUSTER`, `NODE`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub otype: Option<String>,
    /// Events about objects of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oname: Option<String>,
    /// Events of this cluster.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster_id: Option<String>,
    /// Events of this action.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Events of this level (`ERROR`, `INFO`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub paging: Paging,
}

senlin_functions! {
    Event, "event", extract_events;
    list get
}
