//! Registered limits (defaults) and the enforcement model.

crate::operations! {
    service: "identity";
}
