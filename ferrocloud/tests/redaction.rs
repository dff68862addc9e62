//! Secrets never appear in Debug output, logs or error messages.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use common::*;
use ferrocloud::openstack::compute::v2::servers;
use ferrocloud::{AuthOptions, EndpointOpts, openstack};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[derive(Clone, Default)]
struct Buf(Arc<Mutex<Vec<u8>>>);

impl Write for Buf {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const PASSWORD: &str = "pw-7c1d9e-SECRET";
const TOKEN_1: &str = "gAAAA-token-one-SECRET";
const TOKEN_2: &str = "gAAAA-token-two-SECRET";
const AC_SECRET: &str = "ac-secret-SECRET";
const PASSCODE: &str = "918273";

#[tokio::test]
async fn no_secret_in_logs_debug_or_errors() {
    let buf = Buf::default();
    let writer = buf.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = MockServer::start().await;
    let uri = server.uri();
    Mock::given(method("POST"))
        .and(path("/identity/v3/auth/tokens"))
        .respond_with(token_response(&uri, TOKEN_1, "2999-01-01T00:00:00Z"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/identity/v3/auth/tokens"))
        .respond_with(token_response(&uri, TOKEN_2, "2999-01-01T00:00:00Z"))
        .with_priority(2)
        .mount(&server)
        .await;
    // The first token is refused (forcing re-authentication), then a 404 with an error body.
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/x"))
        .and(wiremock::matchers::header("x-auth-token", TOKEN_1))
        .respond_with(ResponseTemplate::new(401))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/x"))
        .respond_with(
            ResponseTemplate::new(404)
                .set_body_string(r#"{"itemNotFound": {"message": "nope", "code": 404}}"#),
        )
        .mount(&server)
        .await;

    let mut opts = AuthOptions::password(format!("{uri}/identity/v3"), "alice", PASSWORD)
        .user_domain_id("default")
        .passcode(PASSCODE);
    opts.application_credential_secret = Some(AC_SECRET.to_string().into());
    let provider = ferrocloud::ProviderClient::builder(&opts.auth_url)
        .build()
        .unwrap();
    // Application credential fields set alongside a password: only the app cred is sent,
    // but every secret is held by the options.
    let mut pw_opts = opts.clone();
    pw_opts.application_credential_secret = None;
    provider.authenticate(pw_opts).await.unwrap();
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
    let result = servers::get(&compute, "x").await;
    let err = result.extract().unwrap_err();

    // A failed authentication's error, too.
    let bad = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(401).set_body_string(format!("bad password {}", "(not echoed)")),
        )
        .mount(&bad)
        .await;
    let bad_err = openstack::authenticated_client(
        AuthOptions::password(format!("{}/v3", bad.uri()), "alice", PASSWORD)
            .user_domain_id("default"),
    )
    .await
    .unwrap_err();

    let mut shown = String::from_utf8(buf.0.lock().unwrap().clone()).unwrap();
    // The request event names the operation (what the live coverage report reads).
    assert!(
        shown.contains("status=404")
            && shown.contains("operation=compute GET /servers/{server_id}"),
        "{shown}"
    );
    for text in [
        format!("{opts:?}"),
        format!("{opts:#?}"),
        format!("{provider:?}"),
        format!("{compute:?}"),
        format!("{result:?}"),
        format!("{err:?}"),
        format!("{err}"),
        format!("{bad_err:?}"),
        format!("{bad_err}"),
        format!("{:?}", provider.auth_info()),
        format!("{:?}", provider.token()),
    ] {
        shown.push_str(&text);
        shown.push('\n');
    }
    assert!(shown.contains("request"), "the logs were captured: {shown}");
    assert!(shown.contains("/compute/v2.1/servers/x"), "{shown}");
    for secret in [PASSWORD, TOKEN_1, TOKEN_2, AC_SECRET, PASSCODE] {
        assert!(!shown.contains(secret), "{secret} leaked:\n{shown}");
    }
}
