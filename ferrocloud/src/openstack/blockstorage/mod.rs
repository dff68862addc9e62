//! Block Storage (Cinder): [`v3`], with microversions, and [`v2`] for older clouds.
//! Create the clients with [`new_block_storage_v3`](crate::openstack::new_block_storage_v3)
//! and [`new_block_storage_v2`](crate::openstack::new_block_storage_v2).

pub mod v2;
pub mod v3;
