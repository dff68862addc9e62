//! Volume actions (`POST /volumes/{volume_id}/action`): extend, revert to a snapshot
//! (3.40), re-image (3.68), bootable and read-only flags, image metadata, the attach
//! and detach steps of the old attachment flow (reserve, initialize and terminate
//! connections, attach, begin/roll back detaching, detach), upload to an image, retype,
//! and the admin actions (reset status, force delete, force detach, migrate, unmanage,
//! complete a migration or an extension).
//!
//! Every action is one operation, told apart by the key of its body
//! (`{"os-extend": {…}}`). Most answer 202 and nothing: wait for the volume's new status
//! with [`wait_for_status`](crate::openstack::blockstorage::v3::volumes::wait_for_status).
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::volume_actions::{self, UploadImageOpts};
//! use ferrocloud::openstack::blockstorage::v3::volumes::{self, VolumeStatus};
//! use ferrocloud::wait::WaitOpts;
//! let id = "6edbc2f4-1507-44f8-ac0d-eed1d2608d38";
//! volume_actions::extend(&volumes, id, 20).await.ok()?;
//! volumes::wait_for_status(&volumes, id, VolumeStatus::Available, &WaitOpts::default()).await?;
//! volume_actions::set_bootable(&volumes, id, true).await.ok()?;
//! let image = volume_actions::upload_to_image(&volumes, id, &UploadImageOpts::new("db-image")).await.extract()?;
//! println!("image {} is being uploaded", image.image_id);
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::microversion::check_field;
use crate::de::bool_or_text;
use crate::openstack::blockstorage::v3::volumes::VolumeStatus;
use crate::openstack::blockstorage::v3::common::Empty;
use crate::request::{require, ApiResult, Validate};
use crate::{Error, Operation, Result, ServiceClient};

crate::operations! {
    service: "block-storage";
    /// Extend a volume (an attached one from 3.42).
    EXTEND = POST "/volumes/{volume_id}/action" request("os-extend", ExtendOpts);
    /// Tell Cinder that the extension of an attached volume finished (Nova does).
    EXTEND_VOLUME_COMPLETION = POST "/volumes/{volume_id}/action" request("os-extend_volume_completion", CompletionOpts);
    /// Reset a volume's statuses (admin).
    RESET_STATUS = POST "/volumes/{volume_id}/action" request("os-reset_status", ResetStatusOpts);
    /// Revert a volume to its latest snapshot (3.40).
    REVERT = POST "/volumes/{volume_id}/action" since("3.40") request("revert", RevertOpts);
    /// Set image metadata items.
    SET_IMAGE_METADATA = POST "/volumes/{volume_id}/action" request("os-set_image_metadata", ImageMetadataOpts) response("metadata", ImageMetadata);
    /// Remove one image metadata item.
    UNSET_IMAGE_METADATA = POST "/volumes/{volume_id}/action" request("os-unset_image_metadata", UnsetImageMetadataOpts);
    /// Show the image metadata.
    SHOW_IMAGE_METADATA = POST "/volumes/{volume_id}/action" request("os-show_image_metadata", Empty) response("metadata", ImageMetadata);
    /// Record an attachment to a server or host.
    ATTACH = POST "/volumes/{volume_id}/action" request("os-attach", AttachOpts);
    /// Record a detachment.
    DETACH = POST "/volumes/{volume_id}/action" request("os-detach", DetachOpts);
    /// Stop managing a volume, leaving it on the backend (admin).
    UNMANAGE = POST "/volumes/{volume_id}/action" request("os-unmanage", Empty);
    /// Detach a volume whatever its state (admin).
    FORCE_DETACH = POST "/volumes/{volume_id}/action" request("os-force_detach", ForceDetachOpts);
    /// Change a volume's type.
    RETYPE = POST "/volumes/{volume_id}/action" request("os-retype", RetypeOpts);
    /// Move a volume to another backend (admin).
    MIGRATE = POST "/volumes/{volume_id}/action" request("os-migrate_volume", MigrateOpts);
    /// Finish a migration (Cinder's own call, admin).
    MIGRATE_COMPLETION = POST "/volumes/{volume_id}/action" request("os-migrate_volume_completion", MigrateCompletionOpts) response(MigrationCompletion);
    /// Delete a volume whatever its status (admin).
    FORCE_DELETE = POST "/volumes/{volume_id}/action" request("os-force_delete", Empty);
    /// Mark a volume bootable or not.
    SET_BOOTABLE = POST "/volumes/{volume_id}/action" request("os-set_bootable", BootableOpts);
    /// Upload a volume to a new image.
    UPLOAD_IMAGE = POST "/volumes/{volume_id}/action" request("os-volume_upload_image", UploadImageOpts) response("os-volume_upload_image", UploadedImage);
    /// Reserve a volume for an attachment.
    RESERVE = POST "/volumes/{volume_id}/action" request("os-reserve", Empty);
    /// Release a reservation.
    UNRESERVE = POST "/volumes/{volume_id}/action" request("os-unreserve", Empty);
    /// Mark an attached volume `detaching`.
    BEGIN_DETACHING = POST "/volumes/{volume_id}/action" request("os-begin_detaching", Empty);
    /// Put a `detaching` volume back `in-use`.
    ROLL_DETACHING = POST "/volumes/{volume_id}/action" request("os-roll_detaching", Empty);
    /// Remove a host's connection to a volume.
    TERMINATE_CONNECTION = POST "/volumes/{volume_id}/action" request("os-terminate_connection", ConnectorOpts);
    /// Open a host's connection to a volume and get what the host needs to use it.
    INITIALIZE_CONNECTION = POST "/volumes/{volume_id}/action" request("os-initialize_connection", ConnectorOpts) response("connection_info", ConnectionInfo);
    /// Make a volume read-only or read-write for its attachments.
    UPDATE_READONLY_FLAG = POST "/volumes/{volume_id}/action" request("os-update_readonly_flag", ReadonlyOpts);
    /// Write an image over a volume (3.68).
    REIMAGE = POST "/volumes/{volume_id}/action" since("3.68") request("os-reimage", ReimageOpts);
}

/// The actions the v2 API documents.
pub static V2_OPERATIONS: &[&crate::Operation] = &[
    EXTEND.operation(),
    RESET_STATUS.operation(),
    SET_IMAGE_METADATA.operation(),
    UNSET_IMAGE_METADATA.operation(),
    SHOW_IMAGE_METADATA.operation(),
    ATTACH.operation(),
    DETACH.operation(),
    UNMANAGE.operation(),
    FORCE_DETACH.operation(),
    RETYPE.operation(),
    MIGRATE.operation(),
    MIGRATE_COMPLETION.operation(),
    FORCE_DELETE.operation(),
    SET_BOOTABLE.operation(),
];

// ------------------------------------------------------------------ bodies

/// The new size of [`extend`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtendOpts {
    /// The new size in GiB (more than the current one).
    pub new_size: u64,
}

impl Validate for ExtendOpts {
    fn validate(&self) -> Result<()> {
        require("new_size", self.new_size > 0)
    }
}

/// Whether the operation being completed failed ([`extend_volume_completion`],
/// [`migrate_volume_completion`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompletionOpts {
    /// True when it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<bool>,
}

impl Validate for CompletionOpts {}

/// A volume's attach status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttachStatus {
    /// Attached.
    Attached,
    /// Detached.
    Detached,
    /// Another status (Cinder's reset takes only the two above).
    #[serde(untagged)]
    Other(String),
}

/// A volume's migration status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MigrationStatus {
    /// Starting.
    Starting,
    /// Moving data.
    Migrating,
    /// Finishing.
    Completing,
    /// Done.
    Success,
    /// Failed.
    Error,
    /// No migration (a reset to `none` clears the status).
    None,
    /// A status this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// The statuses [`reset_status`] sets (at least one).
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::volume_actions::{AttachStatus, ResetStatusOpts};
/// use ferrocloud::openstack::blockstorage::v3::volumes::VolumeStatus;
/// let o = ResetStatusOpts { status: Some(VolumeStatus::Available), attach_status: Some(AttachStatus::Detached), ..Default::default() };
/// assert_eq!(serde_json::to_string(&o).unwrap(), r#"{"status":"available","attach_status":"detached"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResetStatusOpts {
    /// The status (Cinder refuses `deleting`, `error_deleting`, and `in-use` for a volume
    /// without attachments).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<VolumeStatus>,
    /// The attach status (`attached` or `detached`; `detached` also removes the
    /// attachments).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attach_status: Option<AttachStatus>,
    /// The migration status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub migration_status: Option<MigrationStatus>,
}

impl Validate for ResetStatusOpts {
    fn validate(&self) -> Result<()> {
        if self.status.is_none() && self.attach_status.is_none() && self.migration_status.is_none()
        {
            return Err(Error::invalid_input(
                "a status reset needs status, attach_status or migration_status",
            ));
        }
        Ok(())
    }
}

/// The snapshot of [`revert`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevertOpts {
    /// The volume's latest snapshot (Cinder takes no other).
    pub snapshot_id: String,
}

impl Validate for RevertOpts {
    fn validate(&self) -> Result<()> {
        require("snapshot_id", !self.snapshot_id.is_empty())
    }
}

/// A volume's image metadata: the properties of the image it came from (`image_id`,
/// `image_name`, `disk_format`, `min_ram`…, all as text).
pub type ImageMetadata = BTreeMap<String, String>;

/// The items of [`set_image_metadata`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageMetadataOpts {
    /// The items to add or change.
    pub metadata: ImageMetadata,
}

impl Validate for ImageMetadataOpts {
    fn validate(&self) -> Result<()> {
        for (k, v) in &self.metadata {
            if k.is_empty() || k.chars().count() > 255 {
                return Err(Error::invalid_input(format!(
                    "image metadata key {k:?} must be 1 to 255 characters"
                )));
            }
            if v.chars().count() > 255 {
                return Err(Error::invalid_input(format!(
                    "image metadata value of {k:?} is longer than 255 characters"
                )));
            }
        }
        Ok(())
    }
}

/// The key of [`unset_image_metadata`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnsetImageMetadataOpts {
    /// The key.
    pub key: String,
}

impl Validate for UnsetImageMetadataOpts {
    fn validate(&self) -> Result<()> {
        if self.key.is_empty() || self.key.chars().count() > 255 {
            return Err(Error::invalid_input("key must be 1 to 255 characters"));
        }
        Ok(())
    }
}

/// The access mode of an attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttachMode {
    /// Read-write.
    Rw,
    /// Read-only.
    Ro,
}

/// An attachment to record with [`attach`]: to a server (`instance_uuid`) or a host
/// (`host_name`), at a mount point.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::volume_actions::AttachOpts;
/// let o = AttachOpts::server("95d9ef50-507d-11e5-b970-0800200c9a66", "/dev/vdc");
/// assert_eq!(serde_json::to_string(&o).unwrap(),
///     r#"{"instance_uuid":"95d9ef50-507d-11e5-b970-0800200c9a66","mountpoint":"/dev/vdc"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachOpts {
    /// The server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_uuid: Option<String>,
    /// The host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_name: Option<String>,
    /// The device (`/dev/vdc`).
    pub mountpoint: String,
    /// The access mode (default: read-write).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<AttachMode>,
}

impl AttachOpts {
    /// An attachment to a server.
    pub fn server(instance_uuid: impl Into<String>, mountpoint: impl Into<String>) -> Self {
        AttachOpts {
            instance_uuid: Some(instance_uuid.into()),
            mountpoint: mountpoint.into(),
            ..Default::default()
        }
    }

    /// An attachment to a host.
    pub fn host(host_name: impl Into<String>, mountpoint: impl Into<String>) -> Self {
        AttachOpts {
            host_name: Some(host_name.into()),
            mountpoint: mountpoint.into(),
            ..Default::default()
        }
    }
}

impl Validate for AttachOpts {
    fn validate(&self) -> Result<()> {
        require("mountpoint", !self.mountpoint.is_empty())?;
        if self.instance_uuid.is_none() && self.host_name.is_none() {
            return Err(Error::invalid_input(
                "an attachment needs instance_uuid or host_name",
            ));
        }
        Ok(())
    }
}

/// The attachment [`detach`] ends (optional when the volume has one).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetachOpts {
    /// The attachment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_id: Option<String>,
}

impl Validate for DetachOpts {}

/// A host's description of itself for a connection (what os-brick reports): its
/// initiators and addresses. Keys this struct does not name go in `other`.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::volume_actions::Connector;
/// let c = Connector { host: Some("node2".into()), initiator: Some("iqn.1994-05.com.redhat:d16cbb5d31e5".into()), ..Default::default() };
/// assert_eq!(serde_json::to_string(&c).unwrap(),
///     r#"{"host":"node2","initiator":"iqn.1994-05.com.redhat:d16cbb5d31e5"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Connector {
    /// The host's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// Its IP address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<String>,
    /// Its iSCSI initiator name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiator: Option<String>,
    /// Its Fibre Channel port names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wwpns: Option<Vec<String>>,
    /// Its Fibre Channel node names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wwnns: Option<Vec<String>>,
    /// Its NVMe qualified name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nqn: Option<String>,
    /// Its CPU platform (`x86_64`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// Its OS type (`linux2`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os_type: Option<String>,
    /// Whether it uses multipath.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multipath: Option<bool>,
    /// Whether it attaches locally (os-brick's `do_local_attach`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub do_local_attach: Option<bool>,
    /// Whether multipath must be used (echoed in the connection info).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enforce_multipath: Option<bool>,
    /// Other keys.
    #[serde(flatten)]
    pub other: BTreeMap<String, Value>,
}

/// The connector of [`initialize_connection`] and [`terminate_connection`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConnectorOpts {
    /// The host's connector.
    pub connector: Connector,
}

impl Validate for ConnectorOpts {}

/// What a host needs to use a volume ([`initialize_connection`]): the transport and its
/// data (target, LUN, credentials…). `Debug` hides the values of credential keys
/// (`auth_password`, `discovery_auth_password`, any `*secret*`, `*password*` or
/// `*key*` key).
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::volume_actions::ConnectionInfo;
/// let c: ConnectionInfo = serde_json::from_str(
///     r#"{"driver_volume_type": "iscsi", "data": {"target_lun": 1, "auth_password": "s3cret"}}"#).unwrap();
/// assert_eq!(c.driver_volume_type, "iscsi");
/// assert_eq!(c.data["auth_password"], "s3cret");
/// let shown = format!("{c:?}");
/// assert!(!shown.contains("s3cret") && shown.contains("target_lun"));
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConnectionInfo {
    /// The transport (`iscsi`, `fibre_channel`, `rbd`, `nvmeof`…).
    pub driver_volume_type: String,
    /// The transport's data.
    #[serde(default)]
    pub data: BTreeMap<String, Value>,
    /// Whether multipath must be used (the connector's, echoed).
    #[serde(default)]
    pub enforce_multipath: Option<bool>,
    /// Other keys.
    #[serde(flatten)]
    pub other: BTreeMap<String, Value>,
}

fn is_credential(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    k.contains("password") || k.contains("secret") || k.contains("key")
}

impl fmt::Debug for ConnectionInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Redacted<'a>(&'a BTreeMap<String, Value>);
        impl fmt::Debug for Redacted<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut m = f.debug_map();
                for (k, v) in self.0 {
                    if is_credential(k) {
                        m.entry(k, &"[REDACTED]");
                    } else {
                        m.entry(k, v);
                    }
                }
                m.finish()
            }
        }
        f.debug_struct("ConnectionInfo")
            .field("driver_volume_type", &self.driver_volume_type)
            .field("data", &Redacted(&self.data))
            .field("enforce_multipath", &self.enforce_multipath)
            .field("other", &Redacted(&self.other))
            .finish()
    }
}

/// What [`force_detach`] ends: an attachment and/or a host's connection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ForceDetachOpts {
    /// The attachment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_id: Option<String>,
    /// The host's connector (none: every connection).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector: Option<Connector>,
}

impl Validate for ForceDetachOpts {}

/// Whether a retype may move the volume to another backend.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MigrationPolicy {
    /// Never (the retype fails when the backend cannot do it in place).
    #[default]
    Never,
    /// When needed.
    OnDemand,
}

/// The new type of [`retype`].
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::volume_actions::{MigrationPolicy, RetypeOpts};
/// let o = RetypeOpts::new("fast").migration_policy(MigrationPolicy::OnDemand);
/// assert_eq!(serde_json::to_string(&o).unwrap(), r#"{"new_type":"fast","migration_policy":"on-demand"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetypeOpts {
    /// The new volume type (name or ID).
    pub new_type: String,
    /// Whether it may migrate (default: never).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub migration_policy: Option<MigrationPolicy>,
}

impl RetypeOpts {
    /// A retype to `new_type`.
    pub fn new(new_type: impl Into<String>) -> Self {
        RetypeOpts {
            new_type: new_type.into(),
            migration_policy: None,
        }
    }

    /// Sets the migration policy.
    pub fn migration_policy(mut self, p: MigrationPolicy) -> Self {
        self.migration_policy = Some(p);
        self
    }
}

impl Validate for RetypeOpts {
    fn validate(&self) -> Result<()> {
        require("new_type", !self.new_type.is_empty())
    }
}

/// Where [`migrate`] moves a volume: a backend host, or a cluster (3.16).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MigrateOpts {
    /// The destination host (`host@backend#pool`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The destination cluster (3.16; instead of `host`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// Copy through the host instead of the backend's own migration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force_host_copy: Option<bool>,
    /// Keep the volume `maintenance` so nothing else touches it meanwhile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock_volume: Option<bool>,
}

impl MigrateOpts {
    /// A migration to `host`.
    pub fn host(host: impl Into<String>) -> Self {
        MigrateOpts {
            host: Some(host.into()),
            ..Default::default()
        }
    }
}

impl Validate for MigrateOpts {
    fn validate(&self) -> Result<()> {
        if self.host.is_some() == self.cluster.is_some() {
            return Err(Error::invalid_input(
                "a migration needs exactly one of host and cluster",
            ));
        }
        Ok(())
    }
}

/// The new volume of [`migrate_volume_completion`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MigrateCompletionOpts {
    /// The volume the data was copied to.
    pub new_volume: String,
    /// True when the copy failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<bool>,
}

impl Validate for MigrateCompletionOpts {
    fn validate(&self) -> Result<()> {
        require("new_volume", !self.new_volume.is_empty())
    }
}

/// The answer of [`migrate_volume_completion`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct MigrationCompletion {
    /// The ID of the volume that stays.
    pub save_volume_id: String,
}

/// The flag of [`set_bootable`]. Cinder also takes the text `"True"`/`"False"` (the
/// api-ref's sample sends that); the SDK sends a JSON boolean.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BootableOpts {
    /// Bootable or not.
    #[serde(deserialize_with = "bool_or_text")]
    pub bootable: bool,
}

impl Validate for BootableOpts {}

/// The flag of [`update_readonly_flag`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadonlyOpts {
    /// Read-only or not.
    #[serde(deserialize_with = "bool_or_text")]
    pub readonly: bool,
}

impl Validate for ReadonlyOpts {}

/// The disk format of an image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiskFormat {
    /// Raw (Cinder's default).
    Raw,
    /// QEMU copy-on-write.
    Qcow2,
    /// VMware.
    Vmdk,
    /// VirtualBox.
    Vdi,
    /// Hyper-V.
    Vhd,
    /// Hyper-V (newer).
    Vhdx,
    /// Virtuozzo.
    Ploop,
    /// A format this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// Who sees an image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageVisibility {
    /// Only its project (Cinder's default).
    Private,
    /// Its project and the projects it is shared with.
    Shared,
    /// Everyone who asks for it.
    Community,
    /// Everyone (policy usually limits it to admins).
    Public,
    /// A visibility this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// The image [`upload_to_image`] creates.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::volume_actions::{DiskFormat, UploadImageOpts};
/// let o = UploadImageOpts::new("db-image").disk_format(DiskFormat::Qcow2).force(true);
/// assert_eq!(serde_json::to_string(&o).unwrap(),
///     r#"{"image_name":"db-image","force":true,"disk_format":"qcow2"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadImageOpts {
    /// The image's name.
    pub image_name: String,
    /// Upload an attached (`in-use`) volume too (Cinder's `enable_force_upload`
    /// must allow it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
    /// The disk format (default raw).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disk_format: Option<DiskFormat>,
    /// The container format (default `bare`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container_format: Option<String>,
    /// Who sees the image (3.1; default private).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<ImageVisibility>,
    /// Protect the image from deletion (3.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protected: Option<bool>,
}

impl UploadImageOpts {
    /// An image named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        UploadImageOpts {
            image_name: name.into(),
            ..Default::default()
        }
    }

    /// Uploads an attached volume too.
    pub fn force(mut self, force: bool) -> Self {
        self.force = Some(force);
        self
    }

    /// Sets the disk format.
    pub fn disk_format(mut self, f: DiskFormat) -> Self {
        self.disk_format = Some(f);
        self
    }

    /// Sets the container format.
    pub fn container_format(mut self, f: impl Into<String>) -> Self {
        self.container_format = Some(f.into());
        self
    }

    /// Sets the visibility (3.1).
    pub fn visibility(mut self, v: ImageVisibility) -> Self {
        self.visibility = Some(v);
        self
    }

    /// Protects the image (3.1).
    pub fn protected(mut self, p: bool) -> Self {
        self.protected = Some(p);
        self
    }

    /// Refuses the fields the client's microversion does not take.
    pub fn check_microversion(&self, client: &ServiceClient) -> Result<()> {
        check_field(client, "visibility", self.visibility.is_some(), Some("3.1"), None)?;
        check_field(client, "protected", self.protected.is_some(), Some("3.1"), None)
    }
}

impl Validate for UploadImageOpts {
    fn validate(&self) -> Result<()> {
        if self.image_name.is_empty() || self.image_name.chars().count() > 255 {
            return Err(Error::invalid_input(
                "image_name must be 1 to 255 characters",
            ));
        }
        Ok(())
    }
}

/// The answer of [`upload_to_image`]: the volume (`uploading`) and the new image
/// (`queued` in Glance until the upload ends).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct UploadedImage {
    /// The volume's ID.
    pub id: String,
    /// The volume's status (`uploading`).
    pub status: VolumeStatus,
    /// The volume's size in GiB.
    pub size: u64,
    /// The volume's description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub display_description: Option<String>,
    /// When the volume last changed.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<crate::dates::Timestamp>,
    /// The volume's type: Cinder writes the whole volume type object (`null` in the
    /// api-ref's sample).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub volume_type: Option<Value>,
    /// The new image's ID.
    pub image_id: String,
    /// The new image's name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub image_name: Option<String>,
    /// Its container format.
    #[serde(default)]
    pub container_format: Option<String>,
    /// Its disk format.
    #[serde(default)]
    pub disk_format: Option<DiskFormat>,
    /// Its visibility (3.1).
    #[serde(default)]
    pub visibility: Option<ImageVisibility>,
    /// Whether it is protected (3.1).
    #[serde(default)]
    pub protected: Option<bool>,
    /// Whether it is public (Glance v1 clouds, instead of `visibility`).
    #[serde(default)]
    pub is_public: Option<bool>,
}

/// The image of [`reimage`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReimageOpts {
    /// The image to write.
    pub image_id: String,
    /// Re-image a `reserved` volume too (Nova's rebuild of a volume-backed server does).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reimage_reserved: Option<bool>,
}

impl Validate for ReimageOpts {
    fn validate(&self) -> Result<()> {
        require("image_id", !self.image_id.is_empty())
    }
}

// ------------------------------------------------------------------ sending

async fn act<B: Serialize + Validate>(
    client: &ServiceClient,
    op: &'static Operation,
    id: &str,
    body: &B,
) -> ApiResult<()> {
    client.request(op, &[id]).body(body).send().await
}

macro_rules! empty_actions {
    ($($(#[$doc:meta])* $fn_name:ident => $op:ident;)*) => {$(
        $(#[$doc])*
        pub async fn $fn_name(client: &ServiceClient, id: &str) -> ApiResult<()> {
            act(client, &$op, id, &Empty {}).await
        }
    )*};
}

empty_actions! {
    /// Reserves a volume for an attachment (`available` → `attaching`).
    reserve => RESERVE;
    /// Releases a reservation (`attaching` → `available`).
    unreserve => UNRESERVE;
    /// Marks an attached volume `detaching` (`in-use` only).
    begin_detaching => BEGIN_DETACHING;
    /// Puts a `detaching` volume back `in-use`.
    roll_detaching => ROLL_DETACHING;
    /// Stops managing a volume: Cinder forgets it, the backend keeps it (admin;
    /// `available` or `error` volumes without snapshots).
    unmanage => UNMANAGE;
    /// Deletes a volume whatever its status, but not attached or migrating (admin).
    force_delete => FORCE_DELETE;
}

/// Extends a volume to `new_size` GiB (`extending`, then back to its status). An
/// attached (`in-use`) volume needs 3.42 (Cinder answers 400 before).
pub async fn extend(client: &ServiceClient, id: &str, new_size: u64) -> ApiResult<()> {
    act(client, &EXTEND, id, &ExtendOpts { new_size }).await
}

/// Tells Cinder that the extension of an attached volume ended (`error`: it failed).
/// Nova sends it; Cinder answers 400 unless the volume is `extending`.
pub async fn extend_volume_completion(
    client: &ServiceClient,
    id: &str,
    error: bool,
) -> ApiResult<()> {
    act(
        client,
        &EXTEND_VOLUME_COMPLETION,
        id,
        &CompletionOpts { error: Some(error) },
    )
    .await
}

/// Resets a volume's statuses in the database only (admin).
pub async fn reset_status(
    client: &ServiceClient,
    id: &str,
    opts: &ResetStatusOpts,
) -> ApiResult<()> {
    act(client, &RESET_STATUS, id, opts).await
}

/// Reverts a volume to its latest snapshot (3.40; `reverting`, then `available`).
/// Cinder answers 400 for another snapshot or a volume resized since.
pub async fn revert(client: &ServiceClient, id: &str, snapshot_id: &str) -> ApiResult<()> {
    act(
        client,
        &REVERT,
        id,
        &RevertOpts {
            snapshot_id: snapshot_id.into(),
        },
    )
    .await
}

/// Adds or changes image metadata items and returns them all.
pub async fn set_image_metadata(
    client: &ServiceClient,
    id: &str,
    metadata: &ImageMetadata,
) -> ApiResult<ImageMetadata> {
    client
        .request(&SET_IMAGE_METADATA, &[id])
        .body(&ImageMetadataOpts {
            metadata: metadata.clone(),
        })
        .send()
        .await
}

/// Removes one image metadata item (Cinder answers 404 when it is not there).
pub async fn unset_image_metadata(client: &ServiceClient, id: &str, key: &str) -> ApiResult<()> {
    act(
        client,
        &UNSET_IMAGE_METADATA,
        id,
        &UnsetImageMetadataOpts { key: key.into() },
    )
    .await
}

/// Shows a volume's image metadata.
pub async fn show_image_metadata(client: &ServiceClient, id: &str) -> ApiResult<ImageMetadata> {
    client
        .request(&SHOW_IMAGE_METADATA, &[id])
        .body(&Empty {})
        .send()
        .await
}

/// Records an attachment (the volume becomes `in-use`). This is the last step of the
/// old attach flow (reserve, initialize the connection, attach); Nova uses the
/// attachments API instead.
pub async fn attach(client: &ServiceClient, id: &str, opts: &AttachOpts) -> ApiResult<()> {
    act(client, &ATTACH, id, opts).await
}

/// Records a detachment (of `attachment_id`, required when the volume has several).
pub async fn detach(client: &ServiceClient, id: &str, attachment_id: Option<&str>) -> ApiResult<()> {
    act(
        client,
        &DETACH,
        id,
        &DetachOpts {
            attachment_id: attachment_id.map(str::to_string),
        },
    )
    .await
}

/// Ends a host's connection and an attachment whatever their state (admin).
pub async fn force_detach(
    client: &ServiceClient,
    id: &str,
    opts: &ForceDetachOpts,
) -> ApiResult<()> {
    act(client, &FORCE_DETACH, id, opts).await
}

/// Changes a volume's type (`retyping`, then back to its status).
pub async fn retype(client: &ServiceClient, id: &str, opts: &RetypeOpts) -> ApiResult<()> {
    act(client, &RETYPE, id, opts).await
}

/// Moves a volume to another backend host or cluster (admin; `cluster` needs 3.16).
pub async fn migrate(client: &ServiceClient, id: &str, opts: &MigrateOpts) -> ApiResult<()> {
    if let Err(e) = check_field(client, "cluster", opts.cluster.is_some(), Some("3.16"), None) {
        return ApiResult::from_error(e);
    }
    act(client, &MIGRATE, id, opts).await
}

/// Finishes a migration onto `opts.new_volume` and returns the ID of the volume that
/// stays (admin; Cinder calls it itself, and Nova when it swaps volumes). When neither
/// volume is migrating, Cinder moves the attachments of the volume to the new one and
/// answers with the new volume's ID.
pub async fn migrate_volume_completion(
    client: &ServiceClient,
    id: &str,
    opts: &MigrateCompletionOpts,
) -> ApiResult<MigrationCompletion> {
    client
        .request(&MIGRATE_COMPLETION, &[id])
        .body(opts)
        .send()
        .await
}

/// Marks a volume bootable or not.
pub async fn set_bootable(client: &ServiceClient, id: &str, bootable: bool) -> ApiResult<()> {
    act(client, &SET_BOOTABLE, id, &BootableOpts { bootable }).await
}

/// Makes a volume read-only or read-write for its attachments.
pub async fn update_readonly_flag(
    client: &ServiceClient,
    id: &str,
    readonly: bool,
) -> ApiResult<()> {
    act(client, &UPDATE_READONLY_FLAG, id, &ReadonlyOpts { readonly }).await
}

/// Uploads a volume to a new image (the volume is `uploading` meanwhile). Fields the
/// client's microversion does not take are refused.
pub async fn upload_to_image(
    client: &ServiceClient,
    id: &str,
    opts: &UploadImageOpts,
) -> ApiResult<UploadedImage> {
    if let Err(e) = opts.check_microversion(client) {
        return ApiResult::from_error(e);
    }
    client.request(&UPLOAD_IMAGE, &[id]).body(opts).send().await
}

/// Opens a host's connection to a volume and returns what the host needs.
pub async fn initialize_connection(
    client: &ServiceClient,
    id: &str,
    connector: &Connector,
) -> ApiResult<ConnectionInfo> {
    client
        .request(&INITIALIZE_CONNECTION, &[id])
        .body(&ConnectorOpts {
            connector: connector.clone(),
        })
        .send()
        .await
}

/// Removes a host's connection to a volume.
pub async fn terminate_connection(
    client: &ServiceClient,
    id: &str,
    connector: &Connector,
) -> ApiResult<()> {
    act(
        client,
        &TERMINATE_CONNECTION,
        id,
        &ConnectorOpts {
            connector: connector.clone(),
        },
    )
    .await
}

/// Writes an image over a volume (3.68; `downloading`, then back to `available`).
pub async fn reimage(client: &ServiceClient, id: &str, opts: &ReimageOpts) -> ApiResult<()> {
    act(client, &REIMAGE, id, opts).await
}
