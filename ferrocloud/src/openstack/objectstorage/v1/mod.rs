//! Object Storage API v1 (Swift). Create the client with
//! [`new_object_storage_v1`](crate::openstack::new_object_storage_v1): its endpoint is the
//! account's URL (`…/v1/AUTH_<project>`), and paths are relative to it.
//!
//! Accounts, containers and objects carry their figures and metadata in headers: their
//! `get` functions read them into typed values with `extract`, as the JSON services'
//! do. Listings are JSON, paged by marker. Object bytes stream both ways.
//! [`capabilities`] reads the cluster's `/info`.

pub mod common;

crate::resources! {
    /// The account: figures, metadata, TempURL keys.
    pub mod account;
    /// Bulk deletes and archive extraction.
    pub mod bulk;
    /// The cluster's capabilities (`/info`) and endpoints.
    pub mod capabilities;
    /// Containers.
    pub mod containers;
    /// Objects.
    pub mod objects;
}

/// Static large objects: segmented, concurrent uploads (through the objects' operations).
pub mod large_objects;
/// Temporary URLs and form POST signatures (signed locally: no operation).
pub mod tempurl;
