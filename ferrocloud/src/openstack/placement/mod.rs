//! Placement (resource providers, their inventories and traits, allocations and the
//! allocation candidates the schedulers ask for).

pub mod v1;
