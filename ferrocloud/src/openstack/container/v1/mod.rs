//! Application Container API v1 (Zun). Create the client with
//! [`new_container_v1`](crate::openstack::new_container_v1): paths are relative to the
//! endpoint's `v1/`.
//!
//! Tested against the official samples, not against a running service (Zun needs Docker
//! and Kuryr, which the project's test cloud does not run).
//!
//! Zun reads its microversion from `OpenStack-API-Version: container 1.X` and answers in
//! 1.1 without one; pin a recent one with
//! [`with_microversion`](crate::ServiceClient::with_microversion) (`1.40` is the last).
//! Operations and request fields newer than the client's microversion are refused
//! before anything is sent. [`containers`] are created, acted on and waited for;
//! [`capsules`] group containers; [`container_actions`] record what was done to a
//! container; admins read [`hosts`] and [`services`] and set [`quotas`]. A container's
//! `environment` often holds secrets: its `Debug` shows the names only
//! ([`common::Environment`]).
//!
//! ```no_run
//! # async fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::container::v1::containers;
//! let zun = ferrocloud::openstack::new_container_v1(&provider, Default::default())?
//!     .with_microversion("1.40");
//! let page = containers::list(&zun, &Default::default()).all_pages().await?;
//! for c in containers::extract_containers(&page)? {
//!     println!("{} {}", c.uuid, c.status);
//! }
//! # Ok(()) }
//! ```

crate::resources! {
    /// Capsules: groups of containers.
    pub mod capsules;
    /// The actions done to a container and their events.
    pub mod container_actions;
    /// Containers and what can be done to them.
    pub mod containers;
    /// Compute hosts (admins).
    pub mod hosts;
    /// Quotas and quota classes.
    pub mod quotas;
    /// Zun's services (admins).
    pub mod services;
}

/// What Zun's resources share.
pub mod common;
