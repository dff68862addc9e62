//! DNS (Designate).

pub mod v2;
