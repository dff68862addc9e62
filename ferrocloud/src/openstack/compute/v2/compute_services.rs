//! Compute services (os-services).

crate::operations! {
    service: "compute";
}
