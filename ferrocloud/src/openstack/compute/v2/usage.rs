//! Simple tenant usage.

crate::operations! {
    service: "compute";
}
