//! Federation service providers (OS-FEDERATION).

crate::operations! {
    service: "identity";
}
