//! Manageable volumes: storage objects on a backend that Cinder does not manage yet.
//! List them (3.8) and bring one under Cinder's management as a volume (admin). The
//! opposite is [`unmanage`](crate::openstack::blockstorage::v3::volume_actions::unmanage).
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::manageable_volumes::{self, ListOpts, ManageOpts};
//! let volumes = volumes.with_microversion("3.8");
//! let host = "cinder@lvm#pool";
//! let opts = ListOpts { host: Some(host.into()), ..Default::default() };
//! for candidate in manageable_volumes::list_detail(&volumes, &opts).all().await? {
//!     if candidate.safe_to_manage {
//!         let opts = ManageOpts::new(host, candidate.reference.clone()).name("adopted");
//!         let volume = manageable_volumes::manage(&volumes, &opts).await.extract()?;
//!         println!("now managed as {}", volume.id);
//!     }
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::microversion::check_field;
use crate::openstack::blockstorage::v3::common::ListControls;
use crate::openstack::blockstorage::v3::volumes::Volume;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "block-storage";
    /// List the volumes a backend could hand over (3.8; admin).
    LIST = GET "/manageable_volumes" since("3.8") list("manageable-volumes", ManageableVolumeSummary);
    /// List them with details (3.8; admin).
    LIST_DETAIL = GET "/manageable_volumes/detail" since("3.8") list("manageable-volumes", ManageableVolume);
    /// Manage an existing storage object as a volume (3.8; admin).
    MANAGE = POST "/manageable_volumes" since("3.8") request("volume", ManageOpts) response("volume", Volume);
}

/// The v2 API's own path, which v3 does not document (its `OPERATIONS` is empty: v3
/// coverage does not count it).
#[allow(dead_code)]
mod v2_only {
    use super::{ManageOpts, Volume};
    crate::operations! {
        service: "block-storage", undocumented;
        /// Manage an existing storage object as a volume (`/os-volume-manage`; admin).
        MANAGE_V2 = POST "/os-volume-manage" request("volume", ManageOpts) response("volume", Volume);
    }
}

pub use v2_only::MANAGE_V2;

/// The operations the v2 API documents: its own manage path.
pub static V2_OPERATIONS: &[&crate::Operation] = &[MANAGE_V2.operation()];

/// A storage object a backend could hand over, as the short listing shows it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ManageableVolumeSummary {
    /// How the backend names it (`{"source-name": "lvol0"}`): give it to
    /// [`ManageOpts::new`].
    pub reference: BTreeMap<String, Value>,
    /// Its size in GiB.
    pub size: u64,
    /// Whether Cinder may manage it.
    pub safe_to_manage: bool,
}

/// A storage object a backend could hand over, with details.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ManageableVolume {
    /// How the backend names it: give it to [`ManageOpts::new`].
    pub reference: BTreeMap<String, Value>,
    /// Its size in GiB.
    pub size: u64,
    /// Whether Cinder may manage it.
    pub safe_to_manage: bool,
    /// Why not (`already managed`…).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub reason_not_safe: Option<String>,
    /// The volume it already is, when Cinder manages it.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub cinder_id: Option<String>,
    /// What else the backend says about it.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub extra_info: Option<Value>,
}

/// Where to look for manageable volumes (a host, or a cluster from 3.17), with paging
/// and sorting (`size`, `reference`).
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::manageable_volumes::ListOpts;
/// let o = ListOpts { host: Some("cinder@lvm".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "host=cinder%40lvm");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// The backend host (`host@backend`, or with `#pool`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The cluster (3.17; instead of `host`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub controls: ListControls,
}

impl ListOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        if self.host.is_some() == self.cluster.is_some() {
            return Err(Error::invalid_input(
                "listing manageable volumes or snapshots needs exactly one of host and cluster",
            ));
        }
        check_field(client, "cluster", self.cluster.is_some(), Some("3.17"), None)
    }
}

/// A listing of manageable objects (volumes here, snapshots in `manageable_snapshots`),
/// its options checked first.
pub(crate) fn listing<T>(
    client: &ServiceClient,
    op: &'static crate::operation::Op<Vec<T>>,
    opts: &ListOpts,
    links: &'static str,
) -> Pager<T> {
    let mut req = client.request(op, &[]).query(opts);
    if let Err(e) = opts.check(client) {
        req = req.fail_with(e);
    }
    req.paged(PageStyle::Links(links))
}

/// Lists the volumes a backend could hand over (3.8; admin).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<ManageableVolumeSummary> {
    listing(client, &LIST, opts, "manageable-volumes_links")
}

/// Lists them with details (3.8; admin).
pub fn list_detail(client: &ServiceClient, opts: &ListOpts) -> Pager<ManageableVolume> {
    listing(client, &LIST_DETAIL, opts, "manageable-volumes_links")
}

/// A storage object to manage: where it is (a host, or a cluster from 3.16), how the
/// backend names it, and the new volume's attributes.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::manageable_volumes::ManageOpts;
/// let o = ManageOpts::by_name("cinder@lvm#lvm", "existingLV").name("adopted").bootable(true);
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({
///     "host": "cinder@lvm#lvm", "ref": {"source-name": "existingLV"},
///     "name": "adopted", "bootable": true}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ManageOpts {
    /// The backend host (`host@backend#pool`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The cluster (3.16; instead of `host`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// How the backend names it (`{"source-name": …}` or `{"source-id": …}`, driver
    /// dependent).
    #[serde(rename = "ref")]
    pub reference: BTreeMap<String, Value>,
    /// The volume's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The volume's description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The volume type (name or ID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_type: Option<String>,
    /// The availability zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
    /// Mark it bootable.
    #[serde(
        default,
        deserialize_with = "bool_or_text_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub bootable: Option<bool>,
    /// Metadata items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
}

fn bool_or_text_opt<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<bool>, D::Error> {
    crate::de::bool_or_text(d).map(Some)
}

impl ManageOpts {
    /// The object `reference` on `host`.
    pub fn new(host: impl Into<String>, reference: BTreeMap<String, Value>) -> Self {
        ManageOpts {
            host: Some(host.into()),
            reference,
            ..Default::default()
        }
    }

    /// The object named `source_name` on `host`.
    pub fn by_name(host: impl Into<String>, source_name: impl Into<String>) -> Self {
        let mut reference = BTreeMap::new();
        reference.insert("source-name".to_string(), Value::String(source_name.into()));
        Self::new(host, reference)
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

    /// Sets the volume type.
    pub fn volume_type(mut self, t: impl Into<String>) -> Self {
        self.volume_type = Some(t.into());
        self
    }

    /// Marks it bootable or not.
    pub fn bootable(mut self, b: bool) -> Self {
        self.bootable = Some(b);
        self
    }

    /// Adds a metadata item.
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.metadata
            .get_or_insert_with(BTreeMap::new)
            .insert(key.into(), value.into());
        self
    }
}

impl Validate for ManageOpts {
    fn validate(&self) -> Result<()> {
        if self.reference.is_empty() {
            return Err(Error::invalid_input(
                "ref is required (how the backend names the object)",
            ));
        }
        if self.host.is_some() == self.cluster.is_some() {
            return Err(Error::invalid_input(
                "managing a volume needs exactly one of host and cluster",
            ));
        }
        Ok(())
    }
}

/// Manages an existing storage object as a new volume (3.8; admin) and returns it
/// (`creating`; wait for `available`). Cinder answers with the base version's fields
/// whatever the microversion.
pub async fn manage(client: &ServiceClient, opts: &ManageOpts) -> ApiResult<Volume> {
    if let Err(e) = check_field(client, "cluster", opts.cluster.is_some(), Some("3.16"), None) {
        return ApiResult::from_error(e);
    }
    client.request(&MANAGE, &[]).body(opts).send().await
}

/// Manages an existing storage object through the v2 API's `POST /os-volume-manage`
/// (use [`manage`] on v3 clouds from 3.8).
pub async fn manage_v2(client: &ServiceClient, opts: &ManageOpts) -> ApiResult<Volume> {
    if let Err(e) = check_field(client, "cluster", opts.cluster.is_some(), Some("3.16"), None) {
        return ApiResult::from_error(e);
    }
    client.request(&MANAGE_V2, &[]).body(opts).send().await
}
