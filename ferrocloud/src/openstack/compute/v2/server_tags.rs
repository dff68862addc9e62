//! Server tags.

crate::operations! {
    service: "compute";
}
