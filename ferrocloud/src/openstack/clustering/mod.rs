//! Clustering (Senlin).

pub mod v1;
