//! API versions of the compute service.

crate::operations! {
    service: "compute";
}
