//! Groups and their members.

crate::operations! {
    service: "identity";
}
