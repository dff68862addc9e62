//! Zun, the application container service: containers, capsules and the hosts that run
//! them.

pub mod v1;
