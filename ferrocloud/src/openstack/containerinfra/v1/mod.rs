//! Container infrastructure management API v1 (Magnum). Create the client with
//! [`new_container_infra_v1`](crate::openstack::new_container_infra_v1) (resources under
//! `v1/`); Magnum reads the microversion from `OpenStack-API-Version: container-infra
//! 1.X` and answers in 1.1 without one, so the operations added later (cluster resize
//! at 1.7, upgrade at 1.8, CA rotation at 1.5) are refused before sending on a client
//! pinned lower.
//!
//! ```no_run
//! # async fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::{self, containerinfra::v1::clusters};
//! let magnum = openstack::new_container_infra_v1(&provider, Default::default())?
//!     .with_microversion("1.8");
//! for c in clusters::list(&magnum, &Default::default()).all().await? {
//!     println!("{} {}", c.name, c.status);
//! }
//! # Ok(()) }
//! ```
//!
//! Cluster templates and clusters are addressed by UUID or by name (Magnum resolves
//! either), and changed with a JSON Patch ([`crate::patch::Patch`]). Creating, updating,
//! resizing and upgrading a cluster answer `202` with its UUID; the work goes on in the
//! background, which [`clusters::wait_for_status`] follows.

/// What several Magnum resources share: the listing controls.
pub mod common;

crate::resources! {
    /// CA certificates of clusters: show, sign a CSR, rotate.
    pub mod certificates;
    /// Cluster templates: what a cluster is built from.
    pub mod clustertemplates;
    /// Clusters, with their resize and upgrade actions and waiters.
    pub mod clusters;
    /// Magnum's own services (conductors) and their state.
    pub mod mservices;
    /// Quotas of projects (clusters per project).
    pub mod quotas;
    /// Counts of clusters and nodes.
    pub mod stats;
    /// The API versions and the v1 document.
    pub mod versions;
}

/// The operations written from Magnum's root (`GET /`), for coverage reports.
pub static ROOT_OPERATIONS: &[&[&crate::Operation]] = versions::ROOT_OPERATIONS;
