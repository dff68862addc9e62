//! Availability zones.

crate::operations! {
    service: "compute";
}
