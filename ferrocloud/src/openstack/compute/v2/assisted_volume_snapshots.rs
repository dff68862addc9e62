//! Assisted volume snapshots: snapshots of volumes on file-based storage (NFS…) taken
//! through the hypervisor (qcow2 files, libvirt only). The block storage service calls
//! these; other callers rarely need them (admin by default).
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::assisted_volume_snapshots::{self, CreateInfo, CreateOpts, DeleteInfo};
//! let opts = CreateOpts {
//!     volume_id: "521752a6-acf6-4b2d-bc7a-119f9148cd8c".into(),
//!     create_info: CreateInfo {
//!         snapshot_id: "421752a6-acf6-4b2d-bc7a-119f9148cd8c".into(),
//!         snapshot_type: "qcow2".into(),
//!         new_file: "volume-snap.qcow2".into(),
//!         id: None,
//!     },
//! };
//! let snap = assisted_volume_snapshots::create(&compute, &opts).await.extract()?;
//! assisted_volume_snapshots::delete(&compute, &snap.id, &DeleteInfo::new(&snap.volume_id)).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::request::{require, ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// Create an assisted volume snapshot.
    CREATE = POST "/os-assisted-volume-snapshots" request("snapshot", CreateOpts) response("snapshot", Snapshot);
    /// Delete an assisted volume snapshot.
    DELETE = DELETE "/os-assisted-volume-snapshots/{snapshot_id}";
}

/// A snapshot to create.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The volume's ID.
    pub volume_id: String,
    /// What to create.
    pub create_info: CreateInfo,
}

/// How the snapshot is made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateInfo {
    /// The block storage snapshot's ID.
    pub snapshot_id: String,
    /// The file format (`qcow2`).
    #[serde(rename = "type")]
    pub snapshot_type: String,
    /// The name of the new file the volume continues in.
    pub new_file: String,
    /// An ID for the snapshot (defaults to `snapshot_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("volume_id", !self.volume_id.is_empty())?;
        require(
            "create_info.snapshot_id",
            !self.create_info.snapshot_id.is_empty(),
        )?;
        require(
            "create_info.type",
            !self.create_info.snapshot_type.is_empty(),
        )?;
        require(
            "create_info.new_file",
            !self.create_info.new_file.is_empty(),
        )
    }
}

/// A created snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Snapshot {
    /// The snapshot's ID.
    pub id: String,
    /// The volume's ID.
    #[serde(rename = "volumeId")]
    pub volume_id: String,
}

/// What to delete, sent as JSON in the `delete_info` query parameter: the volume, and
/// the driver's details (`type`, `file_to_merge`, `merge_target_file`).
///
/// ```
/// use ferrocloud::openstack::compute::v2::assisted_volume_snapshots::DeleteInfo;
/// let info = DeleteInfo::new("v1").with("type", "qcow2");
/// assert_eq!(serde_json::to_string(&info).unwrap(), r#"{"volume_id":"v1","type":"qcow2"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteInfo {
    /// The volume's ID (required).
    pub volume_id: String,
    /// The other details.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl DeleteInfo {
    /// Delete information for a snapshot of `volume_id`.
    pub fn new(volume_id: impl Into<String>) -> Self {
        DeleteInfo {
            volume_id: volume_id.into(),
            extra: BTreeMap::new(),
        }
    }

    /// Adds a detail.
    pub fn with(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.extra.insert(key.into(), value.into());
        self
    }
}

/// Creates an assisted volume snapshot.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Snapshot> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Deletes an assisted volume snapshot.
pub async fn delete(client: &ServiceClient, snapshot_id: &str, info: &DeleteInfo) -> ApiResult<()> {
    if info.volume_id.is_empty() {
        return ApiResult::from_error(Error::invalid_input("delete_info.volume_id is required"));
    }
    let json = match serde_json::to_string(info) {
        Ok(j) => j,
        Err(e) => return ApiResult::from_error(Error::invalid_input(format!("delete_info: {e}"))),
    };
    client
        .request(&DELETE, &[snapshot_id])
        .query_pair("delete_info", json)
        .send()
        .await
}
