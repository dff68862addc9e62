//! Availability zones of networks and routers (the agents' zones).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::availability_zones::{self, ListOpts};
//! let opts = ListOpts { resource: Some("router".into()), ..ListOpts::default() };
//! for az in availability_zones::list(&network, &opts).all().await? {
//!     println!("{} {}", az.name, az.state);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::pagination::{PageStyle, Pager};
use crate::ServiceClient;

crate::operations! {
    service: "network";
    /// List availability zones.
    LIST = GET "/availability_zones" list("availability_zones", AvailabilityZone);
}

/// An availability zone, for one kind of resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AvailabilityZone {
    /// Its name.
    pub name: String,
    /// `network` (DHCP agents) or `router` (L3 agents).
    pub resource: String,
    /// `available` or `unavailable`.
    pub state: String,
}

/// Filters for listing availability zones.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By resource (`network`, `router`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// By state (`available`, `unavailable`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// Lists availability zones (one page).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<AvailabilityZone> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The availability zones of a page.
    extract_availability_zones, AvailabilityZone
}
