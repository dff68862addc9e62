//! Server groups (affinity and anti-affinity policies).

crate::operations! {
    service: "compute";
}
