//! Volumes attached to a server: attach, list, show, update or swap, detach.

crate::operations! {
    service: "compute";
}
