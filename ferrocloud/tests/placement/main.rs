//! Placement v1 resources against a mock Placement: requests as sent (with the
//! microversion header), official samples as answers.

#[path = "../common/mod.rs"]
mod common;

use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Where the official samples are, under `placement/`.
pub const SAMPLES: &str = "placement/api-ref/source/samples";

/// A Placement client of a mock server (endpoint `/placement`), pinned to `version`.
pub async fn placement(server: &MockServer, version: &str) -> ferrocloud::ServiceClient {
    let p = common::provider(server).await;
    ferrocloud::openstack::new_placement_v1(&p, ferrocloud::EndpointOpts::default())
        .unwrap()
        .with_microversion(version)
}

/// An answer with the sample `name` (under `placement/api-ref/source/samples/`) as its
/// body, or none.
pub fn reply(status: u16, name: Option<&str>) -> ResponseTemplate {
    let r = ResponseTemplate::new(status);
    match name {
        Some(name) => r
            .set_body_string(common::sample(&format!("{SAMPLES}/{name}")))
            .insert_header("content-type", "application/json"),
        None => r,
    }
}

/// Expects exactly one `verb` request to `rel` (under `/placement/`) carrying
/// `OpenStack-API-Version: placement <version>`, whose JSON body equals the sample
/// `request` (when given), and answers it with `status` and the sample `answer`.
pub async fn expect(
    server: &MockServer,
    version: &str,
    verb: &str,
    rel: &str,
    request: Option<&str>,
    status: u16,
    answer: Option<&str>,
) {
    let mut m = Mock::given(method(verb))
        .and(path(format!("/placement/{rel}")))
        .and(header(
            "openstack-api-version",
            format!("placement {version}").as_str(),
        ));
    if let Some(req) = request {
        m = m.and(body_json(common::sample_json(&format!("{SAMPLES}/{req}"))));
    }
    m.respond_with(reply(status, answer))
        .expect(1)
        .mount(server)
        .await;
}

mod allocations;
mod providers;
