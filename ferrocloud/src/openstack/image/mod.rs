//! Image service (Glance).

pub mod v2;
