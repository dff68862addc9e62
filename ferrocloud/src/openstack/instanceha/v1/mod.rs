//! Instance HA API v1 (Masakari). Create the client with
//! [`new_instance_ha_v1`](crate::openstack::new_instance_ha_v1): paths are relative to
//! the catalog endpoint (`…/v1/<project>`).
//!
//! Compute hosts ([`hosts`]) are grouped in failover segments ([`segments`]); monitors
//! report failures as [`notifications`], which Masakari recovers from by moving
//! instances ([`vmoves`], microversion 1.3). Masakari answers in microversion 1.0 unless
//! asked otherwise: pin one with
//! [`ServiceClient::with_microversion`](crate::ServiceClient::with_microversion), sent as
//! `OpenStack-API-Version: instance-ha X.Y`. Listings page by `limit`/`marker`: the last
//! item's database `id` (Masakari looks the marker up by `id`, not by UUID); Masakari
//! sends no next links.
//!
//! ```no_run
//! # async fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::instanceha::v1::{notifications, segments};
//! let masakari = ferrocloud::openstack::new_instance_ha_v1(&provider, Default::default())?
//!     .with_microversion("1.3");
//! let opts = segments::CreateOpts::new("segment1", segments::RecoveryMethod::Auto, "COMPUTE");
//! let segment = segments::create(&masakari, &opts).await.extract()?;
//! let n = notifications::get(&masakari, "07a331b8-df15-4582-b121-73ed3541a408").await.extract()?;
//! let done = notifications::wait_for_completion(&masakari, &n.notification_uuid, &Default::default()).await?;
//! println!("{}", done.status);
//! # Ok(()) }
//! ```

crate::resources! {
    /// Hosts of failover segments.
    pub mod hosts;
    /// Notifications of failures, and their recovery.
    pub mod notifications;
    /// Failover segments.
    pub mod segments;
    /// Instance moves of a notification's recovery (1.3).
    pub mod vmoves;
}

/// What Masakari's resources share: paging and sorting, the functions of a resource.
pub mod common;

/// Masakari's API versions, at the service root.
pub mod versions;

/// The operations written from Masakari's root, for coverage reports.
pub static ROOT_OPERATIONS: &[&[&crate::Operation]] = versions::ROOT_OPERATIONS;
