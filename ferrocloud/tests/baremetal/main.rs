//! Bare metal v1 resources against a mock Ironic: requests as sent, official samples as
//! answers.

#[path = "../common/mod.rs"]
mod common;

use serde_json::Value;
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A bare metal client of a mock Ironic (resources under `/baremetal/v1/`), pinned to
/// `microversion`.
pub async fn ironic(server: &MockServer, microversion: &str) -> ferrocloud::ServiceClient {
    let p = common::provider(server).await;
    ferrocloud::openstack::new_baremetal_v1(&p, Default::default())
        .unwrap()
        .with_microversion(microversion)
}

/// A mock Ironic and a client of it pinned to `microversion`.
pub async fn mock(microversion: &str) -> (MockServer, ferrocloud::ServiceClient) {
    let server = MockServer::start().await;
    let client = ironic(&server, microversion).await;
    (server, client)
}

/// The sample `name` as JSON.
pub fn sample(name: &str) -> Value {
    common::sample_json(&format!("baremetal/api-ref/source/samples/{name}"))
}

/// An answer with `body` as JSON.
pub fn reply_json(status: u16, body: &Value) -> ResponseTemplate {
    ResponseTemplate::new(status)
        .set_body_string(body.to_string())
        .insert_header("content-type", "application/json")
}

/// Expects one `verb` request to `rel` (under `/baremetal/v1/`) with the microversion
/// header `mv`, whose JSON body is the sample `request` (when given), and answers
/// `status` with the sample `answer`.
pub async fn expect(
    server: &MockServer,
    verb: &str,
    rel: &str,
    mv: &str,
    request: Option<&str>,
    status: u16,
    answer: Option<&str>,
) {
    let mut m = given(verb, rel, mv);
    if let Some(req) = request {
        m = m.and(body_json(sample(req)));
    }
    let reply = match answer {
        Some(a) => reply_json(status, &sample(a)),
        None => ResponseTemplate::new(status),
    };
    m.respond_with(reply).expect(1).mount(server).await;
}

/// A mock of `verb` requests to `rel` (under `/baremetal/v1/`) with the microversion
/// header `mv`, to complete with other matchers and an answer.
pub fn given(verb: &str, rel: &str, mv: &str) -> wiremock::MockBuilder {
    Mock::given(method(verb))
        .and(path(format!("/baremetal/v1/{rel}")))
        .and(header("x-openstack-ironic-api-version", mv))
}

/// Expects one GET of `rel` (under `/baremetal/v1/`) with the microversion header
/// `mv`, and answers `200` with the sample `answer`.
pub async fn answer(server: &MockServer, rel: &str, mv: &str, answer: &str) {
    expect(server, "GET", rel, mv, None, 200, Some(answer)).await;
}

/// Fast waiter options for the tests.
pub fn quick() -> ferrocloud::wait::WaitOpts {
    use std::time::Duration;
    ferrocloud::wait::WaitOpts::new(Duration::from_secs(5))
        .interval(Duration::from_millis(1), Duration::from_millis(5))
}

mod management;
mod nodes;
mod resources;
mod services;
