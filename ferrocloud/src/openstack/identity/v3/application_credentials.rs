//! Application credentials and their access rules.

crate::operations! {
    service: "identity";
}
