//! EC2 credentials (OS-KSEC2) and EC2 token validation.

crate::operations! {
    service: "identity";
}
