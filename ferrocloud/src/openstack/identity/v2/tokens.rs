//! Tokens (identity v2.0, legacy clouds): issue, validate, check and revoke, and the
//! endpoints a token may use.
//!
//! Keystone removed the v2.0 API in Queens (13.0.0); these calls are for clouds that
//! still serve it. The provider authenticates against v2.0 by itself (see
//! [`crate::AuthOptions`]); this module is for tokens as API calls.
//!
//! v2.0 puts the token being validated in the URL path: it can show up in the logs of
//! proxies and in this SDK's debug traces. Errors returned here show the path template
//! instead.
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v2::tokens::{self, AuthRequest};
//! let access = tokens::create(&identity, &AuthRequest::password("alice", "s3cret").tenant_name("web"))
//!     .await
//!     .extract()?;
//! let checked = tokens::validate(&identity, &access.token.id, Some("tenant-id")).await?;
//! println!("{} until {:?}", checked.user.name, checked.token.expires);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::tenants::Tenant;
use crate::dates::Timestamp;
use crate::de::Link;
use crate::request::{exactly_one_of, require, ApiResult, Response, Validate};
use crate::{Error, ExposeSecret, Operation, Result, SecretString, ServiceClient};

crate::operations! {
    service: "identity", undocumented;
    /// Issue a token.
    CREATE = POST "/tokens" request("auth", AuthRequest) response("access", Access);
    /// Validate a token (admin).
    VALIDATE = GET "/tokens/{token_id}" response("access", Access);
    /// Check a token (admin).
    CHECK = HEAD "/tokens/{token_id}";
    /// Revoke a token (admin).
    DELETE = DELETE "/tokens/{token_id}";
    /// List the endpoints a token may use (admin).
    LIST_ENDPOINTS = GET "/tokens/{token_id}/endpoints" list("endpoints", TokenEndpoint);
}



pub(crate) use crate::de::secret;

/// The body of a token request (`{"auth": {...}}`): password or token credentials, and
/// the tenant to scope to. `Debug` does not show the secrets.
///
/// ```
/// use ferrocloud::openstack::identity::v2::tokens::AuthRequest;
/// let r = AuthRequest::password("alice", "s3cret").tenant_name("web");
/// assert_eq!(serde_json::to_value(&r).unwrap(), serde_json::json!(
///     {"passwordCredentials": {"username": "alice", "password": "s3cret"}, "tenantName": "web"}));
/// assert!(!format!("{r:?}").contains("s3cret"));
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AuthRequest {
    /// A user name (or ID) and password.
    #[serde(
        default,
        rename = "passwordCredentials",
        skip_serializing_if = "Option::is_none"
    )]
    pub password_credentials: Option<PasswordCredentials>,
    /// An existing token, to exchange (e.g. for a tenant-scoped one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<TokenCredentials>,
    /// The tenant to scope to, by ID.
    #[serde(default, rename = "tenantId", skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// The tenant to scope to, by name.
    #[serde(
        default,
        rename = "tenantName",
        skip_serializing_if = "Option::is_none"
    )]
    pub tenant_name: Option<String>,
    /// A trust to act under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust_id: Option<String>,
}

impl AuthRequest {
    /// Password credentials of user `username`.
    pub fn password(username: impl Into<String>, password: impl Into<String>) -> Self {
        AuthRequest {
            password_credentials: Some(PasswordCredentials {
                username: Some(username.into()),
                user_id: None,
                password: SecretString::from(password.into()),
            }),
            ..Default::default()
        }
    }

    /// An existing token.
    pub fn token(token: impl Into<String>) -> Self {
        AuthRequest {
            token: Some(TokenCredentials {
                id: SecretString::from(token.into()),
            }),
            ..Default::default()
        }
    }

    /// Scopes to the tenant named `name`.
    pub fn tenant_name(mut self, name: impl Into<String>) -> Self {
        self.tenant_name = Some(name.into());
        self
    }

    /// Scopes to the tenant with ID `id`.
    pub fn tenant_id(mut self, id: impl Into<String>) -> Self {
        self.tenant_id = Some(id.into());
        self
    }
}

impl Validate for AuthRequest {
    fn validate(&self) -> Result<()> {
        exactly_one_of(&[
            ("passwordCredentials", self.password_credentials.is_some()),
            ("token", self.token.is_some()),
        ])?;
        if self.tenant_id.is_some() && self.tenant_name.is_some() {
            return Err(Error::invalid_input(
                "at most one of tenantId, tenantName may be set",
            ));
        }
        if let Some(p) = &self.password_credentials {
            let set = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.is_empty());
            exactly_one_of(&[
                ("passwordCredentials.username", set(&p.username)),
                ("passwordCredentials.userId", set(&p.user_id)),
            ])?;
        }
        if let Some(t) = &self.token {
            require("token.id", !t.id.expose_secret().is_empty())?;
        }
        Ok(())
    }
}

/// A user and password. `Debug` does not show the password.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PasswordCredentials {
    /// The user's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The user's ID (instead of the name).
    #[serde(default, rename = "userId", skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// The password.
    #[serde(with = "secret")]
    pub password: SecretString,
}

/// A token to exchange. `Debug` does not show it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TokenCredentials {
    /// The token.
    #[serde(with = "secret")]
    pub id: SecretString,
}

/// What a token request or validation answers: the token, the user and the catalog.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Access {
    /// The token.
    pub token: TokenInfo,
    /// The user.
    pub user: AccessUser,
    /// The service catalog.
    #[serde(
        default,
        rename = "serviceCatalog",
        deserialize_with = "crate::de::null_as_default"
    )]
    pub service_catalog: Vec<CatalogEntry>,
    /// Keystone's metadata: admin flag and role IDs.
    #[serde(default)]
    pub metadata: Option<AccessMetadata>,
    /// The trust, for a token issued under one.
    #[serde(default)]
    pub trust: Option<AccessTrust>,
}

/// The token of an [`Access`]. `Debug` does not show it.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct TokenInfo {
    /// The token, to send as `X-Auth-Token`.
    #[serde(with = "secret")]
    pub id: SecretString,
    /// When it expires.
    #[serde(default, with = "crate::dates::option")]
    pub expires: Option<Timestamp>,
    /// When it was issued.
    #[serde(default, with = "crate::dates::option")]
    pub issued_at: Option<Timestamp>,
    /// Its audit IDs.
    #[serde(default)]
    pub audit_ids: Vec<String>,
    /// The tenant it is scoped to.
    #[serde(default)]
    pub tenant: Option<Tenant>,
}

/// The user of an [`Access`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AccessUser {
    /// The user's ID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its name again (`username`).
    #[serde(default)]
    pub username: Option<String>,
    /// The roles the token carries.
    #[serde(default)]
    pub roles: Vec<AccessRole>,
    /// Links to more roles.
    #[serde(default)]
    pub roles_links: Vec<Link>,
}

/// A role of an [`Access`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AccessRole {
    /// The role's name.
    pub name: String,
    /// Its ID, when given.
    #[serde(default)]
    pub id: Option<String>,
    /// The tenant it applies to, when given.
    #[serde(default, rename = "tenantId")]
    pub tenant_id: Option<String>,
}

/// Keystone's metadata in an [`Access`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AccessMetadata {
    /// 1 for an admin token.
    pub is_admin: i64,
    /// The IDs of the roles.
    #[serde(default)]
    pub roles: Vec<String>,
}

/// The trust of an [`Access`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AccessTrust {
    /// The trust's ID.
    pub id: String,
    /// The trustee.
    #[serde(default)]
    pub trustee_user_id: Option<String>,
    /// The trustor.
    #[serde(default)]
    pub trustor_user_id: Option<String>,
    /// Whether the token impersonates the trustor.
    pub impersonation: bool,
}

/// A service of a v2.0 catalog.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct CatalogEntry {
    /// The service's name.
    pub name: String,
    /// The service type.
    #[serde(rename = "type")]
    pub service_type: String,
    /// Its endpoints (one per region).
    #[serde(default)]
    pub endpoints: Vec<CatalogEndpoint>,
    /// Links to more endpoints.
    #[serde(default)]
    pub endpoints_links: Vec<Link>,
}

/// An endpoint of a v2.0 catalog: one URL per interface.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct CatalogEndpoint {
    /// Its ID.
    #[serde(default)]
    pub id: Option<String>,
    /// Its region.
    #[serde(default)]
    pub region: Option<String>,
    /// The public URL.
    #[serde(default, rename = "publicURL")]
    pub public_url: Option<String>,
    /// The internal URL.
    #[serde(default, rename = "internalURL")]
    pub internal_url: Option<String>,
    /// The admin URL.
    #[serde(default, rename = "adminURL")]
    pub admin_url: Option<String>,
}

/// An endpoint a token may use (`GET /tokens/{token_id}/endpoints`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TokenEndpoint {
    /// Its ID (`null` in a templated catalog).
    #[serde(default)]
    pub id: Option<String>,
    /// The service's name.
    #[serde(default)]
    pub name: Option<String>,
    /// The service type.
    #[serde(rename = "type")]
    pub service_type: String,
    /// Its region.
    #[serde(default)]
    pub region: Option<String>,
    /// The public URL.
    #[serde(default, rename = "publicURL")]
    pub public_url: Option<String>,
    /// The internal URL.
    #[serde(default, rename = "internalURL")]
    pub internal_url: Option<String>,
    /// The admin URL.
    #[serde(default, rename = "adminURL")]
    pub admin_url: Option<String>,
}

#[derive(Serialize)]
struct BelongsTo<'a> {
    #[serde(rename = "belongsTo", skip_serializing_if = "Option::is_none")]
    belongs_to: Option<&'a str>,
}

/// An error without the token: the URL shows the path template.
fn hide(client: &ServiceClient, op: &'static Operation, e: Error) -> Error {
    match client.url_for(op, &["{token_id}"]) {
        Ok(u) => e.with_request(&op.method.to_method(), u.as_str()),
        Err(_) => e,
    }
}

/// Runs a request whose path holds a token and decodes its answer under `envelope`.
async fn with_token_path<T: serde::de::DeserializeOwned>(
    client: &ServiceClient,
    op: &'static Operation,
    token: &SecretString,
    belongs_to: Option<&str>,
    ok: &[u16],
    envelope: Option<&str>,
) -> Result<T> {
    let resp: Response = client
        .request(op, &[token.expose_secret()])
        .query(&BelongsTo { belongs_to })
        .ok_codes(ok)
        .send_raw()
        .await
        .map_err(|e| hide(client, op, e))?;
    resp.decode(envelope).map_err(|e| hide(client, op, e))
}

/// Issues a token.
pub async fn create(client: &ServiceClient, auth: &AuthRequest) -> ApiResult<Access> {
    client
        .request(&CREATE, &[])
        .body(auth)
        .ok_codes(&[200, 201, 203])
        .send()
        .await
}

/// Validates a token (admin): what it holds. With `belongs_to`, Keystone also checks
/// that it is scoped to that tenant (401 if not). An unknown token is
/// [`ErrorKind::NotFound`](crate::ErrorKind::NotFound).
pub async fn validate(
    client: &ServiceClient,
    token: &SecretString,
    belongs_to: Option<&str>,
) -> Result<Access> {
    with_token_path(
        client,
        &VALIDATE,
        token,
        belongs_to,
        &[200, 203],
        Some("access"),
    )
    .await
}

/// Checks a token (admin): `Ok(true)` if it is valid (and scoped to `belongs_to`, when
/// given), `Ok(false)` if Keystone does not know it.
pub async fn check(
    client: &ServiceClient,
    token: &SecretString,
    belongs_to: Option<&str>,
) -> Result<bool> {
    let res: Result<()> =
        with_token_path(client, &CHECK, token, belongs_to, &[200, 203, 204], None).await;
    crate::request::found(res)
}

/// Revokes a token (admin).
pub async fn delete(client: &ServiceClient, token: &SecretString) -> Result<()> {
    with_token_path::<serde::de::IgnoredAny>(client, &DELETE, token, None, &[200, 202, 204], None)
        .await
        .map(|_| ())
}

/// The endpoints a token may use (admin).
pub async fn list_endpoints(
    client: &ServiceClient,
    token: &SecretString,
) -> Result<Vec<TokenEndpoint>> {
    with_token_path(
        client,
        &LIST_ENDPOINTS,
        token,
        None,
        &[200, 203],
        Some("endpoints"),
    )
    .await
}
