//! The request pipeline and the results it gives back.
//!
//! A [`RequestBuilder`] starts from an [`Operation`] on a [`ServiceClient`]; query options,
//! a JSON or raw body, headers, accepted status codes and a timeout are added; `send`
//! runs it through the provider (token, user agent, re-authentication, tracing) and
//! returns an [`ApiResult`]: the raw [`Response`] (status, headers, body, request id) from
//! which `extract` decodes the typed value, and `extract_into` any other type (an
//! extension's fields) from the same body.

use std::marker::PhantomData;
use std::time::Duration;

use bytes::Bytes;
use http::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use http::{HeaderMap, Method, StatusCode};
use serde::Serialize;
use serde::de::{DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use url::Url;

use crate::provider::{Body, Prepared};
use crate::{Error, ErrorKind, Operation, Result, ServiceClient};

/// The status codes an operation accepts when it does not say: GET 200/203, HEAD
/// 200/204, POST and PUT 200/201/202/204, PATCH and DELETE 200/202/204.
///
/// ```
/// use http::Method;
/// assert!(ferrocloud::request::default_ok_codes(&Method::DELETE).contains(&204));
/// assert!(!ferrocloud::request::default_ok_codes(&Method::GET).contains(&204));
/// ```
pub fn default_ok_codes(method: &Method) -> &'static [u16] {
    match *method {
        Method::GET => &[200, 203],
        Method::HEAD => &[200, 204],
        Method::POST | Method::PUT => &[200, 201, 202, 204],
        Method::PATCH | Method::DELETE => &[200, 202, 204],
        _ => &[200, 201, 202, 204],
    }
}

/// Builds one request. Errors met while building (a bad query option, a body that does
/// not serialize, a missing path parameter) are kept and returned by `send`, before
/// anything is sent.
pub struct RequestBuilder<R = ()> {
    client: ServiceClient,
    op: &'static Operation,
    url: Result<Url>,
    query: Vec<(String, String)>,
    headers: HeaderMap,
    body: Body,
    ok_codes: Option<Vec<u16>>,
    timeout: Option<Duration>,
    envelope: Option<&'static str>,
    error: Option<Error>,
    reauth: bool,
    _response: PhantomData<fn() -> R>,
}

impl<R> std::fmt::Debug for RequestBuilder<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RequestBuilder")
            .field("method", &self.op.method)
            .field("path", &self.op.path)
            .field("query", &self.query)
            .finish_non_exhaustive()
    }
}

impl<R> RequestBuilder<R> {
    pub(crate) fn new(client: ServiceClient, op: &'static Operation, url: Result<Url>) -> Self {
        let mut headers = client.default_headers();
        headers.insert(
            http::header::ACCEPT,
            HeaderValue::from_static("application/json"),
        );
        RequestBuilder {
            client,
            op,
            url,
            query: Vec::new(),
            headers,
            body: Body::Empty,
            ok_codes: None,
            timeout: None,
            envelope: op.response.and_then(|r| r.envelope),
            error: None,
            reauth: true,
            _response: PhantomData,
        }
    }

    fn fail(&mut self, e: Error) {
        if self.error.is_none() {
            self.error = Some(e);
        }
    }

    pub(crate) fn client_ref(&self) -> &ServiceClient {
        &self.client
    }

    pub(crate) fn into_parts(self) -> Result<(Url, HeaderMap)> {
        let (p, _, _) = self.prepare()?;
        Ok((p.url, p.headers))
    }

    /// Makes the request fail with `e` when it is sent, before anything goes out (for
    /// checks a resource function makes on its options, such as a field that needs a
    /// newer microversion). The first error given is kept.
    pub fn fail_with(mut self, e: Error) -> Self {
        self.fail(e);
        self
    }

    /// The operation this request performs.
    pub fn operation(&self) -> &'static Operation {
        self.op
    }

    /// The URL, with the query added so far.
    pub fn url(&self) -> Result<Url> {
        let mut u = self.url.clone()?;
        if !self.query.is_empty() {
            u.query_pairs_mut().extend_pairs(self.query.iter());
        }
        Ok(u)
    }

    /// Adds query pairs from an option struct (see [`crate::query`]).
    pub fn query<Q: Serialize + ?Sized>(mut self, opts: &Q) -> Self {
        match crate::query::to_pairs(opts) {
            Ok(p) => self.query.extend(p),
            Err(e) => self.fail(e),
        }
        self
    }

    /// Adds one query pair.
    pub fn query_pair(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.query.push((key.into(), value.into()));
        self
    }

    /// Sends `body` as JSON.
    pub fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        match serde_json::to_vec(body) {
            Ok(v) => {
                self.headers
                    .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                self.body = Body::Bytes(Bytes::from(v));
            }
            Err(e) => self.fail(Error::invalid_input(format!("request body: {e}"))),
        }
        self
    }

    /// Sends `body` as JSON wrapped in an object under `key` (`{"server": {...}}`), after
    /// checking it with [`Validate`].
    pub fn json_in<B: Serialize + Validate + ?Sized>(self, key: &str, body: &B) -> Self {
        if let Err(e) = body.validate() {
            let mut s = self;
            s.fail(e);
            return s;
        }
        self.json(&Wrapped(key, body))
    }

    /// Sends an option struct as the operation's request body: checked with
    /// [`Validate`] first, then written as JSON inside the envelope key the operation
    /// declares (`{"server": {...}}`), or bare when it declares none.
    pub fn body<B: Serialize + Validate + ?Sized>(self, body: &B) -> Self {
        match self.op.request.and_then(|r| r.envelope) {
            Some(key) => self.json_in(key, body),
            None => match body.validate() {
                Ok(()) => self.json(body),
                Err(e) => {
                    let mut s = self;
                    s.fail(e);
                    s
                }
            },
        }
    }

    /// Sends raw bytes with a content type.
    pub fn bytes(mut self, body: impl Into<Bytes>, content_type: &str) -> Self {
        match HeaderValue::from_str(content_type) {
            Ok(v) => {
                self.headers.insert(CONTENT_TYPE, v);
                self.body = Body::Bytes(body.into());
            }
            Err(_) => self.fail(Error::invalid_input(format!(
                "content type {content_type:?} is not a valid header"
            ))),
        }
        self
    }

    /// Sends a stream of byte chunks (large uploads), read as it is sent: memory stays
    /// flat whatever the size. Each chunk sent restarts the idle timeout, so a long
    /// upload is never cut short. A stream cannot be replayed: a 401 then fails with
    /// [`ErrorKind::NotReplayable`] instead of re-sending.
    ///
    /// ```no_run
    /// # async fn demo(swift: ferrocloud::ServiceClient, op: &'static ferrocloud::Operation) -> ferrocloud::Result<()> {
    /// let chunks = futures::stream::iter(vec![Ok::<_, std::io::Error>(bytes::Bytes::from_static(b"data"))]);
    /// swift.request(op, &["container", "object"]).stream(chunks, "application/octet-stream").send_raw().await?;
    /// # Ok(()) }
    /// ```
    pub fn stream<S>(mut self, body: S, content_type: &str) -> Self
    where
        S: futures::TryStream + Send + 'static,
        S::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
        Bytes: From<S::Ok>,
    {
        use futures::TryStreamExt;
        match HeaderValue::from_str(content_type) {
            Ok(v) => {
                self.headers.insert(CONTENT_TYPE, v);
                let activity = crate::provider::Activity::new();
                let seen = activity.clone();
                let body = reqwest::Body::wrap_stream(body.inspect_ok(move |_| seen.touch()));
                self.body = Body::Stream(std::sync::Mutex::new(Some(body)), activity);
            }
            Err(_) => self.fail(Error::invalid_input(format!(
                "content type {content_type:?} is not a valid header"
            ))),
        }
        self
    }

    /// Adds (or replaces) a header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        match (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            (Ok(n), Ok(v)) => {
                self.headers.insert(n, v);
            }
            _ => self.fail(Error::invalid_input(format!("bad header {name:?}"))),
        }
        self
    }

    /// Adds (or replaces) the headers of `headers`, or fails the request with the error
    /// that building them gave.
    pub(crate) fn headers(mut self, headers: Result<HeaderMap>) -> Self {
        match headers {
            Ok(map) => {
                let mut last: Option<HeaderName> = None;
                for (name, value) in map {
                    match (name, &last) {
                        (Some(name), _) => {
                            self.headers.insert(name.clone(), value);
                            last = Some(name);
                        }
                        // A further value of the same name.
                        (None, Some(name)) => {
                            self.headers.append(name.clone(), value);
                        }
                        (None, None) => {}
                    }
                }
            }
            Err(e) => self.fail(e),
        }
        self
    }

    /// Leaves a header out (one of the client's defaults, e.g. `Accept`).
    pub fn omit_header(mut self, name: &str) -> Self {
        self.headers.remove(name);
        self
    }

    /// Accepts exactly these status codes instead of the method's defaults.
    pub fn ok_codes(mut self, codes: &[u16]) -> Self {
        self.ok_codes = Some(codes.to_vec());
        self
    }

    /// Never answers a 401 by re-authenticating and sending again: for requests that
    /// carry credentials of their own (issuing a token, changing a password), where a
    /// second attempt would only count twice against a lockout limit.
    pub fn without_reauth(mut self) -> Self {
        self.reauth = false;
        self
    }

    /// A timeout for this request alone.
    pub fn timeout(mut self, t: Duration) -> Self {
        self.timeout = Some(t);
        self
    }

    /// The same request, whose result is read as `U` (a [`FromResponse`] type read from
    /// the headers, for an operation that declares no response body).
    pub(crate) fn typed<U>(self) -> RequestBuilder<U> {
        let envelope = self.envelope;
        let mut b = self.part::<U>("");
        b.envelope = envelope;
        b
    }

    /// Reads the answer's field `key`, a `U`, as the result: for an operation whose
    /// declared response type is the whole answer, when a function returns one part.
    pub(crate) fn part<U>(self, key: &'static str) -> RequestBuilder<U> {
        RequestBuilder {
            client: self.client,
            op: self.op,
            url: self.url,
            query: self.query,
            headers: self.headers,
            body: self.body,
            ok_codes: self.ok_codes,
            timeout: self.timeout,
            envelope: Some(key),
            error: self.error,
            reauth: self.reauth,
            _response: PhantomData,
        }
    }

    fn prepare(self) -> Result<(Prepared, Vec<u16>, Option<&'static str>)> {
        crate::microversion::check(&self.client, self.op)?;
        let method = self.op.method.to_method();
        if let Some(e) = self.error {
            return Err(e.with_request(
                &method,
                self.url
                    .as_ref()
                    .map(|u| u.as_str())
                    .unwrap_or(self.op.path),
            ));
        }
        let mut url = self.url?;
        if !self.query.is_empty() {
            url.query_pairs_mut().extend_pairs(self.query.iter());
        }
        let ok = self
            .ok_codes
            .unwrap_or_else(|| default_ok_codes(&method).to_vec());
        let mut prepared = self
            .client
            .prepared(method, url, self.headers, self.body, self.timeout);
        prepared.reauth = self.reauth;
        prepared.operation = Some(self.op);
        Ok((prepared, ok, self.envelope))
    }

    /// Sends the request and reads the whole body. Returns the raw response for an
    /// accepted status, an error (with the service's message) otherwise.
    pub async fn send_raw(self) -> Result<Response> {
        let client = self.client.clone();
        let (prepared, ok, _) = self.prepare()?;
        send_prepared(&client, prepared, &ok).await
    }

    /// Sends the request and returns the result, to be extracted as the operation's
    /// response type.
    pub async fn send(self) -> ApiResult<R> {
        let client = self.client.clone();
        match self.prepare() {
            Ok((prepared, ok, envelope)) => ApiResult {
                inner: send_prepared(&client, prepared, &ok).await,
                envelope,
                _t: PhantomData,
            },
            Err(e) => ApiResult::from_error(e),
        }
    }

    /// Sends the request and returns the response with its body unread, to be read as
    /// a stream of chunks (large downloads): memory stays flat, and the idle timeout
    /// applies between two chunks, not to the whole transfer. The status is checked
    /// first.
    pub async fn send_streaming(self) -> Result<StreamingResponse> {
        let client = self.client.clone();
        let (prepared, ok, _) = self.prepare()?;
        let method = prepared.method.clone();
        let url = prepared.url.clone();
        let mut resp = client.provider().execute(&prepared).await?;
        if ok.contains(&resp.status().as_u16()) {
            return Ok(StreamingResponse {
                inner: resp,
                idle: client.provider().timeouts().idle,
                method,
            });
        }
        let status = resp.status();
        let headers = resp.headers().clone();
        let body =
            crate::provider::read_error_body(&mut resp, client.provider().timeouts().idle).await;
        let err = Error::from_response(&method, url.as_str(), status, &headers, &body);
        Err(crate::secrets::scrub_sent(
            err,
            client.provider(),
            &prepared,
        ))
    }
}

/// A response whose body is read as it arrives ([`RequestBuilder::send_streaming`]).
///
/// ```no_run
/// # async fn demo(glance: ferrocloud::ServiceClient, op: &'static ferrocloud::Operation) -> ferrocloud::Result<()> {
/// use futures::TryStreamExt;
/// let resp = glance.request(op, &["image-id"]).send_streaming().await?;
/// println!("{:?} bytes", resp.content_length());
/// let mut chunks = resp.bytes_stream();
/// while let Some(chunk) = chunks.try_next().await? {
///     // write `chunk` somewhere
/// #   let _ = chunk;
/// }
/// # Ok(()) }
/// ```
pub struct StreamingResponse {
    inner: reqwest::Response,
    idle: Duration,
    method: Method,
}

impl std::fmt::Debug for StreamingResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StreamingResponse")
            .field("method", &self.method)
            .field("url", &crate::error::redact_url(self.inner.url().as_str()))
            .field("status", &self.inner.status())
            .field("request_id", &self.request_id())
            .finish()
    }
}

impl StreamingResponse {
    /// The status.
    pub fn status(&self) -> StatusCode {
        self.inner.status()
    }
    /// The headers.
    pub fn headers(&self) -> &HeaderMap {
        self.inner.headers()
    }
    /// A header as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.inner.headers().get(name).and_then(|v| v.to_str().ok())
    }
    /// The service's request id.
    pub fn request_id(&self) -> Option<&str> {
        crate::error::request_id(self.inner.headers())
    }
    /// The body's length, when the service announced it.
    pub fn content_length(&self) -> Option<u64> {
        self.inner.content_length()
    }

    /// The next chunk of the body, `None` at its end. A server silent for longer than
    /// the idle timeout gives an [`ErrorKind::Timeout`] error.
    pub async fn chunk(&mut self) -> Result<Option<Bytes>> {
        crate::provider::next_chunk(&mut self.inner, self.idle)
            .await
            .map_err(|e| e.with_request(&self.method, self.inner.url().as_str()))
    }

    /// The body as a stream of chunks.
    pub fn bytes_stream(self) -> futures::stream::BoxStream<'static, Result<Bytes>> {
        Box::pin(futures::stream::try_unfold(self, |mut r| async move {
            Ok(r.chunk().await?.map(|c| (c, r)))
        }))
    }
}

/// `{key: value}` without building an intermediate JSON value.
struct Wrapped<'a, B: ?Sized>(&'a str, &'a B);

impl<B: Serialize + ?Sized> Serialize for Wrapped<'_, B> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry(self.0, self.1)?;
        m.end()
    }
}

/// Sends a prepared request through the provider and reads the body: at most the
/// provider's [`max_response_size`](crate::ProviderClient::max_response_size) for an
/// accepted answer, only what the message needs for an error.
pub(crate) async fn send_prepared(
    client: &ServiceClient,
    prepared: Prepared,
    ok: &[u16],
) -> Result<Response> {
    let method = prepared.method.clone();
    let url = prepared.url.clone();
    let provider = client.provider();
    let policy = provider.policy_for(&prepared);
    let idle = provider.timeouts().idle;
    let mut body_failures = 0;
    let (status, headers, resp_attempts, not_retried, body) = loop {
        let mut resp = provider.execute(&prepared).await?;
        let status = resp.status();
        let headers = std::mem::take(resp.headers_mut());
        let resp_attempts = resp
            .extensions()
            .get::<crate::provider::Attempts>()
            .map_or(1, |a| a.0);
        let not_retried = resp
            .extensions()
            .get::<crate::provider::NotRetried>()
            .map(|n| n.0.clone());
        if !ok.contains(&status.as_u16()) {
            let body = crate::provider::read_error_body(&mut resp, idle).await;
            break (status, headers, resp_attempts, not_retried, body);
        }
        match crate::provider::read_body(&mut resp, provider.max_response_size(), idle).await {
            Ok(body) => {
                provider.answered(&url, &headers);
                break (status, headers, resp_attempts, not_retried, body);
            }
            Err(e) => {
                let err = e
                    .with_request(&method, url.as_str())
                    .with_request_id(crate::error::request_id(&headers));
                // The connection broke while the body was read: an idempotent request
                // is sent again, within the retry policy.
                body_failures += 1;
                let again = matches!(err.kind(), ErrorKind::Transport | ErrorKind::Timeout)
                    && crate::retry::is_idempotent(&method)
                    && prepared.body_replayable()
                    && body_failures < policy.max_attempts;
                if !again {
                    return Err(err.with_attempts(resp_attempts + body_failures - 1));
                }
                tracing::debug!(method = %method, error = %err, "retrying after the body was cut");
                tokio::time::sleep(policy.backoff(body_failures)).await;
            }
        }
    };
    let attempts = resp_attempts;
    if !ok.contains(&status.as_u16()) {
        let err = Error::from_response(&method, url.as_str(), status, &headers, &body);
        let mut err = crate::secrets::scrub_sent(err, provider, &prepared)
            .with_attempts(attempts)
            .with_note(not_retried.as_deref());
        if status.is_success() {
            err = Error::new(
                ErrorKind::UnexpectedStatus,
                format!("expected one of {ok:?}, got {}", status.as_u16()),
            )
            .with_request(&method, url.as_str())
            .with_request_id(crate::error::request_id(&headers));
        }
        return Err(err);
    }
    Ok(Response {
        method,
        url,
        status,
        headers,
        body,
    })
}

/// Checks an option struct before it is sent: required fields, "exactly one of" and "at
/// least one of" rules. Errors name the field.
///
/// ```
/// use ferrocloud::{request::Validate, Result, Error};
/// struct CreateOpts { name: String }
/// impl Validate for CreateOpts {
///     fn validate(&self) -> Result<()> {
///         ferrocloud::request::require("name", !self.name.is_empty())
///     }
/// }
/// assert!(CreateOpts { name: String::new() }.validate().is_err());
/// ```
pub trait Validate {
    /// Returns an [`ErrorKind::InvalidInput`] error naming the offending field.
    fn validate(&self) -> Result<()> {
        Ok(())
    }
}

impl Validate for serde_json::Value {}

/// The value of an action that takes no options: `null` (Nova's `{"pause": null}`,
/// Heat's `{"suspend": null}`).
///
/// ```
/// assert_eq!(serde_json::to_string(&ferrocloud::request::Null).unwrap(), "null");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Null;

impl Validate for Null {}

/// Several request values sent as one list (bulk creation): the list must not be empty,
/// and each value is validated.
///
/// ```
/// use ferrocloud::request::{Bulk, Validate};
/// let none: [serde_json::Value; 0] = [];
/// assert!(Bulk(&none).validate().is_err());
/// let two = [serde_json::json!({"name": "a"}), serde_json::json!({"name": "b"})];
/// assert!(Bulk(&two).validate().is_ok());
/// assert_eq!(serde_json::to_string(&Bulk(&two)).unwrap(), r#"[{"name":"a"},{"name":"b"}]"#);
/// ```
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(transparent)]
pub struct Bulk<'a, T>(pub &'a [T]);

impl<T: Validate> Validate for Bulk<'_, T> {
    fn validate(&self) -> Result<()> {
        require("the list of values", !self.0.is_empty())?;
        self.0.iter().try_for_each(Validate::validate)
    }
}

/// A base type and an extension read or written as one JSON object: both flatten into
/// the same object. Read extension fields next to a resource with
/// [`ApiResult::extract_into`] (`With<Network, Provider>`), and send extension
/// attributes with a resource's create or update options (`With<CreateOpts,
/// provider::CreateOpts>`); extensions nest (`With<With<A, B>, C>`).
///
/// ```
/// use ferrocloud::request::With;
/// #[derive(serde::Serialize, serde::Deserialize)]
/// struct Base { name: String }
/// #[derive(serde::Serialize, serde::Deserialize)]
/// struct Ext { #[serde(rename = "router:external")] external: bool }
///
/// let both: With<Base, Ext> =
///     serde_json::from_str(r#"{"name": "public", "router:external": true}"#).unwrap();
/// assert_eq!(both.name, "public"); // the base type's fields through Deref
/// assert!(both.ext.external);
/// let sent = With::new(Base { name: "net".into() }, Ext { external: false });
/// assert_eq!(serde_json::to_value(&sent).unwrap(),
///            serde_json::json!({"name": "net", "router:external": false}));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct With<B, E> {
    /// The base type.
    #[serde(flatten)]
    pub base: B,
    /// The extension.
    #[serde(flatten)]
    pub ext: E,
}

impl<B, E> With<B, E> {
    /// Joins a base value and an extension.
    pub fn new(base: B, ext: E) -> Self {
        With { base, ext }
    }
}

impl<B, E> std::ops::Deref for With<B, E> {
    type Target = B;
    fn deref(&self) -> &B {
        &self.base
    }
}

/// Options that may carry extension attributes: a resource's own options type (`Base`
/// is itself), or it joined with extension types by [`With`] (`Base` is the innermost
/// base). Resource functions take `O: Extensible<Base = CreateOpts>`, so that a
/// network's options cannot be sent to create a subnet.
///
/// ```
/// use ferrocloud::openstack::networking::v2::{extensions::mtu::Mtu, networks::CreateOpts};
/// use ferrocloud::request::{Extensible, With};
/// fn base_of<O: Extensible<Base = CreateOpts>>(_: &O) {}
/// base_of(&CreateOpts::new("a"));
/// base_of(&With::new(CreateOpts::new("a"), Mtu::default().mtu(1400u32)));
/// ```
pub trait Extensible: Serialize + Validate {
    /// The resource's options type.
    type Base;
}

impl<B: Extensible, E: Serialize + Validate> Extensible for With<B, E> {
    type Base = B::Base;
}

impl<B: Validate, E: Validate> Validate for With<B, E> {
    fn validate(&self) -> Result<()> {
        self.base.validate()?;
        self.ext.validate()
    }
}

/// A required field: `present` must be true.
///
/// ```
/// assert!(ferrocloud::request::require("name", false).unwrap_err().to_string().contains("name"));
/// ```
pub fn require(field: &str, present: bool) -> Result<()> {
    if present {
        Ok(())
    } else {
        Err(Error::invalid_input(format!("{field} is required")))
    }
}

/// Exactly one of the named fields must be set.
///
/// ```
/// use ferrocloud::request::exactly_one_of;
/// assert!(exactly_one_of(&[("image_ref", true), ("block_device_mapping", false)]).is_ok());
/// let e = exactly_one_of(&[("a", true), ("b", true)]).unwrap_err();
/// assert!(e.to_string().contains("a, b"));
/// ```
pub fn exactly_one_of(fields: &[(&str, bool)]) -> Result<()> {
    let set = fields.iter().filter(|(_, s)| *s).count();
    if set == 1 {
        return Ok(());
    }
    let names: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
    Err(Error::invalid_input(format!(
        "exactly one of {} must be set ({set} are)",
        names.join(", ")
    )))
}

/// At least one of the named fields must be set.
///
/// ```
/// use ferrocloud::request::at_least_one_of;
/// assert!(at_least_one_of(&[("name", false), ("description", false)]).is_err());
/// ```
pub fn at_least_one_of(fields: &[(&str, bool)]) -> Result<()> {
    if fields.iter().any(|(_, s)| *s) {
        return Ok(());
    }
    let names: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
    Err(Error::invalid_input(format!(
        "at least one of {} must be set",
        names.join(", ")
    )))
}

/// An HTTP response whose body has been read.
#[derive(Clone)]
pub struct Response {
    method: Method,
    url: Url,
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

impl std::fmt::Debug for Response {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Response")
            .field("method", &self.method)
            .field("url", &crate::error::redact_url(self.url.as_str()))
            .field("status", &self.status)
            .field("request_id", &self.request_id())
            .field("body_len", &self.body.len())
            .finish()
    }
}

impl Response {
    /// Builds a response (for tests and custom pipelines).
    ///
    /// ```
    /// use ferrocloud::request::Response;
    /// let r = Response::new(http::Method::GET, "http://x/y".parse().unwrap(),
    ///     http::StatusCode::OK, Default::default(), "{}".into());
    /// assert_eq!(r.status(), 200);
    /// ```
    pub fn new(
        method: Method,
        url: Url,
        status: StatusCode,
        headers: HeaderMap,
        body: Bytes,
    ) -> Self {
        Response {
            method,
            url,
            status,
            headers,
            body,
        }
    }

    /// The request method.
    pub fn method(&self) -> &Method {
        &self.method
    }
    /// The request URL.
    pub fn url(&self) -> &Url {
        &self.url
    }
    /// The status.
    pub fn status(&self) -> StatusCode {
        self.status
    }
    /// The headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }
    /// The raw body.
    pub fn body(&self) -> &Bytes {
        &self.body
    }
    /// The service's request id.
    pub fn request_id(&self) -> Option<&str> {
        crate::error::request_id(&self.headers)
    }
    /// A header as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Decodes the body (inside `envelope`, if given) as `T`.
    pub fn decode<T: DeserializeOwned>(&self, envelope: Option<&str>) -> Result<T> {
        decode(&self.body, envelope).map_err(|e| {
            e.with_request(&self.method, self.url.as_str())
                .with_request_id(self.request_id())
        })
    }
}

/// The result of one request: the response (or the error), with `extract` for the typed
/// value and access to status, headers, raw body and request id.
///
/// ```
/// use ferrocloud::request::{ApiResult, Response};
/// #[derive(serde::Deserialize)] struct Thing { id: String }
/// #[derive(serde::Deserialize)] struct ThingExt { #[serde(rename = "x:extra")] extra: u8 }
/// let resp = Response::new(http::Method::GET, "http://x/things/1".parse().unwrap(),
///     http::StatusCode::OK, Default::default(), r#"{"thing": {"id": "1", "x:extra": 7}}"#.into());
/// let result: ApiResult<Thing> = ApiResult::from_response(resp, Some("thing"));
/// assert_eq!(result.extract().unwrap().id, "1");
/// assert_eq!(result.extract_into::<ThingExt>().unwrap().extra, 7);
/// ```
///
/// Ignoring a result is a compiler warning (`#[must_use]`), since it may hold an error:
///
/// ```compile_fail
/// #![deny(unused_must_use)]
/// fn delete() -> ferrocloud::ApiResult<()> {
///     ferrocloud::ApiResult::from_error(ferrocloud::Error::invalid_input("refused"))
/// }
/// fn main() {
///     delete(); // error: unused `ApiResult` that must be used
/// }
/// ```
///
/// What an SDK function returns, by one rule:
/// - an operation (one request) returns `ApiResult<T>`, whatever the answer was;
/// - a listing returns a [`Pager<T>`](crate::Pager);
/// - a function that must read the answer to give its value returns
///   [`Result<T>`](crate::Result): a body that is not JSON (PEM, XML), an answer turned
///   into yes or no (`has_tag`, `is_member`), a value taken out of a wrapper, or several
///   requests (`find`).
///
/// Both `ApiResult` and `Result` are `#[must_use]`: no failure can be dropped unseen.
#[must_use = "the result holds the request's error, if any: check it with `.ok()?`, `.extract()?` or `.into_result()?`"]
pub struct ApiResult<T> {
    inner: Result<Response>,
    envelope: Option<&'static str>,
    _t: PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for ApiResult<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiResult")
            .field("inner", &self.inner)
            .field("envelope", &self.envelope)
            .finish()
    }
}

impl<T> ApiResult<T> {
    /// A result from a response.
    pub fn from_response(resp: Response, envelope: Option<&'static str>) -> Self {
        ApiResult {
            inner: Ok(resp),
            envelope,
            _t: PhantomData,
        }
    }

    /// A failed result.
    pub fn from_error(e: Error) -> Self {
        ApiResult {
            inner: Err(e),
            envelope: None,
            _t: PhantomData,
        }
    }

    /// The error, if the request failed.
    pub fn err(&self) -> Option<&Error> {
        self.inner.as_ref().err()
    }

    /// True if the request succeeded.
    pub fn is_ok(&self) -> bool {
        self.inner.is_ok()
    }

    /// The response, if the request succeeded.
    pub fn response(&self) -> Option<&Response> {
        self.inner.as_ref().ok()
    }

    /// The response or the error.
    pub fn into_result(self) -> Result<Response> {
        self.inner
    }

    /// Ok if the request succeeded, ignoring the body (for deletes and actions).
    pub fn ok(&self) -> Result<()> {
        self.inner.as_ref().map(|_| ()).map_err(Clone::clone)
    }

    /// The answer to a yes-or-no check (`has_tag`, `is_member`…): `Ok(true)` if the
    /// request succeeded, `Ok(false)` if the service answered 404, the error otherwise.
    ///
    /// ```
    /// use ferrocloud::{ApiResult, Error, ErrorKind};
    /// let missing: ApiResult<()> = ApiResult::from_error(Error::new(ErrorKind::NotFound, "no tag"));
    /// assert!(!missing.exists().unwrap());
    /// let refused: ApiResult<()> = ApiResult::from_error(Error::new(ErrorKind::Forbidden, "no"));
    /// assert!(refused.exists().is_err());
    /// ```
    pub fn exists(self) -> Result<bool> {
        found(self.inner)
    }

    /// The status the service answered with, accepted or not (`None` when no answer
    /// came, e.g. a transport failure or a refused input).
    ///
    /// ```
    /// use ferrocloud::{ApiResult, Error};
    /// use http::{HeaderMap, Method, StatusCode};
    /// let failed: ApiResult<()> = ApiResult::from_error(Error::from_response(
    ///     &Method::GET, "http://nova/servers/x", StatusCode::NOT_FOUND, &HeaderMap::new(), b""));
    /// assert_eq!(failed.status(), Some(StatusCode::NOT_FOUND));
    /// assert_eq!(failed.status_code(), Some(404));
    /// ```
    pub fn status(&self) -> Option<StatusCode> {
        match &self.inner {
            Ok(r) => Some(r.status()),
            Err(e) => e.status(),
        }
    }

    /// The status as a number, accepted or not.
    pub fn status_code(&self) -> Option<u16> {
        self.status().map(|s| s.as_u16())
    }

    /// The response headers.
    pub fn headers(&self) -> Option<&HeaderMap> {
        self.response().map(|r| r.headers())
    }

    /// The raw body.
    pub fn body(&self) -> Option<&Bytes> {
        self.response().map(|r| r.body())
    }

    /// The request id, from the response or from the error.
    pub fn request_id(&self) -> Option<&str> {
        match &self.inner {
            Ok(r) => r.request_id(),
            Err(e) => e.request_id(),
        }
    }

    /// Decodes the same response as another type `U` (an extension type that flattens
    /// the base type and adds its fields), inside the same envelope.
    pub fn extract_into<U: DeserializeOwned>(&self) -> Result<U> {
        match &self.inner {
            Ok(r) => r.decode(self.envelope),
            Err(e) => Err(e.clone()),
        }
    }
}

impl<T: FromResponse> ApiResult<T> {
    /// The typed value.
    pub fn extract(&self) -> Result<T> {
        match &self.inner {
            Ok(r) => T::from_response(r, self.envelope),
            Err(e) => Err(e.clone()),
        }
    }
}

/// How [`ApiResult::extract`] reads a typed value from a response: every JSON type (any
/// `DeserializeOwned`) from the body, inside the operation's envelope; types that other
/// services send in headers (Object Storage's account, container and object metadata)
/// implement it themselves.
///
/// ```
/// use ferrocloud::request::{FromResponse, Response};
/// struct ObjectCount(u64);
/// impl FromResponse for ObjectCount {
///     fn from_response(resp: &Response, _envelope: Option<&str>) -> ferrocloud::Result<Self> {
///         let text = resp.header("x-account-object-count").unwrap_or("0");
///         text.parse().map(ObjectCount).map_err(|_| {
///             ferrocloud::Error::new(ferrocloud::ErrorKind::Decode, "not a count")
///         })
///     }
/// }
/// ```
pub trait FromResponse: Sized {
    /// Reads the value from `resp`; `envelope` is the operation's response envelope key.
    fn from_response(resp: &Response, envelope: Option<&str>) -> Result<Self>;
}

impl<T: DeserializeOwned> FromResponse for T {
    fn from_response(resp: &Response, envelope: Option<&str>) -> Result<Self> {
        resp.decode(envelope)
    }
}

/// Decodes JSON, optionally from inside an envelope key, in one pass. An empty body
/// decodes as `null` (so `()` and `Option<T>` work for bodiless answers).
///
/// ```
/// let v: Vec<u8> = ferrocloud::request::decode(br#"{"a": 1, "items": [1, 2], "z": {}}"#, Some("items")).unwrap();
/// assert_eq!(v, vec![1, 2]);
/// let e = ferrocloud::request::decode::<u8>(br#"{"b": 1}"#, Some("a")).unwrap_err();
/// assert!(e.to_string().contains("\"a\""));
/// let unit: () = ferrocloud::request::decode(b"", None).unwrap();
/// ```
pub fn decode<T: DeserializeOwned>(body: &[u8], envelope: Option<&str>) -> Result<T> {
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"null"
    } else {
        body
    };
    let mut de = serde_json::Deserializer::from_slice(body);
    let value = match envelope {
        None => T::deserialize(&mut de).map_err(|e| Error::decode(decode_context::<T>(), e))?,
        Some(key) => {
            let found = EnvelopeSeed::<T> {
                key,
                _t: PhantomData,
            }
            .deserialize(&mut de)
            .map_err(|e| Error::decode(decode_context::<T>(), e))?;
            found.ok_or_else(|| {
                Error::new(
                    ErrorKind::Decode,
                    format!("the response has no {key:?} key"),
                )
            })?
        }
    };
    de.end()
        .map_err(|e| Error::decode("trailing data after the JSON body", e))?;
    Ok(value)
}

fn decode_context<T>() -> String {
    let name = std::any::type_name::<T>();
    format!("decoding {}", name.rsplit("::").next().unwrap_or(name))
}

/// Deserializes the value under one key of a JSON object, skipping the rest without
/// building it.
struct EnvelopeSeed<'k, T> {
    key: &'k str,
    _t: PhantomData<T>,
}

impl<'de, T: DeserializeOwned> DeserializeSeed<'de> for EnvelopeSeed<'_, T> {
    type Value = Option<T>;
    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        d: D,
    ) -> std::result::Result<Option<T>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, T: DeserializeOwned> Visitor<'de> for EnvelopeSeed<'_, T> {
    type Value = Option<T>;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "an object with a {:?} key", self.key)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Option<T>, A::Error> {
        let mut out = None;
        let keys = [self.key];
        while let Some(k) = map.next_key_seed(KeyIndex(&keys))? {
            if k == Some(0) && out.is_none() {
                out = Some(map.next_value::<T>()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(out)
    }
}

/// Deserializes an object key and tells which of `keys` it is, without allocating.
pub(crate) struct KeyIndex<'a>(pub &'a [&'a str]);

impl<'de> DeserializeSeed<'de> for KeyIndex<'_> {
    type Value = Option<usize>;
    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        d: D,
    ) -> std::result::Result<Option<usize>, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for KeyIndex<'_> {
    type Value = Option<usize>;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an object key")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Option<usize>, E> {
        Ok(self.0.iter().position(|k| *k == v))
    }
}

/// `Ok(true)` for a success, `Ok(false)` for a 404 ([`ErrorKind::NotFound`]), the error
/// otherwise: the one rule of the SDK's yes-or-no checks ([`ApiResult::exists`]).
pub(crate) fn found<T>(res: Result<T>) -> Result<bool> {
    match res {
        Ok(_) => Ok(true),
        Err(e) if e.is_not_found() => Ok(false),
        Err(e) => Err(e),
    }
}
