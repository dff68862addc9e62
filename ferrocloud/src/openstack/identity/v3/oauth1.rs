//! OAuth 1.0a consumers, request and access tokens (OS-OAUTH1): delegated
//! authentication for third-party applications.
//!
//! The flow: an administrator registers a [consumer][a] (the application) and hands it
//! the consumer's key and secret. The application asks for a [request token][b] for a
//! project; a user with roles on that project [authorizes][c] it for some of them and
//! passes the verifier to the application, which trades request token and verifier for
//! an [access token][d]. With the access token, the application [gets Keystone
//! tokens][e] scoped to the project with the delegated roles, until the user
//! [revokes][f] it.
//!
//! [a]: crate::openstack::identity::v3::oauth1::create_consumer
//! [b]: crate::openstack::identity::v3::oauth1::create_request_token
//! [c]: crate::openstack::identity::v3::oauth1::authorize_request_token
//! [d]: crate::openstack::identity::v3::oauth1::create_access_token
//! [e]: crate::openstack::identity::v3::oauth1::authenticate
//! [f]: crate::openstack::identity::v3::oauth1::revoke_access_token
//!
//! The consumer's calls are signed as RFC 5849 says, with HMAC-SHA1 (the default) or
//! PLAINTEXT ([`SignatureMethod`][g]); they do not need a Keystone token. PLAINTEXT sends
//! the secrets themselves and is only safe over TLS, but does not depend on the URL
//! Keystone sees (useful behind a proxy that rewrites it).
//!
//! [g]: crate::openstack::identity::v3::oauth1::SignatureMethod
//!
//! ```no_run
//! # async fn demo(admin: ferrocloud::ServiceClient, user: ferrocloud::ServiceClient,
//! #               app: ferrocloud::ServiceClient, project_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::oauth1::{self, ConsumerCredentials, CreateConsumerOpts};
//! use ferrocloud::openstack::identity::v3::roles::RoleRef;
//!
//! let consumer = oauth1::create_consumer(&admin, &CreateConsumerOpts::default()).await.extract()?;
//! let creds = ConsumerCredentials::new(consumer.id.clone(), consumer.secret.clone().unwrap());
//! let request_token = oauth1::create_request_token(&app, &creds, project_id).await?;
//! let verifier = oauth1::authorize_request_token(&user, &request_token.key, &[RoleRef::name("member")])
//!     .await
//!     .extract()?
//!     .oauth_verifier;
//! let access_token = oauth1::create_access_token(&app, &creds, &request_token, &verifier).await?;
//! let token = oauth1::authenticate(&app, &creds, &access_token).await?;
//! println!("delegated token expires at {}", token.token.expires_at);
//! # Ok(()) }
//! ```

use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use http::Method;
use serde::{Deserialize, Deserializer, Serialize};
use url::Url;

use super::roles::{Role, RoleRef};
use super::tokens::{CreatedToken, Token};
use super::Links;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, RequestBuilder, Response, Validate};
use crate::{Error, ErrorKind, ExposeSecret, Operation, Result, SecretString, ServiceClient};

crate::operations! {
    service: "identity";
    /// Register a consumer.
    CREATE_CONSUMER = POST "/OS-OAUTH1/consumers"
        request("consumer", CreateConsumerOpts) response("consumer", Consumer);
    /// Delete a consumer (and its tokens).
    DELETE_CONSUMER = DELETE "/OS-OAUTH1/consumers/{consumer_id}";
    /// List consumers.
    LIST_CONSUMERS = GET "/OS-OAUTH1/consumers" list("consumers", Consumer);
    /// Show a consumer.
    GET_CONSUMER = GET "/OS-OAUTH1/consumers/{consumer_id}" response("consumer", Consumer);
    /// Change a consumer's description.
    UPDATE_CONSUMER = PATCH "/OS-OAUTH1/consumers/{consumer_id}"
        request("consumer", UpdateConsumerOpts) response("consumer", Consumer);
    /// Get a request token for a project (signed by the consumer).
    CREATE_REQUEST_TOKEN = POST "/OS-OAUTH1/request_token";
    /// Authorize a request token for some of the user's roles on its project.
    AUTHORIZE_REQUEST_TOKEN = PUT "/OS-OAUTH1/authorize/{request_token_id}"
        request(AuthorizeOpts) response("token", Verifier);
    /// Trade an authorized request token for an access token (signed by the consumer).
    CREATE_ACCESS_TOKEN = POST "/OS-OAUTH1/access_token";
    /// Show one of a user's access tokens.
    GET_ACCESS_TOKEN = GET "/users/{user_id}/OS-OAUTH1/access_tokens/{access_token_id}"
        response("access_token", AccessToken);
    /// Revoke one of a user's access tokens.
    REVOKE_ACCESS_TOKEN = DELETE "/users/{user_id}/OS-OAUTH1/access_tokens/{access_token_id}";
    /// List a user's access tokens.
    LIST_ACCESS_TOKENS = GET "/users/{user_id}/OS-OAUTH1/access_tokens" list("access_tokens", AccessToken);
    /// List the roles delegated by an access token.
    LIST_ACCESS_TOKEN_ROLES = GET "/users/{user_id}/OS-OAUTH1/access_tokens/{access_token_id}/roles"
        list("roles", Role);
    /// Show one role delegated by an access token.
    GET_ACCESS_TOKEN_ROLE = GET "/users/{user_id}/OS-OAUTH1/access_tokens/{access_token_id}/roles/{role_id}"
        response("role", Role);
}

/// The token request of the `oauth1` method; its reference and SDK operation are those of
/// [`tokens`](super::tokens).
static AUTHENTICATE: Operation = Operation::new("identity", Method::POST, "/auth/tokens");

const SUBJECT_TOKEN: &str = "X-Subject-Token";

fn secret_opt<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<SecretString>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.map(SecretString::from))
}

fn secret<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<SecretString, D::Error> {
    String::deserialize(d).map(SecretString::from)
}

// ---------------------------------------------------------------- consumers

/// A consumer (an application that may be delegated roles).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Consumer {
    /// Its ID, which is also the consumer key it signs with.
    pub id: String,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Its secret: only in the answer to [`create_consumer`], and never again.
    #[serde(default, deserialize_with = "secret_opt")]
    pub secret: Option<SecretString>,
    /// Links to it.
    pub links: Links,
}

/// A new consumer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateConsumerOpts {
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Validate for CreateConsumerOpts {}

/// Changes to a consumer (only the description can change).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateConsumerOpts {
    /// The new description (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Validate for UpdateConsumerOpts {
    fn validate(&self) -> Result<()> {
        require("description", self.description.is_some())
    }
}

/// Registers a consumer. The answer holds its secret, which Keystone never shows again.
pub async fn create_consumer(
    client: &ServiceClient,
    opts: &CreateConsumerOpts,
) -> ApiResult<Consumer> {
    client
        .request(&CREATE_CONSUMER, &[])
        .body(opts)
        .send()
        .await
}

/// Lists consumers.
pub fn list_consumers(client: &ServiceClient) -> Pager<Consumer> {
    client
        .request(&LIST_CONSUMERS, &[])
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The consumers of a page.
    extract_consumers, Consumer
}

/// Shows a consumer.
pub async fn get_consumer(client: &ServiceClient, consumer_id: &str) -> ApiResult<Consumer> {
    client.request(&GET_CONSUMER, &[consumer_id]).send().await
}

/// Changes a consumer's description.
pub async fn update_consumer(
    client: &ServiceClient,
    consumer_id: &str,
    opts: &UpdateConsumerOpts,
) -> ApiResult<Consumer> {
    client
        .request(&UPDATE_CONSUMER, &[consumer_id])
        .body(opts)
        .send()
        .await
}

/// Deletes a consumer, with its request and access tokens.
pub async fn delete_consumer(client: &ServiceClient, consumer_id: &str) -> ApiResult<()> {
    client
        .request(&DELETE_CONSUMER, &[consumer_id])
        .send()
        .await
}

// ---------------------------------------------------------------- signing

/// How the consumer signs its requests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SignatureMethod {
    /// HMAC-SHA1 over the request (method, URL, OAuth parameters).
    #[default]
    HmacSha1,
    /// The secrets themselves (only over TLS).
    Plaintext,
}

impl SignatureMethod {
    /// The name sent as `oauth_signature_method`.
    pub fn as_str(self) -> &'static str {
        match self {
            SignatureMethod::HmacSha1 => "HMAC-SHA1",
            SignatureMethod::Plaintext => "PLAINTEXT",
        }
    }
}

/// A consumer's key and secret, and how it signs. `Debug` does not show the secret.
#[derive(Debug, Clone)]
pub struct ConsumerCredentials {
    /// The consumer key (the consumer's ID).
    pub key: String,
    /// The consumer secret.
    pub secret: SecretString,
    /// The signature method (default HMAC-SHA1).
    pub signature_method: SignatureMethod,
}

impl ConsumerCredentials {
    /// Credentials signing with HMAC-SHA1.
    pub fn new(key: impl Into<String>, secret: SecretString) -> Self {
        ConsumerCredentials {
            key: key.into(),
            secret,
            signature_method: SignatureMethod::HmacSha1,
        }
    }

    /// The same credentials, signing with `method`.
    pub fn signature_method(mut self, method: SignatureMethod) -> Self {
        self.signature_method = method;
        self
    }
}

/// A request token or an access token: its key, its secret and when it expires.
/// `Debug` does not show the secret.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct OAuthToken {
    /// The token key (`oauth_token`; the token's ID).
    pub key: String,
    /// The token secret (`oauth_token_secret`).
    pub secret: SecretString,
    /// When it expires, if it does.
    pub expires_at: Option<Timestamp>,
}

impl OAuthToken {
    /// A token from its key and secret (e.g. an access token kept by the application).
    pub fn new(key: impl Into<String>, secret: SecretString) -> Self {
        OAuthToken {
            key: key.into(),
            secret,
            expires_at: None,
        }
    }

    /// Reads Keystone's form-encoded answer
    /// (`oauth_token=…&oauth_token_secret=…&oauth_expires_at=…`).
    ///
    /// ```
    /// use ferrocloud::openstack::identity::v3::oauth1::OAuthToken;
    /// use ferrocloud::ExposeSecret;
    /// let t = OAuthToken::parse("oauth_token=29971f&oauth_token_secret=238eb8&oauth_expires_at=2013-09-11T06:07:51.501805Z").unwrap();
    /// assert_eq!(t.key, "29971f");
    /// assert_eq!(t.secret.expose_secret(), "238eb8");
    /// assert!(t.expires_at.is_some());
    /// ```
    pub fn parse(body: &str) -> Result<Self> {
        let (mut key, mut secret, mut expires) = (None, None, None);
        for (k, v) in url::form_urlencoded::parse(body.trim().as_bytes()) {
            match k.as_ref() {
                "oauth_token" => key = Some(v.into_owned()),
                "oauth_token_secret" => secret = Some(SecretString::from(v.into_owned())),
                "oauth_expires_at" if !v.is_empty() && v != "None" => {
                    expires = Some(crate::dates::parse(&v)?)
                }
                _ => {}
            }
        }
        match (key, secret) {
            (Some(key), Some(secret)) if !key.is_empty() => Ok(OAuthToken {
                key,
                secret,
                expires_at: expires,
            }),
            _ => Err(Error::new(
                ErrorKind::Decode,
                "the answer has no oauth_token and oauth_token_secret",
            )),
        }
    }
}

/// One request to sign, with its OAuth protocol parameters. The signature covers the
/// method, the URL (with its query) and the OAuth parameters.
///
/// ```
/// use ferrocloud::openstack::identity::v3::oauth1::{ConsumerCredentials, OAuthRequest};
/// use ferrocloud::ExposeSecret;
/// let consumer = ConsumerCredentials::new("7fea2d", "secretsecret".to_string().into());
/// let url = "http://127.0.0.1:5000/v3/OS-OAUTH1/request_token".parse().unwrap();
/// let req = OAuthRequest {
///     callback: Some("oob"),
///     ..OAuthRequest::new(&http::Method::POST, &url, &consumer, "0123456789abcdef0123456789abcdef", 1700000000)
/// };
/// let header = req.authorization_header();
/// assert!(header.expose_secret().starts_with("OAuth oauth_callback=\"oob\", oauth_consumer_key=\"7fea2d\""));
/// assert!(header.expose_secret().contains("oauth_signature=\"NMv%2BhKe94fP4oYDzl%2FdV5EQ99P4%3D\""));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct OAuthRequest<'a> {
    /// The HTTP method.
    pub method: &'a Method,
    /// The URL, as the service sees it.
    pub url: &'a Url,
    /// Who signs.
    pub consumer: &'a ConsumerCredentials,
    /// The request or access token the request is made with, if any.
    pub token: Option<&'a OAuthToken>,
    /// `oauth_callback` (`"oob"` for a request token: Keystone has no redirect).
    pub callback: Option<&'a str>,
    /// `oauth_verifier` (to get an access token).
    pub verifier: Option<&'a str>,
    /// A fresh random value (Keystone accepts lowercase hexadecimal).
    pub nonce: &'a str,
    /// Seconds since the Unix epoch.
    pub timestamp: u64,
}

impl<'a> OAuthRequest<'a> {
    /// A request without token, callback or verifier.
    pub fn new(
        method: &'a Method,
        url: &'a Url,
        consumer: &'a ConsumerCredentials,
        nonce: &'a str,
        timestamp: u64,
    ) -> Self {
        OAuthRequest {
            method,
            url,
            consumer,
            token: None,
            callback: None,
            verifier: None,
            nonce,
            timestamp,
        }
    }

    fn oauth_params(&self) -> Vec<(&'static str, String)> {
        let mut p = Vec::with_capacity(8);
        if let Some(c) = self.callback {
            p.push(("oauth_callback", c.to_string()));
        }
        p.push(("oauth_consumer_key", self.consumer.key.clone()));
        p.push(("oauth_nonce", self.nonce.to_string()));
        p.push((
            "oauth_signature_method",
            self.consumer.signature_method.as_str().to_string(),
        ));
        p.push(("oauth_timestamp", self.timestamp.to_string()));
        if let Some(t) = self.token {
            p.push(("oauth_token", t.key.clone()));
        }
        if let Some(v) = self.verifier {
            p.push(("oauth_verifier", v.to_string()));
        }
        p.push(("oauth_version", "1.0".to_string()));
        p
    }

    /// The signature base string (RFC 5849 section 3.4.1).
    ///
    /// ```
    /// use ferrocloud::openstack::identity::v3::oauth1::{ConsumerCredentials, OAuthRequest};
    /// let consumer = ConsumerCredentials::new("ck", "s".to_string().into());
    /// let url = "HTTPS://Keystone.Example.com:443/v3/x?b=2&a=x%20y".parse().unwrap();
    /// let base = OAuthRequest::new(&http::Method::POST, &url, &consumer, "abc", 1700000000).signature_base_string();
    /// assert!(base.starts_with("POST&https%3A%2F%2Fkeystone.example.com%2Fv3%2Fx&a%3Dx%2520y%26b%3D2%26oauth_consumer_key%3Dck"));
    /// ```
    pub fn signature_base_string(&self) -> String {
        let mut pairs: Vec<(String, String)> = self
            .oauth_params()
            .into_iter()
            .map(|(k, v)| (percent_encode(k), percent_encode(&v)))
            .collect();
        pairs.extend(
            self.url
                .query_pairs()
                .map(|(k, v)| (percent_encode(&k), percent_encode(&v))),
        );
        pairs.sort();
        let normalized = pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&");
        let mut base_uri = format!(
            "{}://{}",
            self.url.scheme(),
            self.url.host_str().unwrap_or_default()
        );
        if let Some(port) = self.url.port() {
            base_uri.push_str(&format!(":{port}"));
        }
        base_uri.push_str(self.url.path());
        format!(
            "{}&{}&{}",
            self.method.as_str().to_ascii_uppercase(),
            percent_encode(&base_uri),
            percent_encode(&normalized)
        )
    }

    fn signature(&self) -> String {
        let key = format!(
            "{}&{}",
            percent_encode(self.consumer.secret.expose_secret()),
            percent_encode(self.token.map(|t| t.secret.expose_secret()).unwrap_or(""))
        );
        match self.consumer.signature_method {
            SignatureMethod::Plaintext => key,
            SignatureMethod::HmacSha1 => {
                let k =
                    ring::hmac::Key::new(ring::hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY, key.as_bytes());
                let tag = ring::hmac::sign(&k, self.signature_base_string().as_bytes());
                STANDARD.encode(tag.as_ref())
            }
        }
    }

    /// The `Authorization` header (`OAuth oauth_consumer_key="…", …, oauth_signature="…"`).
    /// A secret with PLAINTEXT, which carries the secrets themselves.
    pub fn authorization_header(&self) -> SecretString {
        let mut params = self.oauth_params();
        params.push(("oauth_signature", self.signature()));
        let parts: Vec<String> = params
            .iter()
            .map(|(k, v)| format!("{k}=\"{}\"", percent_encode(v)))
            .collect();
        SecretString::from(format!("OAuth {}", parts.join(", ")))
    }
}

/// Percent-encodes as RFC 5849 section 3.6 says: everything but `A-Z a-z 0-9 - . _ ~`.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A fresh nonce: 32 lowercase hexadecimal digits from the system's random source.
fn nonce() -> Result<String> {
    use ring::rand::SecureRandom;
    let mut bytes = [0u8; 16];
    ring::rand::SystemRandom::new()
        .fill(&mut bytes)
        .map_err(|_| Error::new(ErrorKind::Auth, "no random source for the OAuth nonce"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// A request to `op` with a fresh signature.
fn signed(
    client: &ServiceClient,
    op: &'static Operation,
    consumer: &ConsumerCredentials,
    token: Option<&OAuthToken>,
    callback: Option<&str>,
    verifier: Option<&str>,
) -> Result<RequestBuilder> {
    require("consumer key", !consumer.key.is_empty())?;
    let url = client.url_for(op, &[])?;
    let nonce = nonce()?;
    let method = op.method.to_method();
    let req = OAuthRequest {
        method: &method,
        url: &url,
        consumer,
        token,
        callback,
        verifier,
        nonce: &nonce,
        timestamp: now(),
    };
    let header = req.authorization_header();
    Ok(client
        .request(op, &[])
        .header("Authorization", header.expose_secret()))
}

fn token_answer(resp: &Response) -> Result<OAuthToken> {
    let body = std::str::from_utf8(resp.body()).map_err(|e| {
        Error::decode("the OAuth answer is not UTF-8", e)
            .with_request(resp.method(), resp.url().as_str())
    })?;
    OAuthToken::parse(body).map_err(|e| {
        e.with_request(resp.method(), resp.url().as_str())
            .with_request_id(resp.request_id())
    })
}

// ---------------------------------------------------------------- the flow

/// Asks for a request token for project `project_id`, signed by the consumer.
pub async fn create_request_token(
    client: &ServiceClient,
    consumer: &ConsumerCredentials,
    project_id: &str,
) -> Result<OAuthToken> {
    require("project_id", !project_id.is_empty())?;
    let resp = signed(
        client,
        &CREATE_REQUEST_TOKEN,
        consumer,
        None,
        Some("oob"),
        None,
    )?
    .header("Requested-Project-Id", project_id)
    .ok_codes(&[200, 201])
    .send_raw()
    .await?;
    token_answer(&resp)
}

/// The roles a user delegates when authorizing a request token.
///
/// ```
/// use ferrocloud::openstack::identity::v3::oauth1::AuthorizeOpts;
/// use ferrocloud::openstack::identity::v3::roles::RoleRef;
/// let o = AuthorizeOpts { roles: vec![RoleRef::id("a3b29b"), RoleRef::name("member")] };
/// assert_eq!(serde_json::to_string(&o).unwrap(), r#"{"roles":[{"id":"a3b29b"},{"name":"member"}]}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorizeOpts {
    /// The roles, each by ID or by name (the user must have them on the project).
    pub roles: Vec<RoleRef>,
}

impl Validate for AuthorizeOpts {
    fn validate(&self) -> Result<()> {
        require("roles", !self.roles.is_empty())?;
        for (i, r) in self.roles.iter().enumerate() {
            let set = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.is_empty());
            if set(&r.id) == set(&r.name) {
                return Err(Error::invalid_input(format!(
                    "roles[{i}]: exactly one of id, name must be set"
                )));
            }
        }
        Ok(())
    }
}

/// What authorizing a request token gives: the verifier the consumer needs to get its
/// access token. `Debug` does not show it.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Verifier {
    /// The verifier.
    #[serde(deserialize_with = "secret")]
    pub oauth_verifier: SecretString,
}

/// Authorizes a request token for `roles` (the authenticated user's roles on the
/// token's project). Needs a token of the user that is not itself delegated (not from a
/// trust, an application credential or OAuth).
pub async fn authorize_request_token(
    client: &ServiceClient,
    request_token_id: &str,
    roles: &[RoleRef],
) -> ApiResult<Verifier> {
    let opts = AuthorizeOpts {
        roles: roles.to_vec(),
    };
    client
        .request(&AUTHORIZE_REQUEST_TOKEN, &[request_token_id])
        .body(&opts)
        .send()
        .await
}

/// Trades an authorized request token and its verifier for an access token.
pub async fn create_access_token(
    client: &ServiceClient,
    consumer: &ConsumerCredentials,
    request_token: &OAuthToken,
    verifier: &SecretString,
) -> Result<OAuthToken> {
    require("verifier", !verifier.expose_secret().is_empty())?;
    let resp = signed(
        client,
        &CREATE_ACCESS_TOKEN,
        consumer,
        Some(request_token),
        None,
        Some(verifier.expose_secret()),
    )?
    .ok_codes(&[200, 201])
    .send_raw()
    .await?;
    token_answer(&resp)
}

#[derive(Serialize)]
struct OAuth1Auth {
    auth: OAuth1Identity,
}

#[derive(Serialize)]
struct OAuth1Identity {
    identity: OAuth1Methods,
}

#[derive(Serialize)]
struct OAuth1Methods {
    methods: [&'static str; 1],
    oauth1: serde_json::Map<String, serde_json::Value>,
}

/// Gets a Keystone token with an access token: scoped to the access token's project,
/// with the delegated roles (`POST /auth/tokens`, method `oauth1`, signed by the
/// consumer).
pub async fn authenticate(
    client: &ServiceClient,
    consumer: &ConsumerCredentials,
    access_token: &OAuthToken,
) -> Result<CreatedToken> {
    let body = OAuth1Auth {
        auth: OAuth1Identity {
            identity: OAuth1Methods {
                methods: ["oauth1"],
                oauth1: serde_json::Map::new(),
            },
        },
    };
    let resp = signed(
        client,
        &AUTHENTICATE,
        consumer,
        Some(access_token),
        None,
        None,
    )?
    .json(&body)
    .ok_codes(&[200, 201])
    .send_raw()
    .await?;
    let subject = resp
        .header(SUBJECT_TOKEN)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            Error::new(
                ErrorKind::Decode,
                "the token response has no X-Subject-Token header",
            )
            .with_request(resp.method(), resp.url().as_str())
            .with_request_id(resp.request_id())
        })?;
    let token: Token = resp.decode(Some("token"))?;
    Ok(CreatedToken {
        subject_token: SecretString::from(subject.to_string()),
        token,
        request_id: resp.request_id().map(str::to_string),
    })
}

// ---------------------------------------------------------------- access tokens

/// An access token, as its user sees it (never with its secret).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AccessToken {
    /// Its ID (the `oauth_token` key).
    pub id: String,
    /// The consumer it was issued to.
    pub consumer_id: String,
    /// The project it is scoped to.
    pub project_id: String,
    /// The user who authorized it.
    pub authorizing_user_id: String,
    /// When it expires, if it does.
    #[serde(default, with = "crate::dates::option")]
    pub expires_at: Option<Timestamp>,
    /// Links to it and to its roles.
    pub links: AccessTokenLinks,
}

/// The `links` of an access token.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AccessTokenLinks {
    /// The access token's own URL.
    #[serde(default, rename = "self")]
    pub self_link: Option<String>,
    /// The URL of its roles.
    #[serde(default)]
    pub roles: Option<String>,
}

/// Lists the access tokens a user authorized.
pub fn list_access_tokens(client: &ServiceClient, user_id: &str) -> Pager<AccessToken> {
    client
        .request(&LIST_ACCESS_TOKENS, &[user_id])
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The access tokens of a page.
    extract_access_tokens, AccessToken
}

/// Shows one of a user's access tokens.
pub async fn get_access_token(
    client: &ServiceClient,
    user_id: &str,
    access_token_id: &str,
) -> ApiResult<AccessToken> {
    client
        .request(&GET_ACCESS_TOKEN, &[user_id, access_token_id])
        .send()
        .await
}

/// Revokes one of a user's access tokens (and the Keystone tokens issued with it).
pub async fn revoke_access_token(
    client: &ServiceClient,
    user_id: &str,
    access_token_id: &str,
) -> ApiResult<()> {
    client
        .request(&REVOKE_ACCESS_TOKEN, &[user_id, access_token_id])
        .send()
        .await
}

/// Lists the roles an access token delegates.
pub fn list_access_token_roles(
    client: &ServiceClient,
    user_id: &str,
    access_token_id: &str,
) -> Pager<Role> {
    client
        .request(&LIST_ACCESS_TOKEN_ROLES, &[user_id, access_token_id])
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The roles of a page.
    extract_roles, Role
}

/// Shows one role an access token delegates.
pub async fn get_access_token_role(
    client: &ServiceClient,
    user_id: &str,
    access_token_id: &str,
    role_id: &str,
) -> ApiResult<Role> {
    client
        .request(&GET_ACCESS_TOKEN_ROLE, &[user_id, access_token_id, role_id])
        .send()
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn consumer(secret: &str, m: SignatureMethod) -> ConsumerCredentials {
        ConsumerCredentials::new("ck", SecretString::from(secret.to_string())).signature_method(m)
    }

    #[test]
    fn percent_encoding_is_rfc3986() {
        assert_eq!(percent_encode("a b+c/~._-é"), "a%20b%2Bc%2F~._-%C3%A9");
    }

    // Expected values computed with oauthlib, which Keystone verifies with.
    #[test]
    fn hmac_sha1_with_token_and_query() {
        let c = consumer("c s&ecret", SignatureMethod::HmacSha1);
        let url: Url =
            "https://Keystone.Example.com:443/identity/v3/OS-OAUTH1/access_token?b=2&a=x%20y"
                .parse()
                .unwrap();
        let token = OAuthToken::new("rk", SecretString::from("tok/secret+".to_string()));
        let req = OAuthRequest {
            token: Some(&token),
            verifier: Some("X1~y.z"),
            ..OAuthRequest::new(&Method::POST, &url, &c, "abc", 1700000000)
        };
        assert_eq!(
            req.signature_base_string(),
            "POST&https%3A%2F%2Fkeystone.example.com%2Fidentity%2Fv3%2FOS-OAUTH1%2Faccess_token&a%3Dx%2520y%26b%3D2%26oauth_consumer_key%3Dck%26oauth_nonce%3Dabc%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1700000000%26oauth_token%3Drk%26oauth_verifier%3DX1~y.z%26oauth_version%3D1.0"
        );
        assert_eq!(req.signature(), "vV5mV8txgR3SOTgpCH2qgvVkoDQ=");
    }

    #[test]
    fn plaintext_is_the_encoded_secrets() {
        let c = consumer("c s&ecret", SignatureMethod::Plaintext);
        let url: Url = "http://k/v3/OS-OAUTH1/access_token".parse().unwrap();
        let token = OAuthToken::new("rk", SecretString::from("tok/secret+".to_string()));
        let req = OAuthRequest {
            token: Some(&token),
            ..OAuthRequest::new(&Method::POST, &url, &c, "abc", 1)
        };
        assert_eq!(req.signature(), "c%20s%26ecret&tok%2Fsecret%2B");
        let h = req.authorization_header();
        assert!(h
            .expose_secret()
            .contains("oauth_signature=\"c%2520s%2526ecret%26tok%252Fsecret%252B\""));
        assert!(!format!("{h:?}").contains("tok%"));
    }

    #[test]
    fn nonces_are_hex_and_fresh() {
        let (a, b) = (nonce().unwrap(), nonce().unwrap());
        assert_eq!(a.len(), 32);
        assert!(a
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_ne!(a, b);
    }
}
