//! Images through the compute API (proxy to the image service, until 2.35).

crate::operations! {
    service: "compute";
}
