//! OAuth 1.0a consumers, request and access tokens (OS-OAUTH1).

crate::operations! {
    service: "identity";
}
