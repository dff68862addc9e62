//! Tokens: issue (every method), validate, check and revoke (`/auth/tokens`).

crate::operations! {
    service: "identity";
}
