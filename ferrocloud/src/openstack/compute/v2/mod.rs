//! Compute API v2.1 (Nova). Create the client with
//! [`new_compute_v2`](crate::openstack::new_compute_v2).

pub mod extensions;

crate::resources! {
    /// Flavors: the sizes a server can be booted with.
    pub mod flavors;
    /// Servers: virtual machines.
    pub mod servers;
}
