//! Orchestration API v1 (Heat). Create the client with
//! [`new_orchestration_v1`](crate::openstack::new_orchestration_v1): Heat's catalog
//! endpoint already ends with `v1/{project_id}`, and every path here is relative to it.
//!
//! A stack is addressed by its name *and* its ID (`/stacks/{stack_name}/{stack_id}`).
//! Heat also answers a name or an ID alone with a `302` redirect to that canonical
//! path; the SDK never follows redirects, so it reads the `Location` header itself and
//! sends the canonical request ([`stacks::find`], [`stacks::lookup`]).
//!
//! ```no_run
//! # async fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::{self, orchestration::v1::stacks::{self, CreateOpts, StackStatus}};
//! use ferrocloud::wait::WaitOpts;
//! let heat = openstack::new_orchestration_v1(&provider, Default::default())?;
//! let template = "heat_template_version: 2018-08-31\nresources: {}\n";
//! let created = stacks::create(&heat, &CreateOpts::new("demo", template)).await.extract()?;
//! let stack = stacks::wait_for_status(&heat, "demo", &created.id,
//!     StackStatus::CreateComplete, &WaitOpts::default()).await?;
//! println!("{} is {}", stack.stack_name, stack.stack_status);
//! # Ok(()) }
//! ```

/// What several Heat resources share: statuses, templates, outputs, the stack lookup.
pub mod common;

crate::resources! {
    /// Build information of the API and the engine.
    pub mod build_info;
    /// Events: what happened to a stack's resources.
    pub mod events;
    /// A stack's outputs.
    pub mod outputs;
    /// Resource types: what templates can declare, their schemas and templates.
    pub mod resource_types;
    /// A stack's resources: listing, details, metadata, signals, health.
    pub mod resources;
    /// The engines' status (admins).
    pub mod services;
    /// A stack's snapshots, and restoring them.
    pub mod snapshots;
    /// Software configurations.
    pub mod software_configs;
    /// Software deployments: configurations applied to servers.
    pub mod software_deployments;
    /// Stacks: creation, listing, update, deletion, actions, waiters.
    pub mod stacks;
    /// Template versions and the functions each offers.
    pub mod template_versions;
    /// Template validation.
    pub mod templates;
}

/// The operations written from Heat's root rather than `v1/{project_id}`, for coverage
/// reports.
pub static ROOT_OPERATIONS: &[&[&crate::Operation]] = versions::ROOT_OPERATIONS;

/// Heat's API versions (`GET /`), at the service root.
pub mod versions;
