//! Server external events (sent by other services).

crate::operations! {
    service: "compute";
}
