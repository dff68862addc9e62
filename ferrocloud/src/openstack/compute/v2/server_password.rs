//! The encrypted admin password of a server.

crate::operations! {
    service: "compute";
}
