//! Shared File Systems (Manila).

pub mod v2;
