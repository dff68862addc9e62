//! The status of Heat's engines (admins).
//!
//! ```no_run
//! # async fn demo(heat: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::orchestration::v1::services;
//! for s in services::list(&heat).all().await? {
//!     println!("{} on {}: {}", s.binary, s.host, s.status);
//! }
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::ServiceClient;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};

crate::operations! {
    service: "orchestration";
    /// List the engines.
    LIST = GET "/services" list("services", Service);
}

/// A Heat engine.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Service {
    /// The record's ID.
    pub id: String,
    /// The engine's ID.
    pub engine_id: String,
    /// The binary (`heat-engine`).
    pub binary: String,
    /// The host it runs on (as configured).
    pub host: String,
    /// The host's name.
    pub hostname: String,
    /// The message topic (`engine`).
    pub topic: String,
    /// `up` or `down`.
    pub status: String,
    /// Seconds between its reports.
    pub report_interval: u64,
    /// When it first reported.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last reported.
    #[serde(with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// When its record was deleted.
    #[serde(with = "crate::dates::option")]
    pub deleted_at: Option<Timestamp>,
}

/// Lists the engines (one page).
pub fn list(client: &ServiceClient) -> Pager<Service> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}
