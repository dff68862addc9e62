//! Domains.

crate::operations! {
    service: "identity";
}
