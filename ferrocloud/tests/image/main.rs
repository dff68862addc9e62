//! Image v2 resources against a mock Glance: requests as sent, official samples as
//! answers. One module per resource.

#[path = "../common/mod.rs"]
mod common;

use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Where the official v2 samples are, under `image/`.
pub const V2: &str = "api-ref/source/v2/samples";

/// An image v2 client of a mock Glance (endpoint `/image`, resources under `/image/v2/`).
pub async fn image(server: &MockServer) -> ferrocloud::ServiceClient {
    let p = common::provider(server).await;
    ferrocloud::openstack::new_image_v2(&p, ferrocloud::EndpointOpts::default()).unwrap()
}

/// An answer with the v2 sample `name` (under `image/api-ref/source/v2/samples/`) as its
/// body, or none.
pub fn reply(status: u16, name: Option<&str>) -> ResponseTemplate {
    let r = ResponseTemplate::new(status);
    match name {
        Some(name) => r
            .set_body_string(common::sample(&format!("image/{V2}/{name}")))
            .insert_header("content-type", "application/json"),
        None => r,
    }
}

/// Expects exactly one `verb` request to `rel` (under `/image/v2/`) whose JSON body
/// equals the v2 sample `request` (when given), and answers it with `status` and the v2
/// sample `answer`.
pub async fn expect(
    server: &MockServer,
    verb: &str,
    rel: &str,
    request: Option<&str>,
    status: u16,
    answer: Option<&str>,
) {
    let mut m = Mock::given(method(verb)).and(path(format!("/image/v2/{rel}")));
    if let Some(req) = request {
        m = m.and(body_json(common::sample_json(&format!("image/{V2}/{req}"))));
    }
    m.respond_with(reply(status, answer))
        .expect(1)
        .mount(server)
        .await;
}

mod data;
mod images;
mod metadefs;
mod others;
mod schemas;
mod versions;
