//! Roles, domain-specific roles and implied roles (inference rules).

crate::operations! {
    service: "identity";
}
