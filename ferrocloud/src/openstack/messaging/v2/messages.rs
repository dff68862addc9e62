//! Messages of a queue: posted in batches, listed (not the client's own unless `echo`,
//! not claimed ones unless `include_claimed`), read by ID, deleted by ID (with the claim
//! ID when claimed) or taken off the queue (`pop`).
//!
//! ```no_run
//! # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::messaging::v2::messages::{self, ListOpts, NewMessage, PostOpts};
//! let post = PostOpts::new()
//!     .message(NewMessage::new(serde_json::json!({"event": "BackupStarted"})).ttl(300));
//! let ids = messages::post(&zaqar, "backups", &post).await.extract()?.ids();
//! let opts = ListOpts { echo: Some(true), ..Default::default() };
//! for m in messages::list(&zaqar, "backups", &opts).all().await? {
//!     println!("{:?} {}", m.message_id(), m.body);
//! }
//! messages::delete_by_ids(&zaqar, "backups", &ids).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::common::{Paging, last_segment, query_value, request};
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, RequestBuilder, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "messaging";
    /// Post messages (`201`).
    POST = POST "/queues/{queue_name}/messages" request(PostOpts) response(Posted);
    /// List messages; with `ids`, read a set of messages.
    LIST = GET "/queues/{queue_name}/messages" list("messages", Message);
    /// Delete a set of messages by ID (`204`).
    DELETE_SET = DELETE "/queues/{queue_name}/messages";
    /// Take messages off the queue (`pop`): delete them and answer them.
    POP = DELETE "/queues/{queue_name}/messages" list("messages", Message);
    /// Show a message.
    GET = GET "/queues/{queue_name}/messages/{message_id}" response(Message);
    /// Delete a message (`204`), with its claim ID when it is claimed.
    DELETE = DELETE "/queues/{queue_name}/messages/{message_id}";
}

/// A message.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Message {
    /// The ID (some answers carry only the `href`: see [`Message::message_id`]).
    #[serde(default)]
    pub id: Option<String>,
    /// Its path, with `?claim_id=` when it is claimed.
    #[serde(default)]
    pub href: Option<String>,
    /// Its time to live, in seconds.
    pub ttl: u64,
    /// Seconds since it was posted.
    pub age: u64,
    /// The body, any JSON.
    pub body: Value,
    /// The checksum of the body (`MD5:…`), in recent Zaqar.
    #[serde(default)]
    pub checksum: Option<String>,
    /// The claim holding it (in `pop` answers).
    #[serde(default)]
    pub claim_id: Option<String>,
    /// How many times it was claimed.
    #[serde(default)]
    pub claim_count: Option<u64>,
}

impl Message {
    /// The ID: `id`, or the last segment of `href`.
    ///
    /// ```
    /// let m: ferrocloud::openstack::messaging::v2::messages::Message = serde_json::from_value(serde_json::json!({
    ///     "href": "/v2/queues/q/messages/51db6f78?claim_id=51db7067", "ttl": 300, "age": 2, "body": 1})).unwrap();
    /// assert_eq!(m.message_id().as_deref(), Some("51db6f78"));
    /// assert_eq!(m.claim_id().as_deref(), Some("51db7067"));
    /// ```
    pub fn message_id(&self) -> Option<String> {
        self.id
            .clone()
            .or_else(|| self.href.as_deref().and_then(last_segment))
    }

    /// The claim holding it: `claim_id`, or the `claim_id` of `href`.
    pub fn claim_id(&self) -> Option<String> {
        self.claim_id
            .clone()
            .or_else(|| self.href.as_deref().and_then(|h| query_value(h, "claim_id")))
    }
}

crate::operation::extract_fn! {
    /// The messages of a page of [`list`].
    extract_messages, Message
}

/// One message to post: a body (any JSON), and optionally its time to live and delay
/// (seconds; the queue's defaults otherwise).
///
/// ```
/// use ferrocloud::openstack::messaging::v2::messages::NewMessage;
/// let m = NewMessage::new(serde_json::json!({"a": 1})).ttl(300).delay(20);
/// assert_eq!(serde_json::to_value(&m).unwrap(),
///     serde_json::json!({"ttl": 300, "delay": 20, "body": {"a": 1}}));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewMessage {
    /// Its time to live, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<u64>,
    /// Seconds before it can be claimed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay: Option<u64>,
    /// The body.
    pub body: Value,
}

impl NewMessage {
    /// A message with this body.
    ///
    /// ```
    /// let m = ferrocloud::openstack::messaging::v2::messages::NewMessage::new("hello");
    /// assert_eq!(m.body, "hello");
    /// ```
    pub fn new(body: impl Into<Value>) -> Self {
        NewMessage {
            ttl: None,
            delay: None,
            body: body.into(),
        }
    }

    /// Sets the time to live.
    ///
    /// ```
    /// assert_eq!(ferrocloud::openstack::messaging::v2::messages::NewMessage::new(1).ttl(60).ttl, Some(60));
    /// ```
    pub fn ttl(mut self, seconds: u64) -> Self {
        self.ttl = Some(seconds);
        self
    }

    /// Sets the delay.
    ///
    /// ```
    /// assert_eq!(ferrocloud::openstack::messaging::v2::messages::NewMessage::new(1).delay(5).delay, Some(5));
    /// ```
    pub fn delay(mut self, seconds: u64) -> Self {
        self.delay = Some(seconds);
        self
    }
}

/// What [`post`] sends: one or more messages.
///
/// ```
/// use ferrocloud::openstack::messaging::v2::messages::{NewMessage, PostOpts};
/// let o = PostOpts::new().message(NewMessage::new(1));
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"messages": [{"body": 1}]}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PostOpts {
    /// The messages.
    pub messages: Vec<NewMessage>,
}

impl PostOpts {
    /// No messages yet.
    ///
    /// ```
    /// assert!(ferrocloud::openstack::messaging::v2::messages::PostOpts::new().messages.is_empty());
    /// ```
    pub fn new() -> Self {
        PostOpts::default()
    }

    /// Adds a message.
    ///
    /// ```
    /// use ferrocloud::openstack::messaging::v2::messages::{NewMessage, PostOpts};
    /// assert_eq!(PostOpts::new().message(NewMessage::new(1)).messages.len(), 1);
    /// ```
    pub fn message(mut self, m: NewMessage) -> Self {
        self.messages.push(m);
        self
    }
}

impl Validate for PostOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("messages", !self.messages.is_empty())
    }
}

/// The answer to [`post`]: the paths of the new messages.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Posted {
    /// The paths (`/v2/queues/<queue>/messages/<id>`).
    #[serde(default)]
    pub resources: Vec<String>,
}

impl Posted {
    /// The IDs of the new messages.
    ///
    /// ```
    /// let p: ferrocloud::openstack::messaging::v2::messages::Posted = serde_json::from_value(
    ///     serde_json::json!({"resources": ["/v2/queues/q/messages/51db6f78"]})).unwrap();
    /// assert_eq!(p.ids(), ["51db6f78"]);
    /// ```
    pub fn ids(&self) -> Vec<String> {
        self.resources
            .iter()
            .filter_map(|r| last_segment(r))
            .collect()
    }
}

/// What [`list`] takes.
///
/// ```
/// use ferrocloud::openstack::messaging::v2::messages::ListOpts;
/// let o = ListOpts { echo: Some(true), include_claimed: Some(true), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()),
///     "echo=true&include_claimed=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Paging.
    #[serde(flatten)]
    pub paging: Paging,
    /// Include the messages this client (its `Client-ID`) posted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub echo: Option<bool>,
    /// Include claimed messages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_claimed: Option<bool>,
    /// Include messages still delayed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_delayed: Option<bool>,
}

/// `rb` with the IDs as Zaqar reads them: one `ids` parameter per ID (Zaqar splits a
/// list at literal commas only, and a query's commas are sent encoded), at least one,
/// none empty.
fn with_ids<R>(rb: RequestBuilder<R>, ids: &[impl AsRef<str>]) -> Result<RequestBuilder<R>> {
    if ids.is_empty() || ids.iter().any(|i| i.as_ref().trim().is_empty()) {
        return Err(Error::invalid_input("message IDs must be given, none empty"));
    }
    Ok(ids
        .iter()
        .fold(rb, |rb, id| rb.query_pair("ids", id.as_ref())))
}

/// Posts messages (`201`).
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::messaging::v2::messages::{self, NewMessage, PostOpts};
/// messages::post(&zaqar, "q", &PostOpts::new().message(NewMessage::new("hi"))).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn post(client: &ServiceClient, queue: &str, opts: &PostOpts) -> ApiResult<Posted> {
    request(client, &POST, &[queue]).body(opts).send().await
}

/// Lists a queue's messages, following `links` (which keep `echo` and `include_claimed`).
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let all = ferrocloud::openstack::messaging::v2::messages::list(&zaqar, "q", &Default::default()).all().await?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, queue: &str, opts: &ListOpts) -> Pager<Message> {
    request(client, &LIST, &[queue])
        .query(opts)
        .paged(PageStyle::RootedLinks("links"))
}

/// Reads a set of messages by ID (those gone are left out).
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let ms = ferrocloud::openstack::messaging::v2::messages::get_by_ids(&zaqar, "q", &["578f0055"]).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get_by_ids(
    client: &ServiceClient,
    queue: &str,
    ids: &[impl AsRef<str>],
) -> ApiResult<Vec<Message>> {
    match with_ids(request(client, &LIST, &[queue]), ids) {
        Ok(rb) => rb.send().await,
        Err(e) => ApiResult::from_error(e),
    }
}

/// Deletes a set of messages by ID (`204`).
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::messaging::v2::messages::delete_by_ids(&zaqar, "q", &["578f0055"]).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete_by_ids(
    client: &ServiceClient,
    queue: &str,
    ids: &[impl AsRef<str>],
) -> ApiResult<()> {
    match with_ids(request(client, &DELETE_SET, &[queue]), ids) {
        Ok(rb) => rb.send().await,
        Err(e) => ApiResult::from_error(e),
    }
}

/// Takes up to `count` messages off the queue (1 to 20): they are deleted, and answered.
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let taken = ferrocloud::openstack::messaging::v2::messages::pop(&zaqar, "q", 5).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn pop(client: &ServiceClient, queue: &str, count: u32) -> ApiResult<Vec<Message>> {
    let rb = request(client, &POP, &[queue]).query_pair("pop", count.to_string());
    if count == 0 {
        return ApiResult::from_error(Error::invalid_input("pop takes at least one message"));
    }
    rb.send().await
}

/// Shows a message.
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let m = ferrocloud::openstack::messaging::v2::messages::get(&zaqar, "q", "578f0055").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, queue: &str, id: &str) -> ApiResult<Message> {
    request(client, &GET, &[queue, id]).send().await
}

/// Deletes a message (`204`); a claimed message needs the ID of its claim.
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::messaging::v2::messages::delete(&zaqar, "q", "578f0055", Some("51db7067")).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete(
    client: &ServiceClient,
    queue: &str,
    id: &str,
    claim_id: Option<&str>,
) -> ApiResult<()> {
    let mut rb = request(client, &DELETE, &[queue, id]);
    if let Some(c) = claim_id {
        rb = rb.query_pair("claim_id", c);
    }
    rb.send().await
}
