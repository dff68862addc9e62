//! Quota class sets.

crate::operations! {
    service: "compute";
}
