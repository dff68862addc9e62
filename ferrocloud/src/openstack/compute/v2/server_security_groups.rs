//! The security groups of a server.

crate::operations! {
    service: "compute";
}
