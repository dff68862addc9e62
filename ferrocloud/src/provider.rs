//! The provider client: one per cloud, shared by every service client.
//!
//! A [`ProviderClient`] holds the HTTP client (one connection pool), the token and the
//! catalog of the last authentication, and what is needed to authenticate again. It is
//! cheap to clone (one `Arc`) and safe to share between tasks.
//!
//! Token lifetime: when a request is refused with 401, or (with
//! [`ProviderBuilder::renew_before`]) when the token is about to expire, the provider
//! authenticates again and replays the request once. Re-authentication is single-flight:
//! however many tasks meet an expired token at once, one token request is made; the others
//! wait for it and use its token.

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http::header::{CONTENT_TYPE, HeaderName, HeaderValue, USER_AGENT};
use http::{HeaderMap, Method, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use url::Url;

use crate::auth::token::{self, Issued};
use crate::auth::{AuthInfo, AuthOptions, Catalog, IdentityVersion};
use crate::error::{redact_url, request_id};
use crate::{Error, ErrorKind, Result};

/// The user agent every request carries: `ferrocloud/<version>`.
pub const USER_AGENT_BASE: &str = concat!("ferrocloud/", env!("CARGO_PKG_VERSION"));

/// The header that carries the token.
pub const AUTH_TOKEN_HEADER: &str = "x-auth-token";

/// A body to send.
pub(crate) enum Body {
    Empty,
    Bytes(Bytes),
    /// A stream can be sent once; it is taken out when sent.
    Stream(std::sync::Mutex<Option<reqwest::Body>>),
}

impl Body {
    fn replayable(&self) -> bool {
        !matches!(self, Body::Stream(_))
    }
}

impl Prepared {
    /// Whether the body can be sent again.
    pub(crate) fn body_replayable(&self) -> bool {
        self.body.replayable()
    }
}

/// A request ready to go through the provider's pipeline.
pub(crate) struct Prepared {
    pub method: Method,
    pub url: Url,
    pub headers: HeaderMap,
    pub body: Body,
    pub authenticated: bool,
    pub timeout: Option<Duration>,
    /// The service client's retry policy, overriding the provider's.
    pub retry: Option<crate::retry::RetryPolicy>,
    /// The service client's rate limit.
    pub limiter: Option<Arc<crate::retry::Limiter>>,
    /// Whether a 401 may be answered by re-authenticating and sending again (not for
    /// requests that carry credentials of their own, such as a token request).
    pub reauth: bool,
}

#[derive(Default)]
struct AuthState {
    token: Option<SecretString>,
    info: Option<AuthInfo>,
    generation: u64,
}

struct Inner {
    http: reqwest::Client,
    auth_url: String,
    user_agent: HeaderValue,
    renew_before: Option<Duration>,
    retry: crate::retry::RetryPolicy,
    limiter: Option<Arc<crate::retry::Limiter>>,
    global_request_id: Option<HeaderValue>,
    state: RwLock<Arc<AuthState>>,
    options: RwLock<Option<AuthOptions>>,
    identity_endpoint: RwLock<Option<Url>>,
    reauth: tokio::sync::Mutex<()>,
}

/// An authenticated (or to-be-authenticated) connection to one cloud.
///
/// ```no_run
/// # async fn demo() -> ferrocloud::Result<()> {
/// use ferrocloud::{openstack, AuthOptions};
/// let opts = AuthOptions::password("https://keystone:5000", "alice", "pw").user_domain_id("default");
/// let provider = openstack::authenticated_client(opts).await?;
/// println!("token expires at {:?}", provider.auth_info().and_then(|i| i.expires_at));
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct ProviderClient {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for ProviderClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = self.state();
        f.debug_struct("ProviderClient")
            .field("auth_url", &self.inner.auth_url)
            .field("authenticated", &state.token.is_some())
            .field("generation", &state.generation)
            .finish_non_exhaustive()
    }
}

/// Builds a [`ProviderClient`]: user agent, HTTP client, timeouts, token renewal.
///
/// ```
/// use std::time::Duration;
/// let provider = ferrocloud::ProviderClient::builder("https://keystone:5000/v3")
///     .user_agent_prefix("my-tool/1.2")
///     .timeout(Duration::from_secs(60))
///     .renew_before(Duration::from_secs(120))
///     .build()
///     .unwrap();
/// assert!(provider.user_agent().starts_with("my-tool/1.2 ferrocloud/"));
/// ```
#[derive(Debug)]
pub struct ProviderBuilder {
    auth_url: String,
    http: Option<reqwest::Client>,
    user_agent_prefix: Option<String>,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    renew_before: Option<Duration>,
    retry: crate::retry::RetryPolicy,
    rate_limit: crate::retry::RateLimit,
    global_request_id: Option<String>,
}

impl ProviderBuilder {
    /// Uses a `reqwest::Client` built by the caller (proxies, TLS roots, client
    /// certificates). Its own timeouts and redirect policy apply.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Puts the application's own product token before `ferrocloud/<version>`.
    pub fn user_agent_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.user_agent_prefix = Some(prefix.into());
        self
    }

    /// The timeout of each HTTP request, from connection to the end of the body.
    pub fn timeout(mut self, t: Duration) -> Self {
        self.timeout = Some(t);
        self
    }

    /// The timeout of establishing a connection.
    pub fn connect_timeout(mut self, t: Duration) -> Self {
        self.connect_timeout = Some(t);
        self
    }

    /// The retry policy of every request (see [`crate::retry`]); on by default.
    pub fn retry(mut self, policy: crate::retry::RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Limits requests per second and in flight for the whole provider.
    pub fn rate_limit(mut self, limit: crate::retry::RateLimit) -> Self {
        self.rate_limit = limit;
        self
    }

    /// Sends `X-OpenStack-Request-ID: <id>` with every request, so that one operation can
    /// be traced across services. The id must look like `req-<uuid>`.
    ///
    /// ```
    /// let p = ferrocloud::ProviderClient::builder("http://k:5000/v3")
    ///     .global_request_id("req-1e4f0f1a-5b1c-4d7e-9b35-2f1f3c3d8a11")
    ///     .build();
    /// assert!(p.is_ok());
    /// let bad = ferrocloud::ProviderClient::builder("http://k:5000/v3").global_request_id("hello").build();
    /// assert!(bad.is_err());
    /// ```
    pub fn global_request_id(mut self, id: impl Into<String>) -> Self {
        self.global_request_id = Some(id.into());
        self
    }

    /// Authenticates again before a request when the token expires within `margin`.
    pub fn renew_before(mut self, margin: Duration) -> Self {
        self.renew_before = Some(margin);
        self
    }

    /// Builds the provider (not yet authenticated).
    pub fn build(self) -> Result<ProviderClient> {
        Url::parse(&self.auth_url).map_err(|e| {
            Error::invalid_input(format!("auth URL {:?} is not a URL: {e}", self.auth_url))
        })?;
        let http = match self.http {
            Some(c) => c,
            None => {
                let mut b = reqwest::Client::builder()
                    .redirect(reqwest::redirect::Policy::none())
                    .use_rustls_tls();
                if let Some(t) = self.timeout {
                    b = b.timeout(t);
                }
                if let Some(t) = self.connect_timeout {
                    b = b.connect_timeout(t);
                }
                b.build().map_err(|e| {
                    Error::new(ErrorKind::Config, format!("building the HTTP client: {e}"))
                })?
            }
        };
        let global_request_id = match &self.global_request_id {
            Some(id) => {
                let uuid = id.strip_prefix("req-").unwrap_or("");
                let ok = uuid.len() == 36
                    && uuid.chars().enumerate().all(|(i, c)| {
                        if matches!(i, 8 | 13 | 18 | 23) {
                            c == '-'
                        } else {
                            c.is_ascii_hexdigit()
                        }
                    });
                if !ok {
                    return Err(Error::invalid_input(format!(
                        "global request id {id:?} must look like req-<uuid>"
                    )));
                }
                Some(
                    HeaderValue::from_str(id)
                        .map_err(|_| Error::invalid_input("bad global request id"))?,
                )
            }
            None => None,
        };
        let ua = match &self.user_agent_prefix {
            Some(p) => format!("{p} {USER_AGENT_BASE}"),
            None => USER_AGENT_BASE.to_string(),
        };
        let user_agent = HeaderValue::from_str(&ua).map_err(|_| {
            Error::invalid_input(format!("user agent {ua:?} is not a valid header"))
        })?;
        Ok(ProviderClient {
            inner: Arc::new(Inner {
                http,
                auth_url: self.auth_url,
                user_agent,
                renew_before: self.renew_before,
                retry: self.retry,
                limiter: crate::retry::Limiter::new(&self.rate_limit),
                global_request_id,
                state: RwLock::new(Arc::new(AuthState::default())),
                options: RwLock::new(None),
                identity_endpoint: RwLock::new(None),
                reauth: tokio::sync::Mutex::new(()),
            }),
        })
    }
}

fn poisoned<T>(e: std::sync::PoisonError<T>) -> T {
    e.into_inner()
}

impl ProviderClient {
    /// Starts building a provider for the Keystone at `auth_url`.
    pub fn builder(auth_url: impl Into<String>) -> ProviderBuilder {
        ProviderBuilder {
            auth_url: auth_url.into(),
            http: None,
            user_agent_prefix: None,
            timeout: None,
            connect_timeout: None,
            renew_before: None,
            retry: crate::retry::RetryPolicy::default(),
            rate_limit: crate::retry::RateLimit::default(),
            global_request_id: None,
        }
    }

    /// The auth URL this provider was built for.
    pub fn auth_url(&self) -> &str {
        &self.inner.auth_url
    }

    /// The user agent sent with every request.
    pub fn user_agent(&self) -> &str {
        self.inner.user_agent.to_str().unwrap_or(USER_AGENT_BASE)
    }

    /// The underlying HTTP client.
    pub fn http_client(&self) -> &reqwest::Client {
        &self.inner.http
    }

    fn state(&self) -> Arc<AuthState> {
        self.inner.state.read().unwrap_or_else(poisoned).clone()
    }

    /// The current token, if authenticated. Handle with care: it is a secret.
    pub fn token(&self) -> Option<SecretString> {
        self.state().token.clone()
    }

    /// What Keystone said about the current token (scope, roles, expiry, catalog).
    pub fn auth_info(&self) -> Option<AuthInfo> {
        self.state().info.clone()
    }

    /// The service catalog of the current token (empty before authentication).
    pub fn catalog(&self) -> Catalog {
        self.state()
            .info
            .as_ref()
            .map(|i| i.catalog.clone())
            .unwrap_or_default()
    }

    /// How many times this provider has obtained a token (0 before the first).
    pub fn token_generation(&self) -> u64 {
        self.state().generation
    }

    /// The versioned identity endpoint used for authentication, once known.
    pub fn identity_endpoint(&self) -> Option<Url> {
        self.inner
            .identity_endpoint
            .read()
            .unwrap_or_else(poisoned)
            .clone()
    }

    /// Uses an existing token without authenticating (e.g. a token obtained elsewhere,
    /// or a service in no-auth mode). Re-authentication stays off unless options are
    /// stored with [`ProviderClient::set_auth_options`].
    ///
    /// ```
    /// let p = ferrocloud::ProviderClient::builder("http://keystone:5000/v3").build().unwrap();
    /// p.set_token("gAAAAB-token", None);
    /// assert_eq!(p.token_generation(), 1);
    /// ```
    pub fn set_token(&self, token: impl Into<String>, info: Option<AuthInfo>) {
        let mut st = self.inner.state.write().unwrap_or_else(poisoned);
        let generation = st.generation + 1;
        *st = Arc::new(AuthState {
            token: Some(SecretString::from(token.into())),
            info,
            generation,
        });
    }

    /// Stores the options used to (re-)authenticate, without authenticating now: the
    /// first request authenticates (lazy authentication).
    pub fn set_auth_options(&self, opts: AuthOptions) {
        *self.inner.options.write().unwrap_or_else(poisoned) = Some(opts);
    }

    fn options(&self) -> Option<AuthOptions> {
        self.inner.options.read().unwrap_or_else(poisoned).clone()
    }

    /// The secrets this provider holds (its token, the stored credentials), which are
    /// scrubbed from the errors built from responses.
    pub(crate) fn held_secrets(&self) -> Vec<SecretString> {
        let mut out: Vec<SecretString> = self.token().into_iter().collect();
        if let Some(o) = self.inner.options.read().unwrap_or_else(poisoned).as_ref() {
            out.extend(o.secrets());
        }
        out
    }

    /// Authenticates with `opts` now, and keeps them for re-authentication.
    pub async fn authenticate(&self, opts: AuthOptions) -> Result<()> {
        let seen = self.state().generation;
        self.set_auth_options(opts);
        self.reauthenticate(seen).await
    }

    /// Authenticates again unless another task already did since generation `seen`
    /// (single-flight).
    pub(crate) async fn reauthenticate(&self, seen: u64) -> Result<()> {
        let _guard = self.inner.reauth.lock().await;
        if self.state().generation != seen {
            return Ok(());
        }
        let opts = self.options().ok_or_else(|| {
            Error::new(
                ErrorKind::Auth,
                "cannot authenticate: no credentials are stored with this provider",
            )
        })?;
        let issued = self.request_token(&opts).await?;
        let mut st = self.inner.state.write().unwrap_or_else(poisoned);
        let generation = st.generation + 1;
        *st = Arc::new(AuthState {
            token: Some(issued.token),
            info: Some(issued.info),
            generation,
        });
        tracing::debug!(generation, "obtained a new token");
        Ok(())
    }

    /// Finds the versioned identity endpoint: as given when the URL ends in a version,
    /// else from the version document at the URL (v3 preferred over v2.0).
    async fn discover_identity(&self, opts: &AuthOptions) -> Result<(Url, IdentityVersion)> {
        if let Some(u) = self.identity_endpoint() {
            let v = if u.path().trim_end_matches('/').ends_with("/v2.0") {
                IdentityVersion::V2
            } else {
                IdentityVersion::V3
            };
            return Ok((u, v));
        }
        let raw = if opts.auth_url.is_empty() {
            self.inner.auth_url.clone()
        } else {
            opts.auth_url.clone()
        };
        let mut url = Url::parse(&raw)
            .map_err(|e| Error::invalid_input(format!("auth URL {raw:?} is not a URL: {e}")))?;
        let path = url.path().trim_end_matches('/').to_string();
        let found = if path.ends_with("/v3") {
            Some(IdentityVersion::V3)
        } else if path.ends_with("/v2.0") {
            Some(IdentityVersion::V2)
        } else {
            None
        };
        let (endpoint, version) = match (found, opts.identity_version) {
            (Some(v), _) => (url, v),
            (None, Some(v)) => {
                url.set_path(&format!(
                    "{}/{}",
                    path,
                    if v == IdentityVersion::V3 {
                        "v3"
                    } else {
                        "v2.0"
                    }
                ));
                (url, v)
            }
            (None, None) => self.version_document(url).await?,
        };
        let mut endpoint = endpoint;
        if !endpoint.path().ends_with('/') {
            let p = format!("{}/", endpoint.path());
            endpoint.set_path(&p);
        }
        *self
            .inner
            .identity_endpoint
            .write()
            .unwrap_or_else(poisoned) = Some(endpoint.clone());
        Ok((endpoint, version))
    }

    async fn version_document(&self, url: Url) -> Result<(Url, IdentityVersion)> {
        // Keystone answers its root with 300 Multiple Choices.
        let (_, body) = self
            .plain(Method::GET, url.clone(), accept_json(), Body::Empty, &[300])
            .await?;
        choose_identity_version(&url, &body)
    }

    /// Sends an unauthenticated request and reads the whole answer; a status other than
    /// 2xx (or one of `also_ok`) is an error carrying the service's message.
    async fn plain(
        &self,
        method: Method,
        url: Url,
        headers: HeaderMap,
        body: Body,
        also_ok: &[u16],
    ) -> Result<(HeaderMap, Bytes)> {
        let req = Prepared {
            method: method.clone(),
            url: url.clone(),
            headers,
            body,
            authenticated: false,
            timeout: None,
            retry: None,
            limiter: None,
            reauth: false,
        };
        let resp = Box::pin(self.execute(&req)).await?;
        let status = resp.status();
        let headers = resp.headers().clone();
        let body = resp
            .bytes()
            .await
            .map_err(|e| Error::from(e).with_request(&method, url.as_str()))?;
        if !(status.is_success() || also_ok.contains(&status.as_u16())) {
            let err = Error::from_response(&method, url.as_str(), status, &headers, &body);
            return Err(crate::secrets::scrub_sent(err, self, &req));
        }
        Ok((headers, body))
    }

    /// POSTs a JSON token request (it holds secrets: it is never logged) and reads the
    /// answer.
    async fn post_auth(&self, url: Url, body: &serde_json::Value) -> Result<(HeaderMap, Bytes)> {
        let bytes =
            Bytes::from(serde_json::to_vec(body).map_err(|e| Error::decode("auth body", e))?);
        let mut headers = accept_json();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        self.plain(Method::POST, url, headers, Body::Bytes(bytes), &[])
            .await
    }

    /// OpenID Connect: a token from the identity provider, exchanged for an unscoped
    /// Keystone token through the federation API, then scoped if asked.
    async fn request_oidc_token(
        &self,
        opts: &AuthOptions,
        oidc: &crate::auth::oidc::OidcOptions,
        endpoint: &Url,
    ) -> Result<Issued> {
        use crate::auth::oidc::{OidcGrant, token_endpoint_from_discovery};
        oidc.validate()?;
        let bearer = match &oidc.grant {
            OidcGrant::AccessToken(t) => t.clone(),
            _ => {
                let token_url = match (&oidc.access_token_endpoint, &oidc.discovery_endpoint) {
                    (Some(u), _) => u.clone(),
                    (None, Some(d)) => {
                        let url = Url::parse(d).map_err(|e| {
                            Error::invalid_input(format!("OIDC discovery endpoint {d:?}: {e}"))
                        })?;
                        let (_, body) = self
                            .plain(Method::GET, url, accept_json(), Body::Empty, &[])
                            .await?;
                        token_endpoint_from_discovery(&body)?
                    }
                    (None, None) => unreachable_config()?,
                };
                let url = Url::parse(&token_url).map_err(|e| {
                    Error::invalid_input(format!("OIDC token endpoint {token_url:?}: {e}"))
                })?;
                let mut headers = accept_json();
                headers.insert(
                    CONTENT_TYPE,
                    HeaderValue::from_static("application/x-www-form-urlencoded"),
                );
                if let Some(basic) = oidc.basic_auth() {
                    let mut v = HeaderValue::from_str(&basic).map_err(|_| {
                        Error::invalid_input("OIDC client credentials are not valid header text")
                    })?;
                    v.set_sensitive(true);
                    headers.insert(http::header::AUTHORIZATION, v);
                }
                let form = oidc.token_form().unwrap_or_default();
                let (_, body) = self
                    .plain(
                        Method::POST,
                        url,
                        headers,
                        Body::Bytes(Bytes::from(form)),
                        &[],
                    )
                    .await?;
                oidc.pick_token(&body)?
            }
        };
        let path = crate::openstack::identity::v3::federation::AUTHENTICATE
            .render(&[&oidc.identity_provider, &oidc.protocol])?;
        let url = endpoint
            .join(&path)
            .map_err(|e| Error::invalid_input(format!("identity URL: {e}")))?;
        let mut headers = accept_json();
        let mut v = HeaderValue::from_str(&format!("Bearer {}", bearer.expose_secret()))
            .map_err(|_| Error::new(ErrorKind::Auth, "the OIDC token is not valid header text"))?;
        v.set_sensitive(true);
        headers.insert(http::header::AUTHORIZATION, v);
        let (h, body) = self
            .plain(Method::GET, url.clone(), headers, Body::Empty, &[])
            .await?;
        let unscoped = token::parse_v3(
            h.get("x-subject-token").and_then(|v| v.to_str().ok()),
            &body,
        )
        .map_err(|e| e.with_request(&Method::GET, url.as_str()))?;
        let Some(scope) = &opts.scope else {
            return Ok(unscoped);
        };
        let mut rescope = AuthOptions::token(
            opts.auth_url.clone(),
            unscoped.token.expose_secret().to_string(),
        );
        rescope.scope = Some(scope.clone());
        self.issue(endpoint, IdentityVersion::V3, &rescope).await
    }

    async fn request_token(&self, opts: &AuthOptions) -> Result<Issued> {
        let (endpoint, version) = self.discover_identity(opts).await?;
        if let Some(oidc) = &opts.oidc {
            if version != IdentityVersion::V3 {
                return Err(Error::new(
                    ErrorKind::Auth,
                    "OpenID Connect needs identity v3",
                ));
            }
            return self.request_oidc_token(opts, oidc, &endpoint).await;
        }
        self.issue(&endpoint, version, opts).await
    }

    /// Requests a token with the methods of `opts` (identity v3 or v2.0).
    async fn issue(
        &self,
        endpoint: &Url,
        version: IdentityVersion,
        opts: &AuthOptions,
    ) -> Result<Issued> {
        let (path, body) = match version {
            IdentityVersion::V3 => ("auth/tokens", opts.v3_request_body()?),
            IdentityVersion::V2 => ("tokens", opts.v2_request_body()?),
        };
        let url = endpoint
            .join(path)
            .map_err(|e| Error::invalid_input(format!("identity URL: {e}")))?;
        let (headers, body) = self.post_auth(url.clone(), &body).await?;
        let issued = match version {
            IdentityVersion::V3 => token::parse_v3(
                headers.get("x-subject-token").and_then(|v| v.to_str().ok()),
                &body,
            ),
            IdentityVersion::V2 => token::parse_v2(&body),
        };
        issued.map_err(|e| {
            e.with_request(&Method::POST, url.as_str())
                .with_request_id(request_id(&headers))
        })
    }

    /// The token to send and its generation, authenticating first when there is none yet
    /// or when it is about to expire.
    async fn token_for_request(&self) -> Result<(Option<SecretString>, u64)> {
        let st = self.state();
        let stale = match (
            &st.token,
            self.inner.renew_before,
            st.info.as_ref().and_then(|i| i.expires_at),
        ) {
            (None, _, _) => true,
            (Some(_), Some(margin), Some(exp)) => {
                let margin = chrono::Duration::from_std(margin).unwrap_or(chrono::Duration::zero());
                chrono::Utc::now() + margin >= exp
            }
            _ => false,
        };
        if stale
            && self
                .options()
                .is_some_and(|o| o.allow_reauth || st.token.is_none())
        {
            self.reauthenticate(st.generation).await?;
            let st = self.state();
            return Ok((st.token.clone(), st.generation));
        }
        Ok((st.token.clone(), st.generation))
    }

    /// Sends a request once, with `token` if given. Returns the response whatever its
    /// status.
    async fn send_once(
        &self,
        req: &Prepared,
        token: Option<&SecretString>,
    ) -> Result<reqwest::Response> {
        let mut rb = self
            .inner
            .http
            .request(req.method.clone(), req.url.clone())
            .headers(req.headers.clone())
            .header(USER_AGENT, self.inner.user_agent.clone());
        if let Some(id) = &self.inner.global_request_id {
            rb = rb.header("x-openstack-request-id", id.clone());
        }
        if let Some(t) = token {
            let mut v = HeaderValue::from_str(t.expose_secret()).map_err(|_| {
                Error::new(ErrorKind::Auth, "the token is not a valid header value")
            })?;
            v.set_sensitive(true);
            rb = rb.header(HeaderName::from_static(AUTH_TOKEN_HEADER), v);
        }
        if let Some(t) = req.timeout {
            rb = rb.timeout(t);
        }
        rb = match &req.body {
            Body::Empty => rb,
            Body::Bytes(b) => rb.body(b.clone()),
            Body::Stream(s) => match s.lock().unwrap_or_else(poisoned).take() {
                Some(b) => rb.body(b),
                None => {
                    return Err(Error::new(
                        ErrorKind::NotReplayable,
                        "the request body is a stream that was already sent",
                    )
                    .with_request(&req.method, req.url.as_str()));
                }
            },
        };
        let shown_url = redact_url(req.url.as_str());
        let started = Instant::now();
        let result = rb.send().await;
        let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
        match result {
            Ok(resp) => {
                tracing::debug!(
                    method = %req.method,
                    url = %shown_url,
                    status = resp.status().as_u16(),
                    duration_ms = elapsed_ms,
                    request_id = request_id(resp.headers()).unwrap_or(""),
                    "request"
                );
                Ok(resp)
            }
            Err(e) => {
                let not_sent = e.is_connect();
                let err = Error::from(e).with_request(&req.method, req.url.as_str());
                tracing::debug!(method = %req.method, url = %shown_url, duration_ms = elapsed_ms, error = %err, "request failed");
                Err(err.not_sent(not_sent))
            }
        }
    }

    /// Sends a request through the pipeline: rate limits, token, user agent, tracing,
    /// retries (see [`crate::retry`]) and one replay after re-authentication on 401.
    /// Returns the response whatever its status, with the number of attempts made in its
    /// extensions ([`Attempts`]).
    pub(crate) async fn execute(&self, req: &Prepared) -> Result<reqwest::Response> {
        let policy = self.policy_for(req);
        let idempotent = crate::retry::is_idempotent(&req.method);
        let started = Instant::now();
        let mut attempt: u32 = 0;
        let mut replayed = false;
        loop {
            attempt += 1;
            let (token, generation) = if req.authenticated {
                self.token_for_request().await?
            } else {
                (None, 0)
            };
            let _provider_slot = match &self.inner.limiter {
                Some(l) => Some(l.acquire().await),
                None => None,
            };
            let _service_slot = match &req.limiter {
                Some(l) => Some(l.acquire().await),
                None => None,
            };
            let elapsed = started.elapsed();
            let may_retry = attempt < policy.max_attempts && elapsed < policy.max_elapsed;
            match self.send_once(req, token.as_ref()).await {
                Err(e) => {
                    let safe = match e.kind() {
                        ErrorKind::Transport => idempotent || e.was_not_sent(),
                        ErrorKind::Timeout => idempotent,
                        _ => false,
                    };
                    if safe && may_retry && req.body.replayable() {
                        let delay = policy
                            .backoff(attempt)
                            .min(policy.max_elapsed.saturating_sub(elapsed));
                        tracing::debug!(method = %req.method, attempt, error = %e, delay_ms = delay.as_millis() as u64, "retrying after a transport error");
                        tokio::time::sleep(delay).await;
                        continue;
                    }
                    return Err(e.with_attempts(attempt));
                }
                Ok(mut resp) => {
                    let status = resp.status();
                    let can_reauth = req.authenticated
                        && req.reauth
                        && !replayed
                        && status == StatusCode::UNAUTHORIZED
                        && self.options().is_some_and(|o| o.allow_reauth);
                    if can_reauth {
                        if !req.body.replayable() {
                            return Err(Error::new(
                                ErrorKind::NotReplayable,
                                "the token was refused (401) and the request body is a stream, which cannot be replayed after re-authentication",
                            )
                            .with_request(&req.method, req.url.as_str())
                            .with_request_id(request_id(resp.headers())));
                        }
                        self.reauthenticate(generation).await?;
                        replayed = true;
                        attempt -= 1;
                        continue;
                    }
                    if crate::retry::retryable_status(&req.method, status) {
                        if !req.body.replayable() {
                            resp.extensions_mut()
                                .insert(NotRetried("not retried: the request body is a stream"));
                        } else if may_retry {
                            let asked = crate::error::retry_after(resp.headers());
                            let delay = asked
                                .unwrap_or_else(|| policy.backoff(attempt))
                                .min(policy.max_delay);
                            if elapsed + delay < policy.max_elapsed {
                                tracing::debug!(method = %req.method, status = status.as_u16(), attempt, delay_ms = delay.as_millis() as u64, "retrying");
                                drop(resp);
                                tokio::time::sleep(delay).await;
                                continue;
                            }
                        }
                    }
                    resp.extensions_mut().insert(Attempts(attempt));
                    return Ok(resp);
                }
            }
        }
    }
}

impl ProviderClient {
    /// The retry policy that applies to a request.
    pub(crate) fn policy_for<'a>(&'a self, req: &'a Prepared) -> &'a crate::retry::RetryPolicy {
        req.retry.as_ref().unwrap_or(&self.inner.retry)
    }
}

/// How many attempts a response took (in the response's extensions).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Attempts(pub u32);

/// Why a retryable answer was not retried (in the response's extensions).
#[derive(Debug, Clone, Copy)]
pub(crate) struct NotRetried(pub &'static str);

fn unreachable_config<T>() -> Result<T> {
    Err(Error::invalid_input(
        "OIDC: discovery_endpoint or access_token_endpoint is required",
    ))
}

pub(crate) fn accept_json() -> HeaderMap {
    let mut h = HeaderMap::new();
    h.insert(
        http::header::ACCEPT,
        HeaderValue::from_static("application/json"),
    );
    h
}

/// Picks the versioned identity endpoint from a version document (`{"versions":
/// {"values": [...]}}`, `{"versions": [...]}` or `{"version": {...}}`).
fn choose_identity_version(base: &Url, body: &[u8]) -> Result<(Url, IdentityVersion)> {
    #[derive(serde::Deserialize)]
    struct Link {
        href: String,
        #[serde(default)]
        rel: String,
    }
    #[derive(serde::Deserialize)]
    struct Version {
        id: String,
        #[serde(default)]
        links: Vec<Link>,
    }
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum Versions {
        Values { values: Vec<Version> },
        List(Vec<Version>),
    }
    #[derive(serde::Deserialize)]
    struct Doc {
        #[serde(default)]
        versions: Option<Versions>,
        #[serde(default)]
        version: Option<Version>,
    }
    let doc: Doc = serde_json::from_slice(body)
        .map_err(|e| Error::decode(format!("identity version document at {base}"), e))?;
    let mut all = match doc.versions {
        Some(Versions::Values { values }) => values,
        Some(Versions::List(v)) => v,
        None => Vec::new(),
    };
    all.extend(doc.version);
    let pick = |prefix: &str| all.iter().find(|v| v.id.starts_with(prefix));
    let (v, version) = match (pick("v3"), pick("v2.0")) {
        (Some(v), _) => (v, IdentityVersion::V3),
        (None, Some(v)) => (v, IdentityVersion::V2),
        _ => {
            let ids: Vec<&str> = all.iter().map(|v| v.id.as_str()).collect();
            return Err(Error::new(
                ErrorKind::Auth,
                format!("no identity v3 or v2.0 at {base} (versions offered: {ids:?})"),
            ));
        }
    };
    let href = v
        .links
        .iter()
        .find(|l| l.rel == "self")
        .map(|l| l.href.as_str());
    let url = match href {
        Some(h) => base
            .join(h)
            .map_err(|e| Error::decode(format!("identity version link {h:?}"), e))?,
        None => base
            .join(if version == IdentityVersion::V3 {
                "v3/"
            } else {
                "v2.0/"
            })
            .map_err(|e| Error::invalid_input(format!("identity URL: {e}")))?,
    };
    Ok((url, version))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_document_shapes() {
        let base = Url::parse("http://k:5000/").unwrap();
        let doc = br#"{"versions": {"values": [
            {"id": "v3.14", "status": "stable", "links": [{"rel": "self", "href": "http://k:5000/v3/"}]},
            {"id": "v2.0", "status": "deprecated", "links": [{"rel": "self", "href": "http://k:5000/v2.0/"}]}]}}"#;
        let (u, v) = choose_identity_version(&base, doc).unwrap();
        assert_eq!((u.as_str(), v), ("http://k:5000/v3/", IdentityVersion::V3));
        let doc = br#"{"versions": [{"id": "v2.0", "links": [{"rel": "self", "href": "/identity/v2.0/"}]}]}"#;
        let (u, v) = choose_identity_version(&base, doc).unwrap();
        assert_eq!(
            (u.as_str(), v),
            ("http://k:5000/identity/v2.0/", IdentityVersion::V2)
        );
        let doc = br#"{"version": {"id": "v3.10", "links": []}}"#;
        let (u, _) = choose_identity_version(&base, doc).unwrap();
        assert_eq!(u.as_str(), "http://k:5000/v3/");
        let e = choose_identity_version(&base, br#"{"versions": []}"#).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Auth);
        let e = choose_identity_version(&base, b"<html>").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Decode);
    }
}
