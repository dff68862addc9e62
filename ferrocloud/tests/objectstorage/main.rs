//! Object Storage v1 resources against a mock Swift: requests as sent (headers, query,
//! bytes), official samples and Swift's headers as answers. One module per resource.

#[path = "../common/mod.rs"]
mod common;

use wiremock::MockServer;

/// Where the official samples are, under `object-store/`.
pub const SAMPLES: &str = "api-ref/source/samples";

/// The account's path on the mock (`/swift/v1/AUTH_p1`).
pub const ACCOUNT: &str = "/swift/v1/AUTH_p1";

/// An object storage client of a mock Swift (endpoint `/swift/v1/AUTH_p1`).
pub async fn swift(server: &MockServer) -> ferrocloud::ServiceClient {
    let p = common::provider(server).await;
    ferrocloud::openstack::new_object_storage_v1(&p, ferrocloud::EndpointOpts::default()).unwrap()
}

/// The official sample `name` (under `object-store/api-ref/source/samples/`).
pub fn sample(name: &str) -> String {
    common::sample(&format!("object-store/{SAMPLES}/{name}"))
}

/// The requests the mock received with `verb` and `path`.
pub async fn received(server: &MockServer, verb: &str, path: &str) -> Vec<wiremock::Request> {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r.method.as_str() == verb && r.url.path() == path)
        .collect()
}

mod account;
mod capabilities;
mod containers;
mod objects;
mod swift_auth;
