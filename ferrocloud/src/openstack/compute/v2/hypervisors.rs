//! Hypervisors, their servers, statistics and uptime.

crate::operations! {
    service: "compute";
}
