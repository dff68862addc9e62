//! User messages (3.3): what went wrong with a request that failed after Cinder accepted
//! it (a volume that could not be scheduled, a backup that failed), kept for a while
//! (`guaranteed_until`), listed per project.
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::messages;
//! let volumes = volumes.with_microversion("3.3");
//! for m in messages::list(&volumes, &Default::default()).all().await? {
//!     println!("{} {}: {}", m.resource_type, m.resource_uuid.unwrap_or_default(), m.user_message);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "block-storage";
    /// List messages.
    LIST = GET "/messages" since("3.3") list("messages", Message);
    /// Show a message.
    GET = GET "/messages/{message_id}" since("3.3") response("message", Message);
    /// Delete a message.
    DELETE = DELETE "/messages/{message_id}" since("3.3");
}

/// The operations the v2 API documents: none (3.3).
pub static V2_OPERATIONS: &[&crate::Operation] = &[];

/// A user message.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Message {
    /// The ID.
    pub id: String,
    /// The message for people.
    pub user_message: String,
    /// `ERROR` (the only level Cinder writes).
    pub message_level: String,
    /// What happened, as a code (`VOLUME_000002`).
    pub event_id: String,
    /// The kind of resource (`VOLUME`, `VOLUME_SNAPSHOT`, `VOLUME_BACKUP`…).
    pub resource_type: String,
    /// The resource.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub resource_uuid: Option<String>,
    /// The request that failed.
    pub request_id: String,
    /// When it was written.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// Until when it is kept.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub guaranteed_until: Option<Timestamp>,
    /// Links (`self`, `bookmark`).
    #[serde(default)]
    pub links: Vec<crate::de::Link>,
}

crate::operation::extract_fn! {
    /// The messages of a page of [`list`].
    extract_messages, Message
}

/// What [`list`] filters on.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Paging, sorting and filters (`resource_uuid`, `event_id`, `message_level`…).
    #[serde(flatten)]
    pub controls: ListControls,
}

/// Lists the project's messages, following `messages_links`.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Message> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("messages_links"))
}

/// Shows a message.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Message> {
    client.request(&GET, &[id]).send().await
}

/// Deletes a message (`204`).
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}
