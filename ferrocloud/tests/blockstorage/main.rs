//! Block Storage v3 (and v2) resources against a mock Cinder: requests as sent, official
//! samples as answers. One module per resource.

#[path = "../common/mod.rs"]
mod common;

use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Where the official v3 samples are, under `block-storage/`.
pub const V3: &str = "api-ref/source/v3/samples";
/// Where the official v2 samples are, under `block-storage/`.
pub const V2: &str = "api-ref/source/v2/samples";

/// A block storage v3 client of a mock Cinder (endpoint `/volume/v3/p1`).
pub async fn volume(server: &MockServer) -> ferrocloud::ServiceClient {
    let p = common::provider(server).await;
    ferrocloud::openstack::new_block_storage_v3(&p, ferrocloud::EndpointOpts::default()).unwrap()
}

/// A block storage v2 client of a mock Cinder (endpoint `/volume/v2/p1`).
pub async fn volume_v2(server: &MockServer) -> ferrocloud::ServiceClient {
    let p = common::provider(server).await;
    ferrocloud::openstack::new_block_storage_v2(&p, ferrocloud::EndpointOpts::default()).unwrap()
}

/// An answer with the sample `rel` (under `block-storage/`) as its body, or none.
pub fn reply(status: u16, rel: Option<&str>) -> ResponseTemplate {
    let r = ResponseTemplate::new(status);
    match rel {
        Some(rel) => r.set_body_string(common::sample(&format!("block-storage/{rel}"))),
        None => r,
    }
}

/// Expects exactly one `verb` request to `rel` (under the v3 endpoint, `/volume/v3/p1/`)
/// whose JSON body equals the sample `request` (when given), and answers it with
/// `status` and the sample `answer`.
pub async fn expect(
    server: &MockServer,
    verb: &str,
    rel: &str,
    request: Option<&str>,
    status: u16,
    answer: Option<&str>,
) {
    expect_at(
        server,
        verb,
        &format!("/volume/v3/p1/{rel}"),
        request,
        status,
        answer,
    )
    .await
}

/// Like [`expect`], with the full path of the mock (`/volume/v2/p1/…` for v2).
pub async fn expect_at(
    server: &MockServer,
    verb: &str,
    full_path: &str,
    request: Option<&str>,
    status: u16,
    answer: Option<&str>,
) {
    let mut m = Mock::given(method(verb)).and(path(full_path));
    if let Some(req) = request {
        m = m.and(body_json(common::sample_json(&format!(
            "block-storage/{req}"
        ))));
    }
    m.respond_with(reply(status, answer))
        .expect(1)
        .mount(server)
        .await;
}

mod attachments;
mod backends;
mod backups;
mod groups;
mod manageable_snapshots;
mod manageable_volumes;
mod qos_specs;
mod quotas;
mod services;
mod snapshots;
mod volume_actions;
mod volume_metadata;
mod volume_transfers;
mod volume_types;
mod volumes;
