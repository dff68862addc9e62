//! Trusts (OS-TRUST).

crate::operations! {
    service: "identity";
}
