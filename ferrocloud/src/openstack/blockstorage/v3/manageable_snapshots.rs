//! Manageable snapshots (3.8, admin): snapshots on a backend that Cinder does not manage
//! yet, listed per host or cluster, and brought under Cinder's management as snapshots
//! of a volume it manages. The listing options are those of
//! [`crate::openstack::blockstorage::v3::manageable_volumes`].
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::manageable_snapshots::{self, ListOpts, ManageOpts};
//! let volumes = volumes.with_microversion("3.8");
//! let opts = ListOpts { host: Some("cinder@lvm".into()), ..Default::default() };
//! for s in manageable_snapshots::list_detail(&volumes, &opts).all().await? {
//!     if s.safe_to_manage {
//!         let m = ManageOpts::new("1df34919-aba7-4a1b-a614-3b409d71ac03", s.reference.clone());
//!         manageable_snapshots::manage(&volumes, &m).await.extract()?;
//!     }
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::manageable_volumes::listing;
pub use super::manageable_volumes::ListOpts;
use super::snapshots::Snapshot;
use crate::pagination::Pager;
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "block-storage";
    /// List the snapshots a backend could hand over (3.8; admin).
    LIST = GET "/manageable_snapshots" since("3.8") list("manageable-snapshots", ManageableSnapshotSummary);
    /// List them with details (3.8; admin).
    LIST_DETAIL = GET "/manageable_snapshots/detail" since("3.8") list("manageable-snapshots", ManageableSnapshot);
    /// Manage an existing snapshot (3.8; admin).
    MANAGE = POST "/manageable_snapshots" since("3.8") request("snapshot", ManageOpts) response("snapshot", Snapshot);
}

/// The operations the v2 API documents: none.
pub static V2_OPERATIONS: &[&crate::Operation] = &[];

/// A snapshot a backend could hand over, as the short listing shows it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ManageableSnapshotSummary {
    /// How the backend names it: give it to [`ManageOpts::new`].
    pub reference: BTreeMap<String, Value>,
    /// How the backend names its volume.
    pub source_reference: BTreeMap<String, Value>,
    /// Its size in GiB.
    pub size: u64,
    /// Whether Cinder may manage it.
    pub safe_to_manage: bool,
}

/// A snapshot a backend could hand over, with details.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ManageableSnapshot {
    /// How the backend names it: give it to [`ManageOpts::new`].
    pub reference: BTreeMap<String, Value>,
    /// How the backend names its volume.
    pub source_reference: BTreeMap<String, Value>,
    /// Its size in GiB.
    pub size: u64,
    /// Whether Cinder may manage it.
    pub safe_to_manage: bool,
    /// Why not (`already managed`…).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub reason_not_safe: Option<String>,
    /// The snapshot it already is, when Cinder manages it.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub cinder_id: Option<String>,
    /// What else the backend says about it.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub extra_info: Option<Value>,
}

/// What [`manage`] sends.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::manageable_snapshots::ManageOpts;
/// let reference = [("source-name".to_string(), serde_json::json!("lvol0"))].into();
/// let opts = ManageOpts::new("1df34919", reference);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "volume_id": "1df34919", "ref": {"source-name": "lvol0"},
///     "name": null, "description": null, "metadata": null}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManageOpts {
    /// The managed volume the snapshot belongs to.
    pub volume_id: String,
    /// How the backend names the snapshot.
    #[serde(rename = "ref")]
    pub reference: BTreeMap<String, Value>,
    /// A name.
    pub name: Option<String>,
    /// A description.
    pub description: Option<String>,
    /// Metadata.
    pub metadata: Option<BTreeMap<String, String>>,
}

impl ManageOpts {
    /// The snapshot `reference` of the volume `volume_id`.
    pub fn new(volume_id: impl Into<String>, reference: BTreeMap<String, Value>) -> Self {
        ManageOpts {
            volume_id: volume_id.into(),
            reference,
            ..ManageOpts::default()
        }
    }
}

impl Validate for ManageOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("volume_id", !self.volume_id.is_empty())?;
        crate::request::require("ref", !self.reference.is_empty())
    }
}

/// Lists the snapshots a backend could hand over (the short form).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<ManageableSnapshotSummary> {
    listing(client, &LIST, opts, "manageable-snapshots_links")
}

/// Lists them with details.
pub fn list_detail(client: &ServiceClient, opts: &ListOpts) -> Pager<ManageableSnapshot> {
    listing(client, &LIST_DETAIL, opts, "manageable-snapshots_links")
}

/// Brings a backend snapshot under Cinder's management (`202`; `creating`, then
/// `available`).
pub async fn manage(client: &ServiceClient, opts: &ManageOpts) -> ApiResult<Snapshot> {
    client.request(&MANAGE, &[]).body(opts).send().await
}
