//! Flavor extra specs.

crate::operations! {
    service: "compute";
}
