//! Block Storage API v2 (Cinder, for older clouds). Create the client with
//! [`new_block_storage_v2`](crate::openstack::new_block_storage_v2).
//!
//! The v2 API is the v3 API's base version: the same paths (relative to the catalog
//! endpoint), bodies and answers, without microversions. Its resources are the
//! [`v3`](super::v3) modules, re-exported here; each lists the operations v2 documents
//! as its `V2_OPERATIONS`, and [`OPERATIONS`] joins them.

/// Re-exports v3 modules as v2 resources, and joins their `V2_OPERATIONS`.
macro_rules! v2_resources {
    ($($module:ident,)*) => {
        $(pub use super::v3::$module;)*

        /// The operations of the v2 API (the v3 modules' operations that v2 documents),
        /// for coverage reports.
        pub static OPERATIONS: &[&[&crate::Operation]] = &[$($module::V2_OPERATIONS),*];
    };
}

v2_resources! {
    api_extensions,
    availability_zones,
    backups,
    capabilities,
    cgsnapshots,
    consistency_groups,
    hosts,
    limits,
    manageable_volumes,
    qos_specs,
    quota_class_sets,
    quota_sets,
    scheduler_stats,
    snapshot_metadata,
    snapshots,
    versions,
    volume_actions,
    volume_metadata,
    volume_transfers,
    volume_type_encryption,
    volume_types,
    volumes,
}
