//! Bare Metal Introspection API v1 (Ironic Inspector). Create the client with
//! [`new_baremetal_introspection_v1`](crate::openstack::new_baremetal_introspection_v1)
//! (paths are relative to the endpoint's `v1/`).
//!
//! Inspector boots a node into a ramdisk, which sends back the hardware it finds
//! ([`ramdisk`](crate::openstack::baremetalintrospection::v1::ramdisk)); Inspector processes that data, stores it ([`data`](crate::openstack::baremetalintrospection::v1::data)) and runs the
//! [`rules`](crate::openstack::baremetalintrospection::v1::rules) that match. [`introspection`](crate::openstack::baremetalintrospection::v1::introspection) starts, follows, aborts and waits for it.
//! Nodes are named by Ironic UUID or name.
//!
//! Inspector answers a request without a microversion in its newest microversion. A
//! client pinned with [`ServiceClient::with_microversion`](crate::ServiceClient::with_microversion)
//! sends `X-OpenStack-Ironic-Inspector-API-Version` (and
//! `OpenStack-API-Version: baremetal-introspection X.Y`), and is refused before sending
//! what is newer than its pin ([`common`](crate::openstack::baremetalintrospection::v1::common)); [`versions::negotiate`](crate::openstack::baremetalintrospection::v1::versions::negotiate) pins the highest
//! microversion both sides know. Ironic Inspector is in maintenance mode: Ironic's own
//! inspection (`baremetal::v1`'s inspection rules and inventory) replaces it.
//!
//! ```no_run
//! # async fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetalintrospection::v1::{self as inspector_v1, data, introspection, versions};
//! let inspector = ferrocloud::openstack::new_baremetal_introspection_v1(&provider, Default::default())?;
//! let inspector = versions::negotiate(&inspector, inspector_v1::MAX_MICROVERSION).await?;
//! introspection::start(&inspector, "node-1", &Default::default()).await.ok()?;
//! introspection::wait_for_finish(&inspector, "node-1", &Default::default()).await?;
//! let found = data::get(&inspector, "node-1").await.extract()?;
//! println!("{:?}", found.get("memory_mb"));
//! # Ok(()) }
//! ```

/// The highest Ironic Inspector microversion this module knows: 1.18 (the state
/// filter of the status listing), the last one Inspector added.
///
/// ```
/// assert_eq!(ferrocloud::openstack::baremetalintrospection::v1::MAX_MICROVERSION, "1.18");
/// ```
pub const MAX_MICROVERSION: &str = "1.18";

/// The microversion rule every request follows.
pub mod common;

crate::resources! {
    /// Stored introspection data, and reapplying it.
    pub mod data;
    /// Introspection: start, status, abort, wait.
    pub mod introspection;
    /// The ramdisk's callback.
    pub mod ramdisk;
    /// Introspection rules.
    pub mod rules;
    /// The API versions (`GET /`, `GET /v1/`).
    pub mod versions;
}

/// The operations written from Inspector's root, for coverage reports.
pub static ROOT_OPERATIONS: &[&[&crate::Operation]] = versions::ROOT_OPERATIONS;
