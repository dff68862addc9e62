//! Block Storage API v3 (Cinder). Create the client with
//! [`new_block_storage_v3`](crate::openstack::new_block_storage_v3), and pin a
//! microversion with [`ServiceClient::with_microversion`](crate::ServiceClient::with_microversion)
//! or [`negotiate_microversion`](crate::ServiceClient::negotiate_microversion) (sent as
//! `OpenStack-API-Version: volume 3.N`). Operations and fields added by a microversion are
//! refused before sending when the client's is older.
//!
//! Paths are relative to the catalog endpoint (`…/v3/{project_id}`, or `…/v3` on clouds
//! that register it without the project). Listings take the resource's typed filters plus
//! [`common::ListControls`] and page through `<resources>_links`.

pub mod common;

crate::resources! {
    /// API extensions.
    pub mod api_extensions;
    /// Attachments: the attach flow of 3.27 (reserve, connect, complete, delete).
    pub mod attachments;
    /// Availability zones.
    pub mod availability_zones;
    /// Volume backups: create, restore, export and import records.
    pub mod backups;
    /// Back-end capabilities.
    pub mod capabilities;
    /// Consistency group snapshots (legacy; see group snapshots).
    pub mod cgsnapshots;
    /// Clusters (since 3.7).
    pub mod clusters;
    /// Consistency groups (legacy; see groups).
    pub mod consistency_groups;
    /// Default volume types of projects (since 3.62).
    pub mod default_types;
    /// Group snapshots (since 3.14).
    pub mod group_snapshots;
    /// Group specs of group types (since 3.11).
    pub mod group_type_specs;
    /// Group types (since 3.11).
    pub mod group_types;
    /// Generic volume groups (since 3.13): create, update, delete, replication.
    pub mod groups;
    /// Hosts (`os-hosts`).
    pub mod hosts;
    /// Absolute and rate limits.
    pub mod limits;
    /// Manageable snapshots: backend snapshots to bring under Cinder's management.
    pub mod manageable_snapshots;
    /// Manageable volumes: backend storage to bring under Cinder's management.
    pub mod manageable_volumes;
    /// User messages about failed requests (since 3.3).
    pub mod messages;
    /// Quality-of-service specs and their volume types.
    pub mod qos_specs;
    /// Quota classes.
    pub mod quota_class_sets;
    /// Quota sets of projects.
    pub mod quota_sets;
    /// Resource filters (since 3.33).
    pub mod resource_filters;
    /// Back-end storage pools (scheduler statistics).
    pub mod scheduler_stats;
    /// Cinder services (`os-services`).
    pub mod services;
    /// Snapshot metadata items.
    pub mod snapshot_metadata;
    /// Volume snapshots: create, update, reset, force delete, waiters.
    pub mod snapshots;
    /// API versions (at the service root).
    pub mod versions;
    /// Volume actions: extend, attach, retype, upload to an image…
    pub mod volume_actions;
    /// Volume types' encryption.
    pub mod volume_type_encryption;
    /// Volume types' extra specs.
    pub mod volume_type_extra_specs;
    /// Volume types, their access and the default type.
    pub mod volume_types;
    /// Volume metadata items.
    pub mod volume_metadata;
    /// Volume transfers between projects.
    pub mod volume_transfers;
    /// Volumes.
    pub mod volumes;
    /// Cleanup of services' resources (since 3.24).
    pub mod workers;
}
