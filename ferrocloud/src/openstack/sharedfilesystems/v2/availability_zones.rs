//! Availability zones of the share services (`/availability-zones` since 2.7,
//! `/os-availability-zone` before).
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::availability_zones;
//! for az in availability_zones::list(&manila).await.extract()? {
//!     println!("{}", az.name);
//! }
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::dates::Timestamp;
use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "shared-file-system";
    /// List availability zones.
    LIST = GET "/availability-zones" since("2.7") list("availability_zones", AvailabilityZone);
}

#[allow(dead_code)]
mod legacy {
    use super::AvailabilityZone;
    crate::operations! {
        service: "shared-file-system", undocumented;
        /// List availability zones before 2.7.
        LIST = GET "/os-availability-zone" until("2.6") list("availability_zones", AvailabilityZone);
    }
}

/// An availability zone.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct AvailabilityZone {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it was last updated.
    #[serde(with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
}

/// Lists the availability zones, at the path the client's microversion reads.
pub async fn list(client: &ServiceClient) -> ApiResult<Vec<AvailabilityZone>> {
    if super::common::renamed_actions(client) {
        client.request(&LIST, &[]).send().await
    } else {
        client.request(&legacy::LIST, &[]).send().await
    }
}
