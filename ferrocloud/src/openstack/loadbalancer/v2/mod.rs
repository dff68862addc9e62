//! Load Balancer API v2 (Octavia). Create the client with
//! [`new_load_balancer_v2`](crate::openstack::new_load_balancer_v2): paths are relative
//! to the endpoint's `v2/`.
//!
//! A load balancer ([`loadbalancers`]) holds listeners ([`listeners`]), which send
//! traffic to pools ([`pools`]) of members ([`members`]), checked by health monitors
//! ([`healthmonitors`]); L7 policies ([`l7policies`]) and their rules ([`l7rules`])
//! route requests by their content. Every change is asynchronous: an object is
//! `PENDING_CREATE`, `PENDING_UPDATE` or `PENDING_DELETE`
//! ([`common::ProvisioningStatus`]) until the provider has applied it, and while its
//! load balancer is `PENDING_*` Octavia refuses other changes with a `409`
//! ([`common::is_immutable_conflict`]); each provisioned resource has a
//! `wait_for_status` (until `ACTIVE`) and a `wait_for_delete`. Operators manage
//! [`quotas`], [`flavors`] and [`flavorprofiles`], [`availability_zones`] and
//! [`availability_zone_profiles`], read [`providers`] and their capabilities, and
//! manage [`amphorae`].
//!
//! Listings page by `limit`/`marker` and follow `<resources>_links`; the filters of the
//! first request are kept on later pages ([`common::ListControls`]).
//!
//! ```no_run
//! # async fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::loadbalancer::v2::{listeners, loadbalancers};
//! use ferrocloud::openstack::loadbalancer::v2::common::Protocol;
//! let lb = ferrocloud::openstack::new_load_balancer_v2(&provider, Default::default())?;
//! let opts = loadbalancers::CreateOpts::on_subnet("d4af86e1-0051-488c-b7a0-527f97490c9a")
//!     .name("web");
//! let created = loadbalancers::create(&lb, &opts).await.extract()?;
//! loadbalancers::wait_for_status(&lb, &created.id, &Default::default()).await?;
//! let listener = listeners::CreateOpts::new(&created.id, Protocol::Http, 80);
//! listeners::create(&lb, &listener).await.extract()?;
//! # Ok(()) }
//! ```

crate::resources! {
    /// Amphorae: the service VMs of the amphora provider (admins).
    pub mod amphorae;
    /// Availability zone profiles: provider settings of availability zones (admins).
    pub mod availability_zone_profiles;
    /// Availability zones offered to load balancers.
    pub mod availability_zones;
    /// Flavor profiles: provider settings of flavors (admins).
    pub mod flavorprofiles;
    /// Flavors offered to load balancers.
    pub mod flavors;
    /// Health monitors of pools.
    pub mod healthmonitors;
    /// L7 policies of listeners.
    pub mod l7policies;
    /// L7 rules of L7 policies.
    pub mod l7rules;
    /// Listeners of load balancers, and their statistics.
    pub mod listeners;
    /// Load balancers: create (alone or with a whole tree), statistics, status tree,
    /// failover.
    pub mod loadbalancers;
    /// Members of pools, one by one or as a batch.
    pub mod members;
    /// Pools of members.
    pub mod pools;
    /// Providers (drivers) and their capabilities.
    pub mod providers;
    /// Quotas per project, and their defaults.
    pub mod quotas;
}

/// The operations written from Octavia's root rather than `v2/`, for coverage reports.
pub static ROOT_OPERATIONS: &[&[&crate::Operation]] = versions::ROOT_OPERATIONS;

/// What Octavia's resources share: statuses, protocols, listing controls, waiters and
/// the conflict of a busy load balancer.
pub mod common;

/// Octavia's API versions (`GET /`), at the service root.
pub mod versions;
