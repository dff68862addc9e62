//! The one error type of the SDK.
//!
//! Every fallible call returns [`Result<T>`](crate::Result), whose error is an [`Error`]:
//! a [`kind`](Error::kind) a program can match on, plus what is known of the request that
//! failed: method, URL, HTTP status, the service's own message and the
//! `x-openstack-request-id`. Secrets never appear in it: URLs are stripped of their
//! query-string credentials, bodies are never copied verbatim beyond the service's
//! message, the secrets the client sent or holds are scrubbed from that message when a
//! service echoes them, and decode errors name the path and the expected type, never the
//! value that was found.

use std::fmt;

use http::{HeaderMap, Method, StatusCode};
use url::Url;

/// A `Result` whose error is the SDK's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, in a form a program can match on.
///
/// ```
/// use ferrocloud::{Error, ErrorKind};
/// let err = Error::new(ErrorKind::NotFound, "no such server");
/// match err.kind() {
///     ErrorKind::NotFound => {}
///     other => panic!("unexpected {other:?}"),
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// 400: the service refused the request as malformed.
    BadRequest,
    /// 401: the credentials or the token were refused.
    Unauthorized,
    /// 403: authenticated, but not allowed.
    Forbidden,
    /// 404: the resource (or the URL) does not exist.
    NotFound,
    /// 405: the method is not allowed on this URL.
    MethodNotAllowed,
    /// 409: the request conflicts with the resource's state.
    Conflict,
    /// 412: a condition of the request (`If-Match`, such as Neutron's
    /// `revision_number=N`) does not hold: the resource changed since it was read.
    PreconditionFailed,
    /// 413 (request entity too large, as some services answer for quota or rate
    /// limits) or 429: slow down.
    RateLimited,
    /// Any 5xx answer.
    ServerError,
    /// Any other status the operation did not expect.
    UnexpectedStatus,
    /// The request or the response took longer than the configured timeout.
    Timeout,
    /// The connection failed, was reset, or TLS failed.
    Transport,
    /// The response body could not be decoded into the expected type.
    Decode,
    /// The caller's input was refused before any request was sent.
    InvalidInput,
    /// No endpoint in the catalog matched the service type, name, region and interface.
    EndpointNotFound,
    /// Configuration (environment variables, clouds.yaml) is missing or invalid.
    Config,
    /// Authentication could not be performed (no usable credentials, no token in the
    /// answer, re-authentication disabled).
    Auth,
    /// A name matched several resources where one was expected.
    Ambiguous,
    /// A request could not be replayed (after re-authentication or for a retry) because
    /// its body was a stream.
    NotReplayable,
    /// A 3xx answer reached the caller: the SDK never follows redirects (a token or a
    /// password must not travel to another place). The message shows the `Location`.
    Redirect,
    /// A response body was larger than the limit for buffered bodies (see
    /// [`ProviderBuilder::max_response_size`](crate::ProviderBuilder::max_response_size));
    /// the message names the limit. Large data is read with streaming calls instead.
    ResponseTooLarge,
    /// A blocking call ([`crate::blocking`]) was made from inside an async runtime, where
    /// it would block a worker thread: `.await` the call instead.
    BlockingInAsync,
    /// A listing did not make progress (a page link or marker repeated) or passed the
    /// page limit; also a next-page link the pager refused to follow (another host, a
    /// path outside the service endpoint, a scheme other than http or https). See
    /// [`pagination`](crate::pagination).
    ///
    /// ```no_run
    /// # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
    /// use ferrocloud::ErrorKind;
    /// use ferrocloud::openstack::compute::v2::servers;
    /// match servers::list(&compute, &Default::default()).max_pages(100).all_pages().await {
    ///     Ok(page) => println!("{} servers", servers::extract_servers(&page)?.len()),
    ///     Err(e) if e.kind() == ErrorKind::Pagination => eprintln!("listing stopped: {e}"),
    ///     Err(e) => return Err(e),
    /// }
    /// # Ok(()) }
    /// ```
    Pagination,
    /// Data did not match its checksum: an object or image whose bytes differ from the
    /// `ETag` or hash the service gave (on upload or download). The message names both.
    Integrity,
    /// 409 from Placement with the code `placement.concurrent_update`: a resource
    /// provider's or a consumer's generation changed since it was read. Read it again
    /// and retry with the new generation. [`Error::is_conflict`] is true for it too.
    ///
    /// ```
    /// use ferrocloud::{Error, ErrorKind};
    /// use http::{HeaderMap, Method, StatusCode};
    /// let body = br#"{"errors": [{"status": 409, "title": "Conflict",
    ///     "detail": "resource provider generation conflict", "code": "placement.concurrent_update"}]}"#;
    /// let e = Error::from_response(&Method::PUT, "http://placement/resource_providers/x/traits",
    ///     StatusCode::CONFLICT, &HeaderMap::new(), body);
    /// assert_eq!(e.kind(), ErrorKind::GenerationConflict);
    /// assert!(e.is_conflict());
    /// assert_eq!(e.service_code(), Some("placement.concurrent_update"));
    /// ```
    GenerationConflict,
}

impl ErrorKind {
    /// The kind that an HTTP status maps to.
    ///
    /// ```
    /// use ferrocloud::ErrorKind;
    /// use http::StatusCode;
    /// assert_eq!(ErrorKind::from_status(StatusCode::CONFLICT), ErrorKind::Conflict);
    /// assert_eq!(ErrorKind::from_status(StatusCode::BAD_GATEWAY), ErrorKind::ServerError);
    /// ```
    pub fn from_status(status: StatusCode) -> Self {
        match status.as_u16() {
            400 => Self::BadRequest,
            401 => Self::Unauthorized,
            403 => Self::Forbidden,
            404 => Self::NotFound,
            405 => Self::MethodNotAllowed,
            409 => Self::Conflict,
            412 => Self::PreconditionFailed,
            413 | 429 => Self::RateLimited,
            300..=399 => Self::Redirect,
            500..=599 => Self::ServerError,
            _ => Self::UnexpectedStatus,
        }
    }
}

/// An error of the SDK. Cheap to move (one pointer); see [`ErrorKind`] for what it says.
///
/// ```
/// use ferrocloud::{Error, ErrorKind};
/// let err = Error::new(ErrorKind::InvalidInput, "name is required");
/// assert_eq!(err.kind(), ErrorKind::InvalidInput);
/// assert_eq!(err.to_string(), "invalid input: name is required");
/// ```
#[derive(Clone)]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Clone)]
struct Inner {
    kind: ErrorKind,
    message: String,
    method: Option<Method>,
    url: Option<String>,
    status: Option<StatusCode>,
    code: Option<String>,
    request_id: Option<String>,
    retry_after: Option<std::time::Duration>,
    not_sent: bool,
    attempts: u32,
    source: Option<std::sync::Arc<dyn std::error::Error + Send + Sync + 'static>>,
}

impl Error {
    /// An error of `kind` with a message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            inner: Box::new(Inner {
                kind,
                message: message.into(),
                method: None,
                url: None,
                status: None,
                code: None,
                request_id: None,
                retry_after: None,
                not_sent: false,
                attempts: 1,
                source: None,
            }),
        }
    }

    /// An [`ErrorKind::InvalidInput`] error.
    ///
    /// ```
    /// let err = ferrocloud::Error::invalid_input("flavor_ref is required");
    /// assert_eq!(err.kind(), ferrocloud::ErrorKind::InvalidInput);
    /// ```
    pub fn invalid_input(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::InvalidInput, message)
    }

    /// An [`ErrorKind::Config`] error.
    ///
    /// ```
    /// let err = ferrocloud::Error::config("OS_AUTH_URL is not set");
    /// assert_eq!(err.kind(), ferrocloud::ErrorKind::Config);
    /// ```
    pub fn config(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Config, message)
    }

    /// An [`ErrorKind::Decode`] error for a decoder's error.
    ///
    /// The decoded data may hold secrets (a token in a token response), so the message
    /// never shows a value from it: a JSON error (`serde_json::Error`, or one wrapped by
    /// `serde_path_to_error` with the path of the failure) is described by what was found,
    /// what was expected and where (`invalid type: string, expected u32 at line 1 column
    /// 9`), and it is not kept as the source, since its own text quotes the value. Other
    /// decoders' errors are kept as they are unless their text quotes something.
    ///
    /// ```
    /// let bad = serde_json::from_str::<u32>(r#""gAAAA-token""#).unwrap_err();
    /// let err = ferrocloud::Error::decode("reading a server", bad);
    /// assert_eq!(err.kind(), ferrocloud::ErrorKind::Decode);
    /// assert_eq!(
    ///     err.to_string(),
    ///     "decode error: reading a server: invalid type: string, expected u32 at line 1 column 13"
    /// );
    /// assert!(std::error::Error::source(&err).is_none());
    /// ```
    pub fn decode(
        context: impl Into<String>,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        use crate::secrets::{describe_json_error, describe_other_error, describe_path};
        let context = context.into();
        let any: &dyn std::any::Any = &source;
        let detail = if let Some(e) = any.downcast_ref::<serde_json::Error>() {
            describe_json_error(e, None)
        } else if let Some(e) = any.downcast_ref::<serde_path_to_error::Error<serde_json::Error>>()
        {
            describe_json_error(e.inner(), Some(&describe_path(e.path())))
        } else {
            let text = source.to_string();
            match describe_other_error(&text) {
                std::borrow::Cow::Borrowed(t) if t == text => {
                    return Self::new(ErrorKind::Decode, format!("{context}: {text}"))
                        .with_source(source);
                }
                other => other.into_owned(),
            }
        };
        Self::decode_detail(&context, detail)
    }

    /// An [`ErrorKind::Decode`] error with a detail already free of values.
    pub(crate) fn decode_detail(context: &str, detail: String) -> Self {
        Self::new(ErrorKind::Decode, format!("{context}: {detail}"))
    }

    /// Replaces every secret of `secrets` (as it is, or JSON-, debug- or form-escaped) in
    /// the message, URL and request id with `[REDACTED]`; a source whose text shows one
    /// is replaced by its scrubbed text. Secrets shorter than four characters are left
    /// alone (replacing them would mangle the message and protect nothing).
    pub(crate) fn scrub(mut self, secrets: &[&str]) -> Self {
        use crate::secrets::scrub_text;
        use std::borrow::Cow;
        if secrets.is_empty() {
            return self;
        }
        let i = &mut *self.inner;
        if let Cow::Owned(m) = scrub_text(&i.message, secrets) {
            i.message = m;
        }
        if let Some(u) = &i.url
            && let Cow::Owned(u) = scrub_text(u, secrets)
        {
            i.url = Some(u);
        }
        if let Some(r) = &i.request_id
            && let Cow::Owned(r) = scrub_text(r, secrets)
        {
            i.request_id = Some(r);
        }
        if let Some(src) = &i.source {
            let mut text = Vec::new();
            let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(&**src);
            while let Some(e) = cur {
                text.push(e.to_string());
                cur = e.source();
            }
            let text = text.join(": ");
            if let Cow::Owned(t) = scrub_text(&text, secrets) {
                i.source = Some(std::sync::Arc::new(Scrubbed(t)));
            }
        }
        self
    }

    /// The error for an HTTP answer the operation did not expect.
    ///
    /// The service's own message is parsed from the body (every shape the OpenStack
    /// services use, see [`service_message`]); the request id is read from the headers.
    ///
    /// ```
    /// use ferrocloud::{Error, ErrorKind};
    /// use http::{HeaderMap, Method, StatusCode};
    /// let body = br#"{"itemNotFound": {"message": "Instance x could not be found.", "code": 404}}"#;
    /// let err = Error::from_response(&Method::GET, "http://nova/v2.1/servers/x",
    ///     StatusCode::NOT_FOUND, &HeaderMap::new(), body);
    /// assert_eq!(err.kind(), ErrorKind::NotFound);
    /// assert_eq!(err.service_message(), "Instance x could not be found.");
    /// ```
    pub fn from_response(
        method: &Method,
        url: &str,
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Self {
        let mut message = service_message(body).unwrap_or_default();
        if status.is_redirection() {
            let to = headers
                .get(http::header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .map_or_else(|| "nowhere (no Location header)".to_string(), redact_url);
            message = format!("the service redirects to {to}; redirects are not followed");
        }
        let code = service_code(body);
        let kind = match ErrorKind::from_status(status) {
            ErrorKind::Conflict if code.as_deref() == Some("placement.concurrent_update") => {
                ErrorKind::GenerationConflict
            }
            kind => kind,
        };
        let mut err = Self::new(kind, message);
        err.inner.code = code;
        err.inner.method = Some(method.clone());
        err.inner.url = Some(redact_url(url));
        err.inner.status = Some(status);
        err.inner.request_id = request_id(headers).map(str::to_owned);
        err.inner.retry_after = retry_after(headers);
        err
    }

    /// Attaches the request this error belongs to.
    pub fn with_request(mut self, method: &Method, url: &str) -> Self {
        self.inner.method = Some(method.clone());
        self.inner.url = Some(redact_url(url));
        self
    }

    /// Attaches an underlying cause.
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.inner.source = Some(std::sync::Arc::new(source));
        self
    }

    /// Sets the request id, if the error does not have one yet.
    pub fn with_request_id(mut self, id: Option<&str>) -> Self {
        if self.inner.request_id.is_none() {
            self.inner.request_id = id.map(str::to_owned);
        }
        self
    }

    /// Marks a transport error as one where the request never reached the server.
    pub(crate) fn not_sent(mut self, yes: bool) -> Self {
        self.inner.not_sent = yes;
        self
    }

    /// True when the request is known not to have reached the server (connection
    /// refused), so that sending it again cannot repeat its effect.
    pub fn was_not_sent(&self) -> bool {
        self.inner.not_sent
    }

    /// Records how many attempts were made.
    pub(crate) fn with_attempts(mut self, n: u32) -> Self {
        self.inner.attempts = n;
        self
    }

    /// Appends a note to the message (why a request was not retried…).
    pub(crate) fn with_note(mut self, note: Option<&str>) -> Self {
        if let Some(n) = note {
            if self.inner.message.is_empty() {
                self.inner.message = n.to_string();
            } else {
                self.inner.message = format!("{} ({n})", self.inner.message);
            }
        }
        self
    }

    /// How many times the request was sent (or tried) before this error.
    pub fn attempts(&self) -> u32 {
        self.inner.attempts
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The HTTP method of the failed request, when there was one.
    pub fn method(&self) -> Option<&Method> {
        self.inner.method.as_ref()
    }

    /// The URL of the failed request, when there was one (query-string secrets redacted).
    pub fn url(&self) -> Option<&str> {
        self.inner.url.as_deref()
    }

    /// The HTTP status the service answered with, when it answered.
    pub fn status(&self) -> Option<StatusCode> {
        self.inner.status
    }

    /// The service's `x-openstack-request-id` (or `x-compute-request-id`, `x-trans-id`).
    pub fn request_id(&self) -> Option<&str> {
        self.inner.request_id.as_deref()
    }

    /// The delay the service asked for in `Retry-After`, when it sent one.
    pub fn retry_after(&self) -> Option<std::time::Duration> {
        self.inner.retry_after
    }

    /// The service's own message (or the SDK's, for errors raised before a request).
    pub fn service_message(&self) -> &str {
        &self.inner.message
    }

    /// The machine-readable code the service gave the error, when it gave one:
    /// Placement's `code` (`placement.concurrent_update`, `placement.undefined_code`…),
    /// Neutron's and Heat's error `type` (`PortNotFound`, `EntityNotFound`), Designate's
    /// `type` (`zone_not_found`).
    ///
    /// ```
    /// use ferrocloud::Error;
    /// use http::{HeaderMap, Method, StatusCode};
    /// let body = br#"{"NeutronError": {"type": "PortNotFound", "message": "Port p could not be found.", "detail": ""}}"#;
    /// let e = Error::from_response(&Method::GET, "http://neutron/v2.0/ports/p",
    ///     StatusCode::NOT_FOUND, &HeaderMap::new(), body);
    /// assert_eq!(e.service_code(), Some("PortNotFound"));
    /// assert_eq!(Error::invalid_input("no").service_code(), None);
    /// ```
    pub fn service_code(&self) -> Option<&str> {
        self.inner.code.as_deref()
    }

    /// The HTTP status as a number, when the service answered.
    ///
    /// ```
    /// use ferrocloud::Error;
    /// use http::{HeaderMap, Method, StatusCode};
    /// let e = Error::from_response(&Method::DELETE, "http://nova/servers/x", StatusCode::CONFLICT, &HeaderMap::new(), b"");
    /// assert_eq!(e.status_code(), Some(409));
    /// assert!(e.is_conflict());
    /// assert_eq!(Error::invalid_input("no").status_code(), None);
    /// ```
    pub fn status_code(&self) -> Option<u16> {
        self.inner.status.map(|s| s.as_u16())
    }

    /// Records the HTTP status of the answer this error comes from.
    pub(crate) fn with_status(mut self, status: StatusCode) -> Self {
        self.inner.status = Some(status);
        self
    }
}

/// `is_<kind>()` shortcuts for the kinds programs test most.
macro_rules! kind_tests {
    ($($(#[$doc:meta])* $name:ident => $kind:ident;)*) => {
        impl Error {
            $(
                $(#[$doc])*
                pub fn $name(&self) -> bool {
                    self.inner.kind == ErrorKind::$kind
                }
            )*
        }
    };
}

kind_tests! {
    /// True for 400 ([`ErrorKind::BadRequest`]).
    is_bad_request => BadRequest;
    /// True for 401 ([`ErrorKind::Unauthorized`]).
    is_unauthorized => Unauthorized;
    /// True for 403 ([`ErrorKind::Forbidden`]).
    is_forbidden => Forbidden;
    /// True for 404 ([`ErrorKind::NotFound`]).
    ///
    /// ```
    /// assert!(ferrocloud::Error::new(ferrocloud::ErrorKind::NotFound, "gone").is_not_found());
    /// ```
    is_not_found => NotFound;
    /// True for 412 ([`ErrorKind::PreconditionFailed`]).
    is_precondition_failed => PreconditionFailed;
    /// True for 413 and 429 ([`ErrorKind::RateLimited`]).
    is_rate_limited => RateLimited;
    /// True for any 5xx ([`ErrorKind::ServerError`]).
    is_server_error => ServerError;
    /// True for a timeout ([`ErrorKind::Timeout`]).
    is_timeout => Timeout;
}

impl Error {
    /// True for 409 ([`ErrorKind::Conflict`], and Placement's
    /// [`ErrorKind::GenerationConflict`]).
    ///
    /// ```
    /// use ferrocloud::{Error, ErrorKind};
    /// assert!(Error::new(ErrorKind::Conflict, "busy").is_conflict());
    /// assert!(Error::new(ErrorKind::GenerationConflict, "changed").is_conflict());
    /// assert!(!Error::new(ErrorKind::NotFound, "gone").is_conflict());
    /// ```
    pub fn is_conflict(&self) -> bool {
        matches!(
            self.inner.kind,
            ErrorKind::Conflict | ErrorKind::GenerationConflict
        )
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let i = &self.inner;
        let kind = match i.kind {
            ErrorKind::BadRequest => "bad request",
            ErrorKind::Unauthorized => "unauthorized",
            ErrorKind::Forbidden => "forbidden",
            ErrorKind::NotFound => "not found",
            ErrorKind::MethodNotAllowed => "method not allowed",
            ErrorKind::Conflict => "conflict",
            ErrorKind::PreconditionFailed => "precondition failed",
            ErrorKind::RateLimited => "rate limited",
            ErrorKind::ServerError => "server error",
            ErrorKind::UnexpectedStatus => "unexpected status",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Transport => "transport error",
            ErrorKind::Decode => "decode error",
            ErrorKind::InvalidInput => "invalid input",
            ErrorKind::EndpointNotFound => "endpoint not found",
            ErrorKind::Config => "configuration error",
            ErrorKind::Auth => "authentication error",
            ErrorKind::NotReplayable => "request not replayable",
            ErrorKind::Ambiguous => "ambiguous name",
            ErrorKind::Redirect => "redirect",
            ErrorKind::ResponseTooLarge => "response too large",
            ErrorKind::BlockingInAsync => "blocking call inside an async runtime",
            ErrorKind::Pagination => "pagination error",
            ErrorKind::Integrity => "checksum mismatch",
            ErrorKind::GenerationConflict => "generation conflict",
        };
        f.write_str(kind)?;
        if let (Some(m), Some(u)) = (&i.method, &i.url) {
            write!(f, " ({m} {u}")?;
            if let Some(s) = i.status {
                write!(f, " -> {}", s.as_u16())?;
            }
            f.write_str(")")?;
        }
        if !i.message.is_empty() {
            write!(f, ": {}", i.message)?;
        }
        if let Some(id) = &i.request_id {
            write!(f, " [request id {id}]")?;
        }
        if i.attempts > 1 {
            write!(f, " (after {} attempts)", i.attempts)?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let i = &self.inner;
        f.debug_struct("Error")
            .field("kind", &i.kind)
            .field("method", &i.method)
            .field("url", &i.url)
            .field("status", &i.status)
            .field("message", &i.message)
            .field("code", &i.code)
            .field("request_id", &i.request_id)
            .field("source", &i.source)
            .finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.inner
            .source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// The text of an error whose own text showed a secret, scrubbed.
#[derive(Debug)]
struct Scrubbed(String);

impl fmt::Display for Scrubbed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Scrubbed {}

impl From<reqwest::Error> for Error {
    fn from(e: reqwest::Error) -> Self {
        // A body cut by the peer shows as a "decode" error with an I/O or HTTP error
        // underneath: that is a transport failure.
        let broken_stream = {
            use std::error::Error as _;
            let mut cur = e.source();
            let mut found = false;
            while let Some(s) = cur {
                let text = s.to_string();
                if s.is::<std::io::Error>()
                    || text.contains("connection")
                    || text.contains("end of file")
                    || text.contains("incomplete")
                {
                    found = true;
                    break;
                }
                cur = s.source();
            }
            found
        };
        let kind = if e.is_timeout() {
            ErrorKind::Timeout
        } else if e.is_decode() && !broken_stream {
            ErrorKind::Decode
        } else if e.is_builder() {
            ErrorKind::InvalidInput
        } else {
            ErrorKind::Transport
        };
        let url = e.url().map(|u| redact_url(u.as_str()));
        // reqwest's own message may contain the URL; we print ours, redacted, instead.
        let message = error_chain_text(&e);
        let mut err = Error::new(kind, message);
        err.inner.url = url;
        err.with_source(e.without_url())
    }
}

fn error_chain_text(e: &reqwest::Error) -> String {
    use std::error::Error as _;
    let mut parts = Vec::new();
    let mut cur: Option<&dyn std::error::Error> = e.source();
    while let Some(s) = cur {
        parts.push(s.to_string());
        cur = s.source();
    }
    if parts.is_empty() {
        let kind = if e.is_timeout() {
            "operation timed out"
        } else if e.is_connect() {
            "connection failed"
        } else {
            "request failed"
        };
        kind.to_string()
    } else {
        parts.join(": ")
    }
}

/// The request id of a response: `x-openstack-request-id`, else `x-compute-request-id`,
/// else Swift's `x-trans-id`.
///
/// ```
/// let mut h = http::HeaderMap::new();
/// h.insert("x-openstack-request-id", "req-1".parse().unwrap());
/// assert_eq!(ferrocloud::error::request_id(&h), Some("req-1"));
/// ```
pub fn request_id(headers: &HeaderMap) -> Option<&str> {
    [
        "x-openstack-request-id",
        "x-compute-request-id",
        "x-trans-id",
    ]
    .iter()
    .find_map(|h| headers.get(*h).and_then(|v| v.to_str().ok()))
}

/// The delay a `Retry-After` header asks for: seconds, or an HTTP date.
///
/// ```
/// let mut h = http::HeaderMap::new();
/// h.insert("retry-after", "7".parse().unwrap());
/// assert_eq!(ferrocloud::error::retry_after(&h), Some(std::time::Duration::from_secs(7)));
/// ```
pub fn retry_after(headers: &HeaderMap) -> Option<std::time::Duration> {
    let v = headers
        .get(http::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(std::time::Duration::from_secs(secs));
    }
    let when = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    let delta = when.with_timezone(&chrono::Utc) - chrono::Utc::now();
    Some(delta.to_std().unwrap_or_default())
}

/// Removes credentials from a URL before it is shown: user info and the values of
/// query parameters that carry secrets (TempURL signatures, tokens).
pub(crate) fn redact_url(url: &str) -> String {
    let Ok(mut u) = Url::parse(url) else {
        return url.to_string();
    };
    if !u.username().is_empty() || u.password().is_some() {
        let _ = u.set_username("");
        let _ = u.set_password(None);
    }
    // Identity v2.0 puts tokens in the path (`/tokens/{token_id}`); a path template
    // (`%7Btoken_id%7D`) is shown as it is.
    let segments: Option<Vec<String>> = u.path_segments().map(|s| s.map(str::to_owned).collect());
    if let Some(mut segs) = segments
        && let Some(i) = segs.iter().position(|s| s == "tokens")
        && let Some(next) = segs.get_mut(i + 1)
        && !next.is_empty()
        && next != "OS-PKI"
        && !next.starts_with("%7B")
    {
        *next = "***".into();
        u.set_path(&segs.join("/"));
    }
    if u.query().is_some() {
        let pairs: Vec<(String, String)> = u
            .query_pairs()
            .map(|(k, v)| {
                let lower = k.to_ascii_lowercase();
                // Listing and filter names that only look like secrets.
                let plain = ["sort_key", "key_name"];
                let secret = ["sig", "signature", "token", "password", "secret", "key"]
                    .iter()
                    .any(|s| lower.contains(s))
                    && !plain.contains(&lower.as_str());
                let v = if secret {
                    "***".to_string()
                } else {
                    v.into_owned()
                };
                (k.into_owned(), v)
            })
            .collect();
        u.query_pairs_mut().clear().extend_pairs(pairs);
    }
    u.to_string()
}

const MAX_MESSAGE: usize = 2048;

/// The human message in an OpenStack error body, whatever the service.
///
/// Understands Nova/Cinder/Manila (`{"itemNotFound": {"message": ..}}`), Neutron
/// (`{"NeutronError": {"message": ..}}`), Keystone and Heat (`{"error": {"message": ..}}`),
/// Placement (`{"errors": [{"detail": ..}]}`), Ironic (`{"error_message": "<json>"}`),
/// Octavia (`{"faultstring": ..}`), Designate (`{"message": ..}`), and plain-text or
/// HTML bodies (Glance, Swift, proxies). Returns `None` for an empty body.
///
/// ```
/// use ferrocloud::error::service_message;
/// let neutron = br#"{"NeutronError": {"type": "NetworkNotFound", "message": "Network x could not be found.", "detail": ""}}"#;
/// assert_eq!(service_message(neutron).unwrap(), "Network x could not be found.");
/// let glance = b"<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1>No image found with ID x<br /><br /></body></html>";
/// assert_eq!(service_message(glance).unwrap(), "404 Not Found: No image found with ID x");
/// ```
pub fn service_message(body: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let msg = match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) => json_message(&v, 0).unwrap_or_else(|| text.to_string()),
        Err(_) if looks_like_html(text) => html_text(text),
        Err(_) => text.to_string(),
    };
    Some(truncate(msg.trim(), MAX_MESSAGE))
}

/// The machine-readable code of an error body (see [`Error::service_code`]).
fn service_code(body: &[u8]) -> Option<String> {
    use serde_json::Value;
    let v: Value = serde_json::from_slice(body).ok()?;
    let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
    // Placement: {"errors": [{"code": …}]}
    if let Some(first) = v.get("errors").and_then(|e| e.get(0)) {
        return text(first.get("code"));
    }
    // Neutron: {"NeutronError": {"type": …}}
    if let Some(e) = v.get("NeutronError") {
        return text(e.get("type"));
    }
    // Heat: {"error": {"type": …}}; Designate: {"type": …}
    text(v.get("error").and_then(|e| e.get("type"))).or_else(|| text(v.get("type")))
}

fn json_message(v: &serde_json::Value, depth: u8) -> Option<String> {
    use serde_json::Value;
    if depth > 4 {
        return None;
    }
    match v {
        Value::String(s) => {
            // Ironic nests a JSON document in a string.
            if s.trim_start().starts_with('{')
                && let Ok(inner) = serde_json::from_str::<Value>(s)
                && let Some(m) = json_message(&inner, depth + 1)
            {
                return Some(m);
            }
            Some(s.clone())
        }
        Value::Object(map) => {
            // Keystone and Heat wrap the message in "error".
            if let Some(inner @ Value::Object(_)) = map.get("error")
                && let Some(m) = json_message(inner, depth + 1)
            {
                return Some(m);
            }
            for key in [
                "message",
                "faultstring",
                "detail",
                "error_message",
                "description",
                "explanation",
                "title",
            ] {
                if let Some(inner) = map.get(key) {
                    match inner {
                        Value::String(s) if s.is_empty() => continue,
                        Value::String(_) | Value::Object(_) => {
                            if let Some(m) = json_message(inner, depth + 1) {
                                return Some(m);
                            }
                        }
                        _ => {}
                    }
                }
            }
            if let Some(Value::Array(errors)) = map.get("errors") {
                let msgs: Vec<String> = errors
                    .iter()
                    .filter_map(|e| json_message(e, depth + 1))
                    .collect();
                if !msgs.is_empty() {
                    return Some(msgs.join("; "));
                }
            }
            // Nova-style: one key naming the fault, wrapping the message.
            map.values()
                .filter(|v| v.is_object())
                .find_map(|v| json_message(v, depth + 1))
        }
        _ => None,
    }
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<html") || head.starts_with("<!doctype") || head.starts_with("<h")
}

/// The visible text of an HTML error page: the title, then the body, without tags.
fn html_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    let mut tag = String::new();
    let mut skip = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                tag.clear();
            }
            '>' if in_tag => {
                in_tag = false;
                let name = tag
                    .trim_start_matches('/')
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                skip = !tag.starts_with('/') && (name == "style" || name == "script");
                if matches!(name.as_str(), "title" | "h1" | "h2" | "p" | "br" | "div")
                    && !out.ends_with(' ')
                {
                    out.push(' ');
                }
            }
            _ if in_tag => tag.push(c),
            _ if !skip => out.push(c),
            _ => {}
        }
    }
    // Collapse whitespace and the repeated title ("404 Not Found 404 Not Found ...").
    let words: Vec<&str> = out.split_whitespace().collect();
    let joined = words.join(" ");
    let title = html_title(html);
    match title {
        Some(t) if !t.is_empty() => {
            let rest = joined.trim_start_matches(t.as_str()).trim_start();
            let rest = rest.trim_start_matches(t.as_str()).trim();
            if rest.is_empty() {
                t
            } else {
                format!("{t}: {rest}")
            }
        }
        _ => joined,
    }
}

fn html_title(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    for (open, close) in [("<title>", "</title>"), ("<h1>", "</h1>")] {
        if let Some(start) = lower.find(open) {
            let from = start + open.len();
            if let Some(end) = lower[from..].find(close) {
                return Some(html[from..from + end].trim().to_string());
            }
        }
    }
    None
}

fn truncate(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(body: &str) -> String {
        service_message(body.as_bytes()).unwrap()
    }

    #[test]
    fn nova_and_cinder() {
        assert_eq!(
            msg(r#"{"badRequest": {"message": "Invalid flavorRef provided.", "code": 400}}"#),
            "Invalid flavorRef provided."
        );
    }

    #[test]
    fn keystone() {
        assert_eq!(
            msg(
                r#"{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}"#
            ),
            "The request you have made requires authentication."
        );
    }

    #[test]
    fn neutron() {
        assert_eq!(
            msg(
                r#"{"NeutronError": {"type": "PortNotFound", "message": "Port p could not be found.", "detail": ""}}"#
            ),
            "Port p could not be found."
        );
    }

    #[test]
    fn placement() {
        assert_eq!(
            msg(
                r#"{"errors": [{"status": 404, "title": "Not Found", "detail": "No resource provider with uuid x found", "request_id": "req-1"}]}"#
            ),
            "No resource provider with uuid x found"
        );
    }

    #[test]
    fn ironic_nested_json() {
        assert_eq!(
            msg(
                r#"{"error_message": "{\"faultstring\": \"Node n could not be found.\", \"debuginfo\": null, \"faultcode\": \"Client\"}"}"#
            ),
            "Node n could not be found."
        );
    }

    #[test]
    fn heat_and_octavia_and_designate() {
        assert_eq!(
            msg(
                r#"{"explanation": "The resource could not be found.", "code": 404, "error": {"message": "The Stack (s) could not be found.", "traceback": null, "type": "EntityNotFound"}, "title": "Not Found"}"#
            ),
            "The Stack (s) could not be found."
        );
        assert_eq!(
            msg(
                r#"{"faultcode": "Client", "faultstring": "Load Balancer x not found.", "debuginfo": null}"#
            ),
            "Load Balancer x not found."
        );
        assert_eq!(
            msg(
                r#"{"code": 404, "type": "zone_not_found", "message": "Could not find Zone", "request_id": "req-1"}"#
            ),
            "Could not find Zone"
        );
    }

    #[test]
    fn plain_text_and_html() {
        assert_eq!(msg("Not Found\n"), "Not Found");
        assert_eq!(
            msg("<html><h1>Not Found</h1><p>The resource could not be found.</p></html>"),
            "Not Found: The resource could not be found."
        );
        assert_eq!(service_message(b"   "), None);
    }

    #[test]
    fn odd_bodies_never_panic() {
        for body in [
            "{}",
            "[]",
            "null",
            "{\"a\": 1}",
            "<",
            "<html",
            "<h1>\u{00e9}",
            "{\"error\": []}",
            "\"just a string\"",
        ] {
            let _ = service_message(body.as_bytes());
        }
        let long = "x".repeat(10_000);
        assert!(msg(&long).len() <= MAX_MESSAGE + 4);
        let _ = service_message(&[0xff, 0xfe, 0x00]);
    }

    #[test]
    fn kinds_from_status() {
        for (code, kind) in [
            (400, ErrorKind::BadRequest),
            (401, ErrorKind::Unauthorized),
            (403, ErrorKind::Forbidden),
            (404, ErrorKind::NotFound),
            (405, ErrorKind::MethodNotAllowed),
            (409, ErrorKind::Conflict),
            (412, ErrorKind::PreconditionFailed),
            (413, ErrorKind::RateLimited),
            (429, ErrorKind::RateLimited),
            (500, ErrorKind::ServerError),
            (503, ErrorKind::ServerError),
            (302, ErrorKind::Redirect),
            (418, ErrorKind::UnexpectedStatus),
        ] {
            assert_eq!(
                ErrorKind::from_status(StatusCode::from_u16(code).unwrap()),
                kind
            );
        }
    }

    #[test]
    fn display_carries_request_and_id() {
        let mut h = HeaderMap::new();
        h.insert("x-openstack-request-id", "req-abc".parse().unwrap());
        h.insert("retry-after", "3".parse().unwrap());
        let e = Error::from_response(
            &Method::DELETE,
            "http://u:p@h/v1/AUTH_a/c/o?temp_url_sig=abc&temp_url_expires=1",
            StatusCode::TOO_MANY_REQUESTS,
            &h,
            b"slow down",
        );
        let s = e.to_string();
        assert!(s.contains("DELETE"), "{s}");
        assert!(s.contains("429"), "{s}");
        assert!(s.contains("slow down"), "{s}");
        assert!(s.contains("req-abc"), "{s}");
        assert!(!s.contains("abc&"), "{s}");
        assert!(!s.contains("u:p"), "{s}");
        let v2 = redact_url("http://k:5000/v2.0/tokens/gAAAA-secret/endpoints?belongsTo=t");
        assert_eq!(v2, "http://k:5000/v2.0/tokens/***/endpoints?belongsTo=t");
        let v3 = redact_url("http://k:5000/v3/auth/tokens/OS-PKI/revoked");
        assert_eq!(v3, "http://k:5000/v3/auth/tokens/OS-PKI/revoked");
        // Sorting and filter names stay readable; secret-looking ones do not.
        let listing = redact_url("http://n/v2.0/networks?sort_key=name&key_name=k1&api_key=s");
        assert_eq!(
            listing,
            "http://n/v2.0/networks?sort_key=name&key_name=k1&api_key=***"
        );
        assert_eq!(e.retry_after(), Some(std::time::Duration::from_secs(3)));
        assert_eq!(e.request_id(), Some("req-abc"));
    }
}
