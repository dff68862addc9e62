//! Networking (Neutron).

pub mod v2;
