//! Tokens (identity v2.0, legacy clouds).

crate::operations! {
    service: "identity";
}
