//! Shares (Manila) attached to a server (microversion 2.97 and later).
//!
//! A share is attached to a stopped server and mounted in the guest by its tag
//! (virtiofs). Attaching is asynchronous: the attachment goes from `attaching` to
//! `inactive` (and `active` while the server runs). Admins also see the attachment's
//! `uuid` and the share's `export_location`.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::server_shares::{self, AttachOpts};
//! let compute = compute.with_microversion("2.97");
//! let server = "0e44cc9c-e052-415d-afbf-469b0d384170";
//! let share = server_shares::attach(&compute, server, &AttachOpts::new("e8debdc0-447a-4376-a10a-4cd9122d7986").tag("data")).await.extract()?;
//! println!("{} is {}", share.tag, share.status);
//! let all = server_shares::extract_shares(&server_shares::list(&compute, server).all_pages().await?)?;
//! server_shares::detach(&compute, server, &share.share_id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// List the shares attached to a server.
    LIST = GET "/servers/{server_id}/shares" since("2.97") list("shares", ShareAttachment);
    /// Attach a share to a (stopped) server.
    ATTACH = POST "/servers/{server_id}/shares" since("2.97") request("share", AttachOpts) response("share", ShareAttachment);
    /// Show one share attachment of a server.
    GET = GET "/servers/{server_id}/shares/{share_id}" since("2.97") response("share", ShareAttachment);
    /// Detach a share from a (stopped) server.
    DETACH = DELETE "/servers/{server_id}/shares/{share_id}" since("2.97");
}

/// A share attached to a server.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ShareAttachment {
    /// The share's ID.
    pub share_id: String,
    /// `attaching`, `inactive`, `active`, `detaching` or `error`.
    pub status: String,
    /// The tag the guest mounts it by.
    pub tag: String,
    /// The attachment's ID (admins only).
    #[serde(default)]
    pub uuid: Option<String>,
    /// The share's export location (admins only).
    #[serde(default)]
    pub export_location: Option<String>,
}

/// A share to attach.
///
/// ```
/// use ferrocloud::openstack::compute::v2::server_shares::AttachOpts;
/// use ferrocloud::request::Validate;
/// assert!(AttachOpts::new("s-1").tag("my-share").validate().is_ok());
/// assert!(AttachOpts::new("s-1").tag("my share").validate().unwrap_err().to_string().contains("tag"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct AttachOpts {
    /// The share's ID (required).
    pub share_id: String,
    /// The tag the guest mounts it by (default: the share's ID); 1 to 255 letters,
    /// digits and `-`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
}

impl AttachOpts {
    /// Attach the share `share_id`.
    pub fn new(share_id: impl Into<String>) -> Self {
        AttachOpts {
            share_id: share_id.into(),
            tag: None,
        }
    }

    /// Sets the tag.
    pub fn tag(mut self, tag: impl Into<String>) -> Self {
        self.tag = Some(tag.into());
        self
    }
}

impl Validate for AttachOpts {
    fn validate(&self) -> Result<()> {
        require("share_id", !self.share_id.is_empty())?;
        if let Some(t) = &self.tag {
            let ok = (1..=255).contains(&t.len())
                && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
            if !ok {
                return Err(Error::invalid_input(format!(
                    "tag {t:?} must be 1 to 255 letters, digits and '-'"
                )));
            }
        }
        Ok(())
    }
}

/// Lists the shares attached to a server (one page).
pub fn list(client: &ServiceClient, server_id: &str) -> Pager<ShareAttachment> {
    client.request(&LIST, &[server_id]).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The share attachments of a page.
    extract_shares, ShareAttachment
}

/// Attaches a share to a stopped server (Nova answers 201).
pub async fn attach(
    client: &ServiceClient,
    server_id: &str,
    opts: &AttachOpts,
) -> ApiResult<ShareAttachment> {
    client
        .request(&ATTACH, &[server_id])
        .body(opts)
        .send()
        .await
}

/// Shows the attachment of the share `share_id` to a server.
pub async fn get(
    client: &ServiceClient,
    server_id: &str,
    share_id: &str,
) -> ApiResult<ShareAttachment> {
    client.request(&GET, &[server_id, share_id]).send().await
}

/// Detaches the share `share_id` from a stopped (or errored) server.
pub async fn detach(client: &ServiceClient, server_id: &str, share_id: &str) -> ApiResult<()> {
    client.request(&DETACH, &[server_id, share_id]).send().await
}
