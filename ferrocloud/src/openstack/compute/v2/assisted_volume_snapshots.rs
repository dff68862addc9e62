//! Assisted volume snapshots (for volume drivers).

crate::operations! {
    service: "compute";
}
