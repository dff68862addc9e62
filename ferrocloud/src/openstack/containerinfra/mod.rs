//! Container infrastructure management (Magnum): Kubernetes clusters built from
//! cluster templates. See [`v1`].

pub mod v1;
