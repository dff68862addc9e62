//! Magnum's own services (its conductors) and whether they report in.
//!
//! ```no_run
//! # async fn demo(magnum: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::containerinfra::v1::mservices;
//! for s in mservices::list(&magnum).all().await? {
//!     println!("{} on {}: {}", s.binary, s.host, s.state);
//! }
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::dates::Timestamp;
use crate::de::text_enum;
use crate::pagination::{PageStyle, Pager};
use crate::ServiceClient;

crate::operations! {
    service: "container-infrastructure-management";
    /// List Magnum's services.
    LIST = GET "/mservices" list("mservices", MService);
}

text_enum! {
    /// Whether a service reported in lately.
    ///
    /// ```
    /// use ferrocloud::openstack::containerinfra::v1::mservices::ServiceState;
    /// assert_eq!(serde_json::from_str::<ServiceState>("\"up\"").unwrap(), ServiceState::Up);
    /// ```
    ServiceState {
        /// Reporting.
        Up = "up",
        /// Silent for longer than the service down time.
        Down = "down",
    }
}

/// One of Magnum's services.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct MService {
    /// The record's ID.
    pub id: u64,
    /// The program (`magnum-conductor`).
    pub binary: String,
    /// The host it runs on.
    pub host: String,
    /// Whether it reports in.
    pub state: ServiceState,
    /// How many times it reported.
    pub report_count: u64,
    /// Whether an operator disabled it.
    #[serde(default)]
    pub disabled: Option<bool>,
    /// Why it was disabled.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub disabled_reason: Option<String>,
    /// When it first reported.
    #[serde(with = "crate::dates::option")]
    pub created_at: Option<Timestamp>,
    /// When it last reported.
    #[serde(with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
}

/// Lists Magnum's services (one page).
pub fn list(client: &ServiceClient) -> Pager<MService> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The services of a page.
    extract_mservices, MService
}
