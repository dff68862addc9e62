//! Federated authentication, SAML assertions and the projects and domains a federated user may scope to (OS-FEDERATION).

crate::operations! {
    service: "identity";
}
