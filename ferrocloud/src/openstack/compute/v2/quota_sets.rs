//! Quota sets of projects and users, with details and defaults.

crate::operations! {
    service: "compute";
}
