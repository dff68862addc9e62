//! Database v1.0 resources against a mock Trove: requests as sent (method, path, query,
//! body), official samples as answers.

#[path = "../common/mod.rs"]
mod common;

use serde_json::Value;
use wiremock::MockServer;

pub use common::Expect;

/// A database client of a mock Trove, found in the mock catalog (endpoint
/// `/database/v1.0/p1`).
pub async fn trove(server: &MockServer) -> ferrocloud::ServiceClient {
    let p = common::provider(server).await;
    ferrocloud::openstack::new_database_v1(&p, Default::default()).unwrap()
}

/// The sample `name` (under `database/api-ref/source/samples/`).
pub fn sample(name: &str) -> Value {
    common::sample_json(&format!("database/api-ref/source/samples/{name}"))
}

/// Mounts `e` for `verb` `rel` (under `/database/v1.0/p1/`, or the root when `rel`
/// starts with `/`), expecting it exactly once.
pub async fn expect(server: &MockServer, verb: &str, rel: &str, e: Expect<'_>) {
    let full = match rel.strip_prefix('/') {
        Some(root) => format!("/database/{root}"),
        None => format!("/database/v1.0/p1/{rel}"),
    };
    common::expect_at(server, verb, &full, e).await;
}

/// `e` answering the sample `name`.
pub fn answer(name: &str) -> Expect<'static> {
    Expect {
        answer: Some(sample(name)),
        ..Default::default()
    }
}

/// `e` sending the sample `name` and answering `status`.
pub fn sends(name: &str, status: u16) -> Expect<'static> {
    Expect {
        body: Some(sample(name)),
        status,
        ..Default::default()
    }
}

mod datastores;
mod instances;
mod resources;
