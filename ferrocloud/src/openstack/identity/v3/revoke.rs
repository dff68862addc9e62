//! Revocation events (OS-REVOKE) and revoked PKI tokens.

crate::operations! {
    service: "identity";
}
