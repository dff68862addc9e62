//! Signing certificates (OS-SIMPLE-CERT).

crate::operations! {
    service: "identity";
}
