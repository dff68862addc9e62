//! Object Storage (Swift).

pub mod v1;
