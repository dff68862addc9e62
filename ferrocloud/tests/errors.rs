//! Error answers of every service shape, through the real request pipeline.

mod common;

use common::*;
use ferrocloud::http::Method;
use ferrocloud::openstack::compute::v2::servers;
use ferrocloud::{EndpointOpts, ErrorKind, Operation, openstack};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

static THING: Operation = Operation::new("compute", Method::GET, "/thing");

#[tokio::test]
async fn every_error_body_shape() {
    let cases: Vec<(u16, &str, &str, ErrorKind, &str)> = vec![
        (
            404,
            "application/json",
            r#"{"itemNotFound": {"message": "Instance x could not be found.", "code": 404}}"#,
            ErrorKind::NotFound,
            "Instance x could not be found.",
        ),
        (
            400,
            "application/json",
            r#"{"NeutronError": {"type": "HTTPBadRequest", "message": "Invalid input for cidr.", "detail": ""}}"#,
            ErrorKind::BadRequest,
            "Invalid input for cidr.",
        ),
        (
            403,
            "application/json",
            r#"{"error": {"code": 403, "title": "Forbidden", "message": "You are not authorized."}}"#,
            ErrorKind::Forbidden,
            "You are not authorized.",
        ),
        (
            409,
            "application/json",
            r#"{"conflictingRequest": {"message": "Cannot 'stop' instance while it is in vm_state stopped", "code": 409}}"#,
            ErrorKind::Conflict,
            "Cannot 'stop' instance while it is in vm_state stopped",
        ),
        (
            413,
            "application/json",
            r#"{"overLimit": {"message": "Quota exceeded for cores", "code": 413, "retryAfter": "0"}}"#,
            ErrorKind::RateLimited,
            "Quota exceeded for cores",
        ),
        (
            429,
            "text/plain",
            "Too Many Requests",
            ErrorKind::RateLimited,
            "Too Many Requests",
        ),
        (
            404,
            "text/html",
            "<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1>No image found with ID abc<br /><br /></body></html>",
            ErrorKind::NotFound,
            "404 Not Found: No image found with ID abc",
        ),
        (
            404,
            "text/html; charset=UTF-8",
            "<html><h1>Not Found</h1><p>The resource could not be found.</p></html>",
            ErrorKind::NotFound,
            "Not Found: The resource could not be found.",
        ),
        (
            405,
            "application/json",
            r#"{"errors": [{"status": 405, "title": "Method Not Allowed", "detail": "The method DELETE is not allowed."}]}"#,
            ErrorKind::MethodNotAllowed,
            "The method DELETE is not allowed.",
        ),
        (
            500,
            "application/json",
            r#"{"computeFault": {"message": "Unexpected API Error.", "code": 500}}"#,
            ErrorKind::ServerError,
            "Unexpected API Error.",
        ),
        (503, "text/plain", "", ErrorKind::ServerError, ""),
        (
            302,
            "text/plain",
            "moved",
            ErrorKind::Redirect,
            "the service redirects to nowhere (no Location header); redirects are not followed",
        ),
        (
            418,
            "application/json",
            "{not json",
            ErrorKind::UnexpectedStatus,
            "{not json",
        ),
    ];
    let server = MockServer::start().await;
    let provider = provider(&server).await;
    // Retries are tested on their own; here every answer is seen once.
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default())
        .unwrap()
        .with_retry(ferrocloud::retry::RetryPolicy::none());
    for (status, ctype, body, kind, message) in cases {
        server.reset().await;
        mount_keystone(&server, "tok-1").await;
        Mock::given(method("GET"))
            .and(path("/compute/v2.1/thing"))
            .respond_with(
                ResponseTemplate::new(status)
                    .insert_header("content-type", ctype)
                    .insert_header("x-openstack-request-id", "req-err")
                    .set_body_string(body),
            )
            .mount(&server)
            .await;
        let err = compute.request(&THING, &[]).send_raw().await.unwrap_err();
        assert_eq!(err.kind(), kind, "{status} {body}");
        assert_eq!(err.service_message(), message, "{status} {body}");
        assert_eq!(err.status().map(|s| s.as_u16()), Some(status));
        assert_eq!(err.method(), Some(&Method::GET));
        assert!(err.url().unwrap().ends_with("/compute/v2.1/thing"));
        assert_eq!(err.request_id(), Some("req-err"));
        let shown = err.to_string();
        assert!(
            shown.contains("GET") && shown.contains("req-err"),
            "{shown}"
        );
    }
}

#[tokio::test]
async fn unexpected_success_code_and_bad_json() {
    let server = MockServer::start().await;
    let provider = provider(&server).await;
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/thing"))
        .respond_with(ResponseTemplate::new(206).set_body_string("{}"))
        .mount(&server)
        .await;
    let err = compute.request(&THING, &[]).send_raw().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnexpectedStatus);
    assert!(err.to_string().contains("206"), "{err}");
    // Accepted when the caller says so.
    let ok = compute
        .request(&THING, &[])
        .ok_codes(&[206])
        .send_raw()
        .await
        .unwrap();
    assert_eq!(ok.status().as_u16(), 206);

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/truncated"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("x-openstack-request-id", "req-t")
                .set_body_string(r#"{"server": {"id": "x", "na"#),
        )
        .mount(&server)
        .await;
    let result = servers::get(&compute, "truncated").await;
    assert!(result.is_ok(), "the request itself succeeded");
    let err = result.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert_eq!(err.request_id(), Some("req-t"));
    assert!(err.url().unwrap().contains("/servers/truncated"));
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/wrongkey"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"flavor": {}})))
        .mount(&server)
        .await;
    let err = servers::get(&compute, "wrongkey")
        .await
        .extract()
        .unwrap_err();
    assert!(err.to_string().contains("\"server\""), "{err}");
}

#[tokio::test]
async fn transport_errors_and_timeouts() {
    // Nothing listens on this port: a transport error, not a panic.
    let closed = ferrocloud::ProviderClient::builder("http://127.0.0.1:9/v3")
        .build()
        .unwrap();
    closed.set_token("t", None);
    let compute =
        ferrocloud::ServiceClient::new(closed, "compute", "http://127.0.0.1:9/v2.1", None).unwrap();
    let err = compute.request(&THING, &[]).send_raw().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Transport);
    assert_eq!(err.method(), Some(&Method::GET));

    let server = MockServer::start().await;
    let provider = provider(&server).await;
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/thing"))
        .respond_with(ResponseTemplate::new(200).set_delay(std::time::Duration::from_secs(5)))
        .mount(&server)
        .await;
    let err = compute
        .request(&THING, &[])
        .timeout(std::time::Duration::from_millis(100))
        .send_raw()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout);
}

#[tokio::test]
async fn invalid_input_is_refused_before_sending() {
    let server = MockServer::start().await;
    let provider = provider(&server).await;
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
    let err = servers::get(&compute, "").await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("server_id"), "{err}");
    #[derive(serde::Serialize)]
    struct Bad {
        nested: std::collections::BTreeMap<String, String>,
    }
    let err = compute
        .request(&THING, &[])
        .query(&Bad {
            nested: Default::default(),
        })
        .send_raw()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = compute
        .request(&THING, &[])
        .header("bad header", "x")
        .send_raw()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(count(&server, "GET", "/compute/v2.1/thing").await, 0);
    assert_eq!(count(&server, "GET", "/compute/v2.1/servers/").await, 0);
}

/// A server that drops the first `drops` connections after reading the request, then
/// answers 200 `{}`; returns its address and a counter of connections.
async fn flaky_server(drops: usize) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let seen = std::sync::Arc::new(AtomicUsize::new(0));
    let counter = seen.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            let n = counter.fetch_add(1, Ordering::SeqCst);
            tokio::spawn(async move {
                let mut buf = vec![0u8; 8192];
                let _ = sock.read(&mut buf).await;
                if n < drops {
                    drop(sock);
                } else {
                    let _ = sock
                        .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}")
                        .await;
                }
            });
        }
    });
    (format!("http://{addr}"), seen)
}

#[tokio::test]
async fn idempotent_requests_are_retried_after_a_dropped_connection() {
    use std::sync::atomic::Ordering;
    static POST_THING: Operation = Operation::new("compute", Method::POST, "/thing");
    let (uri, seen) = flaky_server(1).await;
    let p = ferrocloud::ProviderClient::builder(format!("{uri}/v3"))
        .build()
        .unwrap();
    p.set_token("t", None);
    let c = ferrocloud::ServiceClient::new(p, "compute", &uri, None).unwrap();
    c.request(&THING, &[]).send_raw().await.unwrap();
    assert_eq!(seen.load(Ordering::SeqCst), 2, "one drop, one retry");

    // A POST that may have reached the server is not sent twice.
    let (uri, seen) = flaky_server(1).await;
    let p = ferrocloud::ProviderClient::builder(format!("{uri}/v3"))
        .build()
        .unwrap();
    p.set_token("t", None);
    let c = ferrocloud::ServiceClient::new(p, "compute", &uri, None).unwrap();
    let err = c
        .request(&POST_THING, &[])
        .json(&json!({}))
        .send_raw()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Transport);
    assert_eq!(seen.load(Ordering::SeqCst), 1);

    // Retries are bounded, and the error says how many attempts were made.
    let (uri, seen) = flaky_server(100).await;
    let p = ferrocloud::ProviderClient::builder(format!("{uri}/v3"))
        .retry(
            ferrocloud::retry::RetryPolicy::default()
                .max_attempts(3)
                .delays(
                    std::time::Duration::from_millis(1),
                    std::time::Duration::from_millis(5),
                ),
        )
        .build()
        .unwrap();
    p.set_token("t", None);
    let c = ferrocloud::ServiceClient::new(p, "compute", &uri, None).unwrap();
    let err = c.request(&THING, &[]).send_raw().await.unwrap_err();
    assert_eq!(seen.load(Ordering::SeqCst), 3);
    assert_eq!(err.attempts(), 3);
    assert!(err.to_string().contains("after 3 attempts"), "{err}");
}
