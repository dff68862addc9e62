//! Identity API v3 (Keystone).

use serde::{Deserialize, Serialize};

/// The `links` object of an identity resource or listing.
///
/// ```
/// let l: ferrocloud::openstack::identity::v3::Links =
///     serde_json::from_str(r#"{"self": "http://k/v3/projects/1", "next": null}"#).unwrap();
/// assert_eq!(l.self_link.as_deref(), Some("http://k/v3/projects/1"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Links {
    /// The resource's own URL.
    #[serde(default, rename = "self", skip_serializing_if = "Option::is_none")]
    pub self_link: Option<String>,
    /// The next page of a listing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// The previous page of a listing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
}

crate::resources! {
    /// Application credentials and their access rules.
    pub mod application_credentials;
    /// What a token may be scoped to, and its catalog (`/auth/catalog`, `/auth/projects`, `/auth/domains`, `/auth/system`).
    pub mod auth;
    /// Credentials (EC2, TOTP and other secrets stored in Keystone).
    pub mod credentials;
    /// Domain-specific configuration (`/domains/{domain_id}/config`).
    pub mod domain_configs;
    /// Domains.
    pub mod domains;
    /// Project endpoint associations and endpoint groups (OS-EP-FILTER).
    pub mod endpoint_filter;
    /// Policies associated with endpoints, services and regions (OS-ENDPOINT-POLICY).
    pub mod endpoint_policy;
    /// Endpoints of the catalog.
    pub mod endpoints;
    /// Federated authentication, SAML assertions and the projects and domains a federated user may scope to (OS-FEDERATION).
    pub mod federation;
    /// Role grants on projects, domains and the system, for users and groups (with OS-INHERIT).
    pub mod grants;
    /// Groups and their members.
    pub mod groups;
    /// Federated identity providers and their protocols (OS-FEDERATION).
    pub mod identity_providers;
    /// Project limits (unified limits).
    pub mod limits;
    /// Federation mappings (OS-FEDERATION).
    pub mod mappings;
    /// OAuth 1.0a consumers, request and access tokens (OS-OAUTH1).
    pub mod oauth1;
    /// OAuth 2.0 client credentials tokens (OS-OAUTH2).
    pub mod oauth2;
    /// Policies (stored policy blobs).
    pub mod policies;
    /// Projects (tenants), their tags and hierarchy.
    pub mod projects;
    /// Regions.
    pub mod regions;
    /// Registered limits (defaults) and the enforcement model.
    pub mod registered_limits;
    /// Revocation events (OS-REVOKE) and revoked PKI tokens.
    pub mod revoke;
    /// Role assignments, with every filter.
    pub mod role_assignments;
    /// Roles, domain-specific roles and implied roles (inference rules).
    pub mod roles;
    /// Federation service providers (OS-FEDERATION).
    pub mod service_providers;
    /// Services of the catalog.
    pub mod services;
    /// Signing certificates (OS-SIMPLE-CERT).
    pub mod simple_cert;
    /// Tokens: issue (every method), validate, check and revoke (`/auth/tokens`).
    pub mod tokens;
    /// Trusts (OS-TRUST).
    pub mod trusts;
    /// Users, their passwords, groups and projects.
    pub mod users;
}
