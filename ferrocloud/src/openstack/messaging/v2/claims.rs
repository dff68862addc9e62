//! Claims: a consumer claims messages for a time (`ttl`), works on them, deletes each
//! with the claim's ID, and releases the claim. A claim whose time runs out frees its
//! messages; `grace` extends the messages' own lives past the claim's.
//!
//! ```no_run
//! # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::messaging::v2::claims::{self, CreateOpts};
//! let claimed = claims::create(&zaqar, "jobs", &CreateOpts::new(300, 60).limit(5)).await.extract()?;
//! if let Some(claim_id) = claimed.claim_id() {
//!     claims::update(&zaqar, "jobs", &claim_id, &CreateOpts::new(600, 60)).await.ok()?;
//!     claims::delete(&zaqar, "jobs", &claim_id).await.ok()?;
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{last_segment, request};
use super::messages::Message;
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "messaging";
    /// Claim messages (`201`, or `204` when there is none to claim).
    CREATE = POST "/queues/{queue_name}/claims" request(CreateOpts) response(Claimed);
    /// Show a claim.
    GET = GET "/queues/{queue_name}/claims/{claim_id}" response(Claim);
    /// Renew a claim (`204`).
    UPDATE = PATCH "/queues/{queue_name}/claims/{claim_id}" request(CreateOpts);
    /// Release a claim (`204`).
    DELETE = DELETE "/queues/{queue_name}/claims/{claim_id}";
}

/// What [`create`] and [`update`] send: the claim's time to live and the grace added to
/// its messages' lives (seconds; Zaqar's defaults are 60 and 60), and, for [`create`],
/// how many messages to claim at most (Zaqar's default is 10).
///
/// ```
/// use ferrocloud::openstack::messaging::v2::claims::CreateOpts;
/// let o = CreateOpts::new(300, 300).limit(5);
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"ttl": 300, "grace": 300}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The claim's time to live, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<u32>,
    /// Seconds added to the claimed messages' lives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grace: Option<u32>,
    /// How many messages to claim at most (a query parameter of [`create`]).
    #[serde(skip)]
    pub limit: Option<u32>,
}

impl CreateOpts {
    /// A claim of `ttl` seconds, with `grace` seconds for its messages.
    ///
    /// ```
    /// let o = ferrocloud::openstack::messaging::v2::claims::CreateOpts::new(60, 30);
    /// assert_eq!((o.ttl, o.grace), (Some(60), Some(30)));
    /// ```
    pub fn new(ttl: u32, grace: u32) -> Self {
        CreateOpts {
            ttl: Some(ttl),
            grace: Some(grace),
            limit: None,
        }
    }

    /// Claims at most `n` messages.
    ///
    /// ```
    /// let o = ferrocloud::openstack::messaging::v2::claims::CreateOpts::default().limit(3);
    /// assert_eq!(o.limit, Some(3));
    /// ```
    pub fn limit(mut self, n: u32) -> Self {
        self.limit = Some(n);
        self
    }
}

impl Validate for CreateOpts {}

/// The messages a claim took: none when the queue had none free (`204`).
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Claimed {
    /// The claimed messages (their `href` carries the claim's ID).
    pub messages: Vec<Message>,
}

impl<'de> Deserialize<'de> for Claimed {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Body {
            #[serde(default)]
            messages: Vec<Message>,
        }
        Ok(Claimed {
            messages: Option::<Body>::deserialize(d)?
                .map(|b| b.messages)
                .unwrap_or_default(),
        })
    }
}

impl Claimed {
    /// The claim's ID, read from the messages (`None` when nothing was claimed).
    ///
    /// ```
    /// use ferrocloud::openstack::messaging::v2::claims::Claimed;
    /// let c: Claimed = serde_json::from_value(serde_json::json!({"messages": [{"body": 1, "age": 1, "ttl": 60,
    ///     "href": "/v2/queues/q/messages/51db6f78?claim_id=51db7067"}]})).unwrap();
    /// assert_eq!(c.claim_id().as_deref(), Some("51db7067"));
    /// let none: Claimed = serde_json::from_str("null").unwrap();
    /// assert!(none.messages.is_empty() && none.claim_id().is_none());
    /// ```
    pub fn claim_id(&self) -> Option<String> {
        self.messages.iter().find_map(Message::claim_id)
    }
}

/// A claim.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Claim {
    /// Seconds since it was made.
    pub age: u64,
    /// Its path (`/v2/queues/<queue>/claims/<id>`).
    pub href: String,
    /// Its time to live, in seconds.
    pub ttl: u64,
    /// Its messages.
    #[serde(default)]
    pub messages: Vec<Message>,
}

impl Claim {
    /// The claim's ID, from its path.
    ///
    /// ```
    /// let c: ferrocloud::openstack::messaging::v2::claims::Claim = serde_json::from_value(serde_json::json!(
    ///     {"age": 1, "ttl": 60, "href": "/v2/queues/q/claims/51db7067", "messages": []})).unwrap();
    /// assert_eq!(c.id().as_deref(), Some("51db7067"));
    /// ```
    pub fn id(&self) -> Option<String> {
        last_segment(&self.href)
    }
}

/// Claims messages of a queue.
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::messaging::v2::claims::{self, CreateOpts};
/// let claimed = claims::create(&zaqar, "q", &CreateOpts::new(300, 60)).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn create(client: &ServiceClient, queue: &str, opts: &CreateOpts) -> ApiResult<Claimed> {
    let mut rb = request(client, &CREATE, &[queue]).body(opts);
    if let Some(n) = opts.limit {
        rb = rb.query_pair("limit", n.to_string());
    }
    rb.send().await
}

/// Shows a claim.
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let c = ferrocloud::openstack::messaging::v2::claims::get(&zaqar, "q", "51db7067").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, queue: &str, claim_id: &str) -> ApiResult<Claim> {
    request(client, &GET, &[queue, claim_id]).send().await
}

/// Renews a claim with a new time to live and grace (`204`); `limit` is not sent.
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::messaging::v2::claims::{self, CreateOpts};
/// claims::update(&zaqar, "q", "51db7067", &CreateOpts::new(600, 60)).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn update(
    client: &ServiceClient,
    queue: &str,
    claim_id: &str,
    opts: &CreateOpts,
) -> ApiResult<()> {
    request(client, &UPDATE, &[queue, claim_id])
        .body(opts)
        .send()
        .await
}

/// Releases a claim: its messages are free again (`204`).
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::messaging::v2::claims::delete(&zaqar, "q", "51db7067").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete(client: &ServiceClient, queue: &str, claim_id: &str) -> ApiResult<()> {
    request(client, &DELETE, &[queue, claim_id]).send().await
}
