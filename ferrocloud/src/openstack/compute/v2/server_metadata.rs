//! Server metadata items.

crate::operations! {
    service: "compute";
}
