//! Role grants on projects, domains and the system, for users and groups (with OS-INHERIT).

crate::operations! {
    service: "identity";
}
