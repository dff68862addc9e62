//! Extensions (legacy).

crate::operations! {
    service: "compute";
}
