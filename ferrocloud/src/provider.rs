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
    /// A stream can be sent once; it is taken out when sent. Each chunk it hands to the
    /// connection marks activity, so that a long upload is not mistaken for a silent
    /// server.
    Stream(std::sync::Mutex<Option<reqwest::Body>>, Arc<Activity>),
}

/// When a request last made progress (a chunk of its body went out).
pub(crate) struct Activity {
    start: Instant,
    last_ms: std::sync::atomic::AtomicU64,
}

impl Activity {
    pub(crate) fn new() -> Arc<Activity> {
        Arc::new(Activity {
            start: Instant::now(),
            last_ms: std::sync::atomic::AtomicU64::new(0),
        })
    }

    pub(crate) fn touch(&self) {
        let ms = self.start.elapsed().as_millis() as u64;
        self.last_ms
            .fetch_max(ms, std::sync::atomic::Ordering::Relaxed);
    }

    fn last(&self) -> Instant {
        self.start + Duration::from_millis(self.last_ms.load(std::sync::atomic::Ordering::Relaxed))
    }
}

/// Runs `fut` until it ends or until nothing has happened for `idle`: since `since`, or
/// since the last activity of the request body. `None` when the time ran out.
async fn within_idle<F: std::future::Future>(
    fut: F,
    idle: Duration,
    since: Instant,
    activity: Option<&Activity>,
) -> Option<F::Output> {
    use futures::future::{Either, select};
    let mut fut = std::pin::pin!(fut);
    loop {
        let last = activity.map_or(since, |a| a.last().max(since));
        let timer = std::pin::pin!(tokio::time::sleep_until((last + idle).into()));
        match select(fut.as_mut(), timer).await {
            Either::Left((out, _)) => return Some(out),
            Either::Right(((), _)) => {
                let now_last = activity.map_or(since, |a| a.last().max(since));
                if now_last == last {
                    return None;
                }
            }
        }
    }
}

impl Body {
    fn replayable(&self) -> bool {
        !matches!(self, Body::Stream(..))
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
    /// A request made to obtain a token (version discovery, the token request): it never
    /// waits behind the rate limits of the requests that need the token.
    pub for_auth: bool,
    /// The declared operation the request performs, named in the request's trace event.
    pub operation: Option<&'static crate::Operation>,
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
    /// The re-authentication in progress, if any: its outcome, shared with every task
    /// that waits for it.
    flight: std::sync::Mutex<Option<tokio::sync::watch::Receiver<Option<Result<()>>>>>,
    timeouts: Timeouts,
    max_response_size: usize,
    follow_discovered_origin: bool,
    /// The last answer, for keeping sequential work on one connection.
    answers: Arc<crate::reuse::Answers>,
}

/// The time limits of a provider's requests. Every request is bounded by default.
///
/// ```
/// let p = ferrocloud::ProviderClient::builder("https://keystone:5000/v3").build().unwrap();
/// let t = p.timeouts();
/// assert_eq!(t.connect, std::time::Duration::from_secs(10));
/// assert_eq!(t.idle, std::time::Duration::from_secs(60));
/// assert_eq!(t.auth, std::time::Duration::from_secs(30));
/// assert_eq!(t.total, None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Timeouts {
    /// Establishing a connection (TCP and TLS). Default 10 s.
    pub connect: Duration,
    /// Idle time: how long the server may stay silent, waiting for its answer or between
    /// two reads of its body. It restarts at every byte received and at every chunk of a
    /// streamed upload, so it never cuts a healthy multi-GiB transfer short. Default
    /// 60 s; `api_timeout` in clouds.yaml sets it.
    pub idle: Duration,
    /// The whole of one request made to obtain a token (version discovery, the token
    /// request, OpenID Connect exchanges). Default 30 s.
    pub auth: Duration,
    /// The whole of any request, from connecting to the end of the body. Default none
    /// (downloads of any size must be able to finish).
    pub total: Option<Duration>,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(10),
            idle: Duration::from_secs(60),
            auth: Duration::from_secs(30),
            total: None,
        }
    }
}

/// The largest response body read into memory by default: 64 MiB.
pub const DEFAULT_MAX_RESPONSE_SIZE: usize = 64 << 20;

/// Token and version-discovery answers are bounded by 16 MiB at most, whatever
/// [`ProviderBuilder::max_response_size`] says (the largest catalogs are far smaller).
pub const MAX_AUTH_RESPONSE_SIZE: usize = 16 << 20;

/// How much of an error answer is read: enough for any service's message.
pub(crate) const MAX_ERROR_BODY: usize = 64 << 10;

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
///     .idle_timeout(Duration::from_secs(120))
///     .renew_before(Duration::from_secs(120))
///     .build()
///     .unwrap();
/// assert!(provider.user_agent().starts_with("my-tool/1.2 ferrocloud/"));
/// assert_eq!(provider.timeouts().idle, Duration::from_secs(120));
/// ```
#[derive(Debug)]
pub struct ProviderBuilder {
    auth_url: String,
    http: Option<reqwest::ClientBuilder>,
    user_agent_prefix: Option<String>,
    timeouts: Timeouts,
    renew_before: Option<Duration>,
    retry: crate::retry::RetryPolicy,
    rate_limit: crate::retry::RateLimit,
    global_request_id: Option<String>,
    max_response_size: usize,
    follow_discovered_origin: bool,
}

impl ProviderBuilder {
    /// Starts from an HTTP client builder of the caller's (proxies, TLS roots, client
    /// certificates). The provider sets its redirect policy (none: a token or a password
    /// never follows a redirect) and its timeouts on it, so that no request is
    /// unbounded.
    ///
    /// ```
    /// let b = reqwest::Client::builder().https_only(true);
    /// let p = ferrocloud::ProviderClient::builder("https://keystone:5000/v3")
    ///     .http_client_builder(b)
    ///     .build();
    /// assert!(p.is_ok());
    /// ```
    pub fn http_client_builder(mut self, builder: reqwest::ClientBuilder) -> Self {
        self.http = Some(builder);
        self
    }

    /// Puts the application's own product token before `ferrocloud/<version>`.
    pub fn user_agent_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.user_agent_prefix = Some(prefix.into());
        self
    }

    /// A limit on the whole of each request, from connection to the end of the body
    /// (none by default; see [`Timeouts`]). It also bounds streamed downloads: prefer
    /// [`idle_timeout`](Self::idle_timeout) for transfers of unknown size.
    pub fn timeout(mut self, t: Duration) -> Self {
        self.timeouts.total = Some(t);
        self
    }

    /// The timeout of establishing a connection (default 10 s).
    pub fn connect_timeout(mut self, t: Duration) -> Self {
        self.timeouts.connect = t;
        self
    }

    /// How long a server may stay silent, waiting for its answer or between two reads of
    /// its body (default 60 s; see [`Timeouts::idle`]).
    pub fn idle_timeout(mut self, t: Duration) -> Self {
        self.timeouts.idle = t;
        self
    }

    /// The limit on each request made to obtain a token (default 30 s).
    pub fn auth_timeout(mut self, t: Duration) -> Self {
        self.timeouts.auth = t;
        self
    }

    /// The largest response body read into memory (default
    /// [`DEFAULT_MAX_RESPONSE_SIZE`], 64 MiB). A larger body is an
    /// [`ErrorKind::ResponseTooLarge`] error naming the limit; streaming calls
    /// ([`crate::request::RequestBuilder::send_streaming`]) are not limited.
    ///
    /// ```
    /// let p = ferrocloud::ProviderClient::builder("https://keystone:5000/v3")
    ///     .max_response_size(8 << 20)
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(p.max_response_size(), 8 << 20);
    /// ```
    pub fn max_response_size(mut self, bytes: usize) -> Self {
        self.max_response_size = bytes;
        self
    }

    /// Lets identity version discovery move to the scheme, host or port that the version
    /// document's `self` link names. Off by default: the SDK keeps the scheme, host and
    /// port of the configured auth URL (so a Keystone that advertises `http://` cannot
    /// move the password to clear text), and puts the version on the configured URL.
    pub fn follow_discovered_origin(mut self, yes: bool) -> Self {
        self.follow_discovered_origin = yes;
        self
    }

    /// The retry policy of every request (see [`crate::retry`]); on by default.
    pub fn retry(mut self, policy: crate::retry::RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Limits requests per second and in flight for the whole provider. Requests made to
    /// obtain a token are not counted: they never wait behind the requests that need
    /// them.
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
        let t = self.timeouts;
        let mut b = match self.http {
            Some(b) => b,
            None => reqwest::Client::builder().use_rustls_tls(),
        }
        .redirect(reqwest::redirect::Policy::none())
        .connector_layer(crate::reuse::HoldLayer)
        .connect_timeout(t.connect);
        if let Some(total) = t.total {
            b = b.timeout(total);
        }
        let http = b
            .build()
            .map_err(|e| Error::new(ErrorKind::Config, format!("building the HTTP client: {e}")))?;
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
                flight: std::sync::Mutex::new(None),
                timeouts: t,
                max_response_size: self.max_response_size,
                follow_discovered_origin: self.follow_discovered_origin,
                answers: crate::reuse::Answers::new(),
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
            timeouts: Timeouts::default(),
            renew_before: None,
            retry: crate::retry::RetryPolicy::default(),
            rate_limit: crate::retry::RateLimit::default(),
            global_request_id: None,
            max_response_size: DEFAULT_MAX_RESPONSE_SIZE,
            follow_discovered_origin: false,
        }
    }

    /// The time limits of this provider's requests.
    pub fn timeouts(&self) -> Timeouts {
        self.inner.timeouts
    }

    /// The largest response body this provider reads into memory.
    pub fn max_response_size(&self) -> usize {
        self.inner.max_response_size
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

    /// Authenticates again unless another task already did since generation `seen`.
    ///
    /// Single-flight: one task requests the token; every task that arrives meanwhile
    /// waits for that request and gets its outcome, the error included (they do not
    /// repeat a failed request one after the other). No lock is held across the token
    /// request, and if the task making it is cancelled, a waiting task takes over.
    pub(crate) async fn reauthenticate(&self, seen: u64) -> Result<()> {
        enum Role {
            Lead(tokio::sync::watch::Sender<Option<Result<()>>>),
            Wait(tokio::sync::watch::Receiver<Option<Result<()>>>),
        }
        /// Clears the flight slot when the leading task ends, however it ends.
        struct Landing<'a>(
            &'a std::sync::Mutex<Option<tokio::sync::watch::Receiver<Option<Result<()>>>>>,
        );
        impl Drop for Landing<'_> {
            fn drop(&mut self) {
                *self.0.lock().unwrap_or_else(poisoned) = None;
            }
        }
        loop {
            if self.state().generation != seen {
                return Ok(());
            }
            let role = {
                let mut slot = self.inner.flight.lock().unwrap_or_else(poisoned);
                match slot.as_ref() {
                    Some(rx) => Role::Wait(rx.clone()),
                    None => {
                        let (tx, rx) = tokio::sync::watch::channel(None);
                        *slot = Some(rx);
                        Role::Lead(tx)
                    }
                }
            };
            match role {
                Role::Wait(mut rx) => match rx.wait_for(Option::is_some).await {
                    Ok(outcome) => return outcome.clone().unwrap_or(Ok(())),
                    // The leading task was cancelled: try again (perhaps leading).
                    Err(_) => continue,
                },
                Role::Lead(tx) => {
                    let landing = Landing(&self.inner.flight);
                    let outcome = if self.state().generation != seen {
                        Ok(())
                    } else {
                        self.obtain_token().await
                    };
                    drop(landing);
                    tx.send_replace(Some(outcome.clone()));
                    return outcome;
                }
            }
        }
    }

    /// Requests a token with the stored options and installs it.
    async fn obtain_token(&self) -> Result<()> {
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
        let (_, _, body) = self
            .plain(Method::GET, url.clone(), accept_json(), Body::Empty, &[300])
            .await?;
        choose_identity_version(&url, &body, !self.inner.follow_discovered_origin)
    }

    /// Sends a request made to obtain a token (unauthenticated, bounded by the auth
    /// timeout, never queued behind rate limits) and reads the answer, at most
    /// [`MAX_AUTH_RESPONSE_SIZE`]; a status other than 2xx (or one of `also_ok`) is an
    /// error carrying the service's message.
    async fn plain(
        &self,
        method: Method,
        url: Url,
        headers: HeaderMap,
        body: Body,
        also_ok: &[u16],
    ) -> Result<(StatusCode, HeaderMap, Bytes)> {
        let req = Prepared {
            method: method.clone(),
            url: url.clone(),
            headers,
            body,
            authenticated: false,
            timeout: Some(self.inner.timeouts.auth),
            retry: None,
            limiter: None,
            reauth: false,
            for_auth: true,
            operation: None,
        };
        let mut resp = Box::pin(self.execute(&req)).await?;
        let status = resp.status();
        let headers = resp.headers().clone();
        if !(status.is_success() || also_ok.contains(&status.as_u16())) {
            let body = read_error_body(&mut resp, self.inner.timeouts.idle).await;
            let err = Error::from_response(&method, url.as_str(), status, &headers, &body);
            return Err(crate::secrets::scrub_sent(err, self, &req));
        }
        let limit = self.inner.max_response_size.min(MAX_AUTH_RESPONSE_SIZE);
        let body = read_body(&mut resp, limit, self.inner.timeouts.idle)
            .await
            .map_err(|e| {
                e.with_request(&method, url.as_str())
                    .with_request_id(request_id(&headers))
            })?;
        Ok((status, headers, body))
    }

    /// POSTs a JSON token request (it holds secrets: it is never logged) and reads the
    /// answer.
    async fn post_auth(
        &self,
        url: Url,
        body: &serde_json::Value,
    ) -> Result<(StatusCode, HeaderMap, Bytes)> {
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
                        let (_, _, body) = self
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
                let (_, _, body) = self
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
        let (status, h, body) = self
            .plain(Method::GET, url.clone(), headers, Body::Empty, &[])
            .await?;
        let unscoped = token::parse_v3(
            h.get("x-subject-token").and_then(|v| v.to_str().ok()),
            &body,
        )
        .map_err(|e| {
            e.with_request(&Method::GET, url.as_str())
                .with_status(status)
                .with_request_id(request_id(&h))
        })?;
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
        if opts.identity_version == Some(IdentityVersion::SwiftV1) {
            return self.swift_v1_token(opts).await;
        }
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

    /// Swift's own v1.0 authentication: `GET <auth_url>` with `X-Auth-User` and
    /// `X-Auth-Key` (marked sensitive; the request is never logged with its headers).
    async fn swift_v1_token(&self, opts: &AuthOptions) -> Result<Issued> {
        let raw = if opts.auth_url.is_empty() {
            self.inner.auth_url.clone()
        } else {
            opts.auth_url.clone()
        };
        let url = Url::parse(&raw)
            .map_err(|e| Error::invalid_input(format!("auth URL {raw:?} is not a URL: {e}")))?;
        let user = opts
            .username
            .as_deref()
            .filter(|u| !u.is_empty())
            .ok_or_else(|| {
                Error::invalid_input("Swift v1.0 authentication needs a user (username)")
            })?;
        let key = opts.password.as_ref().ok_or_else(|| {
            Error::invalid_input("Swift v1.0 authentication needs a key (password)")
        })?;
        let mut headers = HeaderMap::new();
        let user_value = HeaderValue::from_str(user)
            .map_err(|_| Error::invalid_input("the Swift v1.0 user is not a valid header value"))?;
        let mut key_value = HeaderValue::from_str(key.expose_secret())
            .map_err(|_| Error::invalid_input("the Swift v1.0 key is not a valid header value"))?;
        key_value.set_sensitive(true);
        headers.insert("x-auth-user", user_value);
        headers.insert("x-auth-key", key_value);
        let (status, headers, _) = self
            .plain(Method::GET, url.clone(), headers, Body::Empty, &[])
            .await?;
        token::parse_swift_v1(&headers, user).map_err(|e| {
            e.with_request(&Method::GET, url.as_str())
                .with_status(status)
                .with_request_id(request_id(&headers))
        })
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
            IdentityVersion::SwiftV1 => return self.swift_v1_token(opts).await,
        };
        let url = endpoint
            .join(path)
            .map_err(|e| Error::invalid_input(format!("identity URL: {e}")))?;
        let (status, headers, body) = self.post_auth(url.clone(), &body).await?;
        let issued = match version {
            IdentityVersion::V3 => token::parse_v3(
                headers.get("x-subject-token").and_then(|v| v.to_str().ok()),
                &body,
            ),
            _ => token::parse_v2(&body),
        };
        issued.map_err(|e| {
            e.with_request(&Method::POST, url.as_str())
                .with_status(status)
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
        let mut activity = None;
        rb = match &req.body {
            Body::Empty => rb,
            Body::Bytes(b) => rb.body(b.clone()),
            Body::Stream(s, a) => match s.lock().unwrap_or_else(poisoned).take() {
                Some(b) => {
                    activity = Some(a.as_ref());
                    rb.body(b)
                }
                None => {
                    return Err(Error::new(
                        ErrorKind::NotReplayable,
                        "the request body is a stream that was already sent",
                    )
                    .with_request(&req.method, req.url.as_str()));
                }
            },
        };
        // Shown only when traced: redacting costs a parse and an allocation.
        let shown_url = || redact_url(req.url.as_str());
        let started = Instant::now();
        let idle = self.inner.timeouts.idle;
        let answers = &self.inner.answers;
        let send = answers.send(&req.url, rb.send());
        let result = match within_idle(send, idle, started, activity).await {
            Some(Ok(resp)) => {
                answers.answered(&req.url, resp.headers());
                Ok(resp)
            }
            Some(Err(e)) => {
                let refused = e.is_connect();
                Err(Error::from(e).not_sent(refused))
            }
            None => Err(Error::new(
                ErrorKind::Timeout,
                format!(
                    "no answer within the idle timeout of {}",
                    crate::retry::show_duration(idle)
                ),
            )),
        };
        let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
        match result {
            Ok(resp) => {
                tracing::debug!(
                    method = %req.method,
                    url = %shown_url(),
                    status = resp.status().as_u16(),
                    duration_ms = elapsed_ms,
                    request_id = request_id(resp.headers()).unwrap_or(""),
                    operation = req.operation.map(tracing::field::display),
                    "request"
                );
                Ok(resp)
            }
            Err(err) => {
                let not_sent = err.was_not_sent();
                let err = err.with_request(&req.method, req.url.as_str());
                tracing::debug!(method = %req.method, url = %shown_url(), duration_ms = elapsed_ms, error = %err, "request failed");
                Err(err.not_sent(not_sent))
            }
        }
    }

    /// Notes that `url`'s origin has just finished an answer (its body read): a request
    /// that follows at once waits a moment for that connection rather than opening
    /// another (see `reuse.rs`).
    pub(crate) fn answered(&self, url: &Url, headers: &http::HeaderMap) {
        self.inner.answers.answered(url, headers);
    }

    /// Sends a request through the pipeline: rate limits, token, user agent, tracing,
    /// retries (see [`crate::retry`]) and one replay after re-authentication on 401.
    /// Returns the response whatever its status, with the number of attempts made in its
    /// extensions ([`Attempts`]).
    ///
    /// Rate-limit slots are held only while a request is on the wire: never while
    /// re-authenticating or sleeping before a retry, so that the token request (which
    /// takes no slot) never waits behind the requests that need it.
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
            let sent = {
                let _provider_slot = match (&self.inner.limiter, req.for_auth) {
                    (Some(l), false) => Some(l.acquire().await),
                    _ => None,
                };
                let _service_slot = match &req.limiter {
                    Some(l) => Some(l.acquire().await),
                    None => None,
                };
                self.send_once(req, token.as_ref()).await
            };
            let elapsed = started.elapsed();
            let may_retry = attempt < policy.max_attempts && elapsed < policy.max_elapsed;
            match sent {
                Err(e) => {
                    let safe = match e.kind() {
                        ErrorKind::Transport => {
                            idempotent || e.was_not_sent() || policy.retry_non_idempotent
                        }
                        ErrorKind::Timeout => idempotent || policy.retry_non_idempotent,
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
                        drop(resp);
                        self.reauthenticate(generation).await?;
                        replayed = true;
                        attempt -= 1;
                        continue;
                    }
                    if policy.retries_status(&req.method, status) {
                        match self.retry_delay(req, policy, &resp, attempt, elapsed, may_retry) {
                            Ok(delay) => {
                                tracing::debug!(method = %req.method, status = status.as_u16(), attempt, delay_ms = delay.as_millis() as u64, "retrying");
                                drop(resp);
                                tokio::time::sleep(delay).await;
                                continue;
                            }
                            Err(Some(why)) => {
                                resp.extensions_mut().insert(NotRetried(why));
                            }
                            Err(None) => {}
                        }
                    }
                    resp.extensions_mut().insert(Attempts(attempt));
                    return Ok(resp);
                }
            }
        }
    }

    /// How long to wait before sending again after a retryable status, or why not to
    /// (`Err(Some(note))` when the caller should be told, `Err(None)` when the attempts
    /// or the time budget are spent, which the error already says).
    fn retry_delay(
        &self,
        req: &Prepared,
        policy: &crate::retry::RetryPolicy,
        resp: &reqwest::Response,
        attempt: u32,
        elapsed: Duration,
        may_retry: bool,
    ) -> std::result::Result<Duration, Option<String>> {
        if !req.body.replayable() {
            return Err(Some("not retried: the request body is a stream".into()));
        }
        if !may_retry {
            return Err(None);
        }
        let delay = match crate::error::retry_after(resp.headers()) {
            // The service's own delay is waited out in full, or not at all: retrying
            // sooner only earns another refusal.
            Some(asked) if asked > policy.max_retry_after => {
                return Err(Some(format!(
                    "not retried: the service asked to wait {}, longer than the retry policy's max_retry_after of {}",
                    crate::retry::show_duration(asked),
                    crate::retry::show_duration(policy.max_retry_after)
                )));
            }
            Some(asked) => asked,
            None => policy.backoff(attempt).min(policy.max_delay),
        };
        if elapsed + delay >= policy.max_elapsed {
            return Err(Some(format!(
                "not retried: waiting {} would pass the retry policy's max_elapsed of {}",
                crate::retry::show_duration(delay),
                crate::retry::show_duration(policy.max_elapsed)
            )));
        }
        Ok(delay)
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
#[derive(Debug, Clone)]
pub(crate) struct NotRetried(pub String);

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
///
/// With `keep_origin`, a `self` link to another scheme, host or port than `base` is not
/// followed: the version is put on `base` instead.
fn choose_identity_version(
    base: &Url,
    body: &[u8],
    keep_origin: bool,
) -> Result<(Url, IdentityVersion)> {
    let mut base = base.clone();
    if !base.path().ends_with('/') {
        let p = format!("{}/", base.path());
        base.set_path(&p);
    }
    let base = &base;
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
    let on_base = || {
        base.join(if version == IdentityVersion::V3 {
            "v3/"
        } else {
            "v2.0/"
        })
        .map_err(|e| Error::invalid_input(format!("identity URL: {e}")))
    };
    let url = match href {
        Some(h) => {
            let found = base.join(h).map_err(|_| {
                Error::new(ErrorKind::Decode, "the identity version link is not a URL")
            })?;
            if keep_origin && found.origin() != base.origin() {
                let kept = on_base()?;
                tracing::debug!(
                    advertised = %redact_url(found.as_str()),
                    used = %redact_url(kept.as_str()),
                    "the identity version document names another scheme, host or port; keeping the configured one"
                );
                kept
            } else {
                found
            }
        }
        None => on_base()?,
    };
    Ok((url, version))
}

/// The next chunk of a response body, `None` at its end; a server silent for `idle` is
/// an [`ErrorKind::Timeout`] error. Every read of a body goes through here.
pub(crate) async fn next_chunk(
    resp: &mut reqwest::Response,
    idle: Duration,
) -> Result<Option<Bytes>> {
    match tokio::time::timeout(idle, resp.chunk()).await {
        Ok(chunk) => chunk.map_err(Error::from),
        Err(_) => Err(Error::new(
            ErrorKind::Timeout,
            format!(
                "the body stopped arriving for the idle timeout of {}",
                crate::retry::show_duration(idle)
            ),
        )),
    }
}

/// Reads a response body into memory: at most `limit` bytes (announced or received),
/// waiting at most `idle` between two reads. A body that arrives in one piece is not
/// copied.
pub(crate) async fn read_body(
    resp: &mut reqwest::Response,
    limit: usize,
    idle: Duration,
) -> Result<Bytes> {
    let too_large = |seen: Option<u64>| {
        let size = match seen {
            Some(n) => format!("{n} bytes"),
            None => "more".to_string(),
        };
        Error::new(
            ErrorKind::ResponseTooLarge,
            format!(
                "the response body is {size}, over the limit of {limit} bytes for a body read into memory (ProviderBuilder::max_response_size; use a streaming call for large data)"
            ),
        )
    };
    let announced = resp.content_length();
    if let Some(n) = announced
        && n > limit as u64
    {
        return Err(too_large(Some(n)));
    }
    let mut first: Option<Bytes> = None;
    let mut rest: Vec<u8> = Vec::new();
    loop {
        let Some(chunk) = next_chunk(resp, idle).await? else {
            break;
        };
        let held = first.as_ref().map_or(0, Bytes::len) + rest.len();
        if held + chunk.len() > limit {
            return Err(too_large(None));
        }
        if first.is_none() && rest.is_empty() {
            first = Some(chunk);
            continue;
        }
        // Grow by doubling, but never past the limit, so that a body just under the limit
        // costs the limit at most.
        let needed = held + chunk.len();
        if needed > rest.capacity() {
            let target = (rest.capacity() * 2)
                .max(needed)
                .max(announced.map_or(0, |n| n as usize))
                .min(limit);
            rest.reserve_exact(target - rest.len());
        }
        if let Some(f) = first.take() {
            rest.extend_from_slice(&f);
        }
        rest.extend_from_slice(&chunk);
    }
    Ok(first.unwrap_or_else(|| Bytes::from(rest)))
}

/// Reads the start of an error answer, as much as a service's message needs
/// ([`MAX_ERROR_BODY`]), and leaves the rest unread; a failure while reading keeps what
/// arrived.
pub(crate) async fn read_error_body(resp: &mut reqwest::Response, idle: Duration) -> Bytes {
    let mut out = bytes::BytesMut::new();
    while out.len() < MAX_ERROR_BODY {
        match next_chunk(resp, idle).await {
            Ok(Some(chunk)) => {
                let room = MAX_ERROR_BODY - out.len();
                out.extend_from_slice(&chunk[..chunk.len().min(room)]);
            }
            _ => break,
        }
    }
    out.freeze()
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
        let (u, v) = choose_identity_version(&base, doc, true).unwrap();
        assert_eq!((u.as_str(), v), ("http://k:5000/v3/", IdentityVersion::V3));
        let doc = br#"{"versions": [{"id": "v2.0", "links": [{"rel": "self", "href": "/identity/v2.0/"}]}]}"#;
        let (u, v) = choose_identity_version(&base, doc, true).unwrap();
        assert_eq!(
            (u.as_str(), v),
            ("http://k:5000/identity/v2.0/", IdentityVersion::V2)
        );
        let doc = br#"{"version": {"id": "v3.10", "links": []}}"#;
        let (u, _) = choose_identity_version(&base, doc, true).unwrap();
        assert_eq!(u.as_str(), "http://k:5000/v3/");
        let e = choose_identity_version(&base, br#"{"versions": []}"#, true).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Auth);
        let e = choose_identity_version(&base, b"<html>", true).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Decode);
    }

    #[test]
    fn discovery_keeps_the_configured_origin() {
        let doc = br#"{"versions": {"values": [{"id": "v3.14",
            "links": [{"rel": "self", "href": "http://keystone.internal:5000/v3/"}]}]}}"#;
        // Behind a TLS proxy with a path prefix: the configured scheme, host, port and
        // prefix are kept, the version is put on them.
        let base = Url::parse("https://cloud.example/identity").unwrap();
        let (u, _) = choose_identity_version(&base, doc, true).unwrap();
        assert_eq!(u.as_str(), "https://cloud.example/identity/v3/");
        // With the opt-in, the advertised place is used.
        let (u, _) = choose_identity_version(&base, doc, false).unwrap();
        assert_eq!(u.as_str(), "http://keystone.internal:5000/v3/");
        // The same origin: the advertised path is used.
        let base = Url::parse("http://keystone.internal:5000/").unwrap();
        let (u, _) = choose_identity_version(&base, doc, true).unwrap();
        assert_eq!(u.as_str(), "http://keystone.internal:5000/v3/");
    }
}
