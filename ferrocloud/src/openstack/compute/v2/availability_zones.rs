//! Availability zones: the zones servers can be booted in, and (for administrators, with
//! the detailed listing) the hosts and services in each zone, including the `internal`
//! zone of the control services.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::availability_zones;
//! for az in availability_zones::list(&compute).all_pages().await?.extract()? {
//!     println!("{}: available={}", az.zone_name, az.zone_state.available);
//! }
//! for az in availability_zones::list_detail(&compute).all_pages().await?.extract()? {
//!     for (host, services) in az.hosts.unwrap_or_default() {
//!         println!("{} {host}: {:?}", az.zone_name, services.keys().collect::<Vec<_>>());
//!     }
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::ServiceClient;

crate::operations! {
    service: "compute";
    /// List availability zones.
    LIST = GET "/os-availability-zone" list("availabilityZoneInfo", AvailabilityZone);
    /// List availability zones with their hosts and services (admin).
    LIST_DETAIL = GET "/os-availability-zone/detail" list("availabilityZoneInfo", AvailabilityZone);
}

/// An availability zone.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct AvailabilityZone {
    /// The zone's name.
    #[serde(rename = "zoneName")]
    pub zone_name: String,
    /// Its state.
    #[serde(rename = "zoneState")]
    pub zone_state: ZoneState,
    /// Its hosts, each with its services by binary name (detailed listing only; `None`
    /// in the plain listing).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub hosts: Option<BTreeMap<String, BTreeMap<String, ServiceState>>>,
}

/// The state of a zone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ZoneState {
    /// Whether the zone is available.
    pub available: bool,
}

/// The state of one service on one host.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ServiceState {
    /// Whether the service is enabled.
    pub active: bool,
    /// Whether the service is up.
    pub available: bool,
    /// When the service last reported.
    #[serde(with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
}

/// Lists the availability zones servers can be booted in.
pub fn list(client: &ServiceClient) -> Pager<AvailabilityZone> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}

/// Lists every availability zone with its hosts and services (admin).
pub fn list_detail(client: &ServiceClient) -> Pager<AvailabilityZone> {
    client.request(&LIST_DETAIL, &[]).paged(PageStyle::Single)
}
