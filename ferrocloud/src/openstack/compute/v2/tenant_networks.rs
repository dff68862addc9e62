//! Project networks through the compute API (proxy to networking, until 2.35).

crate::operations! {
    service: "compute";
}
