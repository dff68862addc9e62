//! The request pipeline: faults, request IDs, routing to the services, the answer.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State as AxumState};
use axum::response::Response;
use bytes::Bytes;
use futures_util::StreamExt;
use http::{HeaderMap, HeaderValue, Method, StatusCode};
use serde_json::{Value, json};

use crate::state::{State, TokenScope};
use crate::{App, compute, identity, image, network, object, volume};

/// A request as the services see it.
pub(crate) struct Req {
    pub(crate) method: Method,
    /// The path's segments, percent-decoded (empty ones dropped).
    pub(crate) segs: Vec<String>,
    /// The path as sent (still percent-encoded), for names that keep empty segments
    /// and trailing slashes (Swift's objects).
    pub(crate) path: String,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
    /// The request ID the answer carries.
    pub(crate) request_id: String,
}

impl Req {
    /// The first value of a query parameter.
    pub(crate) fn q(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The body as JSON; `None` when it is not JSON (the caller answers 400).
    pub(crate) fn json(&self) -> Option<Value> {
        if self.body.is_empty() {
            return None;
        }
        serde_json::from_slice(&self.body).ok()
    }

    pub(crate) fn seg(&self, i: usize) -> Option<&str> {
        self.segs.get(i).map(String::as_str)
    }
}

/// What a handler answers: `Err` for an error reply, so that a failing step can be `?`.
/// Both sides are sent the same way.
pub(crate) type Answer = Result<Reply, Reply>;

/// An answer: status, extra headers and a JSON (or text) body, or bytes.
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Option<Value>,
    /// A byte body, in the chunks it is kept in (sent as they are, without a copy); a
    /// HEAD answer keeps its `Content-Length` and drops them.
    pub(crate) data: Option<Vec<Bytes>>,
}

impl Reply {
    pub(crate) fn json(status: u16, body: Value) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: Some(body),
            data: None,
        }
    }

    pub(crate) fn ok(body: Value) -> Self {
        Self::json(200, body)
    }

    pub(crate) fn empty(status: u16) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: None,
            data: None,
        }
    }

    /// A byte body of `content_type`.
    pub(crate) fn bytes(status: u16, content_type: &str, chunks: Vec<Bytes>) -> Self {
        Self {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: None,
            data: Some(chunks),
        }
    }

    /// A plain-text body.
    pub(crate) fn text(status: u16, text: impl Into<String>) -> Self {
        Self::bytes(
            status,
            "text/plain; charset=utf-8",
            vec![Bytes::from(text.into())],
        )
    }

    pub(crate) fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// The slice `start..end` of data kept in chunks, as chunks (shared, not copied).
pub(crate) fn slice_chunks(chunks: &[Bytes], start: u64, end: u64) -> Vec<Bytes> {
    let mut out = Vec::new();
    let mut at = 0u64;
    for c in chunks {
        let len = c.len() as u64;
        let (from, to) = (start.max(at), end.min(at + len));
        if from < to {
            let (a, b) = (usize::try_from(from - at), usize::try_from(to - at));
            if let (Ok(a), Ok(b)) = (a, b) {
                out.push(c.slice(a..b));
            }
        }
        at += len;
        if at >= end {
            break;
        }
    }
    out
}

/// A `Range: bytes=…` header of one range against `total` bytes: `Ok(None)` without
/// one (or with one this does not parse, served whole as HTTP allows), `Err(())` when
/// it cannot be satisfied.
pub(crate) fn parse_range(header: Option<&str>, total: u64) -> Result<Option<(u64, u64)>, ()> {
    let Some(spec) = header.and_then(|h| h.trim().strip_prefix("bytes=")) else {
        return Ok(None);
    };
    if spec.contains(',') {
        return Ok(None);
    }
    let Some((a, b)) = spec.split_once('-') else {
        return Ok(None);
    };
    let (a, b) = (a.trim(), b.trim());
    let range = match (a.parse::<u64>().ok(), b.parse::<u64>().ok()) {
        (Some(start), Some(last)) if start <= last => (start, last.saturating_add(1).min(total)),
        (Some(start), None) if b.is_empty() => (start, total),
        (None, Some(n)) if a.is_empty() => {
            if n == 0 {
                return Err(());
            }
            (total.saturating_sub(n), total)
        }
        _ => return Ok(None),
    };
    if range.0 >= total {
        return Err(());
    }
    Ok(Some(range))
}

/// Bytes answered whole (200) or by the request's `Range` (206 with `Content-Range`,
/// 416 when it cannot be satisfied), with `Accept-Ranges`.
pub(crate) fn ranged(req: &Req, content_type: &str, chunks: Vec<Bytes>) -> Reply {
    let total: u64 = chunks.iter().map(|c| c.len() as u64).sum();
    match parse_range(req.header("range"), total) {
        Ok(None) => Reply::bytes(200, content_type, chunks),
        Ok(Some((start, end))) => {
            Reply::bytes(206, content_type, slice_chunks(&chunks, start, end)).header(
                "Content-Range",
                format!("bytes {start}-{}/{total}", end - 1),
            )
        }
        Err(()) => Reply::text(416, "Requested Range Not Satisfiable")
            .header("Content-Range", format!("bytes */{total}")),
    }
    .header("Accept-Ranges", "bytes")
}

/// Who is calling, from a valid token.
#[derive(Debug, Clone)]
pub(crate) struct Ctx {
    pub(crate) user_id: String,
    pub(crate) scope: TokenScope,
    /// Effective role names.
    pub(crate) roles: Vec<String>,
}

impl Ctx {
    pub(crate) fn is_admin(&self) -> bool {
        self.roles.iter().any(|r| r == "admin")
    }

    pub(crate) fn is_service(&self) -> bool {
        self.roles.iter().any(|r| r == "service")
    }

    pub(crate) fn project_id(&self) -> Option<&str> {
        match &self.scope {
            TokenScope::Project(p) => Some(p),
            _ => None,
        }
    }
}

/// Keystone's error body (`{"error": {"code", "message", "title"}}`), which
/// keystonemiddleware also writes in front of the other services.
pub(crate) fn keystone_error(status: u16, message: &str) -> Reply {
    let title = StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Error");
    Reply::json(
        status,
        json!({"error": {"code": status, "message": message, "title": title}}),
    )
}

pub(crate) fn unauthorized() -> Reply {
    keystone_error(401, "The request you have made requires authentication.")
        .header("WWW-Authenticate", "Keystone uri=\"/v3\"")
}

/// The token of the request, validated: known, not expired, not revoked, its user
/// enabled, within the uses the faults allow. Counts the use.
pub(crate) fn authenticate(app: &App, state: &mut State, req: &Req) -> Result<Ctx, Reply> {
    let Some(token) = req.header("x-auth-token").map(str::to_string) else {
        return Err(unauthorized());
    };
    let max_uses = app
        .faults
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .config
        .token_uses;
    let now = app.clock.now();
    if !identity::token_valid(state, &token, now) {
        return Err(unauthorized());
    }
    let Some(t) = state.tokens.get_mut(&token) else {
        return Err(unauthorized());
    };
    if let Some(max) = max_uses
        && t.uses >= max
    {
        return Err(unauthorized());
    }
    t.uses += 1;
    let t = t.clone();
    let roles = identity::token_role_names(state, &t);
    Ok(Ctx {
        user_id: t.user_id,
        scope: t.scope,
        roles,
    })
}

fn decode(seg: &str) -> String {
    percent_decode(seg)
}

/// Percent-decoding (`+` stays a plus in paths; query values use [`form_decode`]).
pub(crate) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex_val(bytes[i + 1]), hex_val(bytes[i + 2]))
        {
            out.push(h * 16 + l);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

fn parse_query(q: Option<&str>) -> Vec<(String, String)> {
    match q {
        Some(q) => url::form_urlencoded::parse(q.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect(),
        None => Vec::new(),
    }
}

/// The one handler: every request of every service comes here.
pub(crate) async fn handle(AxumState(app): AxumState<Arc<App>>, request: Request) -> Response {
    let request_id = crate::ids::request_id();
    let (parts, body) = request.into_parts();
    let body = match axum::body::to_bytes(body, app.max_body).await {
        Ok(b) => b,
        Err(_) => {
            return finish(
                keystone_error(413, "Request Entity Too Large"),
                &request_id,
                false,
                &parts.method,
            );
        }
    };
    let path = parts.uri.path().to_string();
    let req = Req {
        method: parts.method.clone(),
        segs: path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(decode)
            .collect(),
        path: path.clone(),
        query: parse_query(parts.uri.query()),
        headers: parts.headers,
        body,
        request_id: request_id.clone(),
    };
    let is_compute = req.seg(0) == Some("compute");
    let is_token_request = req.seg(0) == Some("v3")
        && req.seg(1) == Some("auth")
        && req.seg(2) == Some("tokens")
        && req.method == Method::POST;

    // Faults: latency first, then scripted failures, then random ones; then the body's.
    let (latency, failure, body_fault) = {
        let mut f = app.faults.lock().unwrap_or_else(|e| e.into_inner());
        let latency = f.config.latency;
        let failure = if is_token_request {
            None
        } else if !f.scripted.is_empty() {
            Some(f.scripted.remove(0))
        } else {
            let (err, limit) = (f.config.error_rate, f.config.rate_limit_rate);
            if err > 0.0 && f.draws.unit() < err {
                Some(f.config.error_status)
            } else if limit > 0.0 && f.draws.unit() < limit {
                Some(429)
            } else {
                None
            }
        };
        let cut = !is_token_request
            && f.config.cut_body_rate > 0.0
            && f.draws.unit() < f.config.cut_body_rate;
        let body_fault = BodyFault {
            delay: if is_token_request {
                Duration::ZERO
            } else {
                f.config.body_delay
            },
            cut,
        };
        (
            latency,
            failure.map(|s| (s, f.config.retry_after_secs)),
            body_fault,
        )
    };
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    if let Some((status, retry_after)) = failure {
        let mut reply = if is_compute {
            compute::fault(status, "The fake cloud was told to fail this request.")
        } else {
            keystone_error(status, "The fake cloud was told to fail this request.")
        };
        if status == 429 || status == 503 {
            reply = reply.header("Retry-After", retry_after.to_string());
        }
        return finish(reply, &request_id, is_compute, &req.method);
    }

    let reply = route(&app, &req);
    if req.seg(0) == Some("image") {
        for job in image::take_fetches(&app) {
            tokio::spawn(image::fetch(app.clone(), job));
        }
    }
    body_fault
        .apply(finish(reply, &request_id, is_compute, &req.method))
        .await
}

/// What happens to an answer's body: sent slowly, or cut halfway.
struct BodyFault {
    delay: Duration,
    cut: bool,
}

impl BodyFault {
    async fn apply(self, response: Response) -> Response {
        if self.delay.is_zero() && !self.cut {
            return response;
        }
        let (mut parts, body) = response.into_parts();
        let bytes = axum::body::to_bytes(body, usize::MAX)
            .await
            .unwrap_or_default();
        if bytes.is_empty() {
            return Response::from_parts(parts, Body::empty());
        }
        parts
            .headers
            .insert(http::header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
        let keep = if self.cut {
            bytes.len() / 2
        } else {
            bytes.len()
        };
        let pieces: Vec<Bytes> = (0..keep)
            .step_by(crate::faults::BODY_PIECE)
            .map(|at| bytes.slice(at..keep.min(at + crate::faults::BODY_PIECE)))
            .collect();
        let delay = self.delay;
        let sent = futures_util::stream::iter(pieces).then(move |piece| async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            Ok::<_, std::io::Error>(piece)
        });
        let end = futures_util::stream::iter(self.cut.then(|| {
            Err(std::io::Error::new(
                std::io::ErrorKind::ConnectionAborted,
                "the fake cloud was told to cut this body",
            ))
        }));
        Response::from_parts(parts, Body::from_stream(sent.chain(end)))
    }
}

fn route(app: &App, req: &Req) -> Reply {
    let mut state = app.lock();
    app.tick(&mut state);
    match req.seg(0) {
        None => identity::root(app),
        Some("v3") => identity::handle(app, &mut state, req).unwrap_or_else(|r| r),
        Some("compute") => compute::handle(app, &mut state, req).unwrap_or_else(|r| r),
        Some("image") => image::handle(app, &mut state, req),
        Some("network") => network::handle(app, &mut state, req),
        Some("volume") => volume::handle(app, &mut state, req),
        Some("object") => object::handle(app, &mut state, req),
        _ => keystone_error(404, "The resource could not be found."),
    }
}

fn finish(reply: Reply, request_id: &str, is_compute: bool, method: &Method) -> Response {
    let mut builder = Response::builder().status(reply.status);
    let mut has_type = false;
    for (k, v) in &reply.headers {
        if k.eq_ignore_ascii_case("content-type") {
            has_type = true;
        }
        if let Ok(v) = HeaderValue::from_str(v) {
            builder = builder.header(k.as_str(), v);
        }
    }
    builder = builder.header("x-openstack-request-id", request_id);
    if is_compute {
        builder = builder.header("x-compute-request-id", request_id);
    }
    if let Some(chunks) = reply.data {
        let len: usize = chunks.iter().map(Bytes::len).sum();
        builder = builder.header("content-length", len);
        let body = if *method == Method::HEAD || reply.status == 304 {
            Body::empty()
        } else {
            Body::from_stream(futures_util::stream::iter(
                chunks.into_iter().map(Ok::<_, std::convert::Infallible>),
            ))
        };
        return builder.body(body).unwrap_or_else(|_| {
            let mut r = Response::new(Body::empty());
            *r.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            r
        });
    }
    let body = match reply.body {
        Some(Value::String(text)) if has_type => Body::from(text),
        Some(v) if *method != Method::HEAD => {
            if !has_type {
                builder = builder.header("content-type", "application/json");
            }
            Body::from(v.to_string())
        }
        _ => Body::empty(),
    };
    builder.body(body).unwrap_or_else(|_| {
        let mut r = Response::new(Body::empty());
        *r.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        r
    })
}

#[cfg(test)]
mod tests {
    use bytes::Bytes;

    use super::{parse_range, slice_chunks};

    #[test]
    fn ranges() {
        assert_eq!(parse_range(None, 10), Ok(None));
        assert_eq!(parse_range(Some("bytes=2-4"), 10), Ok(Some((2, 5))));
        assert_eq!(parse_range(Some("bytes=8-"), 10), Ok(Some((8, 10))));
        assert_eq!(parse_range(Some("bytes=-3"), 10), Ok(Some((7, 10))));
        assert_eq!(parse_range(Some("bytes=5-99"), 10), Ok(Some((5, 10))));
        assert_eq!(parse_range(Some("bytes=10-12"), 10), Err(()));
        assert_eq!(parse_range(Some("bytes=-0"), 10), Err(()));
        // Not understood: the whole body, as HTTP allows.
        assert_eq!(parse_range(Some("bytes=4-2"), 10), Ok(None));
        assert_eq!(parse_range(Some("items=1-2"), 10), Ok(None));
        assert_eq!(parse_range(Some("bytes=0-1,4-5"), 10), Ok(None));
    }

    #[test]
    fn slices_across_chunks() {
        let chunks = [Bytes::from_static(b"abc"), Bytes::from_static(b"defg")];
        let joined: Vec<u8> = slice_chunks(&chunks, 2, 5).concat();
        assert_eq!(joined, b"cde");
        assert!(slice_chunks(&chunks, 7, 7).is_empty());
    }
}
