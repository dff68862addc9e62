//! Users, their passwords, groups and projects.

crate::operations! {
    service: "identity";
}
