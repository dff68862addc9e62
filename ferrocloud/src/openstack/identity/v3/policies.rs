//! Policies (stored policy blobs).

crate::operations! {
    service: "identity";
}
