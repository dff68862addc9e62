//! Volumes and snapshots through the compute API (proxy to block storage, until 2.35).
//!
//! Nova forwards these calls (`/os-volumes`, `/os-snapshots`) to the Block Storage service
//! (Cinder). They are deprecated and answer 404 from microversion 2.36: the SDK refuses
//! them before sending when the client's microversion is newer. Use the Block Storage API
//! instead. A compute client without a microversion (the base version, 2.1) may use them.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use std::time::Duration;
//! use ferrocloud::openstack::compute::v2::volumes::{self, CreateOpts};
//! use ferrocloud::wait::WaitOpts;
//! let compute = compute.with_microversion("2.35");
//! let v = volumes::create(&compute, &CreateOpts::new(1).display_name("scratch")).await.extract()?;
//! let v = volumes::wait_for_status(&compute, &v.id, "available", &WaitOpts::new(Duration::from_secs(120))).await?;
//! volumes::delete(&compute, &v.id).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// List volumes, up to 2.35.
    LIST = GET "/os-volumes" until("2.35") list("volumes", Volume);
    /// Create a volume, up to 2.35.
    CREATE = POST "/os-volumes" until("2.35") request("volume", CreateOpts) response("volume", Volume);
    /// List volumes with details, up to 2.35.
    LIST_DETAIL = GET "/os-volumes/detail" until("2.35") list("volumes", Volume);
    /// Show a volume, up to 2.35.
    GET = GET "/os-volumes/{volume_id}" until("2.35") response("volume", Volume);
    /// Delete a volume, up to 2.35.
    DELETE = DELETE "/os-volumes/{volume_id}" until("2.35");
    /// List snapshots, up to 2.35.
    LIST_SNAPSHOTS = GET "/os-snapshots" until("2.35") list("snapshots", Snapshot);
    /// Create a snapshot, up to 2.35.
    CREATE_SNAPSHOT = POST "/os-snapshots" until("2.35")
        request("snapshot", CreateSnapshotOpts) response("snapshot", Snapshot);
    /// List snapshots with details, up to 2.35.
    LIST_SNAPSHOTS_DETAIL = GET "/os-snapshots/detail" until("2.35") list("snapshots", Snapshot);
    /// Show a snapshot, up to 2.35.
    GET_SNAPSHOT = GET "/os-snapshots/{snapshot_id}" until("2.35") response("snapshot", Snapshot);
    /// Delete a snapshot, up to 2.35.
    DELETE_SNAPSHOT = DELETE "/os-snapshots/{snapshot_id}" until("2.35");
}

/// Where a volume is attached.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Attachment {
    /// The attachment's ID (Nova writes the volume's ID here). Nova writes `[{}]` for a
    /// volume attached nowhere; such an empty entry (every ID empty) is left out.
    #[serde(default)]
    pub id: String,
    /// The device name in the server (`/dev/vdb`), when known.
    #[serde(default)]
    pub device: Option<String>,
    /// The server's ID.
    #[serde(default, rename = "serverId")]
    pub server_id: String,
    /// The volume's ID.
    #[serde(default, rename = "volumeId")]
    pub volume_id: String,
}

/// Nova writes `[{}]` for a volume attached nowhere: empty entries are left out.
fn attachments<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Vec<Attachment>, D::Error> {
    let all: Option<Vec<Attachment>> = Option::deserialize(d)?;
    Ok(all
        .unwrap_or_default()
        .into_iter()
        .filter(|a| !(a.id.is_empty() && a.server_id.is_empty() && a.volume_id.is_empty()))
        .collect())
}

/// A volume, as Nova shows it (camel-cased names, unlike the Block Storage API).
///
/// ```
/// let v: ferrocloud::openstack::compute::v2::volumes::Volume = serde_json::from_str(r#"{
///     "id": "5aa119a8", "status": "available", "size": 1, "availabilityZone": "nova",
///     "attachments": [{}], "createdAt": "2026-11-28T14:54:21.000000", "displayName": null,
///     "displayDescription": null, "volumeType": null, "metadata": {}}"#).unwrap();
/// assert!(v.attachments.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Volume {
    /// The volume's ID.
    pub id: String,
    /// Its status (`creating`, `available`, `in-use`, `error`…).
    pub status: String,
    /// Its size in GiB.
    pub size: u64,
    /// Its availability zone.
    #[serde(rename = "availabilityZone", deserialize_with = "crate::de::nullable")]
    pub availability_zone: Option<String>,
    /// When it was created.
    #[serde(rename = "createdAt", with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// Where it is attached (empty when it is not).
    #[serde(deserialize_with = "attachments")]
    pub attachments: Vec<Attachment>,
    /// Its name.
    #[serde(rename = "displayName", deserialize_with = "crate::de::nullable")]
    pub display_name: Option<String>,
    /// Its description.
    #[serde(rename = "displayDescription", deserialize_with = "crate::de::nullable")]
    pub display_description: Option<String>,
    /// The name (or ID) of its volume type.
    #[serde(rename = "volumeType", deserialize_with = "crate::de::nullable")]
    pub volume_type: Option<String>,
    /// The snapshot it was created from.
    #[serde(default, rename = "snapshotId")]
    pub snapshot_id: Option<String>,
    /// Its metadata.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub metadata: BTreeMap<String, String>,
}

impl crate::find::Named for Volume {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        self.display_name.as_deref().unwrap_or_default()
    }
}

/// A volume snapshot, as Nova shows it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Snapshot {
    /// The snapshot's ID.
    pub id: String,
    /// The volume it is a snapshot of.
    #[serde(rename = "volumeId")]
    pub volume_id: String,
    /// Its status (`creating`, `available`, `error`…).
    pub status: String,
    /// The size of the volume, in GiB.
    pub size: u64,
    /// When it was created.
    #[serde(rename = "createdAt", with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// Its name.
    #[serde(rename = "displayName", deserialize_with = "crate::de::nullable")]
    pub display_name: Option<String>,
    /// Its description.
    #[serde(rename = "displayDescription", deserialize_with = "crate::de::nullable")]
    pub display_description: Option<String>,
}

impl crate::find::Named for Snapshot {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        self.display_name.as_deref().unwrap_or_default()
    }
}

/// Paging for listing volumes or snapshots: Nova cuts the whole listing with `offset`
/// and `limit` (no links to a next page).
///
/// ```
/// use ferrocloud::openstack::compute::v2::volumes::ListOpts;
/// let o = ListOpts { limit: Some(10), offset: Some(20) };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "limit=10&offset=20");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// At most this many items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Skip this many items first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
}

/// A new volume.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The size in GiB (at least 1).
    pub size: u64,
    /// The availability zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
    /// A name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_description: Option<String>,
    /// Metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
    /// The volume type (name or ID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_type: Option<String>,
    /// A snapshot to create it from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot_id: Option<String>,
}

impl CreateOpts {
    /// A volume of `size` GiB.
    pub fn new(size: u64) -> Self {
        CreateOpts {
            size,
            ..Default::default()
        }
    }

    /// Sets the name.
    pub fn display_name(mut self, name: impl Into<String>) -> Self {
        self.display_name = Some(name.into());
        self
    }

    /// Sets the description.
    pub fn display_description(mut self, d: impl Into<String>) -> Self {
        self.display_description = Some(d.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("size (at least 1 GiB)", self.size >= 1)?;
        if self.snapshot_id.as_deref() == Some("") {
            return Err(crate::Error::invalid_input("snapshot_id must not be empty"));
        }
        Ok(())
    }
}

/// A new snapshot of a volume.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateSnapshotOpts {
    /// The volume to snapshot (required).
    pub volume_id: String,
    /// A name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_description: Option<String>,
    /// Snapshot even if the volume is attached (in use).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
}

impl CreateSnapshotOpts {
    /// A snapshot of `volume_id`.
    pub fn new(volume_id: impl Into<String>) -> Self {
        CreateSnapshotOpts {
            volume_id: volume_id.into(),
            ..Default::default()
        }
    }

    /// Sets the name.
    pub fn display_name(mut self, name: impl Into<String>) -> Self {
        self.display_name = Some(name.into());
        self
    }
}

impl Validate for CreateSnapshotOpts {
    fn validate(&self) -> Result<()> {
        require("volume_id", !self.volume_id.is_empty())
    }
}

/// Lists volumes (`GET /os-volumes`). Nova shows the same fields as the detailed
/// listing.
///
/// Served up to microversion 2.35; use the Block Storage service (Cinder) instead.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Volume> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Single)
}

/// Lists volumes with details (`GET /os-volumes/detail`).
///
/// Served up to microversion 2.35; use the Block Storage service (Cinder) instead.
pub fn list_detail(client: &ServiceClient, opts: &ListOpts) -> Pager<Volume> {
    client
        .request(&LIST_DETAIL, &[])
        .query(opts)
        .paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The volumes of a page.
    extract_volumes, Volume
}

/// Creates a volume. It starts `creating`: see [`wait_for_status`].
///
/// Served up to microversion 2.35; use the Block Storage service (Cinder) instead.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Volume> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Shows a volume.
///
/// Served up to microversion 2.35; use the Block Storage service (Cinder) instead.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Volume> {
    client.request(&GET, &[id]).send().await
}

/// Deletes a volume (Nova answers 202; the volume goes away after a while: see
/// [`wait_for_delete`]).
///
/// Served up to microversion 2.35; use the Block Storage service (Cinder) instead.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

/// Finds a volume by ID or by exact display name.
///
/// Served up to microversion 2.35; use the Block Storage service (Cinder) instead.
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<Volume> {
    crate::find::find(
        "volume",
        name_or_id,
        get(client, name_or_id),
        list(client, &ListOpts::default()),
    )
    .await
}

/// Waits until the volume has `status` (e.g. `available`). A volume in an error state
/// (`error`, `error_deleting`…) ends the wait, unless that is what was asked for.
///
/// Served up to microversion 2.35; use the Block Storage service (Cinder) instead.
pub async fn wait_for_status(
    client: &ServiceClient,
    id: &str,
    status: &str,
    opts: &crate::wait::WaitOpts,
) -> Result<Volume> {
    crate::wait::wait_for(
        &format!("volume {id} to be {status}"),
        opts,
        || async { get(client, id).await.extract() },
        |v: &Volume| classify(&v.status, status, "volume", &v.id),
        |_| {},
    )
    .await
}

fn classify(have: &str, want: &str, what: &str, id: &str) -> crate::wait::State {
    use crate::wait::State;
    if have.eq_ignore_ascii_case(want) {
        State::Ready
    } else if have.to_ascii_lowercase().starts_with("error") {
        State::Failed(format!("{what} {id} is in {have}"))
    } else {
        State::Pending
    }
}

/// Waits until the volume is gone (404).
///
/// Served up to microversion 2.35; use the Block Storage service (Cinder) instead.
pub async fn wait_for_delete(
    client: &ServiceClient,
    id: &str,
    opts: &crate::wait::WaitOpts,
) -> Result<()> {
    crate::wait::wait_for_deletion(&format!("volume {id}"), opts, || async {
        get(client, id).await.extract()
    })
    .await
}

/// Lists snapshots (`GET /os-snapshots`).
///
/// Served up to microversion 2.35; use the Block Storage service (Cinder) instead.
pub fn list_snapshots(client: &ServiceClient, opts: &ListOpts) -> Pager<Snapshot> {
    client
        .request(&LIST_SNAPSHOTS, &[])
        .query(opts)
        .paged(PageStyle::Single)
}

/// Lists snapshots with details (`GET /os-snapshots/detail`).
///
/// Served up to microversion 2.35; use the Block Storage service (Cinder) instead.
pub fn list_snapshots_detail(client: &ServiceClient, opts: &ListOpts) -> Pager<Snapshot> {
    client
        .request(&LIST_SNAPSHOTS_DETAIL, &[])
        .query(opts)
        .paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The snapshots of a page.
    extract_snapshots, Snapshot
}

/// Creates a snapshot of a volume. It starts `creating`: see
/// [`wait_for_snapshot_status`].
///
/// Served up to microversion 2.35; use the Block Storage service (Cinder) instead.
pub async fn create_snapshot(
    client: &ServiceClient,
    opts: &CreateSnapshotOpts,
) -> ApiResult<Snapshot> {
    client
        .request(&CREATE_SNAPSHOT, &[])
        .body(opts)
        .send()
        .await
}

/// Shows a snapshot.
///
/// Served up to microversion 2.35; use the Block Storage service (Cinder) instead.
pub async fn get_snapshot(client: &ServiceClient, id: &str) -> ApiResult<Snapshot> {
    client.request(&GET_SNAPSHOT, &[id]).send().await
}

/// Deletes a snapshot (Nova answers 202).
///
/// Served up to microversion 2.35; use the Block Storage service (Cinder) instead.
pub async fn delete_snapshot(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE_SNAPSHOT, &[id]).send().await
}

/// Waits until the snapshot has `status` (e.g. `available`). A snapshot in an error
/// state (`error`, `error_deleting`) ends the wait, unless that is what was asked for.
///
/// Served up to microversion 2.35; use the Block Storage service (Cinder) instead.
pub async fn wait_for_snapshot_status(
    client: &ServiceClient,
    id: &str,
    status: &str,
    opts: &crate::wait::WaitOpts,
) -> Result<Snapshot> {
    crate::wait::wait_for(
        &format!("snapshot {id} to be {status}"),
        opts,
        || async { get_snapshot(client, id).await.extract() },
        |s: &Snapshot| classify(&s.status, status, "snapshot", &s.id),
        |_| {},
    )
    .await
}

/// Waits until the snapshot is gone (404).
///
/// Served up to microversion 2.35; use the Block Storage service (Cinder) instead.
pub async fn wait_for_snapshot_delete(
    client: &ServiceClient,
    id: &str,
    opts: &crate::wait::WaitOpts,
) -> Result<()> {
    crate::wait::wait_for_deletion(&format!("snapshot {id}"), opts, || async {
        get_snapshot(client, id).await.extract()
    })
    .await
}
