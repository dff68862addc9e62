//! Secrets at the edges: a service that echoes the request in its error message, and
//! token answers malformed so that a decoder would quote the token. The secrets must not
//! reach the error's Display or Debug (nor its sources), nor the log.

use std::future::Future;
use std::io::Write;
use std::sync::{Arc, Mutex};

use ferrocloud::openstack::identity::v3::users::{self, ChangePasswordOpts, CreateOpts};
use ferrocloud::{AuthOptions, Error, ErrorKind, ProviderClient, ServiceClient};
use serde_json::json;

use crate::server::*;

/// A password with characters that JSON, debug and form encodings escape.
const PASSWORD: &str = "pw\"7c1d/é\\SECRET-1";
const NEW_PASSWORD: &str = "new-pw-88a3-SECRET-2";
const TOKEN: &str = "gAAAAB-subject-token-SECRET-3";

/// Fragments of the secrets that survive any escaping.
const MARKS: &[&str] = &[
    "7c1d",
    "SECRET-1",
    "88a3",
    "SECRET-2",
    "subject-token",
    "SECRET-3",
];

#[derive(Clone, Default)]
struct Log(Arc<Mutex<Vec<u8>>>);

impl Write for Log {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs `case` on a runtime of its own, on one thread where every trace event is
/// captured, and returns its output with the log.
async fn traced<F, Fut>(case: F) -> (Fut::Output, String)
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future,
    Fut::Output: Send + 'static,
{
    tokio::task::spawn_blocking(move || {
        let log = Log::default();
        let writer = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        let out = tracing::subscriber::with_default(subscriber, || {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap()
                .block_on(case())
        });
        let text = String::from_utf8_lossy(&log.0.lock().unwrap()).into_owned();
        (out, text)
    })
    .await
    .unwrap()
}

/// The error's Display, Debug and every source, and the log, hold none of the secrets.
fn assert_clean(what: &str, err: &Error, log: &str) {
    assert!(
        log.contains("POST"),
        "{what}: the requests were not traced:\n{log}"
    );
    let mut text = format!("{err}\n{err:?}\n{log}");
    let mut cur = std::error::Error::source(err);
    while let Some(s) = cur {
        text.push_str(&format!("\n{s}\n{s:?}"));
        cur = s.source();
    }
    for m in MARKS {
        assert!(!text.contains(m), "{what}: {m:?} leaked in:\n{text}");
    }
}

fn identity(s: &FaultServer) -> ServiceClient {
    let p = ProviderClient::builder(format!("{}/v3", s.uri))
        .retry(fast())
        .build()
        .unwrap();
    p.set_token("tok-0000", None);
    ServiceClient::new(p, "identity", &format!("{}/v3", s.uri), None).unwrap()
}

/// A Keystone-style 400 whose message quotes `body`.
fn echo_json(status: u16, body: &str) -> Fault {
    let msg = format!("Invalid input for field 'user': {body}");
    answer(
        status,
        &json!({"error": {"message": msg, "code": status, "title": "Bad Request"}}).to_string(),
    )
}

/// A plain-text answer that is the request body, verbatim.
fn echo_text(status: u16, body: &str) -> Fault {
    answer_with(status, vec![("content-type", "text/plain".into())], body)
}

pub(crate) async fn echoing_bad_request_hides_the_password() {
    let ((err, err2, sent), log) = traced(|| async {
        // users::create, echoed in a JSON message.
        let opts = CreateOpts::new("alice").password(PASSWORD);
        let body = format!(r#"{{"user":{}}}"#, serde_json::to_string(&opts).unwrap());
        let s = FaultServer::start(vec![echo_json(400, &body)]).await;
        let err = users::create(&identity(&s), &opts)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::BadRequest);
        assert!(err.service_message().contains("[REDACTED]"), "{err}");
        assert!(err.service_message().contains("alice"), "{err}");
        let sent = s.requests();
        tally(&s, 1);

        // change_password, echoed as plain text.
        let opts = ChangePasswordOpts::new(PASSWORD, NEW_PASSWORD);
        let body = json!({ "user": &opts }).to_string();
        let s = FaultServer::start(vec![echo_text(400, &body)]).await;
        let err2 = users::change_password(&identity(&s), "u1", &opts)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err2.kind(), ErrorKind::BadRequest);
        assert_eq!(
            err2.service_message().matches("[REDACTED]").count(),
            2,
            "{err2}"
        );
        tally(&s, 1);
        (err, err2, sent)
    })
    .await;
    // The password did reach the service, in the body that was echoed.
    let body = String::from_utf8_lossy(&sent[0].body).into_owned();
    assert!(body.contains("SECRET-1"), "{body}");
    let opts = CreateOpts::new("alice").password(PASSWORD);
    assert_eq!(
        body,
        format!(r#"{{"user":{}}}"#, serde_json::to_string(&opts).unwrap())
    );
    assert_clean("users::create", &err, &log);
    assert_clean("change_password", &err2, &log);
}

pub(crate) async fn echoing_token_request_hides_the_password() {
    let ((v3, v2), log) = traced(|| async {
        let s = FaultServer::start(Vec::new()).await;
        let opts = AuthOptions::password(format!("{}/v3", s.uri), "alice", PASSWORD)
            .user_domain_id("default")
            .passcode("918273-SECRET-2");
        let body = opts.v3_request_body().unwrap().to_string();
        s.script.lock().unwrap().push_back(echo_json(400, &body));
        let p = ProviderClient::builder(&opts.auth_url)
            .retry(fast())
            .build()
            .unwrap();
        let v3 = p.authenticate(opts).await.unwrap_err();
        assert_eq!(v3.kind(), ErrorKind::BadRequest);
        assert_eq!(s.count("POST", "/v3/auth/tokens"), 1);
        tally(&s, 1);

        let s = FaultServer::start(Vec::new()).await;
        let opts = AuthOptions::password(format!("{}/v2.0", s.uri), "alice", PASSWORD);
        let body = opts.v2_request_body().unwrap().to_string();
        s.script.lock().unwrap().push_back(echo_text(401, &body));
        let p = ProviderClient::builder(&opts.auth_url)
            .retry(fast())
            .build()
            .unwrap();
        let v2 = p.authenticate(opts).await.unwrap_err();
        assert_eq!(v2.kind(), ErrorKind::Unauthorized);
        assert!(v2.service_message().contains("[REDACTED]"), "{v2}");
        tally(&s, 1);
        (v3, v2)
    })
    .await;
    assert_clean("v3 token request", &v3, &log);
    assert_clean("v2.0 token request", &v2, &log);
}

/// Authenticates against an answer of `status` with `body` (and the token in
/// `X-Subject-Token` for v3), and returns the error.
async fn malformed(version: &str, body: serde_json::Value) -> Error {
    let answer = answer_with(
        201,
        vec![
            ("content-type", "application/json".into()),
            ("x-subject-token", TOKEN.into()),
        ],
        &body.to_string(),
    );
    let s = FaultServer::start(vec![answer]).await;
    let url = format!("{}/{version}", s.uri);
    let p = ProviderClient::builder(&url).retry(fast()).build().unwrap();
    let err = p
        .authenticate(AuthOptions::password(url, "alice", "pw-1234").user_domain_id("default"))
        .await
        .unwrap_err();
    tally(&s, 1);
    err
}

pub(crate) async fn malformed_token_answers_hide_the_token() {
    let (errs, log) = traced(|| async {
        let cases = [
            (
                "v3",
                json!({"token": {"expires_at": TOKEN, "methods": ["password"]}}),
                "token.expires_at: invalid value: string",
            ),
            (
                "v3",
                json!({"token": {"methods": TOKEN}}),
                "token.methods: invalid type: string, expected a sequence",
            ),
            (
                "v3",
                json!({"token": {"user": {"id": "u", "name": ["x", {"a": TOKEN}]}}}),
                "token.user.name: invalid type: sequence",
            ),
            (
                "v3",
                json!({"token": {"catalog": [{"type": "compute", "endpoints": TOKEN}]}}),
                "invalid type: string",
            ),
            (
                "v2.0",
                json!({"access": {"token": {"id": TOKEN, "expires": TOKEN}}}),
                "access.token.expires: invalid value: string",
            ),
            (
                "v2.0",
                json!({"access": {"token": {"id": TOKEN, "tenant": TOKEN}}}),
                "access.token.tenant: invalid type: string",
            ),
            (
                "v2.0",
                json!({"access": {"token": {"id": 12, "issued_at": TOKEN}}}),
                "access.token.id: invalid type: integer, expected a string",
            ),
        ];
        let mut errs = Vec::new();
        for (version, body, want) in cases {
            let err = malformed(version, body).await;
            assert_eq!(err.kind(), ErrorKind::Decode, "{err}");
            assert!(err.to_string().contains(want), "{want:?} not in {err}");
            errs.push(err);
        }
        errs
    })
    .await;
    for err in &errs {
        assert_clean("malformed token answer", err, &log);
    }
}
