//! Subscriptions: Zaqar pushes the messages of a queue to a subscriber (a `http(s)://`
//! URL, a `mailto:` address, a `trust+http(s)://` URL) until the subscription's time to
//! live runs out. Mail subscriptions wait for a confirmation ([`confirm`](crate::openstack::messaging::v2::subscriptions::confirm)).
//!
//! ```no_run
//! # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::messaging::v2::subscriptions::{self, CreateOpts};
//! let id = subscriptions::create(&zaqar, "orders", &CreateOpts::new("http://10.0.0.5:5679").ttl(3600))
//!     .await.extract()?.subscription_id;
//! let sub = subscriptions::get(&zaqar, "orders", &id).await.extract()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::common::{Paging, request, zaqar_functions};
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "messaging";
    /// List a queue's subscriptions.
    LIST = GET "/queues/{queue_name}/subscriptions" list("subscriptions", Subscription);
    /// Create a subscription (`201`).
    CREATE = POST "/queues/{queue_name}/subscriptions" request(CreateOpts) response(Created);
    /// Change a subscription (`204`).
    UPDATE = PATCH "/queues/{queue_name}/subscriptions/{subscription_id}" request(UpdateOpts);
    /// Show a subscription.
    GET = GET "/queues/{queue_name}/subscriptions/{subscription_id}" response(Subscription);
    /// Delete a subscription (`204`).
    DELETE = DELETE "/queues/{queue_name}/subscriptions/{subscription_id}";
}

/// The confirmation: the reference writes it as a `POST`, Zaqar serves it as a `PUT`
/// (and answers a `POST` with `405`); listed apart, as undocumented.
#[allow(dead_code)] // read through `CONFIRM`; its `OPERATIONS` list is empty
mod confirmation {
    use super::ConfirmOpts;
    crate::operations! {
        service: "messaging", undocumented;
        /// Confirm (or refuse) a subscription (`204`).
        CONFIRM = PUT "/queues/{queue_name}/subscriptions/{subscription_id}/confirm"
            request(ConfirmOpts);
    }
}

pub use confirmation::CONFIRM;

/// A subscription.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Subscription {
    /// The ID.
    pub id: String,
    /// Where messages go.
    pub subscriber: String,
    /// The queue.
    pub source: String,
    /// Its time to live, in seconds.
    pub ttl: u64,
    /// Seconds since it was made.
    pub age: u64,
    /// The subscriber's options (mail subject, sender…).
    #[serde(default)]
    pub options: BTreeMap<String, Value>,
    /// Whether it was confirmed (where confirmation is required).
    #[serde(default)]
    pub confirmed: Option<bool>,
}

/// The answer to [`create`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Created {
    /// The new subscription's ID.
    pub subscription_id: String,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::messaging::v2::subscriptions::CreateOpts;
/// let o = CreateOpts::new("mailto:ops@example.org").ttl(3600).option("subject", "Hello");
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!(
///     {"subscriber": "mailto:ops@example.org", "ttl": 3600, "options": {"subject": "Hello"}}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// Where messages go.
    pub subscriber: String,
    /// Its time to live, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<u64>,
    /// The subscriber's options.
    #[serde(default)]
    pub options: BTreeMap<String, Value>,
}

impl CreateOpts {
    /// A subscription for `subscriber`.
    ///
    /// ```
    /// let o = ferrocloud::openstack::messaging::v2::subscriptions::CreateOpts::new("http://a");
    /// assert_eq!(o.subscriber, "http://a");
    /// ```
    pub fn new(subscriber: impl Into<String>) -> Self {
        CreateOpts {
            subscriber: subscriber.into(),
            ..Default::default()
        }
    }

    /// Sets the time to live.
    ///
    /// ```
    /// let o = ferrocloud::openstack::messaging::v2::subscriptions::CreateOpts::new("http://a").ttl(60);
    /// assert_eq!(o.ttl, Some(60));
    /// ```
    pub fn ttl(mut self, seconds: u64) -> Self {
        self.ttl = Some(seconds);
        self
    }

    /// Adds an option.
    ///
    /// ```
    /// let o = ferrocloud::openstack::messaging::v2::subscriptions::CreateOpts::new("http://a").option("k", 1);
    /// assert_eq!(o.options["k"], 1);
    /// ```
    pub fn option(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.options.insert(key.into(), value.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("subscriber", !self.subscriber.trim().is_empty())
    }
}

/// What [`update`] changes.
///
/// ```
/// use ferrocloud::openstack::messaging::v2::subscriptions::UpdateOpts;
/// let o = UpdateOpts { ttl: Some(360), ..Default::default() };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"ttl": 360}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// Where messages go.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscriber: Option<String>,
    /// Its time to live, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<u64>,
    /// The subscriber's options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<BTreeMap<String, Value>>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::at_least_one_of(&[
            ("subscriber", self.subscriber.is_some()),
            ("ttl", self.ttl.is_some()),
            ("options", self.options.is_some()),
        ])
    }
}

/// What [`confirm`] sends.
///
/// ```
/// use ferrocloud::openstack::messaging::v2::subscriptions::ConfirmOpts;
/// assert_eq!(serde_json::to_value(ConfirmOpts { confirmed: true }).unwrap(),
///     serde_json::json!({"confirmed": true}));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfirmOpts {
    /// Confirm (`true`) or refuse (`false`).
    pub confirmed: bool,
}

impl Validate for ConfirmOpts {}

/// What [`list`] takes.
pub type ListOpts = Paging;

zaqar_functions! {
    Subscription, "subscription", ListOpts, extract_subscriptions, (), [queue_name];
    list get update delete
}

/// Subscribes to a queue (`201`).
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::messaging::v2::subscriptions::{self, CreateOpts};
/// let created = subscriptions::create(&zaqar, "q", &CreateOpts::new("http://a")).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn create(client: &ServiceClient, queue: &str, opts: &CreateOpts) -> ApiResult<Created> {
    request(client, &CREATE, &[queue]).body(opts).send().await
}

/// Confirms or refuses a subscription (`PUT …/confirm`, `204`).
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::messaging::v2::subscriptions::{self, ConfirmOpts};
/// subscriptions::confirm(&zaqar, "q", "5769", ConfirmOpts { confirmed: true }).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn confirm(
    client: &ServiceClient,
    queue: &str,
    id: &str,
    opts: ConfirmOpts,
) -> ApiResult<()> {
    request(client, &CONFIRM, &[queue, id])
        .body(&opts)
        .send()
        .await
}
