//! Key manager API v1 (Barbican). Create the client with
//! [`new_key_manager_v1`](crate::openstack::new_key_manager_v1): paths are relative to
//! the endpoint's `v1/`.
//!
//! Barbican names its entities by URL (`secret_ref`, `container_ref`, `order_ref`):
//! every function takes such a reference or the bare UUID, and
//! [`id_from_ref`](crate::openstack::keymanager::v1::common::id_from_ref) gives the UUID of a reference. Listings page by offset and
//! limit, following Barbican's `next` links. Payloads are secrets: they are held as
//! [`SecretString`](crate::SecretString)s and read back as
//! [`SecretPayload`](crate::openstack::keymanager::v1::secrets::SecretPayload), which never print.

crate::resources! {
    /// ACLs of secrets and containers.
    pub mod acls;
    /// Consumers of containers.
    pub mod container_consumers;
    /// Containers: groups of secret references.
    pub mod containers;
    /// Orders: secrets Barbican generates.
    pub mod orders;
    /// Project quotas (admins).
    pub mod project_quotas;
    /// Effective quotas of the caller's project.
    pub mod quotas;
    /// Consumers of secrets.
    pub mod secret_consumers;
    /// Secret metadata: the user's key/value pairs.
    pub mod secret_metadata;
    /// Secret stores: backends, the preferred one, the global default.
    pub mod secret_stores;
    /// Secrets: metadata and payloads.
    pub mod secrets;
}

/// What the resources share: references, statuses, paging.
pub mod common;
