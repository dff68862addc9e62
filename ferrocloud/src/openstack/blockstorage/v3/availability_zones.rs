//! Availability zones: the zones volumes can be created in.
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::availability_zones;
//! for az in availability_zones::list(&volumes).all().await? {
//!     println!("{}: available={}", az.zone_name, az.zone_state.available);
//! }
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::pagination::{PageStyle, Pager};
use crate::ServiceClient;

crate::operations! {
    service: "block-storage";
    /// List availability zones.
    LIST = GET "/os-availability-zone" list("availabilityZoneInfo", AvailabilityZone);
}

/// The operations the v2 API documents: all of them.
pub static V2_OPERATIONS: &[&crate::Operation] = OPERATIONS;

/// An availability zone.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AvailabilityZone {
    /// Its name.
    #[serde(rename = "zoneName")]
    pub zone_name: String,
    /// Whether it is available.
    #[serde(rename = "zoneState")]
    pub zone_state: ZoneState,
}

/// The state of an availability zone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct ZoneState {
    /// Whether volumes can be created in the zone (a volume service of the zone is
    /// enabled and up).
    pub available: bool,
}

/// Lists the availability zones (one page).
pub fn list(client: &ServiceClient) -> Pager<AvailabilityZone> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The zones of a page of [`list`].
    extract_availability_zones, AvailabilityZone
}
