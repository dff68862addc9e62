//! The database logs of an instance (general, slow query…): list them, show one, and
//! enable, disable, publish (to Swift) or discard one.
//!
//! ```no_run
//! # async fn demo(trove: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::db::v1::logs;
//! logs::enable(&trove, "7de1bed8", "general").await.extract()?;
//! let published = logs::publish(&trove, "7de1bed8", "general").await.extract()?;
//! println!("{} in {}", published.published, published.container);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::flag;
use crate::de::text_enum;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "database";
    /// List an instance's logs.
    LIST = GET "/instances/{instance_id}/log" list("logs", Log);
    /// Show, enable, disable, publish or discard a log.
    ACTION = POST "/instances/{instance_id}/log" request(LogAction) response("log", Log);
}

text_enum! {
    /// Where a log stands.
    ///
    /// ```
    /// use ferrocloud::openstack::db::v1::logs::LogStatus;
    /// assert_eq!(serde_json::from_str::<LogStatus>("\"Partial\"").unwrap(), LogStatus::Partial);
    /// ```
    LogStatus {
        /// Not collected by the datastore.
        Disabled = "Disabled",
        /// Collected.
        Enabled = "Enabled",
        /// Not available for this datastore.
        Unavailable = "Unavailable",
        /// Collected, nothing published yet.
        Ready = "Ready",
        /// Part of it published.
        Partial = "Partial",
        /// All of it published.
        Published = "Published",
        /// Rotated since it was published.
        Rotated = "Rotated",
        /// A change waits for the datastore's restart.
        RestartRequired = "Restart Required",
    }
}

/// A database log of an instance.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Log {
    /// The name (`general`, `slow_query`).
    pub name: String,
    /// `USER` or `SYS`.
    #[serde(rename = "type")]
    pub log_type: String,
    /// Where it stands.
    pub status: LogStatus,
    /// Bytes published (as Trove writes them, a number in text).
    pub published: String,
    /// Bytes waiting to be published.
    pub pending: String,
    /// The Swift container it is published to (`None` in text before that).
    pub container: String,
    /// The prefix of its objects.
    pub prefix: String,
    /// The object of its metadata.
    pub metafile: String,
}

/// What a log action sends: the log's name and at most one of the actions (as Trove's
/// `1` flags). [`show`], [`enable`], [`disable`], [`publish`] and [`discard`] fill it.
///
/// ```
/// use ferrocloud::openstack::db::v1::logs::LogAction;
/// let a = LogAction { enable: Some(true), ..LogAction::new("general") };
/// assert_eq!(serde_json::to_value(&a).unwrap(), serde_json::json!({"name": "general", "enable": 1}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogAction {
    /// The log.
    pub name: String,
    /// Enable it.
    #[serde(default, with = "flag::option", skip_serializing_if = "Option::is_none")]
    pub enable: Option<bool>,
    /// Disable it.
    #[serde(default, with = "flag::option", skip_serializing_if = "Option::is_none")]
    pub disable: Option<bool>,
    /// Publish it.
    #[serde(default, with = "flag::option", skip_serializing_if = "Option::is_none")]
    pub publish: Option<bool>,
    /// Discard what was published.
    #[serde(default, with = "flag::option", skip_serializing_if = "Option::is_none")]
    pub discard: Option<bool>,
}

impl LogAction {
    /// Names the log, with no action (show it).
    pub fn new(name: impl Into<String>) -> Self {
        LogAction { name: name.into(), ..Default::default() }
    }
}

impl Validate for LogAction {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("name", !self.name.is_empty())
    }
}

/// Lists an instance's logs (one page).
pub fn list(client: &ServiceClient, instance_id: &str) -> Pager<Log> {
    client.request(&LIST, &[instance_id]).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The logs of a page.
    extract_logs, Log
}

/// Sends a log action (`200`, the log).
pub async fn action(client: &ServiceClient, instance_id: &str, opts: &LogAction) -> ApiResult<Log> {
    client.request(&ACTION, &[instance_id]).body(opts).send().await
}

/// Shows a log.
pub async fn show(client: &ServiceClient, instance_id: &str, name: &str) -> ApiResult<Log> {
    action(client, instance_id, &LogAction::new(name)).await
}

/// Enables a log.
pub async fn enable(client: &ServiceClient, instance_id: &str, name: &str) -> ApiResult<Log> {
    action(client, instance_id, &LogAction { enable: Some(true), ..LogAction::new(name) }).await
}

/// Disables a log.
pub async fn disable(client: &ServiceClient, instance_id: &str, name: &str) -> ApiResult<Log> {
    action(client, instance_id, &LogAction { disable: Some(true), ..LogAction::new(name) }).await
}

/// Publishes a log to Swift.
pub async fn publish(client: &ServiceClient, instance_id: &str, name: &str) -> ApiResult<Log> {
    action(client, instance_id, &LogAction { publish: Some(true), ..LogAction::new(name) }).await
}

/// Discards what was published of a log.
pub async fn discard(client: &ServiceClient, instance_id: &str, name: &str) -> ApiResult<Log> {
    action(client, instance_id, &LogAction { discard: Some(true), ..LogAction::new(name) }).await
}
