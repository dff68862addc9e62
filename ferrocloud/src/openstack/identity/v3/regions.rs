//! Regions.

crate::operations! {
    service: "identity";
}
