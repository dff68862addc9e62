//! Flavor access: which projects may use a private flavor.

crate::operations! {
    service: "compute";
}
