//! Server tags (microversion 2.26 and later).
//!
//! A server has at most 50 tags; a tag is 1 to 60 characters without `/` or `,`. The SDK
//! checks both before sending.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::server_tags;
//! let compute = compute.with_microversion("2.26");
//! let id = "0e44cc9c-e052-415d-afbf-469b0d384170";
//! server_tags::add(&compute, id, "prod").await.ok()?;
//! assert!(server_tags::has(&compute, id, "prod").await?);
//! let tags = server_tags::replace(&compute, id, &["web", "eu"]).await.extract()?.tags;
//! server_tags::delete(&compute, id, "web").await.ok()?;
//! server_tags::delete_all(&compute, id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// List the tags of a server.
    LIST = GET "/servers/{server_id}/tags" since("2.26") response(Tags);
    /// Replace the tags of a server.
    REPLACE = PUT "/servers/{server_id}/tags" since("2.26") request(Tags) response(Tags);
    /// Remove every tag of a server.
    DELETE_ALL = DELETE "/servers/{server_id}/tags" since("2.26");
    /// Check that a server has a tag (204, or 404).
    CHECK = GET "/servers/{server_id}/tags/{tag}" since("2.26");
    /// Add one tag to a server.
    ADD = PUT "/servers/{server_id}/tags/{tag}" since("2.26");
    /// Remove one tag from a server.
    DELETE = DELETE "/servers/{server_id}/tags/{tag}" since("2.26");
}

/// The most tags a server can have.
pub const MAX_TAGS: usize = 50;

/// The longest tag, in characters.
pub const MAX_TAG_LENGTH: usize = 60;

/// The tags of a server.
///
/// ```
/// use ferrocloud::openstack::compute::v2::server_tags::Tags;
/// use ferrocloud::request::Validate;
/// assert!(Tags::new(["a", "b"]).validate().is_ok());
/// assert!(Tags::new(["a,b"]).validate().unwrap_err().to_string().contains("a,b"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Tags {
    /// The tags.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub tags: Vec<String>,
}

impl Tags {
    /// These tags.
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(tags: I) -> Self {
        Tags {
            tags: tags.into_iter().map(Into::into).collect(),
        }
    }
}

impl Validate for Tags {
    fn validate(&self) -> Result<()> {
        if self.tags.len() > MAX_TAGS {
            return Err(Error::invalid_input(format!(
                "tags: a server has at most {MAX_TAGS} tags ({} given)",
                self.tags.len()
            )));
        }
        self.tags.iter().try_for_each(|t| check_tag(t))
    }
}

/// Checks one tag as Nova does: 1 to 60 characters, no `/` and no `,`.
///
/// ```
/// use ferrocloud::openstack::compute::v2::server_tags::check_tag;
/// assert!(check_tag("prod").is_ok());
/// assert!(check_tag("").is_err());
/// assert!(check_tag("a/b").is_err());
/// ```
pub fn check_tag(tag: &str) -> Result<()> {
    let n = tag.chars().count();
    if n == 0 || n > MAX_TAG_LENGTH || tag.contains(['/', ',']) {
        return Err(Error::invalid_input(format!(
            "tag {tag:?} must be 1 to {MAX_TAG_LENGTH} characters without '/' or ','"
        )));
    }
    Ok(())
}

/// Lists the tags of a server.
pub async fn list(client: &ServiceClient, server_id: &str) -> ApiResult<Tags> {
    client.request(&LIST, &[server_id]).send().await
}

/// Replaces the tags of a server (an empty list removes them all). Returns the new tags.
pub async fn replace<S: AsRef<str>>(
    client: &ServiceClient,
    server_id: &str,
    tags: &[S],
) -> ApiResult<Tags> {
    let tags = Tags::new(tags.iter().map(|t| t.as_ref()));
    client
        .request(&REPLACE, &[server_id])
        .body(&tags)
        .send()
        .await
}

/// Removes every tag of a server.
pub async fn delete_all(client: &ServiceClient, server_id: &str) -> ApiResult<()> {
    client.request(&DELETE_ALL, &[server_id]).send().await
}

/// Whether a server has `tag`: `Ok(false)` when Nova answers 404 for the tag (a missing
/// server is an error too, told apart by its message only; check the server first when
/// that matters).
pub async fn has(client: &ServiceClient, server_id: &str, tag: &str) -> Result<bool> {
    check_tag(tag)?;
    client
        .request(&CHECK, &[server_id, tag])
        .ok_codes(&[200, 204])
        .send()
        .await
        .exists()
}

/// Adds one tag to a server (201 when added, 204 when it was there already).
pub async fn add(client: &ServiceClient, server_id: &str, tag: &str) -> ApiResult<()> {
    if let Err(e) = check_tag(tag) {
        return ApiResult::from_error(e);
    }
    client.request(&ADD, &[server_id, tag]).send().await
}

/// Removes one tag from a server (404 when the server does not have it).
pub async fn delete(client: &ServiceClient, server_id: &str, tag: &str) -> ApiResult<()> {
    client.request(&DELETE, &[server_id, tag]).send().await
}
