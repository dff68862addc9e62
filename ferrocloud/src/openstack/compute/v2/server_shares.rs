//! Shares (Manila) attached to a server.

crate::operations! {
    service: "compute";
}
