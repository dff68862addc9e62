//! Placement API v1. Create the client with
//! [`new_placement_v1`](crate::openstack::new_placement_v1), then pin a microversion:
//! Placement answers in its base version (1.0) unless asked for another, and most of
//! its API came with later ones, so every operation here names the first microversion
//! it needs and is refused before sending on a client pinned lower.
//!
//! ```no_run
//! # async fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::{self, placement::v1::{self as placement, resource_providers}};
//! let client = openstack::new_placement_v1(&provider, Default::default())?
//!     .negotiate_microversion(placement::MAX_MICROVERSION)
//!     .await?;
//! for rp in resource_providers::list(&client, &Default::default()).all().await? {
//!     println!("{} {} (generation {})", rp.uuid, rp.name, rp.generation);
//! }
//! # Ok(()) }
//! ```
//!
//! Writes name the generation they were computed from (`resource_provider_generation`,
//! `consumer_generation`): when another writer got there first, Placement answers `409`
//! with the code `placement.concurrent_update`, which the SDK reports as
//! [`ErrorKind::GenerationConflict`](crate::ErrorKind::GenerationConflict): read again,
//! then retry.

/// The highest Placement microversion this module knows (Placement 2024.1 and later:
/// `1.39`, the `in:` syntax of `required`).
///
/// ```
/// assert_eq!(ferrocloud::openstack::placement::v1::MAX_MICROVERSION, "1.39");
/// ```
pub const MAX_MICROVERSION: &str = "1.39";

/// What every Placement resource shares: resource amounts, custom names.
pub mod common;

crate::resources! {
    /// Aggregates a resource provider is a member of.
    pub mod aggregates;
    /// Allocation candidates: where a request for resources can be satisfied.
    pub mod allocation_candidates;
    /// Allocations: the resources consumers hold, by consumer and by provider.
    pub mod allocations;
    /// Inventories: the resources a provider has.
    pub mod inventories;
    /// Reshaping: moving inventories and allocations at once.
    pub mod reshaper;
    /// Resource classes: the kinds of resources.
    pub mod resource_classes;
    /// Resource providers.
    pub mod resource_providers;
    /// Traits: qualitative facts about providers.
    pub mod traits;
    /// Usages: what is used, by provider and by project.
    pub mod usages;
    /// The API versions (`GET /`).
    pub mod versions;
}
