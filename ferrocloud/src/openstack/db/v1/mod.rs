//! Database API v1.0 (Trove). Create the client with
//! [`new_database_v1`](crate::openstack::new_database_v1): Trove's catalog endpoint
//! holds the version and the project (`…/v1.0/<project_id>`), and every path here is
//! written from there.
//!
//! ```no_run
//! # async fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::{self, db::v1::instances::{self, CreateOpts}};
//! use ferrocloud::wait::WaitOpts;
//! let trove = openstack::new_database_v1(&provider, Default::default())?;
//! let opts = CreateOpts::new("db1", "d2").datastore("mysql", "5.7").volume_size(2);
//! let id = instances::create(&trove, &opts).await.extract()?.id;
//! let instance = instances::wait_for_status(&trove, &id, &WaitOpts::default()).await?;
//! println!("{:?}", instance.ip);
//! # Ok(()) }
//! ```
//!
//! Listings page with `limit`/`marker` and follow Trove's `links` (`rel: next`).
//! User passwords (and the root password Trove generates) are
//! [`SecretString`](crate::SecretString)s. The `mgmt/…` operations are for
//! administrators.

/// What several Trove resources share.
pub mod common;

crate::resources! {
    /// Backup strategies: where an instance's backups go.
    pub mod backup_strategies;
    /// Backups of instances.
    pub mod backups;
    /// Configuration groups: database settings attached to instances.
    pub mod configurations;
    /// Databases (schemas) of an instance.
    pub mod databases;
    /// Datastore versions as administrators manage them, and their parameters.
    pub mod datastore_versions;
    /// Datastores, their versions and configuration parameters.
    pub mod datastores;
    /// Database instances, their actions and waiters.
    pub mod instances;
    /// Limits of the caller's project.
    pub mod limits;
    /// The database logs of an instance.
    pub mod logs;
    /// Instances as administrators see them, and their actions.
    pub mod mgmt;
    /// Quotas of projects (administrators).
    pub mod quotas;
    /// The root user of an instance.
    pub mod root;
    /// TLS of an instance's database service.
    pub mod ssl;
    /// Database users of an instance and their access.
    pub mod users;
    /// The API versions.
    pub mod versions;
}

/// The operations written from Trove's root (`GET /`), for coverage reports.
pub static ROOT_OPERATIONS: &[&[&crate::Operation]] = versions::ROOT_OPERATIONS;
