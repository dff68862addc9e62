//! Roles (identity v2.0).

crate::operations! {
    service: "identity";
}
