//! Load balancing (Octavia).

pub mod v2;
