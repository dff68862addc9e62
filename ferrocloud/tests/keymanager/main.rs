//! Key manager v1 resources against a mock Barbican: requests as sent, answers built
//! from the fields and examples of Barbican's API reference (Barbican publishes no
//! sample files). One module per resource.

#[path = "../common/mod.rs"]
mod common;

use serde_json::{Value, json};
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Where the mock Barbican serves its resources.
pub const BASE: &str = "/key-manager/v1";

/// A key manager client of a mock Barbican (endpoint `/key-manager`, resources under
/// `/key-manager/v1/`), authenticated against a mock Keystone whose catalog lists it.
pub async fn barbican(server: &MockServer) -> ferrocloud::ServiceClient {
    let uri = server.uri();
    let mut body = common::token_body(&uri, "2999-01-01T00:00:00Z");
    body["token"]["catalog"].as_array_mut().unwrap().push(
        json!({"type": "key-manager", "name": "barbican", "id": "barbican",
            "endpoints": [{"id": "barbican-pub", "interface": "public", "region": "RegionOne",
                "region_id": "RegionOne", "url": format!("{uri}/key-manager")}]}),
    );
    Mock::given(method("POST"))
        .and(path("/identity/v3/auth/tokens"))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header("x-subject-token", "tok-1")
                .set_body_json(body),
        )
        .mount(server)
        .await;
    let provider = ferrocloud::openstack::authenticated_client(common::password_opts(server))
        .await
        .unwrap();
    ferrocloud::openstack::new_key_manager_v1(&provider, ferrocloud::EndpointOpts::default())
        .unwrap()
}

/// The full URL of `rel` on the mock Barbican (a reference, as Barbican writes them).
pub fn href(server: &MockServer, rel: &str) -> String {
    format!("{}{BASE}/{rel}", server.uri())
}

/// A JSON answer.
pub fn reply(status: u16, body: Option<Value>) -> ResponseTemplate {
    let r = ResponseTemplate::new(status);
    match body {
        Some(b) => r.set_body_json(b),
        None => r,
    }
}

/// Expects exactly one `verb` request to `rel` (under `/key-manager/v1/`) whose JSON
/// body equals `request` (when given), and answers it with `status` and `answer`.
pub async fn expect(
    server: &MockServer,
    verb: &str,
    rel: &str,
    request: Option<Value>,
    status: u16,
    answer: Option<Value>,
) {
    let mut m = Mock::given(method(verb)).and(path(format!("{BASE}/{rel}")));
    if let Some(req) = request {
        m = m.and(body_json(req));
    }
    m.respond_with(reply(status, answer))
        .expect(1)
        .mount(server)
        .await;
}

/// How many requests reached Barbican (anything under `/key-manager/`).
pub async fn sent(server: &MockServer) -> usize {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter(|r| r.url.path().starts_with("/key-manager/"))
        .count()
}

/// Barbican's error body.
pub fn error_body(code: u16, title: &str, description: &str) -> Value {
    json!({"code": code, "title": title, "description": description})
}

mod acls;
mod consumers;
mod containers;
mod orders;
mod quotas;
mod secret_metadata;
mod secret_stores;
mod secrets;
