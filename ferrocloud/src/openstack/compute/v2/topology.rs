//! Server NUMA topology.

crate::operations! {
    service: "compute";
}
