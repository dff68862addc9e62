//! Identity (Keystone). Create the client with
//! [`new_identity_v3`](crate::openstack::new_identity_v3).

pub mod v2;
pub mod v3;
