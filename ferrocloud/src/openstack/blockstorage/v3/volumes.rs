//! Volumes: block devices that servers attach. Create them (empty, or from an image, a
//! snapshot, another volume or a backup), list, show, update and delete them, add up
//! their sizes (3.12), and wait for a status or for the deletion. The actions on a
//! volume (extend, attach, retype, upload to an image…) are in
//! [the volume actions module](crate::openstack::blockstorage::v3::volume_actions).
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::common::{ListControls, SortDir};
//! use ferrocloud::openstack::blockstorage::v3::volumes::{
//!     self, CreateOpts, ListOpts, UpdateOpts, VolumeStatus,
//! };
//! use ferrocloud::wait::WaitOpts;
//!
//! let volumes = volumes.with_microversion("3.71");
//! let opts = CreateOpts::new(10).name("db-data").metadata("role", "db");
//! let created = volumes::create(&volumes, &opts).await.extract()?;
//! let vol = volumes::wait_for_status(&volumes, &created.id, VolumeStatus::Available, &WaitOpts::default()).await?;
//! volumes::update(&volumes, &vol.id, &UpdateOpts::default().name("db-data-1")).await.extract()?;
//!
//! let available = ListOpts {
//!     status: Some(VolumeStatus::Available),
//!     controls: ListControls::default().sort("size", SortDir::Desc).with_count(),
//!     ..Default::default()
//! };
//! let page = volumes::list_detail(&volumes, &available).all_pages().await?;
//! println!("{} volumes, {:?} in all", volumes::extract(&page)?.len(), volumes::extract_count(&page)?);
//!
//! volumes::delete(&volumes, &vol.id).await.ok()?;
//! volumes::wait_for_delete(&volumes, &vol.id, &WaitOpts::default()).await?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::de::Deserializer;
use serde::{Deserialize, Serialize, Serializer};

use crate::dates::Timestamp;
use crate::de::Link;
use crate::microversion::check_field;
use crate::openstack::blockstorage::v3::common::{ListControls, Summary};
use crate::pagination::{Page, PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "block-storage";
    /// List volumes (IDs, names and links).
    LIST = GET "/volumes" list("volumes", Summary);
    /// List volumes with details.
    LIST_DETAIL = GET "/volumes/detail" list("volumes", Volume);
    /// Show a volume.
    GET = GET "/volumes/{volume_id}" response("volume", Volume);
    /// Create a volume.
    CREATE = POST "/volumes" request(CreateRequest) response("volume", Volume);
    /// Update a volume's name, description or metadata.
    UPDATE = PUT "/volumes/{volume_id}" request("volume", UpdateOpts) response("volume", Volume);
    /// Delete a volume (with its snapshots: `cascade`; whatever its state: `force`, 3.23).
    DELETE = DELETE "/volumes/{volume_id}";
    /// Count the volumes and add up their sizes (3.12).
    SUMMARY = GET "/volumes/summary" since("3.12") response("volume-summary", VolumesSummary);
}

/// The operations the v2 API documents: all but the summary.
pub static V2_OPERATIONS: &[&crate::Operation] = &[
    LIST.operation(),
    LIST_DETAIL.operation(),
    GET.operation(),
    CREATE.operation(),
    UPDATE.operation(),
    DELETE.operation(),
];

// ------------------------------------------------------------------ the volume

super::common::status_enum! {
    /// The status of a volume. Statuses this SDK does not know are kept as
    /// [`VolumeStatus::Other`].
    ///
    /// ```
    /// use ferrocloud::openstack::blockstorage::v3::volumes::VolumeStatus;
    /// let s: VolumeStatus = serde_json::from_str(r#""in-use""#).unwrap();
    /// assert_eq!(s, VolumeStatus::InUse);
    /// assert_eq!(s.as_str(), "in-use");
    /// let new: VolumeStatus = serde_json::from_str(r#""thinking""#).unwrap();
    /// assert_eq!(new, VolumeStatus::Other("thinking".into()));
    /// assert!(VolumeStatus::ErrorExtending.is_error());
    /// ```
    VolumeStatus {
        /// Being created.
        Creating = "creating",
        /// Ready to attach.
        Available = "available",
        /// Reserved for an attachment.
        Reserved = "reserved",
        /// Being attached.
        Attaching = "attaching",
        /// Being detached.
        Detaching = "detaching",
        /// Attached to a server or host.
        InUse = "in-use",
        /// Being deleted.
        Deleting = "deleting",
        /// Creation or another operation failed.
        Error = "error",
        /// The deletion failed.
        ErrorDeleting = "error_deleting",
        /// Being backed up.
        BackingUp = "backing-up",
        /// The backup failed.
        ErrorBackingUp = "error_backing-up",
        /// Being restored from a backup.
        RestoringBackup = "restoring-backup",
        /// The restore from a backup failed.
        ErrorRestoring = "error_restoring",
        /// Being extended.
        Extending = "extending",
        /// The extension failed.
        ErrorExtending = "error_extending",
        /// Image data is being copied in.
        Downloading = "downloading",
        /// Being uploaded to an image.
        Uploading = "uploading",
        /// Changing type.
        Retyping = "retyping",
        /// Being reverted to a snapshot.
        Reverting = "reverting",
        /// Offered for transfer to another project.
        AwaitingTransfer = "awaiting-transfer",
        /// Under maintenance (migration, for instance).
        Maintenance = "maintenance",
    }
}




/// A map of text values, reading `null` as empty and booleans or numbers as their text
/// (older Cinder wrote the admin metadata `readonly` as a boolean).
pub(crate) fn text_map<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<BTreeMap<String, String>, D::Error> {
    let raw: Option<BTreeMap<String, serde_json::Value>> = Option::deserialize(d)?;
    Ok(raw
        .unwrap_or_default()
        .into_iter()
        .map(|(k, v)| {
            let text = match v {
                serde_json::Value::String(s) => s,
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            };
            (k, text)
        })
        .collect())
}

/// An attachment of a volume to a server or host, as a volume lists it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Attachment {
    /// The attachment's ID.
    #[serde(default)]
    pub attachment_id: Option<String>,
    /// The volume's ID (Cinder also writes it as `id`).
    #[serde(default)]
    pub volume_id: Option<String>,
    /// The volume's ID again (Cinder's historical `id` key).
    #[serde(default)]
    pub id: Option<String>,
    /// The server it is attached to (`None` for an attachment to a host).
    #[serde(default)]
    pub server_id: Option<String>,
    /// The host it is attached to (shown to admins and services only).
    #[serde(default)]
    pub host_name: Option<String>,
    /// The device name on the server (`/dev/vdb`).
    #[serde(default)]
    pub device: Option<String>,
    /// When it was attached.
    #[serde(default, with = "crate::dates::option")]
    pub attached_at: Option<Timestamp>,
}

/// A volume, as `GET /volumes/{id}`, `GET /volumes/detail`, create and update describe
/// it.
///
/// Fields that a microversion adds are `Option`s, `None` with an older client; fields
/// that Cinder shows to admins only (`migration_status`, `provider_id`, `cluster_name`,
/// the host) are `None` for others.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Volume {
    /// The ID.
    pub id: String,
    /// The name (Cinder allows none).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// The status.
    pub status: VolumeStatus,
    /// The size in GiB.
    pub size: u64,
    /// The availability zone.
    #[serde(default)]
    pub availability_zone: Option<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed (`None` until then).
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// The volume type's name (before 3.63, the type's ID when it has no name).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub volume_type: Option<String>,
    /// The volume type's ID (since 3.63).
    #[serde(default)]
    pub volume_type_id: Option<String>,
    /// The snapshot it was created from.
    #[serde(default)]
    pub snapshot_id: Option<String>,
    /// The volume it was cloned from.
    #[serde(default)]
    pub source_volid: Option<String>,
    /// Its metadata (with the admin metadata Cinder shows, such as `readonly` and
    /// `attached_mode`; values that come as booleans or numbers are kept as text).
    #[serde(deserialize_with = "text_map")]
    pub metadata: BTreeMap<String, String>,
    /// The image properties it carries (when it was created from an image, or set with
    /// `os-set_image_metadata`).
    #[serde(default)]
    pub volume_image_metadata: Option<BTreeMap<String, String>>,
    /// Links (`self`, `bookmark`).
    pub links: Vec<Link>,
    /// The user who created it.
    #[serde(default)]
    pub user_id: Option<String>,
    /// The project that owns it (`os-vol-tenant-attr:tenant_id`; shown when policy
    /// allows).
    #[serde(default, rename = "os-vol-tenant-attr:tenant_id")]
    pub tenant_id: Option<String>,
    /// The backend host (`os-vol-host-attr:host`, `host@backend#pool`; admins).
    #[serde(default, rename = "os-vol-host-attr:host")]
    pub host: Option<String>,
    /// The migration status (`os-vol-mig-status-attr:migstat`; admins).
    #[serde(default, rename = "os-vol-mig-status-attr:migstat")]
    pub migstat: Option<String>,
    /// The ID the backend names the volume after, when a migration changed it
    /// (`os-vol-mig-status-attr:name_id`; admins).
    #[serde(default, rename = "os-vol-mig-status-attr:name_id")]
    pub name_id: Option<String>,
    /// The migration status (admins).
    #[serde(default)]
    pub migration_status: Option<String>,
    /// Whether it can boot a server (Cinder writes `"true"`/`"false"`).
    #[serde(deserialize_with = "crate::de::bool_or_text")]
    pub bootable: bool,
    /// Whether it is encrypted.
    #[serde(default, deserialize_with = "crate::de::bool_or_text")]
    pub encrypted: bool,
    /// The encryption key's ID in the key manager (since 3.64, for encrypted volumes
    /// with a key of their own).
    #[serde(default)]
    pub encryption_key_id: Option<String>,
    /// Whether several servers can attach it at once (set by its volume type).
    #[serde(default, deserialize_with = "crate::de::bool_or_text")]
    pub multiattach: bool,
    /// The replication status (`disabled`, `enabled`…).
    #[serde(default)]
    pub replication_status: Option<String>,
    /// The consistency group it belongs to.
    #[serde(default)]
    pub consistencygroup_id: Option<String>,
    /// The group it belongs to (since 3.13).
    #[serde(default)]
    pub group_id: Option<String>,
    /// The backend's ID for it (since 3.21; admins).
    #[serde(default)]
    pub provider_id: Option<String>,
    /// The volume service that holds it (since 3.48).
    #[serde(default)]
    pub service_uuid: Option<String>,
    /// Whether its backend shares targets between volumes (since 3.48; `None` from
    /// 3.69 when Cinder does not know).
    #[serde(default)]
    pub shared_targets: Option<bool>,
    /// The cluster of its volume service (since 3.61; admins).
    #[serde(default)]
    pub cluster_name: Option<String>,
    /// Whether it counts in the project's quota (since 3.65; temporary volumes of
    /// migrations and backups do not).
    #[serde(default)]
    pub consumes_quota: Option<bool>,
    /// Its attachments.
    pub attachments: Vec<Attachment>,
}

impl crate::find::Named for Volume {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        self.name.as_deref().unwrap_or_default()
    }
}

// ------------------------------------------------------------------ listing

/// A comparison of a time filter (3.60).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compare {
    /// Later than.
    Gt,
    /// At or later than.
    Gte,
    /// At.
    Eq,
    /// Not at.
    Neq,
    /// Earlier than.
    Lt,
    /// At or earlier than.
    Lte,
}

impl Compare {
    fn as_str(self) -> &'static str {
        match self {
            Compare::Gt => "gt",
            Compare::Gte => "gte",
            Compare::Eq => "eq",
            Compare::Neq => "neq",
            Compare::Lt => "lt",
            Compare::Lte => "lte",
        }
    }
}

/// Comparisons of a time, all of which must hold, sent as `gt:<time>,lt:<time>` (the
/// `created_at` and `updated_at` filters, 3.60).
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::volumes::{Compare, ListOpts, TimeFilter};
/// let since = ferrocloud::dates::parse("2024-01-01T00:00:00Z").unwrap();
/// let opts = ListOpts {
///     created_at: TimeFilter::default().and(Compare::Gte, since),
///     ..Default::default()
/// };
/// let q = ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap());
/// assert_eq!(q, "created_at=gte%3A2024-01-01T00%3A00%3A00Z");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimeFilter(pub Vec<(Compare, Timestamp)>);

impl TimeFilter {
    /// Adds a comparison.
    pub fn and(mut self, op: Compare, at: Timestamp) -> Self {
        self.0.push((op, at));
        self
    }

    /// True when it holds no comparison.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for TimeFilter {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let text = self
            .0
            .iter()
            .map(|(op, at)| format!("{}:{}", op.as_str(), crate::dates::format(at)))
            .collect::<Vec<_>>()
            .join(",");
        s.serialize_str(&text)
    }
}

fn dict_param<S: Serializer>(
    m: &BTreeMap<String, String>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    let text = serde_json::to_string(m).map_err(serde::ser::Error::custom)?;
    s.serialize_str(&text)
}

/// Filters for listing volumes, plus paging, sorting and counting
/// ([`ListControls`]). Unset fields are not sent. Cinder takes the filters its
/// `resource_filters` allow (by default `name`, `status`, `metadata`, `bootable`,
/// `migration_status`, `availability_zone`, `group_id`, `size`, `created_at`,
/// `updated_at` and `consumes_quota`; admins any); others go in `controls.filters`
/// (`name~` for a partial match, 3.34).
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::volumes::{ListOpts, VolumeStatus};
/// let mut opts = ListOpts { status: Some(VolumeStatus::InUse), bootable: Some(true), ..Default::default() };
/// opts.metadata.insert("role".into(), "db".into());
/// let q = ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap());
/// assert_eq!(q, "status=in-use&metadata=%7B%22role%22%3A%22db%22%7D&bootable=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// The exact name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<VolumeStatus>,
    /// Metadata items the volumes all have (sent as `{"key": "value"}`).
    #[serde(serialize_with = "dict_param", skip_serializing_if = "BTreeMap::is_empty")]
    pub metadata: BTreeMap<String, String>,
    /// Image properties the volumes all have (3.4).
    #[serde(serialize_with = "dict_param", skip_serializing_if = "BTreeMap::is_empty")]
    pub glance_metadata: BTreeMap<String, String>,
    /// Bootable or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bootable: Option<bool>,
    /// The migration status (admins).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub migration_status: Option<String>,
    /// The availability zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
    /// The group (3.10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// The size in GiB.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// Creation time comparisons (3.60).
    #[serde(skip_serializing_if = "TimeFilter::is_empty")]
    pub created_at: TimeFilter,
    /// Update time comparisons (3.60).
    #[serde(skip_serializing_if = "TimeFilter::is_empty")]
    pub updated_at: TimeFilter,
    /// Whether the volumes count in the quota (3.65).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consumes_quota: Option<bool>,
    /// The volumes of every project (admins).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_tenants: Option<bool>,
    /// The volumes of one project (admins, with `all_tenants`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Paging, sorting, counting (3.45) and other filters.
    #[serde(flatten)]
    pub controls: ListControls,
}

impl ListOpts {
    /// Refuses the filters the client's microversion does not take.
    pub fn check_microversion(&self, client: &ServiceClient) -> Result<()> {
        check_field(
            client,
            "glance_metadata",
            !self.glance_metadata.is_empty(),
            Some("3.4"),
            None,
        )?;
        check_field(client, "group_id", self.group_id.is_some(), Some("3.10"), None)?;
        check_field(
            client,
            "created_at",
            !self.created_at.is_empty(),
            Some("3.60"),
            None,
        )?;
        check_field(
            client,
            "updated_at",
            !self.updated_at.is_empty(),
            Some("3.60"),
            None,
        )?;
        check_field(
            client,
            "consumes_quota",
            self.consumes_quota.is_some(),
            Some("3.65"),
            None,
        )?;
        check_field(
            client,
            "with_count",
            self.controls.with_count.is_some(),
            Some("3.45"),
            None,
        )
    }
}

fn listing<T>(
    client: &ServiceClient,
    op: &'static crate::operation::Op<Vec<T>>,
    opts: &ListOpts,
) -> Pager<T> {
    let mut req = client.request(op, &[]).query(opts);
    if let Err(e) = opts.check_microversion(client) {
        req = req.fail_with(e);
    }
    req.paged(PageStyle::Links("volumes_links"))
}

/// Lists volumes (IDs, names and links), following `volumes_links` from page to page.
/// Filters the client's microversion does not take are refused.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Summary> {
    listing(client, &LIST, opts)
}

/// Lists volumes with their details, following `volumes_links` from page to page.
/// Filters the client's microversion does not take are refused.
pub fn list_detail(client: &ServiceClient, opts: &ListOpts) -> Pager<Volume> {
    listing(client, &LIST_DETAIL, opts)
}

crate::operation::extract_fn! {
    /// The volumes of a page of [`list`] (the short form).
    extract_summaries, Summary
}

crate::operation::extract_fn! {
    /// The volumes of a page of [`list_detail`].
    extract, Volume
}

/// The total number of matching volumes, when the listing asked for it
/// ([`ListControls::with_count`], 3.45): the `count` of the first page.
pub fn extract_count<T>(page: &Page<T>) -> Result<Option<u64>> {
    #[derive(Deserialize)]
    struct Count {
        #[serde(default)]
        count: Option<u64>,
    }
    match page.responses().first() {
        Some(r) => Ok(r.decode::<Count>(None)?.count),
        None => Ok(None),
    }
}

// ------------------------------------------------------------------ summary

/// The number and total size of volumes (3.12), and their metadata (3.36).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct VolumesSummary {
    /// How many volumes.
    pub total_count: u64,
    /// Their total size in GiB.
    pub total_size: u64,
    /// Every metadata key with its distinct values (since 3.36).
    #[serde(default)]
    pub metadata: Option<BTreeMap<String, Vec<String>>>,
}

/// Filters of [`summary`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SummaryOpts {
    /// Every project's volumes (admins).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_tenants: Option<bool>,
    /// Other filters, as for listing (`status`, `name`…).
    #[serde(flatten)]
    pub filters: BTreeMap<String, String>,
}

/// Counts the volumes and adds up their sizes (3.12; metadata from 3.36).
pub async fn summary(client: &ServiceClient, opts: &SummaryOpts) -> ApiResult<VolumesSummary> {
    client.request(&SUMMARY, &[]).query(opts).send().await
}

// ------------------------------------------------------------------ create

/// Hints for Cinder's scheduler (`OS-SCH-HNT:scheduler_hints`, beside the `volume` of a
/// create request).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SchedulerHints {
    /// Put it on the same backend as these volumes.
    #[serde(
        default,
        deserialize_with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub same_host: Vec<String>,
    /// Put it on another backend than these volumes.
    #[serde(
        default,
        deserialize_with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub different_host: Vec<String>,
    /// Put it on the host of this server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_to_instance: Option<String>,
    /// A JSON query on the backends' capabilities (with the `JsonFilter`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<serde_json::Value>,
    /// Hints of other scheduler filters.
    #[serde(flatten)]
    pub other: BTreeMap<String, serde_json::Value>,
}

fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
    })
}

/// A volume to create. Give a `size`, or a source it takes its size from (a snapshot,
/// a volume, a backup); an image source needs a size at least as big as the image.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::volumes::CreateOpts;
/// let o = CreateOpts::new(10).name("data").image_ref("8f84ae31-f25e-45c9-9b21-fcd10e1afddf");
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({
///     "size": 10, "name": "data", "imageRef": "8f84ae31-f25e-45c9-9b21-fcd10e1afddf"}));
/// let clone = CreateOpts::default().source_volid("6edbc2f4-1507-44f8-ac0d-eed1d2608d38");
/// assert_eq!(serde_json::to_value(&clone).unwrap(), serde_json::json!({
///     "source_volid": "6edbc2f4-1507-44f8-ac0d-eed1d2608d38"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The size in GiB (optional from a snapshot, volume or backup: theirs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The volume type (name or ID; default: the cloud's default type).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_type: Option<String>,
    /// The availability zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
    /// Metadata items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
    /// The image to copy (ID, or a name Glance finds exactly once).
    #[serde(default, rename = "imageRef", skip_serializing_if = "Option::is_none")]
    pub image_ref: Option<String>,
    /// The snapshot to create it from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot_id: Option<String>,
    /// The volume to clone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_volid: Option<String>,
    /// The backup to restore into it (3.47).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_id: Option<String>,
    /// The consistency group to put it in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consistencygroup_id: Option<String>,
    /// The group to put it in (3.13).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// Multiattach, the old way. Cinder (since Queens' multiattach volume types) refuses
    /// `true` with 400 "multiattach parameter has been removed": create the volume with
    /// a volume type whose `multiattach` extra spec is `<is> True` instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multiattach: Option<bool>,
}

impl CreateOpts {
    /// A volume of `size` GiB.
    pub fn new(size: u64) -> Self {
        CreateOpts {
            size: Some(size),
            ..Default::default()
        }
    }

    /// Sets the name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets the description.
    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.description = Some(d.into());
        self
    }

    /// Sets the volume type (name or ID).
    pub fn volume_type(mut self, t: impl Into<String>) -> Self {
        self.volume_type = Some(t.into());
        self
    }

    /// Sets the availability zone.
    pub fn availability_zone(mut self, az: impl Into<String>) -> Self {
        self.availability_zone = Some(az.into());
        self
    }

    /// Adds a metadata item.
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.metadata
            .get_or_insert_with(BTreeMap::new)
            .insert(key.into(), value.into());
        self
    }

    /// Creates it from an image.
    pub fn image_ref(mut self, image: impl Into<String>) -> Self {
        self.image_ref = Some(image.into());
        self
    }

    /// Creates it from a snapshot.
    pub fn snapshot_id(mut self, id: impl Into<String>) -> Self {
        self.snapshot_id = Some(id.into());
        self
    }

    /// Clones a volume.
    pub fn source_volid(mut self, id: impl Into<String>) -> Self {
        self.source_volid = Some(id.into());
        self
    }

    /// Restores a backup into it (3.47).
    pub fn backup_id(mut self, id: impl Into<String>) -> Self {
        self.backup_id = Some(id.into());
        self
    }

    /// Puts it in a group (3.13).
    pub fn group_id(mut self, id: impl Into<String>) -> Self {
        self.group_id = Some(id.into());
        self
    }

    /// Refuses the fields the client's microversion does not take.
    pub fn check_microversion(&self, client: &ServiceClient) -> Result<()> {
        check_field(client, "group_id", self.group_id.is_some(), Some("3.13"), None)?;
        check_field(client, "backup_id", self.backup_id.is_some(), Some("3.47"), None)
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        let sources = [
            ("imageRef", self.image_ref.is_some()),
            ("snapshot_id", self.snapshot_id.is_some()),
            ("source_volid", self.source_volid.is_some()),
            ("backup_id", self.backup_id.is_some()),
        ];
        let given: Vec<&str> = sources.iter().filter(|s| s.1).map(|s| s.0).collect();
        if given.len() > 1 {
            return Err(Error::invalid_input(format!(
                "a volume has one source at most; got {}",
                given.join(", ")
            )));
        }
        let sized_by_source = self.snapshot_id.is_some()
            || self.source_volid.is_some()
            || self.backup_id.is_some();
        match self.size {
            Some(0) => Err(Error::invalid_input("size must be at least 1 GiB")),
            None if !sized_by_source => Err(Error::invalid_input(
                "size is required unless the volume comes from a snapshot, a volume or a backup",
            )),
            _ => Ok(()),
        }
    }
}

/// The body of a create request: the `volume` and the scheduler hints beside it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateRequest {
    /// The volume.
    pub volume: CreateOpts,
    /// Scheduler hints.
    #[serde(
        default,
        rename = "OS-SCH-HNT:scheduler_hints",
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduler_hints: Option<SchedulerHints>,
}

impl Validate for CreateRequest {
    fn validate(&self) -> Result<()> {
        self.volume.validate()
    }
}

/// Creates a volume (`creating` at first: wait for `available` with
/// [`wait_for_status`]). Fields the client's microversion does not take are refused.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Volume> {
    create_with_hints(client, opts, None).await
}

/// Creates a volume with scheduler hints.
pub async fn create_with_hints(
    client: &ServiceClient,
    opts: &CreateOpts,
    hints: Option<&SchedulerHints>,
) -> ApiResult<Volume> {
    if let Err(e) = opts.check_microversion(client) {
        return ApiResult::from_error(e);
    }
    let body = CreateRequest {
        volume: opts.clone(),
        scheduler_hints: hints.cloned(),
    };
    client.request(&CREATE, &[]).body(&body).send().await
}

// ------------------------------------------------------------------ update, delete

/// New values for a volume's name, description or metadata (the metadata given
/// replaces all of it). Cinder wants at least one of them (from 3.53).
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::volumes::UpdateOpts;
/// let o = UpdateOpts::default().name("vol-003").clear_description();
/// assert_eq!(serde_json::to_string(&o).unwrap(), r#"{"name":"vol-003","description":null}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// The new name (`Some(None)` clears it).
    #[serde(
        default,
        deserialize_with = "crate::de::double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<Option<String>>,
    /// The new description (`Some(None)` clears it).
    #[serde(
        default,
        deserialize_with = "crate::de::double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<Option<String>>,
    /// The metadata (replaces all items).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
}

impl UpdateOpts {
    /// Renames it.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(Some(name.into()));
        self
    }

    /// Sets the description.
    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.description = Some(Some(d.into()));
        self
    }

    /// Clears the description.
    pub fn clear_description(mut self) -> Self {
        self.description = Some(None);
        self
    }

    /// Adds a metadata item (the metadata sent replaces all of it).
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.metadata
            .get_or_insert_with(BTreeMap::new)
            .insert(key.into(), value.into());
        self
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.name.is_none() && self.description.is_none() && self.metadata.is_none() {
            return Err(Error::invalid_input(
                "a volume update needs a name, description or metadata",
            ));
        }
        Ok(())
    }
}

crate::openstack::blockstorage::v3::common::resource_functions! {
    Volume, Summary, "volume", "volumes";
    get update delete find wait(VolumeStatus)
}

/// How to delete a volume.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::volumes::DeleteOpts;
/// let o = DeleteOpts { cascade: true, force: false };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "cascade=true");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DeleteOpts {
    /// Delete its snapshots too.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cascade: bool,
    /// Delete it whatever its status, except attached or migrating (3.23; admins).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub force: bool,
}

/// Deletes a volume with options (its snapshots: `cascade`; whatever its status:
/// `force`, 3.23).
pub async fn delete_with(client: &ServiceClient, id: &str, opts: &DeleteOpts) -> ApiResult<()> {
    if let Err(e) = check_field(client, "force", opts.force, Some("3.23"), None) {
        return ApiResult::from_error(e);
    }
    client.request(&DELETE, &[id]).query(opts).send().await
}

