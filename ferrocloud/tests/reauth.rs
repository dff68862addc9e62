//! Token lifetime: replay after 401, single-flight re-authentication under load,
//! proactive renewal, and the cases where re-authentication must not happen.

mod common;

use std::time::Duration;

use common::*;
use ferrocloud::openstack::compute::v2::servers;
use ferrocloud::{EndpointOpts, ErrorKind, ProviderClient, openstack};
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn server_body() -> serde_json::Value {
    sample_json("compute/doc/api_samples/servers/server-get-resp.json")
}

/// Keystone issues `tok-1` first, then `tok-2` for every later request.
async fn rotating_keystone(server: &MockServer, first_expiry: &str) {
    Mock::given(method("POST"))
        .and(path("/identity/v3/auth/tokens"))
        .respond_with(token_response(&server.uri(), "tok-1", first_expiry))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(server)
        .await;
    Mock::given(method("POST"))
        .and(path("/identity/v3/auth/tokens"))
        .respond_with(token_response(
            &server.uri(),
            "tok-2",
            "2999-01-01T00:00:00Z",
        ))
        .with_priority(2)
        .mount(server)
        .await;
}

async fn nova_accepting_only_tok2(server: &MockServer) {
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/abc"))
        .and(header("x-auth-token", "tok-2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(server_body()))
        .with_priority(1)
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/abc"))
        .respond_with(
            ResponseTemplate::new(401).set_body_json(json!({"error": {"message": "expired"}})),
        )
        .with_priority(2)
        .mount(server)
        .await;
}

#[tokio::test]
async fn a_401_reauthenticates_once_and_replays() {
    let server = MockServer::start().await;
    rotating_keystone(&server, "2999-01-01T00:00:00Z").await;
    nova_accepting_only_tok2(&server).await;
    let provider = openstack::authenticated_client(password_opts(&server))
        .await
        .unwrap();
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
    let server_obj = servers::get(&compute, "abc").await.extract().unwrap();
    assert_eq!(server_obj.name.as_deref(), Some("new-server-test"));
    assert_eq!(provider.token_generation(), 2);
    assert_eq!(count(&server, "POST", "/identity/v3/auth/tokens").await, 2);
    assert_eq!(count(&server, "GET", "/compute/v2.1/servers/abc").await, 2);
}

#[tokio::test]
async fn a_thousand_tasks_meeting_an_expired_token_cause_one_token_request() {
    let server = MockServer::start().await;
    rotating_keystone(&server, "2999-01-01T00:00:00Z").await;
    nova_accepting_only_tok2(&server).await;
    let provider = openstack::authenticated_client(password_opts(&server))
        .await
        .unwrap();
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(1000));
    let mut tasks = Vec::new();
    for _ in 0..1000 {
        let compute = compute.clone();
        let barrier = barrier.clone();
        tasks.push(tokio::spawn(async move {
            barrier.wait().await;
            servers::get(&compute, "abc").await.extract().map(|s| s.id)
        }));
    }
    for t in tasks {
        assert_eq!(
            t.await.unwrap().unwrap(),
            "0e44cc9c-e052-415d-afbf-469b0d384170"
        );
    }
    // One initial authentication and exactly one re-authentication.
    assert_eq!(count(&server, "POST", "/identity/v3/auth/tokens").await, 2);
    assert_eq!(provider.token_generation(), 2);
    // A task arriving now uses the new token without another token request.
    servers::get(&compute, "abc").await.extract().unwrap();
    assert_eq!(count(&server, "POST", "/identity/v3/auth/tokens").await, 2);
}

#[tokio::test]
async fn proactive_renewal_before_expiry() {
    let server = MockServer::start().await;
    // The first token expires in 30 s; with a 60 s margin it is renewed before use.
    let soon = (chrono::Utc::now() + chrono::Duration::seconds(30)).to_rfc3339();
    rotating_keystone(&server, &soon).await;
    nova_accepting_only_tok2(&server).await;
    let provider = ProviderClient::builder(format!("{}/identity/v3", server.uri()))
        .renew_before(Duration::from_secs(60))
        .build()
        .unwrap();
    provider.authenticate(password_opts(&server)).await.unwrap();
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
    servers::get(&compute, "abc").await.extract().unwrap();
    // Renewed before the request: nova never saw the old token.
    assert_eq!(count(&server, "GET", "/compute/v2.1/servers/abc").await, 1);
    assert_eq!(count(&server, "POST", "/identity/v3/auth/tokens").await, 2);
}

#[tokio::test]
async fn without_allow_reauth_the_401_is_returned() {
    let server = MockServer::start().await;
    rotating_keystone(&server, "2999-01-01T00:00:00Z").await;
    nova_accepting_only_tok2(&server).await;
    let provider = openstack::authenticated_client(password_opts(&server).allow_reauth(false))
        .await
        .unwrap();
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
    let err = servers::get(&compute, "abc").await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    assert_eq!(count(&server, "POST", "/identity/v3/auth/tokens").await, 1);
}

#[tokio::test]
async fn a_second_401_after_reauth_is_returned_not_looped() {
    let server = MockServer::start().await;
    rotating_keystone(&server, "2999-01-01T00:00:00Z").await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/abc"))
        .respond_with(ResponseTemplate::new(401))
        .mount(&server)
        .await;
    let provider = openstack::authenticated_client(password_opts(&server))
        .await
        .unwrap();
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
    let err = servers::get(&compute, "abc").await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    assert_eq!(count(&server, "GET", "/compute/v2.1/servers/abc").await, 2);
    assert_eq!(count(&server, "POST", "/identity/v3/auth/tokens").await, 2);
}

#[tokio::test]
async fn a_streamed_body_is_not_replayed_and_the_error_says_why() {
    let server = MockServer::start().await;
    rotating_keystone(&server, "2999-01-01T00:00:00Z").await;
    Mock::given(method("PUT"))
        .respond_with(ResponseTemplate::new(401))
        .mount(&server)
        .await;
    let provider = openstack::authenticated_client(password_opts(&server))
        .await
        .unwrap();
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
    static PUT_OP: ferrocloud::Operation =
        ferrocloud::Operation::new("compute", ferrocloud::http::Method::PUT, "/upload");
    let stream = futures::stream::iter(vec![Ok::<_, std::io::Error>(bytes::Bytes::from_static(
        b"data",
    ))]);
    let err = compute
        .request(&PUT_OP, &[])
        .stream(stream, "application/octet-stream")
        .send_raw()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotReplayable);
    assert!(err.to_string().contains("stream"), "{err}");
    assert_eq!(count(&server, "PUT", "/compute/v2.1/upload").await, 1);
}

#[tokio::test]
async fn lazy_authentication_on_first_request() {
    let server = MockServer::start().await;
    rotating_keystone(&server, "2999-01-01T00:00:00Z").await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/abc"))
        .and(header("x-auth-token", "tok-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(server_body()))
        .mount(&server)
        .await;
    let provider = ProviderClient::builder(format!("{}/identity/v3", server.uri()))
        .build()
        .unwrap();
    provider.set_auth_options(password_opts(&server));
    assert_eq!(count(&server, "POST", "/identity/v3/auth/tokens").await, 0);
    // No catalog yet: build the client by hand, the request authenticates first.
    let compute = ferrocloud::ServiceClient::new(
        provider.clone(),
        "compute",
        &format!("{}/compute/v2.1", server.uri()),
        None,
    )
    .unwrap();
    servers::get(&compute, "abc").await.extract().unwrap();
    assert_eq!(count(&server, "POST", "/identity/v3/auth/tokens").await, 1);
}
