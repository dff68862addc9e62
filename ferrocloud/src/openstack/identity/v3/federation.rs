//! Federated authentication, SAML assertions and the projects and domains a federated
//! user may scope to (OS-FEDERATION).
//!
//! - [`authenticate`][a] asks Keystone for an unscoped token for a user authenticated by
//!   an external identity provider. Keystone itself does not speak SAML or OpenID
//!   Connect: the web server in front of it (mod_shib, mod_auth_openidc…) checks the
//!   user's credentials on this URL and hands the resulting attributes to Keystone,
//!   which applies the protocol's mapping. For OpenID Connect, the credential is usually
//!   an access token from the provider, sent with [`authenticate_with_bearer`][b].
//!   Exchange the unscoped token for a scoped one with [`tokens`].
//! - [`websso`][c] and [`websso_for_idp`][d] are the browser single sign-on entry points.
//! - [`create_saml_assertion`][e] and [`create_ecp_assertion`][f] turn a token into a
//!   SAML2 assertion for a [service provider](service_providers) (Keystone to Keystone
//!   federation); [`metadata`][g] is this Keystone's SAML2 IdP metadata.
//! - [`list_projects`][h] and [`list_domains`][i] list what the token's user may scope to.
//!
//! [a]: crate::openstack::identity::v3::federation::authenticate
//! [b]: crate::openstack::identity::v3::federation::authenticate_with_bearer
//! [c]: crate::openstack::identity::v3::federation::websso
//! [d]: crate::openstack::identity::v3::federation::websso_for_idp
//! [e]: crate::openstack::identity::v3::federation::create_saml_assertion
//! [f]: crate::openstack::identity::v3::federation::create_ecp_assertion
//! [g]: crate::openstack::identity::v3::federation::metadata
//! [h]: crate::openstack::identity::v3::federation::list_projects
//! [i]: crate::openstack::identity::v3::federation::list_domains
//!
//! The authentication calls do not need a Keystone token: use a client whose provider
//! was built with [`ProviderClient::builder`](crate::ProviderClient::builder) and never
//! authenticated.
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient, oidc_access_token: ferrocloud::SecretString) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::federation;
//! let auth = federation::authenticate_with_bearer(&identity, "myidp", "openid", &oidc_access_token).await?;
//! println!("federated user {} via {:?}", auth.token.user.id, auth.token.user.federation);
//! // `auth.subject_token` is the unscoped Keystone token.
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::domains::Domain;
use super::projects::Project;
use super::tokens::{TokenServiceProvider, TokenUser};
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{require, Response, Validate};
use crate::{Error, ErrorKind, ExposeSecret, Result, SecretString, ServiceClient};

crate::operations! {
    service: "identity";
    /// Get an unscoped token for a user the identity provider authenticated.
    AUTHENTICATE = GET "/OS-FEDERATION/identity_providers/{idp_id}/protocols/{protocol_id}/auth"
        response("token", FederatedToken);
    /// Web single sign-on, the identity provider found from the request's attributes.
    WEBSSO = GET "/auth/OS-FEDERATION/websso/{protocol_id}";
    /// Web single sign-on through a given identity provider. Keystone serves it under
    /// `.../protocols/{protocol_id}/websso`; the API reference writes `protocol`.
    WEBSSO_IDP = GET "/auth/OS-FEDERATION/identity_providers/{idp_id}/protocols/{protocol_id}/websso";
    /// Exchange a token for a SAML2 assertion for a service provider.
    CREATE_SAML_ASSERTION = POST "/auth/OS-FEDERATION/saml2" request("auth", SamlAssertionOpts);
    /// Exchange a token for an ECP-wrapped SAML2 assertion for a service provider.
    CREATE_ECP_ASSERTION = POST "/auth/OS-FEDERATION/saml2/ecp" request("auth", SamlAssertionOpts);
    /// This Keystone's SAML2 identity provider metadata.
    METADATA = GET "/OS-FEDERATION/saml2/metadata";
    /// The projects a federated user may scope to.
    LIST_PROJECTS = GET "/OS-FEDERATION/projects" list("projects", Project);
    /// The domains a federated user may scope to.
    LIST_DOMAINS = GET "/OS-FEDERATION/domains" list("domains", Domain);
}

const SUBJECT_TOKEN: &str = "X-Subject-Token";

/// What an unscoped federated token holds.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct FederatedToken {
    /// The methods (the protocol, e.g. `["openid"]`, or `["mapped"]`).
    #[serde(default)]
    pub methods: Vec<String>,
    /// The user, with its identity provider, protocol and mapped groups under
    /// [`federation`](TokenUser::federation).
    pub user: TokenUser,
    /// When it expires.
    #[serde(default, with = "crate::dates::option")]
    pub expires_at: Option<Timestamp>,
    /// When it was issued.
    #[serde(default, with = "crate::dates::option")]
    pub issued_at: Option<Timestamp>,
    /// Its audit IDs.
    #[serde(default)]
    pub audit_ids: Vec<String>,
    /// Service providers the token may be used with.
    #[serde(default)]
    pub service_providers: Vec<TokenServiceProvider>,
}

/// An unscoped federated token: the token itself and what it holds.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct FederatedAuth {
    /// The Keystone token (from `X-Subject-Token`). A secret: never logged.
    pub subject_token: SecretString,
    /// What it holds.
    pub token: FederatedToken,
    /// The request ID of the answer.
    pub request_id: Option<String>,
}

/// The body of an assertion request (`{"auth": {...}}`): the token to exchange and the
/// service provider the assertion is for.
///
/// ```
/// use ferrocloud::openstack::identity::v3::federation::SamlAssertionOpts;
/// let o = SamlAssertionOpts::new("gAAAA-token", "partner-cloud");
/// let body = serde_json::to_value(&o).unwrap();
/// assert_eq!(body["identity"]["methods"][0], "token");
/// assert_eq!(body["scope"]["service_provider"]["id"], "partner-cloud");
/// assert!(!format!("{o:?}").contains("gAAAA"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SamlAssertionOpts {
    /// The token to exchange.
    pub identity: SamlIdentity,
    /// The service provider.
    pub scope: SamlScope,
}

impl SamlAssertionOpts {
    /// An assertion for service provider `sp_id`, in exchange for `token` (a scoped
    /// token).
    pub fn new(token: impl Into<String>, sp_id: impl Into<String>) -> Self {
        SamlAssertionOpts {
            identity: SamlIdentity {
                methods: vec!["token".into()],
                token: TokenId { id: token.into() },
            },
            scope: SamlScope {
                service_provider: ServiceProviderRef { id: sp_id.into() },
            },
        }
    }
}

impl Validate for SamlAssertionOpts {
    fn validate(&self) -> Result<()> {
        require("identity.token.id", !self.identity.token.id.is_empty())?;
        require(
            "scope.service_provider.id",
            !self.scope.service_provider.id.is_empty(),
        )
    }
}

/// The identity part of an assertion request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SamlIdentity {
    /// The methods (`["token"]`).
    #[serde(default)]
    pub methods: Vec<String>,
    /// The token.
    pub token: TokenId,
}

/// A token, by its value. `Debug` does not show it.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenId {
    /// The token.
    pub id: String,
}

impl std::fmt::Debug for TokenId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenId")
            .field("id", &"[REDACTED]")
            .finish()
    }
}

/// The scope of an assertion request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SamlScope {
    /// The service provider.
    pub service_provider: ServiceProviderRef,
}

/// A service provider, by ID.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceProviderRef {
    /// Its ID.
    pub id: String,
}

/// A SAML2 assertion (or ECP envelope) issued for a service provider, with where to send
/// it. The assertion stands for the user: `Debug` does not show it.
#[derive(Clone)]
#[non_exhaustive]
pub struct SamlAssertion {
    /// The XML document.
    pub assertion: SecretString,
    /// The service provider's SAML endpoint (`X-sp-url`).
    pub sp_url: Option<String>,
    /// The service provider's federated authentication URL (`X-auth-url`).
    pub auth_url: Option<String>,
}

impl std::fmt::Debug for SamlAssertion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SamlAssertion")
            .field("assertion", &"[REDACTED]")
            .field("sp_url", &self.sp_url)
            .field("auth_url", &self.auth_url)
            .finish()
    }
}

fn text(resp: &Response) -> Result<String> {
    String::from_utf8(resp.body().to_vec()).map_err(|e| {
        Error::decode("the response body is not UTF-8", e)
            .with_request(resp.method(), resp.url().as_str())
            .with_request_id(resp.request_id())
    })
}

async fn federated_auth(
    client: &ServiceClient,
    idp_id: &str,
    protocol_id: &str,
    bearer: Option<&SecretString>,
) -> Result<FederatedAuth> {
    let mut rb = client.request(&AUTHENTICATE, &[idp_id, protocol_id]);
    if let Some(t) = bearer {
        if t.expose_secret().is_empty() {
            return Err(Error::invalid_input("access_token must not be empty"));
        }
        rb = rb.header("Authorization", &format!("Bearer {}", t.expose_secret()));
    }
    let resp = rb.ok_codes(&[200, 201]).send_raw().await?;
    let subject = resp
        .header(SUBJECT_TOKEN)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            Error::new(
                ErrorKind::Decode,
                "the federated token response has no X-Subject-Token header",
            )
            .with_request(resp.method(), resp.url().as_str())
            .with_request_id(resp.request_id())
        })?;
    Ok(FederatedAuth {
        subject_token: SecretString::from(subject.to_string()),
        token: resp.decode(Some("token"))?,
        request_id: resp.request_id().map(str::to_string),
    })
}

/// Asks for an unscoped token for the user that the web server in front of Keystone
/// authenticated through identity provider `idp_id` and protocol `protocol_id` (for
/// SAML2, after the ECP or browser exchange; the session's cookies or headers must be
/// set on the client).
pub async fn authenticate(
    client: &ServiceClient,
    idp_id: &str,
    protocol_id: &str,
) -> Result<FederatedAuth> {
    federated_auth(client, idp_id, protocol_id, None).await
}

/// Asks for an unscoped token with an OAuth 2.0 access token of the identity provider
/// (`Authorization: Bearer …`), as mod_auth_openidc checks it for OpenID Connect
/// protocols. The access token comes from the provider's token endpoint (password,
/// client credentials or another grant).
pub async fn authenticate_with_bearer(
    client: &ServiceClient,
    idp_id: &str,
    protocol_id: &str,
    access_token: &SecretString,
) -> Result<FederatedAuth> {
    federated_auth(client, idp_id, protocol_id, Some(access_token)).await
}

/// Browser single sign-on: the web server authenticates the user, Keystone finds the
/// identity provider from the assertion and answers with an HTML page that posts the
/// new token to `origin` (which must be one of the deployment's trusted dashboards).
/// The page is returned as is.
pub async fn websso(client: &ServiceClient, protocol_id: &str, origin: &str) -> Result<Response> {
    require("origin", !origin.is_empty())?;
    client
        .request(&WEBSSO, &[protocol_id])
        .query_pair("origin", origin)
        .header("Accept", "text/html")
        .send_raw()
        .await
}

/// Browser single sign-on through identity provider `idp_id`; see [`websso`].
pub async fn websso_for_idp(
    client: &ServiceClient,
    idp_id: &str,
    protocol_id: &str,
    origin: &str,
) -> Result<Response> {
    require("origin", !origin.is_empty())?;
    client
        .request(&WEBSSO_IDP, &[idp_id, protocol_id])
        .query_pair("origin", origin)
        .header("Accept", "text/html")
        .send_raw()
        .await
}

async fn assertion(
    client: &ServiceClient,
    op: &'static crate::Operation,
    opts: &SamlAssertionOpts,
) -> Result<SamlAssertion> {
    let resp = client
        .request(op, &[])
        .body(opts)
        .header("Accept", "text/xml, application/xml")
        .ok_codes(&[200])
        .send_raw()
        .await?;
    Ok(SamlAssertion {
        assertion: SecretString::from(text(&resp)?),
        sp_url: resp.header("X-sp-url").map(str::to_string),
        auth_url: resp.header("X-auth-url").map(str::to_string),
    })
}

/// Exchanges a token for a SAML2 assertion for a service provider.
pub async fn create_saml_assertion(
    client: &ServiceClient,
    opts: &SamlAssertionOpts,
) -> Result<SamlAssertion> {
    assertion(client, &CREATE_SAML_ASSERTION, opts).await
}

/// Exchanges a token for a SAML2 assertion wrapped in an ECP envelope, ready to be
/// posted to the service provider's `sp_url`.
pub async fn create_ecp_assertion(
    client: &ServiceClient,
    opts: &SamlAssertionOpts,
) -> Result<SamlAssertion> {
    assertion(client, &CREATE_ECP_ASSERTION, opts).await
}

/// This Keystone's SAML2 identity provider metadata (XML). Keystone answers 500 when it
/// is not configured as an identity provider.
pub async fn metadata(client: &ServiceClient) -> Result<String> {
    let resp = client
        .request(&METADATA, &[])
        .header("Accept", "text/xml, application/xml")
        .send_raw()
        .await?;
    text(&resp)
}

/// The projects the token's (federated) user may scope to.
pub fn list_projects(client: &ServiceClient) -> Pager<Project> {
    client
        .request(&LIST_PROJECTS, &[])
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The projects of a page.
    extract_projects, Project
}

/// The domains the token's (federated) user may scope to.
pub fn list_domains(client: &ServiceClient) -> Pager<Domain> {
    client
        .request(&LIST_DOMAINS, &[])
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The domains of a page.
    extract_domains, Domain
}
