//! Instance actions of a server and their events.

crate::operations! {
    service: "compute";
}
