//! OAuth 2.0 client credentials tokens (OS-OAUTH2).

crate::operations! {
    service: "identity";
}
