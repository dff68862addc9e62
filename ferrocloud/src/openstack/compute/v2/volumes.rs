//! Volumes and snapshots through the compute API (proxy to block storage, until 2.35).

crate::operations! {
    service: "compute";
}
