//! Server addresses by network.

crate::operations! {
    service: "compute";
}
