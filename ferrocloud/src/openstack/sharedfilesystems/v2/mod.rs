//! Shared File Systems API v2 (Manila). Create the client with
//! [`new_shared_file_system_v2`](crate::openstack::new_shared_file_system_v2), and pin a
//! microversion with [`ServiceClient::with_microversion`](crate::ServiceClient::with_microversion)
//! or [`negotiate_microversion`](crate::ServiceClient::negotiate_microversion) (sent as
//! `X-OpenStack-Manila-API-Version` and `OpenStack-API-Version: shared-file-system 2.N`).
//! Without one Manila answers in 2.0, where most of today's API does not exist yet:
//! operations and fields added by a microversion are refused before sending when the
//! client's is older. The SDK knows Manila's microversions up to **2.99** (Manila's
//! source, `_MAX_API_VERSION` in `manila/api/openstack/api_version_request.py`); the
//! released Manila 22.0 (2026.1) serves up to **2.95**: pin 2.95 there, or negotiate
//! (below 2.98 a share migration's progress is read with the action form, which the
//! functions pick on their own).
//!
//! Paths are relative to the catalog endpoint (`…/v2/{project_id}`, or `…/v2` on clouds
//! that register it without the project). Manila renamed its `os-` paths and actions at
//! 2.7 (`os-reset_status` is `reset_status` since); the functions send what the
//! client's microversion reads. The APIs Manila calls experimental (share replicas
//! before 2.56, share groups before 2.55, share migration before 2.96, share server
//! migration, share backups) are sent with `X-OpenStack-Manila-API-Experimental: True`
//! (by the client's microversion for those that graduated).
//! Listings take `limit`/`offset` ([`common::ListControls`]) and follow the
//! `<collection>_links` newer releases answer with.
//!
//! ```no_run
//! # async fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::{self, sharedfilesystems::v2::shares};
//! let manila = openstack::new_shared_file_system_v2(&provider, Default::default())?
//!     .negotiate_microversion("2.99")
//!     .await?;
//! let share = shares::find(&manila, "data").await?;
//! println!("{} is {:?}", share.id, share.status);
//! # Ok(()) }
//! ```

pub mod common;

crate::resources! {
    /// Availability zones.
    pub mod availability_zones;
    /// API extensions (legacy).
    pub mod extensions;
    /// Metadata of export locations (2.87).
    pub mod export_location_metadata;
    /// Export locations of shares, share instances and replicas.
    pub mod export_locations;
    /// Absolute and rate limits.
    pub mod limits;
    /// User messages about asynchronous failures (2.37).
    pub mod messages;
    /// Quota classes.
    pub mod quota_class_sets;
    /// Quotas of projects, users and share types.
    pub mod quota_sets;
    /// QoS types and their specs (2.94).
    pub mod qos_types;
    /// Resource locks (2.81).
    pub mod resource_locks;
    /// Back-end storage pools.
    pub mod scheduler_stats;
    /// Security services.
    pub mod security_services;
    /// Manila's services.
    pub mod services;
    /// Access rules of shares and their metadata.
    pub mod share_access;
    /// Share instances (admin).
    pub mod share_instances;
    /// Share backups (2.80, experimental).
    pub mod share_backups;
    /// Share group snapshots (2.31).
    pub mod share_group_snapshots;
    /// Share group types, their group specs and access (2.31).
    pub mod share_group_types;
    /// Share groups (2.31).
    pub mod share_groups;
    /// Share metadata.
    pub mod share_metadata;
    /// Share migration (admin, experimental before 2.96).
    pub mod share_migration;
    /// Metadata of share network subnets (2.78).
    pub mod share_network_subnet_metadata;
    /// Subnets of share networks (2.51).
    pub mod share_network_subnets;
    /// Share networks.
    pub mod share_networks;
    /// Metadata of share replicas (2.95).
    pub mod share_replica_metadata;
    /// Share replicas (2.11).
    pub mod share_replicas;
    /// Share servers and their migration (admin).
    pub mod share_servers;
    /// Share transfers between projects (2.77).
    pub mod share_transfers;
    /// Share types, their extra specs and access.
    pub mod share_types;
    /// Shares and their actions.
    pub mod shares;
    /// Snapshot instances (admin, 2.19).
    pub mod snapshot_instances;
    /// Snapshot metadata (2.73).
    pub mod snapshot_metadata;
    /// Share snapshots.
    pub mod snapshots;
    /// API versions (at the service root).
    pub mod versions;
}

/// The operations written from the service root (the API versions).
pub static ROOT_OPERATIONS: &[&[&crate::Operation]] = versions::ROOT_OPERATIONS;
