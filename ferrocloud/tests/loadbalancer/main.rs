//! Load balancer v2 resources against a mock Octavia: requests as sent, official samples
//! as answers. One module per group of resources.

#[path = "../common/mod.rs"]
mod common;

use serde_json::Value;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A load balancer v2 client of a mock Octavia, found in the mock catalog (endpoint
/// `/load-balancer`, resources under `/load-balancer/v2/`).
pub async fn lb(server: &MockServer) -> ferrocloud::ServiceClient {
    let p = common::provider(server).await;
    ferrocloud::openstack::new_load_balancer_v2(&p, Default::default()).unwrap()
}

/// The sample `name` (under `load-balancer/api-ref/source/v2/examples/`) as JSON.
pub fn sample(name: &str) -> Value {
    common::sample_json(&format!("load-balancer/api-ref/source/v2/examples/{name}"))
}

/// An answer with `body` as JSON.
pub fn reply_json(status: u16, body: &Value) -> ResponseTemplate {
    ResponseTemplate::new(status)
        .set_body_string(body.to_string())
        .insert_header("content-type", "application/json")
}

/// Expects exactly one `verb` request to `rel` (under `/load-balancer/v2/`) whose JSON
/// body equals `request` (when given), and answers it with `status` and the sample
/// `answer`.
pub async fn expect(
    server: &MockServer,
    verb: &str,
    rel: &str,
    request: Option<Value>,
    status: u16,
    answer: Option<&str>,
) {
    let mut m = Mock::given(method(verb)).and(path(format!("/load-balancer/v2/{rel}")));
    if let Some(req) = request {
        m = m.and(body_json(req));
    }
    let reply = match answer {
        Some(name) => reply_json(status, &sample(name)),
        None => ResponseTemplate::new(status),
    };
    m.respond_with(reply).expect(1).mount(server).await;
}

/// Fast waiter options for the tests.
pub fn quick() -> ferrocloud::wait::WaitOpts {
    use std::time::Duration;
    ferrocloud::wait::WaitOpts::new(Duration::from_secs(5))
        .interval(Duration::from_millis(1), Duration::from_millis(5))
}

mod admin;
mod listeners;
mod loadbalancers;
mod pools;
