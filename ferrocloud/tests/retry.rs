//! Retries and client-side limits against a mock server: what is retried, how often,
//! with which delays, and what is never sent twice.

mod common;

use std::time::{Duration, Instant};

use common::*;
use ferrocloud::http::Method;
use ferrocloud::retry::{RateLimit, RetryPolicy};
use ferrocloud::{EndpointOpts, ErrorKind, Operation, ServiceClient, openstack};
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

static GET_THING: Operation = Operation::new("compute", Method::GET, "/thing");
static POST_THING: Operation = Operation::new("compute", Method::POST, "/thing");
static DELETE_THING: Operation = Operation::new("compute", Method::DELETE, "/thing");

fn fast() -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(4)
        .delays(Duration::from_millis(5), Duration::from_millis(50))
}

async fn client(server: &MockServer, policy: RetryPolicy) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_compute_v2(&p, EndpointOpts::default())
        .unwrap()
        .with_retry(policy)
}

/// Answers `first` `times` times, then 200.
async fn flaky(server: &MockServer, m: &str, first: ResponseTemplate, times: u64) {
    Mock::given(method(m))
        .and(path("/compute/v2.1/thing"))
        .respond_with(first)
        .up_to_n_times(times)
        .with_priority(1)
        .mount(server)
        .await;
    Mock::given(method(m))
        .and(path("/compute/v2.1/thing"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ok": true})))
        .with_priority(2)
        .mount(server)
        .await;
}

#[tokio::test]
async fn status_429_is_retried_for_any_method_and_503_for_idempotent_ones() {
    let server = MockServer::start().await;
    flaky(&server, "POST", ResponseTemplate::new(429), 2).await;
    let c = client(&server, fast()).await;
    c.request(&POST_THING, &[])
        .json(&json!({}))
        .send_raw()
        .await
        .unwrap();
    assert_eq!(count(&server, "POST", "/compute/v2.1/thing").await, 3);

    // A POST answered 503 may have created something: it is not sent again.
    let server = MockServer::start().await;
    flaky(&server, "POST", ResponseTemplate::new(503), 2).await;
    let c = client(&server, fast()).await;
    let err = c
        .request(&POST_THING, &[])
        .json(&json!({}))
        .send_raw()
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(count(&server, "POST", "/compute/v2.1/thing").await, 1);

    let server = MockServer::start().await;
    flaky(&server, "DELETE", ResponseTemplate::new(503), 2).await;
    let c = client(&server, fast()).await;
    c.request(&DELETE_THING, &[]).send_raw().await.unwrap();
    assert_eq!(count(&server, "DELETE", "/compute/v2.1/thing").await, 3);

    let server = MockServer::start().await;
    flaky(&server, "GET", ResponseTemplate::new(429), 1).await;
    let c = client(&server, fast()).await;
    c.request(&GET_THING, &[]).send_raw().await.unwrap();
    assert_eq!(count(&server, "GET", "/compute/v2.1/thing").await, 2);
}

#[tokio::test]
async fn retry_after_is_honoured() {
    let server = MockServer::start().await;
    flaky(
        &server,
        "GET",
        ResponseTemplate::new(429).insert_header("retry-after", "1"),
        1,
    )
    .await;
    // The service's delay is waited out in full, even past the backoff's max_delay.
    let c = client(
        &server,
        fast().delays(Duration::from_millis(1), Duration::from_millis(100)),
    )
    .await;
    let t = Instant::now();
    c.request(&GET_THING, &[]).send_raw().await.unwrap();
    assert!(
        t.elapsed() >= Duration::from_millis(950),
        "{:?}",
        t.elapsed()
    );

    // A Retry-After longer than the time budget ends the retries at once.
    let server = MockServer::start().await;
    flaky(
        &server,
        "GET",
        ResponseTemplate::new(503).insert_header("retry-after", "30"),
        5,
    )
    .await;
    let c = client(
        &server,
        fast()
            .delays(Duration::from_millis(1), Duration::from_secs(60))
            .max_elapsed(Duration::from_secs(2)),
    )
    .await;
    let t = Instant::now();
    let err = c.request(&GET_THING, &[]).send_raw().await.unwrap_err();
    assert!(t.elapsed() < Duration::from_secs(1));
    assert_eq!(err.kind(), ErrorKind::ServerError);
    assert_eq!(count(&server, "GET", "/compute/v2.1/thing").await, 1);
}

#[tokio::test]
async fn other_5xx_only_for_idempotent_methods() {
    let server = MockServer::start().await;
    flaky(&server, "GET", ResponseTemplate::new(500), 1).await;
    flaky(&server, "POST", ResponseTemplate::new(500), 1).await;
    let c = client(&server, fast()).await;
    c.request(&GET_THING, &[]).send_raw().await.unwrap();
    assert_eq!(count(&server, "GET", "/compute/v2.1/thing").await, 2);
    let err = c
        .request(&POST_THING, &[])
        .json(&json!({}))
        .send_raw()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ServerError);
    assert_eq!(err.attempts(), 1);
    assert_eq!(
        count(&server, "POST", "/compute/v2.1/thing").await,
        1,
        "a POST is made exactly once"
    );
}

#[tokio::test]
async fn attempts_are_bounded_and_reported() {
    let server = MockServer::start().await;
    flaky(
        &server,
        "GET",
        ResponseTemplate::new(503).set_body_string("busy"),
        100,
    )
    .await;
    let c = client(&server, fast()).await;
    let err = c.request(&GET_THING, &[]).send_raw().await.unwrap_err();
    assert_eq!(err.attempts(), 4);
    assert!(err.to_string().contains("after 4 attempts"), "{err}");
    assert_eq!(count(&server, "GET", "/compute/v2.1/thing").await, 4);
    // Turned off per service.
    let server = MockServer::start().await;
    flaky(&server, "GET", ResponseTemplate::new(503), 100).await;
    let c = client(&server, RetryPolicy::none()).await;
    c.request(&GET_THING, &[]).send_raw().await.unwrap_err();
    assert_eq!(count(&server, "GET", "/compute/v2.1/thing").await, 1);
}

#[tokio::test]
async fn streamed_bodies_are_not_retried_and_the_error_says_so() {
    static PUT_THING: Operation = Operation::new("compute", Method::PUT, "/thing");
    let server = MockServer::start().await;
    flaky(&server, "PUT", ResponseTemplate::new(503), 5).await;
    let c = client(&server, fast()).await;
    let stream = futures::stream::iter(vec![Ok::<_, std::io::Error>(bytes::Bytes::from_static(
        b"abc",
    ))]);
    let err = c
        .request(&PUT_THING, &[])
        .stream(stream, "application/octet-stream")
        .send_raw()
        .await
        .unwrap_err();
    assert!(err.to_string().contains("stream"), "{err}");
    assert_eq!(count(&server, "PUT", "/compute/v2.1/thing").await, 1);
}

#[tokio::test]
async fn rate_limit_and_concurrency_cap() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/thing"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_millis(50)))
        .mount(&server)
        .await;
    // 10 per second: 6 requests need at least 0.5 s.
    let c = client(&server, RetryPolicy::none())
        .await
        .with_rate_limit(RateLimit::new().per_second(10.0));
    let t = Instant::now();
    let futs: Vec<_> = (0..6)
        .map(|_| c.request(&GET_THING, &[]).send_raw())
        .collect();
    for r in futures::future::join_all(futs).await {
        r.unwrap();
    }
    assert!(
        t.elapsed() >= Duration::from_millis(480),
        "{:?}",
        t.elapsed()
    );
    // One in flight: 4 requests of 50 ms take at least 200 ms.
    let c = client(&server, RetryPolicy::none())
        .await
        .with_rate_limit(RateLimit::new().max_in_flight(1));
    let t = Instant::now();
    let futs: Vec<_> = (0..4)
        .map(|_| c.request(&GET_THING, &[]).send_raw())
        .collect();
    for r in futures::future::join_all(futs).await {
        r.unwrap();
    }
    assert!(
        t.elapsed() >= Duration::from_millis(190),
        "{:?}",
        t.elapsed()
    );
}

#[tokio::test]
async fn global_request_id_on_every_request() {
    let server = MockServer::start().await;
    let id = "req-1e4f0f1a-5b1c-4d7e-9b35-2f1f3c3d8a11";
    Mock::given(method("POST"))
        .and(path("/identity/v3/auth/tokens"))
        .and(header("x-openstack-request-id", id))
        .respond_with(token_response(&server.uri(), "tok", "2999-01-01T00:00:00Z"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/thing"))
        .and(header("x-openstack-request-id", id))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let p = ferrocloud::ProviderClient::builder(format!("{}/identity/v3", server.uri()))
        .global_request_id(id)
        .build()
        .unwrap();
    p.authenticate(password_opts(&server)).await.unwrap();
    let c = openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap();
    c.request(&GET_THING, &[]).send_raw().await.unwrap();
    server.verify().await;
}

#[tokio::test]
async fn a_cancelled_reauthentication_does_not_poison_the_provider() {
    let server = MockServer::start().await;
    let uri = server.uri();
    // First token, then a slow token request, then a fast one.
    Mock::given(method("POST"))
        .and(path("/identity/v3/auth/tokens"))
        .respond_with(token_response(&uri, "tok-1", "2999-01-01T00:00:00Z"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/identity/v3/auth/tokens"))
        .respond_with(
            token_response(&uri, "tok-2", "2999-01-01T00:00:00Z").set_delay(Duration::from_secs(5)),
        )
        .up_to_n_times(1)
        .with_priority(2)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/identity/v3/auth/tokens"))
        .respond_with(token_response(&uri, "tok-3", "2999-01-01T00:00:00Z"))
        .with_priority(3)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/thing"))
        .and(header("x-auth-token", "tok-3"))
        .respond_with(ResponseTemplate::new(200))
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/thing"))
        .respond_with(ResponseTemplate::new(401))
        .with_priority(2)
        .mount(&server)
        .await;
    let p = openstack::authenticated_client(password_opts(&server))
        .await
        .unwrap();
    let c = openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap();
    // The request meets 401 and starts re-authenticating; it is dropped mid-way.
    let r = tokio::time::timeout(
        Duration::from_millis(300),
        c.request(&GET_THING, &[]).send_raw(),
    )
    .await;
    assert!(r.is_err(), "cancelled");
    assert_eq!(p.token_generation(), 1);
    // The next request re-authenticates again and succeeds.
    c.request(&GET_THING, &[]).send_raw().await.unwrap();
    assert_eq!(p.token_generation(), 2);
}
