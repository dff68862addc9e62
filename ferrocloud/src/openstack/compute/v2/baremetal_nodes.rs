//! Bare metal nodes through the compute API (proxy to the bare metal service, until 2.35).

crate::operations! {
    service: "compute";
}
