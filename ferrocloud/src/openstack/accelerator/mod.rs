//! Accelerator (Cyborg): accelerator devices, the deployables they expose, device
//! profiles and the accelerator requests that Nova binds to instances.

pub mod v2;
