//! Clustering API v1 (Senlin). Create the client with
//! [`new_clustering_v1`](crate::openstack::new_clustering_v1): paths are relative to
//! `…/v1/`.
//!
//! Senlin is retired upstream: this module is tested against the official API samples,
//! not a running Senlin.
//!
//! A cluster ([`clusters`]) is a group of nodes ([`nodes`]) made from a profile
//! ([`profiles`], of a [`profile_types`] type); policies ([`policies`], of a
//! [`policy_types`] type) attached to a cluster ([`cluster_policies`]) rule its scaling,
//! placement, deletion and health. Receivers ([`receivers`]) turn webhooks
//! ([`webhooks`]) and messages into cluster actions. Every change of a cluster or node
//! answers `202` and runs as an action ([`actions`]): the functions return its ID, and
//! [`actions::wait_for_success`] waits for it (failing with its `status_reason`).
//! Senlin records what happened as [`events`].
//!
//! Senlin answers in microversion 1.0 unless asked otherwise: pin one with
//! [`ServiceClient::with_microversion`](crate::ServiceClient::with_microversion), sent as
//! `OpenStack-API-Version: clustering X.Y`. Listings page by `limit`/`marker` (the last
//! item's ID); Senlin sends no next links.
//!
//! ```no_run
//! # async fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::clustering::v1::{actions, clusters};
//! let senlin = ferrocloud::openstack::new_clustering_v1(&provider, Default::default())?
//!     .with_microversion("1.7");
//! let started = clusters::create(&senlin, &clusters::CreateOpts::new("web", "pserver", 2)).await?;
//! actions::wait_for_success(&senlin, &started.action, &Default::default()).await?;
//! let scaling = clusters::scale_out(&senlin, &started.value.id, Some(1)).await?;
//! actions::wait_for_success(&senlin, &scaling, &Default::default()).await?;
//! # Ok(()) }
//! ```

crate::resources! {
    /// Actions: the work Senlin does on clusters and nodes.
    pub mod actions;
    /// Build information of the API and engine.
    pub mod build_info;
    /// The policies attached to a cluster.
    pub mod cluster_policies;
    /// Clusters, their actions and operations.
    pub mod clusters;
    /// Events.
    pub mod events;
    /// Nodes, their actions and operations, adoption.
    pub mod nodes;
    /// Policies.
    pub mod policies;
    /// Policy types.
    pub mod policy_types;
    /// Profile types and their operations.
    pub mod profile_types;
    /// Profiles.
    pub mod profiles;
    /// Receivers (webhooks and messages).
    pub mod receivers;
    /// Senlin's services (engines, health managers).
    pub mod services;
    /// Webhook triggers.
    pub mod webhooks;
}

/// What Senlin's resources share: paging, started actions, type documents, the
/// functions of a resource.
pub mod common;

/// Senlin's API versions, at the service root.
pub mod versions;

/// The operations written from Senlin's root, for coverage reports.
pub static ROOT_OPERATIONS: &[&[&crate::Operation]] = versions::ROOT_OPERATIONS;
