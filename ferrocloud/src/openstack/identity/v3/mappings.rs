//! Federation mappings (OS-FEDERATION).

crate::operations! {
    service: "identity";
}
