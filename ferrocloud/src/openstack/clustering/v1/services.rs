//! Senlin's services: its engines and health managers, and whether they are up
//! (microversion 1.7, administrators).
//!
//! ```no_run
//! # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! let senlin = senlin.with_microversion("1.7");
//! for s in ferrocloud::openstack::clustering::v1::services::list(&senlin).all().await? {
//!     println!("{} on {}: {}", s.binary, s.host, s.state);
//! }
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::ServiceClient;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};

crate::operations! {
    service: "clustering";
    /// List the services (1.7).
    LIST = GET "/services" since("1.7") list("services", Service);
}

/// A Senlin service.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Service {
    /// The ID.
    pub id: String,
    /// The program (`senlin-engine`).
    pub binary: String,
    /// The host it runs on.
    pub host: String,
    /// The message topic it listens on.
    pub topic: String,
    /// `enabled` or `disabled`.
    pub status: String,
    /// `up` or `down`.
    pub state: String,
    /// Why it is disabled.
    #[serde(default)]
    pub disabled_reason: Option<String>,
    /// When it last reported.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
}

/// Lists the services (one page; microversion 1.7).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let all = ferrocloud::openstack::clustering::v1::services::list(&senlin).all().await?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient) -> Pager<Service> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}
