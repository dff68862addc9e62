//! DNS v2 resources against a mock Designate: requests as sent, official samples as
//! answers. One module per group of resources.

#[path = "../common/mod.rs"]
mod common;

use serde_json::Value;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Where the official samples are, under `dns/`.
pub const SAMPLES: &str = "api-ref/source/samples";

/// A DNS v2 client of a mock Designate (endpoint `/dns`, resources under `/dns/v2/`).
pub async fn dns(server: &MockServer) -> ferrocloud::ServiceClient {
    let p = common::provider(server).await;
    ferrocloud::ServiceClient::new(p, "dns", &format!("{}/dns", server.uri()), Some("v2")).unwrap()
}

/// The sample `name` (under `dns/api-ref/source/samples/`) as JSON.
pub fn sample(name: &str) -> Value {
    common::sample_json(&format!("dns/{SAMPLES}/{name}"))
}

/// The sample `name` as text.
pub fn sample_text(name: &str) -> String {
    common::sample(&format!("dns/{SAMPLES}/{name}"))
}

/// An answer with `body` as JSON.
pub fn reply_json(status: u16, body: &Value) -> ResponseTemplate {
    ResponseTemplate::new(status)
        .set_body_string(body.to_string())
        .insert_header("content-type", "application/json")
}

/// An answer with the sample `name` as its body, or none.
pub fn reply(status: u16, name: Option<&str>) -> ResponseTemplate {
    match name {
        Some(name) => reply_json(status, &sample(name)),
        None => ResponseTemplate::new(status),
    }
}

/// Expects exactly one `verb` request to `rel` (under `/dns/v2/`) whose JSON body equals
/// the sample `request` (when given), and answers it with `status` and the sample
/// `answer`.
pub async fn expect(
    server: &MockServer,
    verb: &str,
    rel: &str,
    request: Option<&str>,
    status: u16,
    answer: Option<&str>,
) {
    let mut m = Mock::given(method(verb)).and(path(format!("/dns/v2/{rel}")));
    if let Some(req) = request {
        m = m.and(body_json(sample(req)));
    }
    m.respond_with(reply(status, answer))
        .expect(1)
        .mount(server)
        .await;
}

/// A listing sample whose `links.next` (written for Designate's own address) points at
/// the mock server with `query`, or is removed when `query` is `None`.
pub fn relinked(server: &MockServer, name: &str, rel: &str, query: Option<&str>) -> Value {
    let mut v = sample(name);
    let links = v["links"].as_object_mut().expect("links");
    match query {
        Some(q) => {
            links.insert(
                "next".into(),
                format!("{}/dns/v2/{rel}?{q}", server.uri()).into(),
            );
        }
        None => {
            links.remove("next");
        }
    }
    v
}

/// Fast waiter options for the tests.
pub fn quick() -> ferrocloud::wait::WaitOpts {
    use std::time::Duration;
    ferrocloud::wait::WaitOpts::new(Duration::from_secs(5))
        .interval(Duration::from_millis(1), Duration::from_millis(5))
}

mod admin;
mod recordsets;
mod transfers;
mod zones;
