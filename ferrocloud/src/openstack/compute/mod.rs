//! Compute (Nova).

pub mod v2;
