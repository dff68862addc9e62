//! Server diagnostics.

crate::operations! {
    service: "compute";
}
