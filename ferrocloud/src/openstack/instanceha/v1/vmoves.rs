//! Instance moves (microversion 1.3): each instance a host notification's recovery moved,
//! where from and to, and how it went.
//!
//! ```no_run
//! # async fn demo(masakari: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::instanceha::v1::vmoves;
//! let masakari = masakari.with_microversion("1.3");
//! for m in vmoves::list(&masakari, "a0e70d3a", &Default::default()).all().await? {
//!     println!("{} {} -> {:?}: {}", m.instance_name, m.source_host, m.dest_host, m.status);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Paging, Record, masakari_functions};
use crate::dates::Timestamp;
use crate::de::text_enum;

crate::operations! {
    service: "instance-ha";
    /// List a notification's instance moves (1.3).
    LIST = GET "/notifications/{notification_id}/vmoves" since("1.3") list("vmoves", VMove);
    /// Show an instance move (1.3).
    GET = GET "/notifications/{notification_id}/vmoves/{vmove_id}" since("1.3")
        response("vmove", VMove);
}

text_enum! {
    /// Where an instance move stands.
    ///
    /// ```
    /// use ferrocloud::openstack::instanceha::v1::vmoves::VMoveStatus;
    /// assert_eq!(serde_json::from_str::<VMoveStatus>("\"succeeded\"").unwrap(), VMoveStatus::Succeeded);
    /// ```
    VMoveStatus {
        /// Not started.
        Pending = "pending",
        /// Under way.
        Ongoing = "ongoing",
        /// Done.
        Succeeded = "succeeded",
        /// Failed.
        Failed = "failed",
        /// Not attempted.
        Ignored = "ignored",
    }
}

text_enum! {
    /// How an instance moves.
    ///
    /// ```
    /// use ferrocloud::openstack::instanceha::v1::vmoves::VMoveType;
    /// assert_eq!(VMoveType::Evacuation.to_string(), "evacuation");
    /// ```
    VMoveType {
        /// Rebuilt on another host.
        Evacuation = "evacuation",
        /// Cold migration.
        Migration = "migration",
        /// Live migration.
        LiveMigration = "live_migration",
    }
}

/// An instance move.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct VMove {
    /// The database ID.
    pub id: u64,
    /// The UUID (left out of some answers).
    #[serde(default)]
    pub uuid: Option<String>,
    /// Its notification.
    pub notification_uuid: String,
    /// The instance.
    pub instance_uuid: String,
    /// The instance's name.
    pub instance_name: String,
    /// The host it left.
    pub source_host: String,
    /// The host it went to (unknown until it moved).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub dest_host: Option<String>,
    /// When it started.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub start_time: Option<Timestamp>,
    /// When it ended.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub end_time: Option<Timestamp>,
    /// Where it stands.
    pub status: VMoveStatus,
    /// How it moves.
    #[serde(rename = "type")]
    pub move_type: VMoveType,
    /// Why it failed.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub message: Option<String>,
    /// Dates and deletion.
    #[serde(flatten)]
    pub record: Record,
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::instanceha::v1::vmoves::{ListOpts, VMoveStatus};
/// let o = ListOpts { status: Some(VMoveStatus::Failed), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "status=failed");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Moves of this kind.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub move_type: Option<VMoveType>,
    /// Moves in this state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<VMoveStatus>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub paging: Paging,
}

masakari_functions! {
    VMove, "instance move", "id", extract_vmoves, [notification_id];
    list get
}
