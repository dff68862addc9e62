//! Bare Metal (Ironic).

pub mod v1;
