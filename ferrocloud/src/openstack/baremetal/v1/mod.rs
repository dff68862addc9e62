//! Bare Metal API v1 (Ironic). Create the client with
//! [`new_baremetal_v1`](crate::openstack::new_baremetal_v1) (paths are relative to the
//! endpoint's `v1/`), then pin a microversion: Ironic answers in its base version (1.1)
//! unless the client sends `X-OpenStack-Ironic-API-Version`, and most of the API came
//! with later ones. Every operation names the first microversion it needs and is refused
//! before sending on a client pinned lower; so are request fields and filters newer
//! than the client's microversion.
//!
//! ```no_run
//! # async fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::{self, baremetal::v1::{self as baremetal, nodes}};
//! let ironic = openstack::new_baremetal_v1(&provider, Default::default())?
//!     .negotiate_microversion(baremetal::MAX_MICROVERSION)
//!     .await?;
//! for node in nodes::list(&ironic, &Default::default()).all().await? {
//!     println!("{} {:?} {}", node.uuid, node.name, node.provision_state);
//! }
//! # Ok(()) }
//! ```
//!
//! Nodes ([`nodes`]) move through Ironic's provision state machine
//! ([`node_states`], with waiters that fail on `deploy failed`, `clean failed`… with
//! the node's `last_error`); their hardware is managed with [`node_management`]. Ports
//! ([`ports`]), port groups ([`portgroups`]) and volume connectors and targets
//! ([`volume`]) hang off nodes; [`chassis`] group them. [`allocations`] pick nodes,
//! [`deploy_templates`] and [`runbooks`] name steps, [`inspection_rules`] act on
//! inspection data, [`drivers`] and [`conductors`] describe the services. Updates are
//! JSON Patches ([`common::Patch`]). Listings page by Ironic's `limit`/`marker` and its
//! `next` link ([`common::Listing`]).
//!
//! Standalone Ironic (without Keystone) is reached with `auth_type: none` (or
//! `http_basic`) and a `baremetal_endpoint_override` in clouds.yaml.

/// The highest Ironic microversion this module knows: 1.111, served by Ironic 2026.1
/// (35.0). Ironic 2025.1 (29.0) serves up to 1.96, 2025.2 (32.0) 1.101; the development
/// branch is at 1.115 (`ironic/common/release_mappings.py`).
///
/// ```
/// assert_eq!(ferrocloud::openstack::baremetal::v1::MAX_MICROVERSION, "1.111");
/// ```
pub const MAX_MICROVERSION: &str = "1.111";

/// What every Ironic resource shares: links, listings, patches, microversion checks.
pub mod common;

/// Events other services send Ironic (not in the API reference).
pub mod events;

/// What deploy templates and runbooks share.
mod named_steps;

crate::resources! {
    /// The ramdisk agent's lookup and heartbeat.
    pub mod agent;
    /// Allocations: requests for nodes.
    pub mod allocations;
    /// Chassis.
    pub mod chassis;
    /// Conductors and shards.
    pub mod conductors;
    /// Deploy templates.
    pub mod deploy_templates;
    /// Drivers (hardware types).
    pub mod drivers;
    /// Inspection rules.
    pub mod inspection_rules;
    /// Node hardware management: boot device, indicators, NMI, virtual media, vendor
    /// passthru, BIOS, firmware, inventory, history.
    pub mod node_management;
    /// Node states: provision, power, boot mode, secure boot, RAID, console; waiters.
    pub mod node_states;
    /// Nodes.
    pub mod nodes;
    /// Port groups.
    pub mod portgroups;
    /// Ports.
    pub mod ports;
    /// Runbooks.
    pub mod runbooks;
    /// The API versions (`GET /`, `GET /v1/`).
    pub mod versions;
    /// Volume connectors and targets.
    pub mod volume;
}

/// The operations written from Ironic's root rather than `v1/`, for coverage reports.
pub static ROOT_OPERATIONS: &[&[&crate::Operation]] = versions::ROOT_OPERATIONS;
