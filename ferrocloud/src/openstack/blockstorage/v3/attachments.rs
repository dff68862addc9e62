//! Attachments (3.27): the new attach flow, in which Nova (or any consumer) reserves a
//! volume for an instance, gives its host's connector to get the connection info, and
//! completes the attachment once the host uses the volume (3.44); deleting the
//! attachment detaches.
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::attachments::{self, CreateOpts};
//! use ferrocloud::openstack::blockstorage::v3::volume_actions::Connector;
//! let volumes = volumes.with_microversion("3.44");
//! let a = attachments::create(&volumes, &CreateOpts::new("462dcc2d-130d-4654-8db1-da0df2da6a0d")).await.extract()?;
//! let connector = Connector { host: Some("node2".into()), ..Default::default() };
//! let a = attachments::update(&volumes, &a.id, &connector).await.extract()?;
//! println!("{:?}", a.connection_info.map(|c| c.driver_volume_type));
//! attachments::complete(&volumes, &a.id).await.ok()?;
//! attachments::delete(&volumes, &a.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::common::{Empty, ListControls};
use super::volume_actions::{ConnectionInfo, Connector};
use crate::dates::Timestamp;
use crate::microversion::check_field;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "block-storage";
    /// List attachments.
    LIST = GET "/attachments" since("3.27") list("attachments", Attachment);
    /// List attachments with details.
    LIST_DETAIL = GET "/attachments/detail" since("3.27") list("attachments", Attachment);
    /// Show an attachment.
    GET = GET "/attachments/{attachment_id}" since("3.27") response("attachment", Attachment);
    /// Create an attachment.
    CREATE = POST "/attachments" since("3.27") request("attachment", CreateOpts) response("attachment", Attachment);
    /// Update an attachment with a connector.
    UPDATE = PUT "/attachments/{attachment_id}" since("3.27") request("attachment", UpdateOpts) response("attachment", Attachment);
    /// Delete an attachment.
    DELETE = DELETE "/attachments/{attachment_id}" since("3.27");
    /// Complete an attachment (3.44).
    COMPLETE = POST "/attachments/{attachment_id}/action" since("3.44") request("os-complete", Empty);
}

/// The operations the v2 API documents: none (3.27).
pub static V2_OPERATIONS: &[&crate::Operation] = &[];

crate::openstack::blockstorage::v3::common::status_enum! {
    /// An attachment's status.
    AttachStatus {
        /// Reserved: no connector yet.
        Reserved = "reserved",
        /// Connected, not yet complete.
        Attaching = "attaching",
        /// Complete.
        Attached = "attached",
        /// Being detached.
        Detaching = "detaching",
        /// Detached.
        Detached = "detached",
        /// Failed.
        ErrorAttaching = "error_attaching",
        /// Failed to detach.
        ErrorDetaching = "error_detaching",
    }
}

/// An attachment. The short listing has the ID, status, instance and volume only.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Attachment {
    /// The ID.
    pub id: String,
    /// The status.
    pub status: AttachStatus,
    /// The instance.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub instance: Option<String>,
    /// The volume.
    pub volume_id: String,
    /// `rw` or `ro`.
    #[serde(default)]
    pub attach_mode: Option<String>,
    /// When it was attached.
    #[serde(default, with = "crate::dates::option")]
    pub attached_at: Option<Timestamp>,
    /// When it was detached.
    #[serde(default, with = "crate::dates::option")]
    pub detached_at: Option<Timestamp>,
    /// How the host reaches the volume, once a connector was given (none before: Cinder
    /// sends `{}`).
    #[serde(default, deserialize_with = "empty_as_none")]
    pub connection_info: Option<ConnectionInfo>,
}

/// `{}` (or `null`) as `None`.
fn empty_as_none<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<ConnectionInfo>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        Value::Object(m) if m.is_empty() => Ok(None),
        v => ConnectionInfo::deserialize(v)
            .map(Some)
            .map_err(serde::de::Error::custom),
    }
}

crate::operation::extract_fn! {
    /// The attachments of a page of [`list`] or [`list_detail`].
    extract_attachments, Attachment
}

/// What [`create`] sends.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The volume.
    pub volume_uuid: String,
    /// The instance (a server's ID; none for other consumers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_uuid: Option<String>,
    /// The host's connector: with one, the attachment is made at once (`attaching`) and
    /// answers with the connection info; without, it is `reserved`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector: Option<Connector>,
    /// `rw` or `ro` (3.54).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
}

impl CreateOpts {
    /// An attachment of `volume_uuid`.
    pub fn new(volume_uuid: impl Into<String>) -> Self {
        CreateOpts {
            volume_uuid: volume_uuid.into(),
            ..CreateOpts::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("volume_uuid", !self.volume_uuid.is_empty())
    }
}

/// What [`update`] sends: the connector.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// The host's connector.
    pub connector: Connector,
}

impl Validate for UpdateOpts {}

/// What the listings filter on.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// The volume's attachments.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume_id: Option<String>,
    /// The instance's attachments.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    /// Every project's (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_tenants: Option<bool>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// Lists attachments (the short form).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Attachment> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("attachments_links"))
}

/// Lists attachments with their details.
pub fn list_detail(client: &ServiceClient, opts: &ListOpts) -> Pager<Attachment> {
    client
        .request(&LIST_DETAIL, &[])
        .query(opts)
        .paged(PageStyle::Links("attachments_links"))
}

/// Shows an attachment.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Attachment> {
    client.request(&GET, &[id]).send().await
}

/// Creates an attachment; `mode` needs 3.54.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Attachment> {
    if let Err(e) = check_field(client, "mode", opts.mode.is_some(), Some("3.54"), None) {
        return ApiResult::from_error(e);
    }
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Gives a reserved attachment its host's connector; the answer holds the connection
/// info.
pub async fn update(client: &ServiceClient, id: &str, connector: &Connector) -> ApiResult<Attachment> {
    let body = UpdateOpts {
        connector: connector.clone(),
    };
    client.request(&UPDATE, &[id]).body(&body).send().await
}

/// Marks an attachment complete: the host uses the volume, which is `in-use` (`204`).
pub async fn complete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&COMPLETE, &[id]).body(&Empty {}).send().await
}

/// Deletes an attachment: the volume is detached (`available` when it was the last).
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}
