//! Orchestration v1 (Heat) against a mock Heat: requests as sent, official samples as
//! answers. The client comes from the mock catalog (`orchestration`, endpoint
//! `/heat/v1/p1`), so every path below is checked from the catalog's endpoint on.

#[path = "../common/mod.rs"]
mod common;

use serde_json::{Value, json};
use wiremock::matchers::{body_json, method, path};
use wiremock::{Match, Mock, MockServer, Request, ResponseTemplate};

/// Where the official samples are, under `conformance/api-samples/`.
pub const SAMPLES: &str = "orchestration/api-ref/source/v1/samples";

/// The path of Heat's endpoint on the mock server (`v1/{project_id}`).
pub const BASE: &str = "/heat/v1/p1";

/// An orchestration client made from the mock catalog.
pub async fn heat(server: &MockServer) -> ferrocloud::ServiceClient {
    let p = common::provider(server).await;
    let client =
        ferrocloud::openstack::new_orchestration_v1(&p, ferrocloud::EndpointOpts::default())
            .unwrap();
    assert_eq!(
        client.endpoint().as_str().trim_end_matches('/'),
        format!("{}{BASE}", server.uri())
    );
    client
}

/// The full path of `rel` under Heat's endpoint.
pub fn at(rel: &str) -> String {
    format!("{BASE}/{rel}")
}

/// The sample `name` as JSON.
pub fn sample(name: &str) -> Value {
    common::sample_json(&format!("{SAMPLES}/{name}"))
}

/// The sample `name` as text.
pub fn sample_text(name: &str) -> String {
    common::sample(&format!("{SAMPLES}/{name}"))
}

/// An answer with `body` as JSON.
pub fn reply_json(status: u16, body: &Value) -> ResponseTemplate {
    ResponseTemplate::new(status)
        .set_body_string(body.to_string())
        .insert_header("content-type", "application/json")
}

/// An answer with the sample `name` as its body (as written), or none.
pub fn reply(status: u16, name: Option<&str>) -> ResponseTemplate {
    match name {
        Some(name) => ResponseTemplate::new(status)
            .set_body_string(sample_text(name))
            .insert_header("content-type", "application/json"),
        None => ResponseTemplate::new(status),
    }
}

/// Heat's error body (`heat.api.middleware.fault`): `{"code", "error": {"message",
/// "traceback", "type"}, "explanation", "title"}`.
pub fn heat_error(status: u16, title: &str, kind: &str, message: &str) -> ResponseTemplate {
    reply_json(
        status,
        &json!({
            "code": status,
            "error": {"message": message, "traceback": null, "type": kind},
            "explanation": "The server could not comply with the request since it is either malformed or otherwise incorrect.",
            "title": title,
        }),
    )
}

/// A `302 Found` as Heat's `lookup` answers it: `Location` and the sample body `body`.
pub fn found(location: &str, body: &str) -> ResponseTemplate {
    reply(302, Some(body)).insert_header("location", location)
}

/// Expects exactly one `verb` request to `rel` (under Heat's endpoint) whose JSON body
/// equals the sample `request` (when given), and answers it with `status` and the sample
/// `answer`.
pub async fn expect(
    server: &MockServer,
    verb: &str,
    rel: &str,
    request: Option<&str>,
    status: u16,
    answer: Option<&str>,
) {
    let mut m = Mock::given(method(verb)).and(path(at(rel)));
    if let Some(req) = request {
        m = m.and(body_json(sample(req)));
    }
    m.respond_with(reply(status, answer))
        .expect(1)
        .mount(server)
        .await;
}

/// `value` without the object members whose value is `null`, at any depth.
pub fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), without_nulls(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

/// Matches a JSON body equal to `0` once the `null` members of both are dropped (Heat
/// reads a missing member as `null`; the SDK leaves out what it was not given).
pub struct JsonSansNulls(pub Value);

impl Match for JsonSansNulls {
    fn matches(&self, request: &Request) -> bool {
        serde_json::from_slice::<Value>(&request.body)
            .is_ok_and(|b| without_nulls(&b) == without_nulls(&self.0))
    }
}

/// The requests the mock Heat received (the Keystone ones left out).
pub async fn heat_requests(server: &MockServer) -> Vec<Request> {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r.url.path().starts_with("/heat"))
        .collect()
}

/// Asserts that `e` was refused as invalid input and that nothing reached Heat.
pub async fn refused_unsent(server: &MockServer, e: &ferrocloud::Error) {
    assert_eq!(e.kind(), ferrocloud::ErrorKind::InvalidInput, "{e}");
    assert!(heat_requests(server).await.is_empty());
}

/// Fast waiter options for the tests.
pub fn quick() -> ferrocloud::wait::WaitOpts {
    use std::time::Duration;
    ferrocloud::wait::WaitOpts::new(Duration::from_secs(5))
        .interval(Duration::from_millis(1), Duration::from_millis(5))
}

mod catalogue;
mod resources;
mod software;
mod stacks;
