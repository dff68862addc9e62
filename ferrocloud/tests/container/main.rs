//! Application container v1 resources against a mock Zun: requests as sent, official
//! samples as answers.

#[path = "../common/mod.rs"]
mod common;

use serde_json::Value;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Where the official samples are.
pub const S: &str = "application-container/api-ref/source/samples";

/// The microversion the tests pin.
pub const MV: &str = "1.40";

/// A Zun client of the mock server (endpoint `/container/v1`), pinned to `mv`.
pub async fn zun(server: &MockServer, mv: &str) -> ferrocloud::ServiceClient {
    let p = common::provider(server).await;
    ferrocloud::openstack::new_container_v1(&p, Default::default())
        .unwrap()
        .with_microversion(mv)
}

/// The sample `name` as JSON.
pub fn sample(name: &str) -> Value {
    common::sample_json(&format!("{S}/{name}"))
}

/// One expected request: method, path under `/container/v1/`, query pairs, JSON body.
pub struct Call<'a> {
    pub verb: &'a str,
    pub rel: &'a str,
    pub query: &'a [(&'a str, &'a str)],
    pub body: Option<Value>,
}

impl<'a> Call<'a> {
    pub fn new(verb: &'a str, rel: &'a str) -> Self {
        Call {
            verb,
            rel,
            query: &[],
            body: None,
        }
    }

    pub fn query(mut self, q: &'a [(&'a str, &'a str)]) -> Self {
        self.query = q;
        self
    }

    pub fn body(mut self, b: Value) -> Self {
        self.body = Some(b);
        self
    }
}

/// Starts a mock server expecting `call` exactly once with microversion `mv`, answered
/// with `status` and `answer` (a JSON body), and returns it with a client.
pub async fn serve(
    call: Call<'_>,
    mv: &str,
    status: u16,
    answer: Option<Value>,
) -> (MockServer, ferrocloud::ServiceClient) {
    let server = MockServer::start().await;
    let mut m = Mock::given(method(call.verb))
        .and(path(format!("/container/v1/{}", call.rel)))
        .and(header(
            "openstack-api-version",
            format!("container {mv}").as_str(),
        ));
    for (k, v) in call.query {
        m = m.and(query_param(*k, *v));
    }
    if let Some(b) = call.body {
        m = m.and(body_json(b));
    }
    let mut r = ResponseTemplate::new(status);
    if let Some(a) = answer {
        r = r.set_body_json(a);
    }
    m.respond_with(r).expect(1).mount(&server).await;
    let client = zun(&server, mv).await;
    (server, client)
}

/// A mock server that expects nothing, and a client of it pinned to `mv`.
pub async fn unused(mv: &str) -> (MockServer, ferrocloud::ServiceClient) {
    let server = MockServer::start().await;
    let client = zun(&server, mv).await;
    (server, client)
}

mod containers;
mod others;
