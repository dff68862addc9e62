//! Key pairs.

crate::operations! {
    service: "compute";
}
