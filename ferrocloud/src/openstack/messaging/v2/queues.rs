//! Queues: created by name with their metadata (Zaqar's reserved `_`-prefixed settings
//! and any other keys), listed, shown, changed with a JSON Patch, purged, deleted; their
//! statistics; and pre-signed URLs that let others use a queue without a token.
//!
//! ```no_run
//! # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::messaging::v2::queues::{self, Metadata, PatchOp};
//! let meta = Metadata { default_message_ttl: Some(3600), ..Default::default() }
//!     .with("description", "billing");
//! queues::create(&zaqar, "billing", &meta).await.ok()?;
//! let change = [PatchOp::Replace { path: "/metadata/description".into(), value: "invoices".into() }];
//! queues::update(&zaqar, "billing", &change).await.extract()?;
//! let stats = queues::stats(&zaqar, "billing").await.extract()?;
//! println!("{} messages, {} claimed", stats.total, stats.claimed);
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::common::{Paging, request};
use crate::pagination::{Page, PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

pub use crate::patch::PatchOp;

/// The content type of a queue's JSON Patch.
pub const PATCH_CONTENT_TYPE: &str = "application/openstack-messaging-v2.0-json-patch";

crate::operations! {
    service: "messaging";
    /// List queues.
    LIST = GET "/queues" list("queues", Queue);
    /// Create a queue (`201`, or `204` when it exists).
    CREATE = PUT "/queues/{queue_name}" request(Metadata);
    /// Change a queue's metadata with a JSON Patch.
    UPDATE = PATCH "/queues/{queue_name}" request(Vec<PatchOp>)
        response(BTreeMap<String, Value>);
    /// Show a queue's metadata.
    GET = GET "/queues/{queue_name}" response(QueueMetadata);
    /// Delete a queue (`204`).
    DELETE = DELETE "/queues/{queue_name}";
    /// Show a queue's statistics.
    STATS = GET "/queues/{queue_name}/stats" response("messages", Stats);
    /// Create a pre-signed URL for a queue.
    SHARE = POST "/queues/{queue_name}/share" request(ShareOpts) response(Signed);
    /// Purge a queue's messages or subscriptions (`204`).
    PURGE = POST "/queues/{queue_name}/purge" request(PurgeOpts);
}

/// A queue as listed: its name, and its metadata with `detailed=true`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Queue {
    /// The name.
    pub name: String,
    /// Its path (`/v2/queues/<name>`).
    pub href: String,
    /// Its metadata (listed with `detailed`).
    #[serde(default)]
    pub metadata: Option<BTreeMap<String, Value>>,
}

impl crate::find::Named for Queue {
    fn id(&self) -> &str {
        &self.name
    }
    fn name(&self) -> &str {
        &self.name
    }
}

crate::operation::extract_fn! {
    /// The queues of a page of [`list`].
    extract_queues, Queue
}

/// The number of queues, when the listing asked for it (`with_count`): the `count` beside
/// the first page's queues.
///
/// ```
/// use ferrocloud::openstack::messaging::v2::queues::extract_count;
/// # let p = ferrocloud::ProviderClient::builder("http://k/v3").build().unwrap();
/// # let _ = p;
/// // `page` is the first page of `queues::list` with `with_count: Some(true)`.
/// # fn check(page: &ferrocloud::Page<ferrocloud::openstack::messaging::v2::queues::Queue>) {
/// let count = extract_count(page).unwrap();
/// # }
/// ```
///
/// Zaqar counts only where its storage can: with pooling, it answers `"count": true`
/// instead of a number, which gives `None` here.
pub fn extract_count(page: &Page<Queue>) -> Result<Option<u64>> {
    #[derive(Deserialize)]
    struct Count {
        #[serde(default)]
        count: Option<Value>,
    }
    match page.responses().first() {
        Some(r) => Ok(r.decode::<Count>(None)?.count.and_then(|c| c.as_u64())),
        None => Ok(None),
    }
}

/// A queue's metadata: Zaqar's reserved settings (named with a leading `_`), and any
/// other key (`description`…) in `extra`. Zaqar answers with every reserved setting,
/// `null` for those not set.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct QueueMetadata {
    /// The largest body of one post, in bytes.
    #[serde(rename = "_max_messages_post_size")]
    pub max_messages_post_size: u64,
    /// The time to live of messages posted without one, in seconds.
    #[serde(rename = "_default_message_ttl")]
    pub default_message_ttl: u64,
    /// The delay before posted messages can be claimed, in seconds (Zaqar 7.0.0 and
    /// later).
    #[serde(default, rename = "_default_message_delay")]
    pub default_message_delay: Option<u64>,
    /// How many times a message may be claimed before it moves to the dead letter queue.
    #[serde(rename = "_max_claim_count", deserialize_with = "crate::de::nullable")]
    pub max_claim_count: Option<u64>,
    /// The dead letter queue.
    #[serde(rename = "_dead_letter_queue", deserialize_with = "crate::de::nullable")]
    pub dead_letter_queue: Option<String>,
    /// The time to live of messages moved to the dead letter queue, in seconds.
    #[serde(
        rename = "_dead_letter_queue_messages_ttl",
        deserialize_with = "crate::de::nullable"
    )]
    pub dead_letter_queue_messages_ttl: Option<u64>,
    /// Whether messages are stored encrypted.
    #[serde(default, rename = "_enable_encrypt_messages")]
    pub enable_encrypt_messages: Option<bool>,
    /// The other keys.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// What [`create`] sends: the queue's metadata. The reserved settings are typed; other
/// keys go in `extra` ([`Metadata::with`]).
///
/// ```
/// use ferrocloud::openstack::messaging::v2::queues::Metadata;
/// let m = Metadata { max_claim_count: Some(10), ..Default::default() }.with("description", "d");
/// assert_eq!(serde_json::to_value(&m).unwrap(),
///     serde_json::json!({"_max_claim_count": 10, "description": "d"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// The largest body of one post, in bytes.
    #[serde(
        default,
        rename = "_max_messages_post_size",
        skip_serializing_if = "Option::is_none"
    )]
    pub max_messages_post_size: Option<u64>,
    /// The time to live of messages posted without one, in seconds.
    #[serde(
        default,
        rename = "_default_message_ttl",
        skip_serializing_if = "Option::is_none"
    )]
    pub default_message_ttl: Option<u64>,
    /// The delay before posted messages can be claimed, in seconds.
    #[serde(
        default,
        rename = "_default_message_delay",
        skip_serializing_if = "Option::is_none"
    )]
    pub default_message_delay: Option<u64>,
    /// Claims before a message moves to the dead letter queue.
    #[serde(
        default,
        rename = "_max_claim_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub max_claim_count: Option<u64>,
    /// The dead letter queue.
    #[serde(
        default,
        rename = "_dead_letter_queue",
        skip_serializing_if = "Option::is_none"
    )]
    pub dead_letter_queue: Option<String>,
    /// The time to live of messages moved to the dead letter queue, in seconds.
    #[serde(
        default,
        rename = "_dead_letter_queue_messages_ttl",
        skip_serializing_if = "Option::is_none"
    )]
    pub dead_letter_queue_messages_ttl: Option<u64>,
    /// Store messages encrypted.
    #[serde(
        default,
        rename = "_enable_encrypt_messages",
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_encrypt_messages: Option<bool>,
    /// The queue's flavor (where pools are used).
    #[serde(default, rename = "_flavor", skip_serializing_if = "Option::is_none")]
    pub flavor: Option<String>,
    /// Other keys.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl Metadata {
    /// Adds a key of the queue's own.
    ///
    /// ```
    /// let m = ferrocloud::openstack::messaging::v2::queues::Metadata::default().with("team", "ops");
    /// assert_eq!(m.extra["team"], "ops");
    /// ```
    pub fn with(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.extra.insert(key.into(), value.into());
        self
    }
}

impl Validate for Metadata {}

/// What [`list`] takes.
///
/// ```
/// use ferrocloud::openstack::messaging::v2::queues::ListOpts;
/// let o = ListOpts { detailed: Some(true), with_count: Some(true), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()),
///     "detailed=true&with_count=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Paging.
    #[serde(flatten)]
    pub paging: Paging,
    /// Include each queue's metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detailed: Option<bool>,
    /// Queues of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Add the number of queues (read it with [`extract_count`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_count: Option<bool>,
}

/// A queue's message counts.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Stats {
    /// Claimed messages.
    pub claimed: u64,
    /// Messages not claimed.
    pub free: u64,
    /// All messages.
    pub total: u64,
    /// The oldest message (when there is any).
    #[serde(default)]
    pub oldest: Option<MessageAge>,
    /// The newest message (when there is any).
    #[serde(default)]
    pub newest: Option<MessageAge>,
}

/// The oldest or newest message of a queue's statistics.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct MessageAge {
    /// Its path.
    pub href: String,
    /// Seconds since it was posted.
    pub age: u64,
    /// When it was posted.
    pub created: String,
}

/// What [`share`] signs: the resources (`messages`, `subscriptions`, `claims`), the
/// methods, and the expiry (ISO 8601, UTC; Zaqar's default is a day from now).
///
/// ```
/// use ferrocloud::openstack::messaging::v2::queues::ShareOpts;
/// let o = ShareOpts::default().paths(["messages"]).methods(["GET", "POST"]);
/// assert_eq!(serde_json::to_value(&o).unwrap(),
///     serde_json::json!({"paths": ["messages"], "methods": ["GET", "POST"]}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareOpts {
    /// The resources of the queue the URL opens (all three when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<String>,
    /// The methods allowed (`GET`, `HEAD`, `OPTIONS`, `POST`, `PUT`, `DELETE`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub methods: Vec<String>,
    /// When the URL stops working (`2016-09-01T00:00:00`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
}

impl ShareOpts {
    /// Sets the resources.
    ///
    /// ```
    /// let o = ferrocloud::openstack::messaging::v2::queues::ShareOpts::default().paths(["claims"]);
    /// assert_eq!(o.paths, ["claims"]);
    /// ```
    pub fn paths<S: Into<String>>(mut self, p: impl IntoIterator<Item = S>) -> Self {
        self.paths = p.into_iter().map(Into::into).collect();
        self
    }

    /// Sets the methods.
    ///
    /// ```
    /// let o = ferrocloud::openstack::messaging::v2::queues::ShareOpts::default().methods(["GET"]);
    /// assert_eq!(o.methods, ["GET"]);
    /// ```
    pub fn methods<S: Into<String>>(mut self, m: impl IntoIterator<Item = S>) -> Self {
        self.methods = m.into_iter().map(Into::into).collect();
        self
    }
}

impl Validate for ShareOpts {}

/// A pre-signed URL: what it opens and its signature (a secret: whoever holds it can use
/// the queue as the URL allows). `Debug` hides the signature.
#[derive(Clone, Deserialize)]
#[non_exhaustive]
pub struct Signed {
    /// The project of the queue.
    pub project: String,
    /// The paths it opens.
    #[serde(default)]
    pub paths: Vec<String>,
    /// The methods it allows.
    #[serde(default)]
    pub methods: Vec<String>,
    /// When it expires.
    #[serde(default)]
    pub expires: Option<String>,
    /// The signature.
    #[serde(deserialize_with = "crate::de::secret::deserialize")]
    pub signature: SecretString,
}

impl std::fmt::Debug for Signed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signed")
            .field("project", &self.project)
            .field("paths", &self.paths)
            .field("methods", &self.methods)
            .field("expires", &self.expires)
            .field("signature", &"[REDACTED]")
            .finish()
    }
}

impl Signed {
    /// The headers a request made with this URL carries instead of a token
    /// (`URL-Signature`, `URL-Expires`, `URL-Methods`, `URL-Paths`, `X-Project-ID`).
    ///
    /// ```
    /// let s: ferrocloud::openstack::messaging::v2::queues::Signed = serde_json::from_value(serde_json::json!({
    ///     "project": "p1", "paths": ["/v2/queues/q/messages"], "methods": ["GET"],
    ///     "expires": "2016-09-01T00:00:00", "signature": "6a63d6"})).unwrap();
    /// let h = s.headers();
    /// assert_eq!(h[0], ("URL-Signature", "6a63d6".to_string()));
    /// assert!(!format!("{s:?}").contains("6a63d6"));
    /// ```
    pub fn headers(&self) -> Vec<(&'static str, String)> {
        vec![
            ("URL-Signature", self.signature.expose_secret().to_string()),
            ("URL-Expires", self.expires.clone().unwrap_or_default()),
            ("URL-Methods", self.methods.join(",")),
            ("URL-Paths", self.paths.join(",")),
            ("X-Project-ID", self.project.clone()),
        ]
    }

    /// The URL's query (`queue_name=…&paths=…&methods=…&expires=…&signature=…&project_id=…`),
    /// as a secret: it holds the signature.
    ///
    /// ```
    /// use ferrocloud::ExposeSecret;
    /// let s: ferrocloud::openstack::messaging::v2::queues::Signed = serde_json::from_value(serde_json::json!({
    ///     "project": "p1", "paths": ["/v2/queues/q/messages"], "methods": ["GET"],
    ///     "expires": "2016-09-01T00:00:00", "signature": "6a63d6"})).unwrap();
    /// assert!(s.query("q").expose_secret().contains("signature=6a63d6"));
    /// ```
    pub fn query(&self, queue_name: &str) -> SecretString {
        let mut q = url::form_urlencoded::Serializer::new(String::new());
        q.append_pair("queue_name", queue_name)
            .append_pair("paths", &self.paths.join(","))
            .append_pair("methods", &self.methods.join(","))
            .append_pair("expires", self.expires.as_deref().unwrap_or_default())
            .append_pair("signature", self.signature.expose_secret())
            .append_pair("project_id", &self.project);
        SecretString::from(q.finish())
    }
}

/// What [`purge`] removes: `messages`, `subscriptions`, or both (when empty).
///
/// ```
/// use ferrocloud::openstack::messaging::v2::queues::PurgeOpts;
/// let o = PurgeOpts { resource_types: vec!["messages".into()] };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"resource_types": ["messages"]}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurgeOpts {
    /// The kinds of resources to remove.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resource_types: Vec<String>,
}

impl Validate for PurgeOpts {
    fn validate(&self) -> Result<()> {
        match self
            .resource_types
            .iter()
            .find(|t| !matches!(t.as_str(), "messages" | "subscriptions"))
        {
            Some(t) => Err(Error::invalid_input(format!(
                "a queue purges messages or subscriptions, not {t:?}"
            ))),
            None => Ok(()),
        }
    }
}

/// Lists queues, following `links`.
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::messaging::v2::queues;
/// let all = queues::list(&zaqar, &Default::default()).all().await?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Queue> {
    request(client, &LIST, &[])
        .query(opts)
        .paged(PageStyle::RootedLinks("links"))
}

/// Creates a queue with its metadata (`201`; `204` when it already exists).
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::messaging::v2::queues::create(&zaqar, "q", &Default::default()).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn create(client: &ServiceClient, name: &str, metadata: &Metadata) -> ApiResult<()> {
    request(client, &CREATE, &[name]).body(metadata).send().await
}

/// Changes a queue's metadata with a JSON Patch (paths under `/metadata/`), sent as
/// [`PATCH_CONTENT_TYPE`]; the answer is the queue's metadata.
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::messaging::v2::queues::{self, PatchOp};
/// let change = [PatchOp::Remove { path: "/metadata/description".into() }];
/// let meta = queues::update(&zaqar, "q", &change).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn update(
    client: &ServiceClient,
    name: &str,
    changes: &[PatchOp],
) -> ApiResult<BTreeMap<String, Value>> {
    let rb = request(client, &UPDATE, &[name]);
    let rb = match changes.iter().find(|c| !c.path().starts_with("/metadata/")) {
        Some(c) => rb.fail_with(Error::invalid_input(format!(
            "a queue's patch changes /metadata/<key>, not {:?}",
            c.path()
        ))),
        None if changes.is_empty() => {
            rb.fail_with(Error::invalid_input("a queue's patch needs a change"))
        }
        None => rb,
    };
    match serde_json::to_vec(changes) {
        Ok(body) => rb.bytes(body, PATCH_CONTENT_TYPE).send().await,
        Err(e) => ApiResult::from_error(Error::invalid_input(format!("queue patch: {e}"))),
    }
}

/// Shows a queue's metadata.
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let meta = ferrocloud::openstack::messaging::v2::queues::get(&zaqar, "q").await.extract()?;
/// println!("ttl {}", meta.default_message_ttl);
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, name: &str) -> ApiResult<QueueMetadata> {
    request(client, &GET, &[name]).send().await
}

/// Deletes a queue, its messages and subscriptions (`204`).
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::messaging::v2::queues::delete(&zaqar, "q").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete(client: &ServiceClient, name: &str) -> ApiResult<()> {
    request(client, &DELETE, &[name]).send().await
}

/// Shows a queue's message counts.
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let s = ferrocloud::openstack::messaging::v2::queues::stats(&zaqar, "q").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn stats(client: &ServiceClient, name: &str) -> ApiResult<Stats> {
    request(client, &STATS, &[name]).send().await
}

/// Creates a pre-signed URL for a queue.
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::messaging::v2::queues::{self, ShareOpts};
/// let signed = queues::share(&zaqar, "q", &ShareOpts::default().methods(["GET"])).await.extract()?;
/// let headers = signed.headers();
/// # Ok(()) }
/// ```
pub async fn share(client: &ServiceClient, name: &str, opts: &ShareOpts) -> ApiResult<Signed> {
    request(client, &SHARE, &[name]).body(opts).send().await
}

/// Removes a queue's messages, subscriptions, or both (`204`).
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::messaging::v2::queues::{self, PurgeOpts};
/// queues::purge(&zaqar, "q", &PurgeOpts::default()).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn purge(client: &ServiceClient, name: &str, opts: &PurgeOpts) -> ApiResult<()> {
    request(client, &PURGE, &[name]).body(opts).send().await
}

/// Whether a queue exists: Zaqar v2 answers `GET` of any queue name, so this looks the
/// name up in the listing.
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let there = ferrocloud::openstack::messaging::v2::queues::exists(&zaqar, "q").await?;
/// # Ok(()) }
/// ```
pub async fn exists(client: &ServiceClient, name: &str) -> Result<bool> {
    let opts = ListOpts {
        name: Some(name.to_string()),
        ..Default::default()
    };
    let all = list(client, &opts).all().await?;
    Ok(all.iter().any(|q| q.name == name))
}
