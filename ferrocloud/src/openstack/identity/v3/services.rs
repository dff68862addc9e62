//! Services of the catalog.

crate::operations! {
    service: "identity";
}
