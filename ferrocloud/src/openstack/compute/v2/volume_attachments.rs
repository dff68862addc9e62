//! Volumes attached to a server: attach, list, show, update or swap, detach
//! (`os-volume_attachments`).
//!
//! Attaching and detaching are asynchronous: wait for the volume's status in the block
//! storage service (`in-use`, then `available`). Fields of the attachment appear with
//! microversions: `tag` (2.70), `delete_on_termination` (2.79), `attachment_id` and
//! `bdm_uuid` (2.89, when `id` goes away). From 2.101 an attach answers 202 without a
//! body: check it with `.ok()` and read the attachment with
//! [`get`](crate::openstack::compute::v2::volume_attachments::get).
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::volume_attachments::{self, AttachOpts, UpdateOpts};
//! let compute = compute.with_microversion("2.89");
//! let server = "0e44cc9c-e052-415d-afbf-469b0d384170";
//! let volume = "a07f71dc-8151-4e7d-a0cc-cd24a3f11113";
//!
//! let opts = AttachOpts::new(volume).tag("data").delete_on_termination(true);
//! let att = volume_attachments::attach(&compute, server, &opts).await.extract()?;
//! println!("attached as {:?}", att.device);
//!
//! let keep = UpdateOpts { delete_on_termination: Some(false), ..Default::default() };
//! volume_attachments::update(&compute, server, volume, &keep).await.ok()?;
//! volume_attachments::detach(&compute, server, volume).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// List the volume attachments of a server.
    LIST = GET "/servers/{server_id}/os-volume_attachments" list("volumeAttachments", VolumeAttachment);
    /// Attach a volume to a server.
    ATTACH = POST "/servers/{server_id}/os-volume_attachments" request("volumeAttachment", AttachOpts) response("volumeAttachment", VolumeAttachment);
    /// Show one volume attachment of a server.
    GET = GET "/servers/{server_id}/os-volume_attachments/{volume_id}" response("volumeAttachment", VolumeAttachment);
    /// Update a volume attachment (2.85+: `delete_on_termination`), or swap the
    /// attached volume for another one (when `volumeId` differs from the path; admin,
    /// normally called by the block storage service during a volume migration).
    UPDATE = PUT "/servers/{server_id}/os-volume_attachments/{volume_id}" request("volumeAttachment", UpdateOpts);
    /// Detach a volume from a server.
    DETACH = DELETE "/servers/{server_id}/os-volume_attachments/{volume_id}";
}

/// A volume attached to a server.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct VolumeAttachment {
    /// The volume's ID.
    #[serde(rename = "volumeId")]
    pub volume_id: String,
    /// The server's ID.
    #[serde(rename = "serverId")]
    pub server_id: String,
    /// The device name in the guest (`/dev/vdb`); may be unknown (`None`).
    #[serde(default)]
    pub device: Option<String>,
    /// The attachment's ID, which is the volume's ID (before 2.89).
    #[serde(default)]
    pub id: Option<String>,
    /// The device tag (2.70+; `None` when untagged).
    #[serde(default)]
    pub tag: Option<String>,
    /// Whether the volume is deleted with the server (2.79+).
    #[serde(default)]
    pub delete_on_termination: Option<bool>,
    /// The block storage attachment's ID (2.89+).
    #[serde(default)]
    pub attachment_id: Option<String>,
    /// The ID of Nova's block device mapping (2.89+).
    #[serde(default)]
    pub bdm_uuid: Option<String>,
}

/// Paging for listing the volume attachments of a server.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Page size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// How many attachments to skip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
}

/// A volume to attach.
///
/// ```
/// use ferrocloud::openstack::compute::v2::volume_attachments::AttachOpts;
/// use ferrocloud::request::Validate;
/// let o = AttachOpts::new("vol-1").device("/dev/vdb");
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"volumeId": "vol-1", "device": "/dev/vdb"}));
/// assert!(AttachOpts::new("vol-1").device("vdb").validate().unwrap_err().to_string().contains("device"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct AttachOpts {
    /// The volume's ID (required).
    #[serde(rename = "volumeId")]
    pub volume_id: String,
    /// The device name to ask for (`/dev/vdb`). Most hypervisors ignore it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
    /// A device tag, exposed to the guest through the metadata (2.49+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// Whether to delete the volume with the server (2.79+; default false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_on_termination: Option<bool>,
}

impl AttachOpts {
    /// Attach the volume `volume_id`.
    pub fn new(volume_id: impl Into<String>) -> Self {
        AttachOpts {
            volume_id: volume_id.into(),
            ..Default::default()
        }
    }

    /// Asks for a device name.
    pub fn device(mut self, device: impl Into<String>) -> Self {
        self.device = Some(device.into());
        self
    }

    /// Sets the device tag (2.49+).
    pub fn tag(mut self, tag: impl Into<String>) -> Self {
        self.tag = Some(tag.into());
        self
    }

    /// Deletes the volume with the server (2.79+).
    pub fn delete_on_termination(mut self, delete: bool) -> Self {
        self.delete_on_termination = Some(delete);
        self
    }
}

impl Validate for AttachOpts {
    fn validate(&self) -> Result<()> {
        require("volumeId", !self.volume_id.is_empty())?;
        check_device(self.device.as_deref())?;
        check_tag(self.tag.as_deref())
    }
}

/// Changes to a volume attachment. `volume_id` is the attached volume (filled in from
/// the path when empty); a different volume asks for a swap. The other fields need
/// microversion 2.85; of them only `delete_on_termination` can change, the others must
/// repeat the current values.
///
/// ```
/// use ferrocloud::openstack::compute::v2::volume_attachments::UpdateOpts;
/// let o = UpdateOpts { volume_id: "vol-1".into(), delete_on_termination: Some(true), ..Default::default() };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"volumeId": "vol-1", "delete_on_termination": true}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct UpdateOpts {
    /// The volume attached after the update: the current one, or the one to swap to.
    #[serde(rename = "volumeId")]
    pub volume_id: String,
    /// Whether to delete the volume with the server (2.85+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_on_termination: Option<bool>,
    /// The attachment's ID, unchanged (2.85+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The server's ID, unchanged (2.85+).
    #[serde(default, rename = "serverId", skip_serializing_if = "Option::is_none")]
    pub server_id: Option<String>,
    /// The device name, unchanged (2.85+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
    /// The device tag, unchanged (2.85+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
}

impl UpdateOpts {
    fn has_2_85_fields(&self) -> bool {
        self.delete_on_termination.is_some()
            || self.id.is_some()
            || self.server_id.is_some()
            || self.device.is_some()
            || self.tag.is_some()
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        require("volumeId", !self.volume_id.is_empty())?;
        check_device(self.device.as_deref())?;
        check_tag(self.tag.as_deref())
    }
}

/// A device name as Nova accepts it: `/dev/`, letters, then digits (`/dev/vdb`,
/// `/dev/xvda1`).
fn check_device(device: Option<&str>) -> Result<()> {
    let Some(d) = device else { return Ok(()) };
    let ok = d.strip_prefix("/dev/").is_some_and(|rest| {
        let letters = rest.bytes().take_while(u8::is_ascii_lowercase).count();
        letters > 0 && rest.bytes().skip(letters).all(|b| b.is_ascii_digit())
    });
    if ok {
        Ok(())
    } else {
        Err(Error::invalid_input(format!(
            "device {d:?} must look like /dev/vdb (/dev/, lowercase letters, digits)"
        )))
    }
}

fn check_tag(tag: Option<&str>) -> Result<()> {
    let Some(t) = tag else { return Ok(()) };
    let n = t.chars().count();
    if n == 0 || n > 60 || t.contains(['/', ',']) {
        return Err(Error::invalid_input(format!(
            "tag {t:?} must be 1 to 60 characters without '/' or ','"
        )));
    }
    Ok(())
}

/// Refuses a field the client's microversion does not have yet.
fn needs(client: &ServiceClient, field: &str, version: &str) -> Result<()> {
    crate::microversion::check_field(client, field, true, Some(version), None)
}

/// Lists the volume attachments of a server (one page; `limit` and `offset` page
/// through them).
pub fn list(client: &ServiceClient, server_id: &str, opts: &ListOpts) -> Pager<VolumeAttachment> {
    client
        .request(&LIST, &[server_id])
        .query(opts)
        .paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The attachments of a page.
    extract_volume_attachments, VolumeAttachment
}

/// Attaches a volume to a server. `tag` needs microversion 2.49 and
/// `delete_on_termination` 2.79 (refused before sending otherwise). From 2.101 Nova
/// answers without a body: use `.ok()` there.
pub async fn attach(
    client: &ServiceClient,
    server_id: &str,
    opts: &AttachOpts,
) -> ApiResult<VolumeAttachment> {
    let check = (|| -> Result<()> {
        if opts.tag.is_some() {
            needs(client, "tag", "2.49")?;
        }
        if opts.delete_on_termination.is_some() {
            needs(client, "delete_on_termination", "2.79")?;
        }
        Ok(())
    })();
    if let Err(e) = check {
        return ApiResult::from_error(e);
    }
    client
        .request(&ATTACH, &[server_id])
        .body(opts)
        .send()
        .await
}

/// Shows the attachment of the volume `volume_id` to a server.
pub async fn get(
    client: &ServiceClient,
    server_id: &str,
    volume_id: &str,
) -> ApiResult<VolumeAttachment> {
    client.request(&GET, &[server_id, volume_id]).send().await
}

/// Updates the attachment of the volume `volume_id` (2.85+ for anything but a swap);
/// `opts.volume_id` is filled in with `volume_id` when empty. Before 2.85 every update is
/// a swap. Nova answers 202 without a body.
pub async fn update(
    client: &ServiceClient,
    server_id: &str,
    volume_id: &str,
    opts: &UpdateOpts,
) -> ApiResult<()> {
    if opts.has_2_85_fields()
        && let Err(e) = needs(client, "updating an attachment's fields", "2.85") {
            return ApiResult::from_error(e);
        }
    let mut body = opts.clone();
    if body.volume_id.is_empty() {
        body.volume_id = volume_id.to_string();
    }
    client
        .request(&UPDATE, &[server_id, volume_id])
        .body(&body)
        .send()
        .await
}

/// Swaps the attached volume `old_volume_id` for `new_volume_id` (admin; Nova accepts it
/// only while the block storage service migrates the old volume). Answers 202.
pub async fn swap(
    client: &ServiceClient,
    server_id: &str,
    old_volume_id: &str,
    new_volume_id: &str,
) -> ApiResult<()> {
    if new_volume_id.is_empty() {
        return ApiResult::from_error(Error::invalid_input("the new volume ID must not be empty"));
    }
    let body = UpdateOpts {
        volume_id: new_volume_id.to_string(),
        ..Default::default()
    };
    client
        .request(&UPDATE, &[server_id, old_volume_id])
        .body(&body)
        .send()
        .await
}

/// Detaches the volume `volume_id` from a server (asynchronous: Nova answers 202).
pub async fn detach(client: &ServiceClient, server_id: &str, volume_id: &str) -> ApiResult<()> {
    client
        .request(&DETACH, &[server_id, volume_id])
        .send()
        .await
}
