//! Service statuses (admins): the Designate services (API, central, workers…) and their
//! last heartbeat.
//!
//! ```no_run
//! # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::dns::v2::service_statuses::{self, ServiceState};
//! for s in service_statuses::extract_service_statuses(&service_statuses::list(&dns).all_pages().await?)? {
//!     if s.status != ServiceState::Up {
//!         println!("{} on {} is {}", s.service_name, s.hostname, s.status);
//!     }
//! }
//! # Ok(()) }
//! ```

use serde::Deserialize;
use serde_json::{Map, Value};

use super::common::Links;
use crate::ServiceClient;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;

crate::operations! {
    service: "dns";
    /// List the services' statuses.
    LIST = GET "/service_statuses" list("service_statuses", ServiceStatus);
    /// Show a service's status.
    GET = GET "/service_statuses/{service_id}" response(ServiceStatus);
}

crate::de::text_enum! {
    /// The state a service reported.
    ///
    /// ```
    /// use ferrocloud::openstack::dns::v2::service_statuses::ServiceState;
    /// assert_eq!(serde_json::from_str::<ServiceState>("\"UP\"").unwrap(), ServiceState::Up);
    /// ```
    ServiceState {
        /// Working.
        Up = "UP",
        /// Working, with a problem.
        Warning = "WARNING",
        /// Not working.
        Down = "DOWN",
    }
}

/// The status of one Designate service.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ServiceStatus {
    /// The ID.
    pub id: String,
    /// The service (`api`, `central`, `worker`…).
    pub service_name: String,
    /// The host it runs on.
    pub hostname: String,
    /// Its state.
    pub status: ServiceState,
    /// What it can do, as it reports it.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub capabilities: Map<String, Value>,
    /// Its figures, as it reports them.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub stats: Map<String, Value>,
    /// Its last heartbeat.
    #[serde(with = "crate::dates::timestamp")]
    pub heartbeated_at: Timestamp,
    /// When it first reported.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When its record last changed.
    #[serde(default, deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Its own URL.
    pub links: Links,
}

crate::operation::extract_fn! {
    /// The service statuses of a page of [`list`].
    extract_service_statuses, ServiceStatus
}

/// Lists the services' statuses, following `links.next`.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let page = ferrocloud::openstack::dns::v2::service_statuses::list(&dns).all_pages().await?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient) -> Pager<ServiceStatus> {
    client
        .request(&LIST, &[])
        .paged(PageStyle::Links("links"))
}

/// Shows a service's status.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let s = ferrocloud::openstack::dns::v2::service_statuses::get(&dns, "c0bcb136").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<ServiceStatus> {
    client.request(&GET, &[id]).send().await
}
