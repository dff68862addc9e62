//! Rate and absolute limits.

crate::operations! {
    service: "compute";
}
