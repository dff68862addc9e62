//! Shared File Systems v2 resources against a mock Manila: requests as sent, official
//! samples as answers. One module per resource.

#[path = "../common/mod.rs"]
mod common;

use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Where the official samples are, under `shared-file-system/`.
pub const S: &str = "shared-file-system/api-ref/source/samples";

/// The microversion header Manila reads.
pub const MV: &str = "x-openstack-manila-api-version";

/// A shared file systems client of a mock Manila (endpoint `/share/v2/p1`), pinned to
/// `microversion`.
pub async fn manila(server: &MockServer, microversion: &str) -> ferrocloud::ServiceClient {
    let p = common::provider(server).await;
    ferrocloud::openstack::new_shared_file_system_v2(&p, ferrocloud::EndpointOpts::default())
        .unwrap()
        .with_microversion(microversion)
}

/// The sample `name` as JSON.
pub fn sample(name: &str) -> serde_json::Value {
    common::sample_json(&format!("{S}/{name}"))
}

/// An answer with the sample `name` as its body, or none.
pub fn reply(status: u16, name: Option<&str>) -> ResponseTemplate {
    let r = ResponseTemplate::new(status);
    match name {
        Some(n) => r.set_body_string(common::sample(&format!("{S}/{n}"))),
        None => r,
    }
}

/// Expects exactly one `verb` request to `rel` (under `/share/v2/p1/`) carrying the
/// microversion `mv`, whose JSON body equals the sample `request` (when given), and
/// answers it with `status` and the sample `answer`.
pub async fn expect(
    server: &MockServer,
    verb: &str,
    rel: &str,
    mv: &str,
    request: Option<&str>,
    status: u16,
    answer: Option<&str>,
) {
    let mut m = Mock::given(method(verb))
        .and(path(format!("/share/v2/p1/{rel}")))
        .and(header(MV, mv));
    if let Some(req) = request {
        m = m.and(body_json(sample(req)));
    }
    m.respond_with(reply(status, answer))
        .expect(1)
        .mount(server)
        .await;
}

/// Expects one `POST …/action` to `rel` whose body is exactly `body`, answered `202`.
pub async fn expect_action(server: &MockServer, rel: &str, mv: &str, body: serde_json::Value) {
    Mock::given(method("POST"))
        .and(path(format!("/share/v2/p1/{rel}/action")))
        .and(header(MV, mv))
        .and(body_json(body))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(server)
        .await;
}

/// A mock Manila and a client of it pinned to `microversion`.
pub async fn mock(microversion: &str) -> (MockServer, ferrocloud::ServiceClient) {
    let server = MockServer::start().await;
    let client = manila(&server, microversion).await;
    (server, client)
}

/// Expects exactly one `GET` of `rel` carrying the microversion `mv` (and the
/// experimental-API header when `experimental`), answered `200` with the sample `answer`.
pub async fn expect_listing(
    server: &MockServer,
    rel: &str,
    mv: &str,
    experimental: bool,
    answer: &str,
) {
    expect_json(
        server,
        "GET",
        rel,
        mv,
        experimental,
        None,
        200,
        Some(sample(answer)),
    )
    .await;
}

/// Expects exactly one `POST …/action` to `rel` whose body is the sample `request`,
/// answered `202` without a body.
pub async fn expect_action_sample(server: &MockServer, rel: &str, mv: &str, request: &str) {
    expect(
        server,
        "POST",
        &format!("{rel}/action"),
        mv,
        Some(request),
        202,
        None,
    )
    .await;
}

/// Expects exactly one `POST` to `rel` whose body is the request sample `request`,
/// answered `202` with `answer`; gives the options the sample holds under `key`.
pub async fn expect_create<T: serde::de::DeserializeOwned>(
    server: &MockServer,
    (rel, mv, experimental): (&str, &str, bool),
    request: &str,
    key: &str,
    answer: serde_json::Value,
) -> T {
    let req = sample(request);
    let opts = from_sample(&req, key);
    expect_json(
        server,
        "POST",
        rel,
        mv,
        experimental,
        Some(req),
        202,
        Some(answer),
    )
    .await;
    opts
}

/// All the pages of a listing, in one.
pub async fn pages<T: serde::de::DeserializeOwned>(
    pager: ferrocloud::pagination::Pager<T>,
) -> ferrocloud::pagination::Page<T> {
    pager.all_pages().await.unwrap()
}

/// The options that the request sample `request` holds under `key`.
pub fn from_sample<T: serde::de::DeserializeOwned>(request: &serde_json::Value, key: &str) -> T {
    serde_json::from_value(request[key].clone()).unwrap()
}

mod misc;
mod networks;
mod shares;
mod snapshots;
mod types;

/// Expects exactly one `verb` request to `rel` carrying the microversion `mv`, the
/// experimental-API header when `experimental` (and not otherwise), and the JSON body
/// `request` (when given); answers it with `status` and `answer`.
#[allow(clippy::too_many_arguments)]
pub async fn expect_json(
    server: &MockServer,
    verb: &str,
    rel: &str,
    mv: &str,
    experimental: bool,
    request: Option<serde_json::Value>,
    status: u16,
    answer: Option<serde_json::Value>,
) {
    let mut m = Mock::given(method(verb))
        .and(path(format!("/share/v2/p1/{rel}")))
        .and(header(MV, mv))
        .and(Experimental(experimental));
    if let Some(req) = request {
        m = m.and(body_json(req));
    }
    let mut r = ResponseTemplate::new(status);
    if let Some(a) = answer {
        r = r.set_body_json(a);
    }
    m.respond_with(r).expect(1).mount(server).await;
}

/// Matches requests that carry the experimental-API header (`true`) or lack it.
struct Experimental(bool);

impl wiremock::Match for Experimental {
    fn matches(&self, request: &wiremock::Request) -> bool {
        let value = request
            .headers
            .get("x-openstack-manila-api-experimental")
            .and_then(|v| v.to_str().ok());
        match value {
            Some(v) => self.0 && v == "True",
            None => !self.0,
        }
    }
}

mod groups;
mod replicas;
mod servers_backups_locks;
