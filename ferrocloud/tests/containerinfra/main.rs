//! Container infrastructure v1 resources against a mock Magnum: requests as sent
//! (method, path, query, microversion header, body), official samples as answers.

#[path = "../common/mod.rs"]
mod common;

use serde_json::Value;
use wiremock::MockServer;

/// A container infrastructure v1 client of a mock Magnum, found in the mock catalog
/// (endpoint `/magnum/v1`).
pub async fn magnum(server: &MockServer) -> ferrocloud::ServiceClient {
    let p = common::provider(server).await;
    ferrocloud::openstack::new_container_infra_v1(&p, Default::default()).unwrap()
}

/// The sample `name` (under `container-infrastructure-management/api-ref/source/samples/`).
pub fn sample(name: &str) -> Value {
    common::sample_json(&format!(
        "container-infrastructure-management/api-ref/source/samples/{name}"
    ))
}

pub use common::Expect;

/// Mounts `e` for `verb` `rel` (under `/magnum/v1/`, or the root when `rel` starts
/// with `/`), expecting it exactly once.
pub async fn expect(server: &MockServer, verb: &str, rel: &str, e: Expect<'_>) {
    let full = match rel.strip_prefix('/') {
        Some(root) => format!("/magnum/{root}"),
        None => format!("/magnum/v1/{rel}"),
    };
    common::expect_at(server, verb, &full, e).await;
}

/// Fast waiter options for the tests.
pub fn quick() -> ferrocloud::wait::WaitOpts {
    use std::time::Duration;
    ferrocloud::wait::WaitOpts::new(Duration::from_secs(5))
        .interval(Duration::from_millis(1), Duration::from_millis(5))
}

mod certificates;
mod clusters;
mod clustertemplates;
mod service;
