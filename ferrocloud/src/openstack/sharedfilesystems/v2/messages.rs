//! User messages (2.37): what Manila tells a project about asynchronous failures (a
//! share that could not be scheduled, a failed extension…). The share waiter adds the
//! latest one to its error.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::messages::{self, ListOpts};
//! let opts = ListOpts { resource_id: Some("011d21e2".into()), ..Default::default() };
//! for m in messages::extract(&messages::list(&manila, &opts).all_pages().await?)? {
//!     println!("{}: {}", m.created_at, m.user_message);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{self, ListControls};
use crate::dates::Timestamp;
use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "shared-file-system";
    /// List user messages.
    LIST = GET "/messages" since("2.37") list("messages", Message);
    /// Show a user message.
    GET = GET "/messages/{message_id}" since("2.37") response("message", Message);
    /// Delete a user message.
    DELETE = DELETE "/messages/{message_id}" since("2.37");
}

/// A user message.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Message {
    /// The ID.
    pub id: String,
    /// What was being done (`001`: allocate host…).
    pub action_id: String,
    /// Why it failed (`002`: no valid host…).
    pub detail_id: String,
    /// The level (`ERROR`).
    pub message_level: String,
    /// The text for the user.
    pub user_message: String,
    /// The project.
    pub project_id: String,
    /// The request that failed.
    pub request_id: String,
    /// The resource concerned.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub resource_id: Option<String>,
    /// Its type (`SHARE`, `SHARE_GROUP`…).
    pub resource_type: String,
    /// When it was written.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When Manila deletes it.
    #[serde(with = "crate::dates::timestamp")]
    pub expires_at: Timestamp,
    /// Links.
    #[serde(default)]
    pub links: Vec<crate::de::Link>,
}

/// Filters of [`list`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Messages about this resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<String>,
    /// Messages about resources of this type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    /// Messages of this action.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action_id: Option<String>,
    /// Messages with this detail.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail_id: Option<String>,
    /// Messages of this level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_level: Option<String>,
    /// Messages of this request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// Messages of this project (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Messages written since (2.52; ISO 8601).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_since: Option<String>,
    /// Messages written before (2.52; ISO 8601).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_before: Option<String>,
    /// Paging, sorting and other filters.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// Lists user messages, following `messages_links`.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> crate::pagination::Pager<Message> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(crate::pagination::PageStyle::Links("messages_links"))
}

crate::operation::extract_fn! {
    /// The messages of a page of [`list`].
    extract, Message
}

/// Shows a user message.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Message> {
    client.request(&GET, &[id]).send().await
}

/// Deletes a user message.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

/// The text of the latest message about `resource_id`, when the client reads messages
/// (2.37) and Manila wrote one; errors are not reported (this only adds detail).
pub(crate) async fn latest_for(client: &ServiceClient, resource_id: &str) -> Option<String> {
    common::need(client, "user messages", 37).ok()?;
    let opts = ListOpts {
        resource_id: Some(resource_id.to_string()),
        controls: ListControls::default()
            .limit(1)
            .sort("created_at", common::SortDir::Desc),
        ..ListOpts::default()
    };
    let page = client
        .request(&LIST, &[])
        .query(&opts)
        .send()
        .await
        .extract()
        .ok()?;
    page.into_iter().next().map(|m| m.user_message)
}
