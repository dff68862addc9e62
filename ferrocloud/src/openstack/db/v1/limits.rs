//! The limits of the caller's project: absolute ones (instances, backups, volumes) and
//! rate limits per HTTP verb.
//!
//! ```no_run
//! # async fn demo(trove: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! for l in ferrocloud::openstack::db::v1::limits::list(&trove).all().await? {
//!     println!("{} {:?}", l.verb, l.max_instances);
//! }
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::pagination::{PageStyle, Pager};
use crate::ServiceClient;

crate::operations! {
    service: "database";
    /// Show the limits.
    LIST = GET "/limits" list("limits", Limit);
}

/// One limit: the absolute ones (`verb` `ABSOLUTE`), or a rate limit of a verb.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Limit {
    /// `ABSOLUTE`, or the HTTP verb.
    pub verb: String,
    /// Instances allowed.
    #[serde(default)]
    pub max_instances: Option<i64>,
    /// Backups allowed.
    #[serde(default)]
    pub max_backups: Option<i64>,
    /// Volume GiB allowed.
    #[serde(default)]
    pub max_volumes: Option<i64>,
    /// Requests allowed per `unit`.
    #[serde(default)]
    pub value: Option<u64>,
    /// Requests left.
    #[serde(default)]
    pub remaining: Option<u64>,
    /// `MINUTE`…
    #[serde(default)]
    pub unit: Option<String>,
    /// The paths it applies to.
    #[serde(default)]
    pub uri: Option<String>,
    /// The same, as a regular expression.
    #[serde(default)]
    pub regex: Option<String>,
    /// When a request is allowed again.
    #[serde(rename = "nextAvailable", default)]
    pub next_available: Option<String>,
}

/// Lists the limits (one page).
pub fn list(client: &ServiceClient) -> Pager<Limit> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The limits of a page.
    extract_limits, Limit
}
