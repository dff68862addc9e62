//! Shared helpers of the mock-server tests: a Keystone that answers token requests and a
//! catalog pointing back at the mock server.
#![allow(dead_code)]

use ferrocloud::{AuthOptions, ProviderClient};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// The official API samples, copied into the repository.
pub fn sample(rel: &str) -> String {
    let p = format!(
        "{}/../conformance/api-samples/{rel}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

pub fn sample_json(rel: &str) -> Value {
    serde_json::from_str(&sample(rel)).unwrap()
}

/// A catalog whose services live under the mock server.
pub fn catalog(uri: &str) -> Value {
    let svc = |ty: &str, name: &str, url: String| {
        json!({"type": ty, "name": name, "id": name, "endpoints": [
            {"id": format!("{name}-pub"), "interface": "public", "region": "RegionOne", "region_id": "RegionOne", "url": url},
            {"id": format!("{name}-int"), "interface": "internal", "region": "RegionOne", "region_id": "RegionOne", "url": format!("{url}/internal")}
        ]})
    };
    json!([
        svc("identity", "keystone", format!("{uri}/identity")),
        svc("compute", "nova", format!("{uri}/compute/v2.1")),
        svc("network", "neutron", format!("{uri}/network")),
        svc("image", "glance", format!("{uri}/image")),
        svc("volumev3", "cinderv3", format!("{uri}/volume/v3/p1")),
        svc("volumev2", "cinderv2", format!("{uri}/volume/v2/p1")),
        svc("object-store", "swift", format!("{uri}/swift/v1/AUTH_p1")),
        svc("placement", "placement", format!("{uri}/placement")),
        svc("orchestration", "heat", format!("{uri}/heat/v1/p1")),
        svc("sharev2", "manilav2", format!("{uri}/share/v2/p1")),
        svc("baremetal", "ironic", format!("{uri}/baremetal")),
        svc(
            "baremetal-introspection",
            "ironic-inspector",
            format!("{uri}/baremetal-introspection")
        ),
        svc("load-balancer", "octavia", format!("{uri}/load-balancer")),
        svc("container-infra", "magnum", format!("{uri}/magnum/v1")),
        svc("database", "trove", format!("{uri}/database/v1.0/p1")),
        svc("messaging", "zaqar", format!("{uri}/messaging")),
        svc("accelerator", "cyborg", format!("{uri}/accelerator")),
        svc("workflow", "mistral", format!("{uri}/workflow/v2")),
        svc(
            "instance-ha",
            "masakari",
            format!("{uri}/instance-ha/v1/p1")
        ),
        svc("container", "zun", format!("{uri}/container/v1")),
        svc("clustering", "senlin", format!("{uri}/clustering")),
    ])
}

/// An identity v3 token body (the official project-scoped sample, with our catalog and
/// expiry).
pub fn token_body(uri: &str, expires_at: &str) -> Value {
    let mut v = sample_json(
        "identity/api-ref/source/v3/samples/admin/auth-password-project-scoped-response.json",
    );
    v["token"]["catalog"] = catalog(uri);
    v["token"]["expires_at"] = json!(expires_at);
    v
}

pub fn token_response(uri: &str, token: &str, expires_at: &str) -> ResponseTemplate {
    ResponseTemplate::new(201)
        .insert_header("x-subject-token", token)
        .insert_header("x-openstack-request-id", "req-token")
        .set_body_json(token_body(uri, expires_at))
}

/// Mounts a Keystone that issues `token` for any token request.
pub async fn mount_keystone(server: &MockServer, token: &str) {
    Mock::given(method("POST"))
        .and(path("/identity/v3/auth/tokens"))
        .respond_with(token_response(&server.uri(), token, "2999-01-01T00:00:00Z"))
        .mount(server)
        .await;
}

pub fn password_opts(server: &MockServer) -> AuthOptions {
    AuthOptions::password(
        format!("{}/identity/v3", server.uri()),
        "alice",
        "s3cret-pass",
    )
    .user_domain_id("default")
}

/// A provider authenticated against the mock Keystone with token `tok-1`.
pub async fn provider(server: &MockServer) -> ProviderClient {
    mount_keystone(server, "tok-1").await;
    ferrocloud::openstack::authenticated_client(password_opts(server))
        .await
        .unwrap()
}

/// How many requests the server received for `method path`.
pub async fn count(server: &MockServer, m: &str, p: &str) -> usize {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter(|r| r.method.as_str() == m && r.url.path() == p)
        .count()
}

/// One expected request of a mock-service test: its query pairs, headers and JSON body,
/// answered with `status` (200 when 0) and the JSON `answer`.
#[derive(Default)]
pub struct Expect<'a> {
    pub query: &'a [(&'a str, &'a str)],
    pub headers: &'a [(&'a str, &'a str)],
    pub body: Option<Value>,
    pub status: u16,
    pub answer: Option<Value>,
}

/// Mounts `e` for `verb` to the exact path `full`, expecting it exactly once.
pub async fn expect_at(server: &MockServer, verb: &str, full: &str, e: Expect<'_>) {
    use wiremock::matchers::{body_json, header, query_param};
    let mut m = Mock::given(method(verb)).and(path(full));
    for (k, v) in e.query {
        m = m.and(query_param(*k, *v));
    }
    for (k, v) in e.headers {
        m = m.and(header(*k, *v));
    }
    if let Some(b) = e.body {
        m = m.and(body_json(b));
    }
    let mut reply = ResponseTemplate::new(if e.status == 0 { 200 } else { e.status });
    if let Some(a) = e.answer {
        reply = reply
            .set_body_string(a.to_string())
            .insert_header("content-type", "application/json");
    }
    m.respond_with(reply).expect(1).mount(server).await;
}
