//! Key manager (Barbican).

/// Version 1.
pub mod v1;
