//! Instance usage audit logs.

crate::operations! {
    service: "compute";
}
