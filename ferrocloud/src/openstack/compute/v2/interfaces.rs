//! Port interfaces of a server: attach, list, show, detach.

crate::operations! {
    service: "compute";
}
