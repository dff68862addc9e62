//! Database as a service (Trove): database instances, their databases and users,
//! configuration groups, datastores, backups. See [`v1`].

pub mod v1;
