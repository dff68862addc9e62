//! Bounds: silent servers, a re-authentication under a one-request limit, huge bodies,
//! downgrades and redirects, Retry-After longer than the policy allows.

use std::time::{Duration, Instant};

use ferrocloud::retry::RateLimit;
use ferrocloud::{AuthOptions, ErrorKind, ProviderClient, ServiceClient};
use serde_json::json;

use crate::common;
use crate::memory;
use crate::server::*;

/// A token answer from the fault server: `token`, with a catalog pointing back at it.
fn token_answer(uri: &str, token: &str) -> Fault {
    answer_with(
        201,
        vec![
            ("content-type", "application/json".into()),
            ("x-subject-token", token.into()),
        ],
        &common::token_body(uri, "2999-01-01T00:00:00Z").to_string(),
    )
}

fn password(s: &FaultServer) -> AuthOptions {
    AuthOptions::password(format!("{}/v3", s.uri), "alice", "s3cret-pass").user_domain_id("default")
}

/// With a limit of one request in flight, a request refused with 401 gives its slot up
/// while the token is renewed: the token request does not wait behind it.
pub(crate) async fn one_request_in_flight_meets_a_401() {
    let s = FaultServer::start(vec![]).await;
    let uri = s.uri.clone();
    s.script.lock().unwrap().extend([
        answer(401, r#"{"error": {"message": "The request you have made requires authentication.", "code": 401}}"#),
        token_answer(&uri, "tok-2"),
        answer(200, r#"{"ok": true}"#),
    ]);
    let p = ProviderClient::builder(format!("{uri}/v3"))
        .rate_limit(RateLimit::new().max_in_flight(1))
        .build()
        .unwrap();
    p.set_token("tok-1", None);
    p.set_auth_options(password(&s));
    let c = ServiceClient::new(p.clone(), "compute", &uri, None).unwrap();
    let r = tokio::time::timeout(
        Duration::from_secs(10),
        c.request(&GET_THING, &[]).send_raw(),
    )
    .await
    .expect("the 401 under max_in_flight(1) must not hang")
    .unwrap();
    assert_eq!(r.status(), 200);
    let seen = s.requests();
    let order: Vec<_> = seen
        .iter()
        .map(|r| (r.method.as_str(), r.path.as_str(), r.token.as_deref()))
        .collect();
    assert_eq!(
        order,
        [
            ("GET", "/thing", Some("tok-1")),
            ("POST", "/v3/auth/tokens", None),
            ("GET", "/thing", Some("tok-2")),
        ]
    );
    tally(&s, 2);
}

/// Twenty tasks meet a Keystone that never answers: one token request is made, it ends
/// at the auth timeout, and every task gets its error at once instead of repeating it.
pub(crate) async fn waiting_tasks_share_the_failed_reauthentication() {
    let s = FaultServer::start(vec![Fault::Silent]).await;
    let p = ProviderClient::builder(format!("{}/v3", s.uri))
        .auth_timeout(Duration::from_millis(400))
        .build()
        .unwrap();
    p.set_auth_options(password(&s));
    let c = ServiceClient::new(p, "compute", &s.uri, None).unwrap();
    let started = Instant::now();
    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let c = c.clone();
            tokio::spawn(async move { c.request(&GET_THING, &[]).send_raw().await })
        })
        .collect();
    for t in tasks {
        let err = t.await.expect("no panic").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
    }
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(3),
        "the tasks did not repeat the token request one by one: {took:?}"
    );
    assert_eq!(s.count("POST", "/v3/auth/tokens"), 1);
    assert_eq!(s.count("GET", "/thing"), 0);
    tally(&s, 1);
}

/// 50 MB answers cost a bounded amount of memory: an error body is read only as far as
/// its message needs, a token answer and an ordinary answer stop at their limits.
pub(crate) async fn fifty_megabyte_bodies_stay_out_of_memory() {
    const SIZE: usize = 50 << 20;
    let big = |status, chunked| Fault::Big {
        status,
        size: SIZE,
        fill: b' ',
        chunked,
    };

    let mut costs = Vec::new();
    // An error answer: read up to what the message needs, then dropped.
    for chunked in [false, true] {
        let s = FaultServer::start(vec![big(400, chunked)]).await;
        let base = memory::reset_peak();
        let err = s
            .client(fast())
            .request(&GET_THING, &[])
            .send_raw()
            .await
            .unwrap_err();
        let grew = memory::peak() - base;
        assert_eq!(err.kind(), ErrorKind::BadRequest);
        assert!(grew < 2 << 20, "a 50 MB error body cost {grew} bytes");
        costs.push(("error body", grew));
        tally(&s, 1);
    }

    // An ordinary answer over the configured limit.
    for chunked in [false, true] {
        let s = FaultServer::start(vec![big(200, chunked)]).await;
        let p = ProviderClient::builder(format!("{}/v3", s.uri))
            .max_response_size(1 << 20)
            .build()
            .unwrap();
        p.set_token("tok", None);
        let c = ServiceClient::new(p, "compute", &s.uri, None).unwrap();
        let base = memory::reset_peak();
        let err = c.request(&GET_THING, &[]).send_raw().await.unwrap_err();
        let grew = memory::peak() - base;
        assert_eq!(err.kind(), ErrorKind::ResponseTooLarge, "{err}");
        assert!(err.to_string().contains("1048576 bytes"), "{err}");
        assert!(grew < 4 << 20, "a refused 50 MB body cost {grew} bytes");
        costs.push(("body over a 1 MiB limit", grew));
        assert_eq!(
            s.count("GET", "/thing"),
            1,
            "a body too large is not retried"
        );
        tally(&s, 1);
    }

    // A garbage token answer: refused at the limit for token answers.
    for chunked in [false, true] {
        let s = FaultServer::start(vec![big(201, chunked)]).await;
        let p = ProviderClient::builder(format!("{}/v3", s.uri))
            .build()
            .unwrap();
        let base = memory::reset_peak();
        let err = p.authenticate(password(&s)).await.unwrap_err();
        let grew = memory::peak() - base;
        assert_eq!(err.kind(), ErrorKind::ResponseTooLarge, "{err}");
        assert!(
            grew < ferrocloud::provider::MAX_AUTH_RESPONSE_SIZE + (4 << 20),
            "a 50 MB token answer cost {grew} bytes"
        );
        costs.push(("token answer", grew));
        tally(&s, 1);
    }
    let most = |what: &str| {
        costs
            .iter()
            .filter(|(w, _)| *w == what)
            .map(|(_, n)| *n)
            .max()
            .unwrap_or(0)
            >> 10
    };
    println!(
        "50 MB bodies, peak memory: error body {} KiB, body over a 1 MiB limit {} KiB, token answer {} KiB",
        most("error body"),
        most("body over a 1 MiB limit"),
        most("token answer")
    );
}

/// A version document whose `self` link says `http://` on another port does not move
/// the password there.
pub(crate) async fn discovery_cannot_move_the_password() {
    let elsewhere = FaultServer::start(vec![]).await;
    let s = FaultServer::start(vec![]).await;
    let uri = s.uri.clone();
    let advertised = format!("{}/v3/", elsewhere.uri);
    s.script.lock().unwrap().extend([
        answer(
            300,
            &json!({"versions": {"values": [
                {"id": "v3.14", "status": "stable", "links": [{"rel": "self", "href": advertised}]}
            ]}})
            .to_string(),
        ),
        token_answer(&uri, "tok-1"),
    ]);
    let p = ProviderClient::builder(uri.clone()).build().unwrap();
    let opts = AuthOptions::password(uri.clone(), "alice", "s3cret-pass").user_domain_id("default");
    p.authenticate(opts).await.unwrap();
    assert_eq!(s.count("POST", "/v3/auth/tokens"), 1);
    assert!(
        elsewhere.requests().is_empty(),
        "the advertised host got {:?}",
        elsewhere.requests()
    );
    assert_eq!(
        p.identity_endpoint().unwrap().as_str(),
        format!("{uri}/v3/")
    );
    tally(&s, 2);
}

/// Redirects are never followed, neither for a token request nor for a GET, even with
/// an HTTP client builder of the caller's that would follow them; the error shows where
/// the service pointed.
pub(crate) async fn redirects_are_errors() {
    let elsewhere = FaultServer::start(vec![]).await;
    let target = format!("{}/stolen", elsewhere.uri);
    let redirect = |status| answer_with(status, vec![("location", target.clone())], "");

    let s = FaultServer::start(vec![redirect(307)]).await;
    let p = ProviderClient::builder(format!("{}/v3", s.uri))
        .http_client_builder(reqwest::Client::builder())
        .build()
        .unwrap();
    let err = p.authenticate(password(&s)).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Redirect, "{err}");
    assert!(err.to_string().contains(&target), "{err}");
    tally(&s, 1);

    let s = FaultServer::start(vec![redirect(302)]).await;
    let p = ProviderClient::builder(format!("{}/v3", s.uri))
        .http_client_builder(reqwest::Client::builder())
        .build()
        .unwrap();
    p.set_token("tok-secret", None);
    let c = ServiceClient::new(p, "compute", &s.uri, None).unwrap();
    let err = c.request(&GET_THING, &[]).send_raw().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Redirect, "{err}");
    assert!(err.to_string().contains(&target), "{err}");
    assert_eq!(s.count("GET", "/thing"), 1, "a redirect is not retried");
    tally(&s, 1);

    assert!(
        elsewhere.requests().is_empty(),
        "the redirect target got {:?}",
        elsewhere.requests()
    );
}

/// A Retry-After of 30 s is not cut short to the backoff's maximum: past the policy's
/// ceiling the retries end at once, and the error carries the service's delay.
pub(crate) async fn retry_after_longer_than_allowed() {
    let s = FaultServer::start(vec![answer_with(
        503,
        vec![("retry-after", "30".into())],
        "busy",
    )])
    .await;
    let started = Instant::now();
    let err = s
        .client(fast().max_retry_after(Duration::from_secs(5)))
        .request(&GET_THING, &[])
        .send_raw()
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(err.kind(), ErrorKind::ServerError);
    assert_eq!(err.retry_after(), Some(Duration::from_secs(30)));
    assert!(err.to_string().contains("asked to wait 30 s"), "{err}");
    assert_eq!(s.count("GET", "/thing"), 1);
    tally(&s, 1);
}

/// With default settings, a server that accepts the connection and never answers ends
/// the call within the default bounds: the token request at the auth timeout, any other
/// request at the idle timeout.
pub(crate) async fn silent_servers_with_default_settings() {
    let defaults = ferrocloud::provider::Timeouts::default();

    let keystone = FaultServer::start(vec![Fault::Silent]).await;
    let p = ProviderClient::builder(format!("{}/v3", keystone.uri))
        .build()
        .unwrap();
    let auth = async {
        let started = Instant::now();
        let err = p.authenticate(password(&keystone)).await.unwrap_err();
        (err, started.elapsed())
    };

    // The default timeouts, without retries: a GET that timed out is otherwise sent again
    // within the retry policy's time budget.
    let nova = FaultServer::start(vec![Fault::Silent]).await;
    let p = ProviderClient::builder(format!("{}/v3", nova.uri))
        .retry(ferrocloud::retry::RetryPolicy::none())
        .build()
        .unwrap();
    p.set_token("tok", None);
    let c = ServiceClient::new(p, "compute", &nova.uri, None).unwrap();
    let get = async {
        let started = Instant::now();
        let err = c.request(&GET_THING, &[]).send_raw().await.unwrap_err();
        (err, started.elapsed())
    };

    let ((auth_err, auth_took), (get_err, get_took)) = futures::join!(auth, get);
    assert_eq!(auth_err.kind(), ErrorKind::Timeout, "{auth_err}");
    assert!(
        auth_took >= defaults.auth && auth_took < defaults.auth + Duration::from_secs(5),
        "token request ended after {auth_took:?}"
    );
    assert_eq!(get_err.kind(), ErrorKind::Timeout, "{get_err}");
    assert!(
        get_took >= defaults.idle && get_took < defaults.idle + Duration::from_secs(5),
        "GET ended after {get_took:?}"
    );
    assert_eq!(keystone.count("POST", "/v3/auth/tokens"), 1);
    assert_eq!(nova.count("GET", "/thing"), 1);
}
