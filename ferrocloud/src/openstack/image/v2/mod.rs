//! Image API v2 (Glance). Create the client with
//! [`new_image_v2`](crate::openstack::new_image_v2): paths are relative to the endpoint's
//! `v2/`.
//!
//! Images are records ([`images`]) whose bytes are uploaded, staged and downloaded
//! apart ([`image_data`]) as streams, with their checksum checked; [`imports`] runs
//! Glance's interoperable import. Glance does not version its API with microversions:
//! what a cloud serves is told by its [`versions`] list (`v2.0` … `v2.17`).

crate::resources! {
    /// The image cache of a Glance node (admins).
    pub mod cache;
    /// Image data: upload, stage, download.
    pub mod image_data;
    /// Images: the records, their lifecycle and their locations.
    pub mod images;
    /// Interoperable import: the methods, and importing.
    pub mod imports;
    /// Image members: sharing images with projects.
    pub mod members;
    /// Metadata definitions: namespaces, their objects, properties, tags and resource
    /// type associations.
    pub mod metadefs;
    /// The JSON schemas of Glance's resources.
    pub mod schemas;
    /// Stores (multi-store clouds).
    pub mod stores;
    /// Image tags.
    pub mod tags;
    /// Tasks: Glance's asynchronous work.
    pub mod tasks;
    /// Quota usage.
    pub mod usage;
}

/// The operations written from Glance's root rather than `v2/`, for coverage reports.
pub static ROOT_OPERATIONS: &[&[&crate::Operation]] = versions::ROOT_OPERATIONS;

/// Glance's API versions (`GET /`, `GET /versions`), at the service root.
pub mod versions;
