//! Bare metal introspection (Ironic Inspector).

/// Ironic Inspector API v1.
pub mod v1;
