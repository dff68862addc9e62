//! Transport faults: dropped connections, stalls, throttling, server errors, bad bodies,
//! 401s in the middle of a listing, a token expiring under many tasks.

use ferrocloud::retry::RetryPolicy;
use std::sync::atomic::Ordering;
use std::time::Duration;

use ferrocloud::ErrorKind;
use ferrocloud::openstack::compute::v2::servers;
use futures::TryStreamExt;
use serde_json::json;

use crate::common;
use crate::server::*;

pub(crate) async fn connection_dropped_before_headers() {
    {
        let s = FaultServer::start(vec![Fault::DropBeforeHeaders]).await;
        s.client(fast())
            .request(&GET_THING, &[])
            .send_raw()
            .await
            .unwrap();
        assert_eq!(s.count("GET", "/thing"), 2, "GET retried once");
        tally(&s, 1);

        let s = FaultServer::start(vec![Fault::DropBeforeHeaders]).await;
        let err = s
            .client(fast())
            .request(&POST_THING, &[])
            .json(&json!({"a": 1}))
            .send_raw()
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Transport);
        assert_eq!(
            s.count("POST", "/thing"),
            1,
            "a POST that reached the server is never repeated"
        );
        tally(&s, 1);
    }
}

pub(crate) async fn connection_dropped_after_headers() {
    {
        let s = FaultServer::start(vec![Fault::DropAfterHeaders]).await;
        s.client(fast())
            .request(&GET_THING, &[])
            .send_raw()
            .await
            .unwrap();
        assert_eq!(
            s.count("GET", "/thing"),
            2,
            "GET read again after the cut body"
        );
        tally(&s, 1);

        let s = FaultServer::start(vec![Fault::DropAfterHeaders]).await;
        let err = s
            .client(fast())
            .request(&POST_THING, &[])
            .json(&json!({}))
            .send_raw()
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Transport);
        assert_eq!(s.count("POST", "/thing"), 1);
        tally(&s, 1);
    }
}

pub(crate) async fn stalled_past_the_timeout() {
    {
        let s = FaultServer::start(vec![Fault::Stall(Duration::from_secs(3)); 2]).await;
        let err = s
            .client(fast().max_attempts(2))
            .request(&GET_THING, &[])
            .send_raw()
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Timeout);
        assert_eq!(err.attempts(), 2);
        assert_eq!(s.count("GET", "/thing"), 2);
        tally(&s, 1);

        let s = FaultServer::start(vec![Fault::Stall(Duration::from_secs(3))]).await;
        let err = s
            .client(fast())
            .request(&POST_THING, &[])
            .json(&json!({}))
            .send_raw()
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Timeout);
        assert_eq!(s.count("POST", "/thing"), 1);
        tally(&s, 1);
    }
}

/// 429 is retried for every method (the service refused the request unread); 503 only
/// for idempotent methods, or where the caller opts in: a POST may have created
/// something.
pub(crate) async fn throttled_and_unavailable() {
    let cases = [
        (&POST_THING, 429, Some("0"), false, 3),
        (&POST_THING, 429, None, false, 3),
        (&GET_THING, 503, Some("0"), false, 3),
        (&GET_THING, 503, None, false, 3),
        (&POST_THING, 503, Some("0"), false, 1),
        (&POST_THING, 503, None, false, 1),
        (&POST_THING, 503, None, true, 3),
    ];
    for (op, status, retry_after, opt_in, sent) in cases {
        let headers = match retry_after {
            Some(v) => vec![("retry-after", v.to_string())],
            None => vec![],
        };
        let s = FaultServer::start(vec![
            answer_with(status, headers.clone(), "slow down"),
            answer_with(status, headers, "slow down"),
        ])
        .await;
        let result = s
            .client(fast().retry_non_idempotent(opt_in))
            .request(op, &[])
            .json(&json!({}))
            .send_raw()
            .await;
        let what = format!("{} {status} {retry_after:?} opt-in {opt_in}", op.method);
        assert_eq!(s.requests().len(), sent, "{what}");
        if sent == 1 {
            let err = result.unwrap_err();
            assert_eq!(err.kind(), ErrorKind::ServerError, "{what}");
            assert_eq!(err.status().map(|s| s.as_u16()), Some(503), "{what}");
        } else {
            result.unwrap();
        }
        tally(&s, 1);
    }
}

pub(crate) async fn server_error_then_success() {
    {
        let s = FaultServer::start(vec![answer(
            500,
            r#"{"computeFault": {"message": "oops", "code": 500}}"#,
        )])
        .await;
        s.client(fast())
            .request(&GET_THING, &[])
            .send_raw()
            .await
            .unwrap();
        assert_eq!(s.count("GET", "/thing"), 2);
        tally(&s, 1);

        let s = FaultServer::start(vec![answer(
            500,
            r#"{"computeFault": {"message": "oops", "code": 500}}"#,
        )])
        .await;
        let err = s
            .client(fast())
            .request(&POST_THING, &[])
            .json(&json!({}))
            .send_raw()
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::ServerError);
        assert_eq!(err.service_message(), "oops");
        assert_eq!(
            s.count("POST", "/thing"),
            1,
            "a POST answered 500 is made exactly once"
        );
        tally(&s, 1);
    }
}

pub(crate) async fn bad_bodies() {
    {
        let cases: Vec<(Fault, ErrorKind)> = vec![
            (
                answer(200, r#"{"server": {"id": "x", "name": "#),
                ErrorKind::Decode,
            ),
            (answer(200, "{not json}"), ErrorKind::Decode),
            (
                answer_with(
                    200,
                    vec![("content-type", "text/html".into())],
                    "<html><body>Login</body></html>",
                ),
                ErrorKind::Decode,
            ),
            (
                answer_with(
                    502,
                    vec![("content-type", "text/html".into())],
                    "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
                ),
                ErrorKind::ServerError,
            ),
        ];
        for (fault, kind) in cases {
            let s = FaultServer::start(vec![fault]).await;
            let c = s.client(RetryPolicy::none());
            let err = servers::get(&c, "x").await.extract().unwrap_err();
            assert_eq!(err.kind(), kind, "{err}");
            assert!(!err.to_string().is_empty());
            tally(&s, 1);
        }
        // The 502 page's title becomes the message.
        let s = FaultServer::start(vec![answer_with(502, vec![("content-type", "text/html".into())], "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>")]).await;
        let err = s
            .client(RetryPolicy::none())
            .request(&GET_THING, &[])
            .send_raw()
            .await
            .unwrap_err();
        assert_eq!(err.service_message(), "502 Bad Gateway");
        tally(&s, 1);
    }
}

pub(crate) async fn body_larger_than_announced() {
    {
        let mut body = b"{}".to_vec();
        body.extend(std::iter::repeat_n(b'x', 1 << 20));
        let s = FaultServer::start(vec![Fault::Oversized { announced: 2, body }]).await;
        let r = s
            .client(fast())
            .request(&GET_THING, &[])
            .send_raw()
            .await
            .unwrap();
        assert_eq!(
            r.body().as_ref(),
            b"{}",
            "only the announced bytes are read"
        );
        tally(&s, 1);
    }
}

pub(crate) async fn unauthorized_in_the_middle_of_a_listing() {
    {
        // Page 1 with the old token, 401 on page 2, a new token, page 2 again, page 3.
        let s = FaultServer::start(vec![]).await;
        let uri = s.uri.clone();
        let page = |ids: &[&str], next: Option<&str>| {
            let servers: Vec<_> = ids
                .iter()
                .map(|id| {
                    json!({"id": id, "name": id, "status": "ACTIVE", "tenant_id": "p1",
                        "user_id": "u1", "created": "2024-01-01T00:00:00Z", "links": []})
                })
                .collect();
            let mut b = json!({ "servers": servers });
            if let Some(m) = next {
                b["servers_links"] = json!([{"rel": "next", "href": format!("{uri}/v2.1/servers/detail?marker={m}")}]);
            }
            answer(200, &b.to_string())
        };
        let token = |t: &str| {
            let mut body = common::token_body(&uri, "2999-01-01T00:00:00Z");
            body["token"]["catalog"] = json!([{"type": "compute", "name": "nova", "endpoints": [
                {"interface": "public", "region_id": "RegionOne", "url": format!("{uri}/v2.1")}]}]);
            answer_with(
                201,
                vec![
                    ("x-subject-token", t.to_string()),
                    ("content-type", "application/json".into()),
                ],
                &body.to_string(),
            )
        };
        {
            let mut script = s.script.lock().unwrap();
            script.push_back(token("tok-1"));
            script.push_back(page(&["a", "b"], Some("b")));
            script.push_back(answer(
                401,
                r#"{"error": {"message": "expired", "code": 401}}"#,
            ));
            script.push_back(token("tok-2"));
            script.push_back(page(&["c", "d"], Some("d")));
            script.push_back(page(&["e"], None));
        }
        let opts = ferrocloud::AuthOptions::password(format!("{uri}/v3"), "alice", "pw")
            .user_domain_id("default");
        let provider = ferrocloud::openstack::authenticated_client(opts)
            .await
            .unwrap();
        let compute = ferrocloud::openstack::new_compute_v2(&provider, Default::default()).unwrap();
        let ids: Vec<String> = servers::list(&compute, &Default::default())
            .items()
            .map_ok(|srv| srv.id)
            .try_collect()
            .await
            .unwrap();
        assert_eq!(
            ids,
            ["a", "b", "c", "d", "e"],
            "nothing lost, nothing twice"
        );
        let seen = s.requests();
        let listing: Vec<_> = seen
            .iter()
            .filter(|r| r.path == "/v2.1/servers/detail")
            .collect();
        assert_eq!(listing.len(), 4);
        assert_eq!(
            listing[2].token.as_deref(),
            Some("tok-2"),
            "page 2 replayed with the new token"
        );
        assert_eq!(s.count("POST", "/v3/auth/tokens"), 2);
        tally(&s, 5);
    }
}

pub(crate) async fn token_expiring_under_a_thousand_tasks() {
    {
        // The old token is refused, the new one accepted: the server answers by token.
        let server = wiremock::MockServer::start().await;
        common::mount_keystone(&server, "tok-1").await;
        let provider = common::provider(&server).await;
        server.reset().await;
        wiremock::Mock::given(wiremock::matchers::method("POST"))
            .and(wiremock::matchers::path("/identity/v3/auth/tokens"))
            .respond_with(common::token_response(
                &server.uri(),
                "tok-2",
                "2999-01-01T00:00:00Z",
            ))
            .mount(&server)
            .await;
        wiremock::Mock::given(wiremock::matchers::method("GET"))
            .and(wiremock::matchers::header("x-auth-token", "tok-2"))
            .respond_with(wiremock::ResponseTemplate::new(200).set_body_string("{}"))
            .with_priority(1)
            .mount(&server)
            .await;
        wiremock::Mock::given(wiremock::matchers::method("GET"))
            .respond_with(wiremock::ResponseTemplate::new(401))
            .with_priority(2)
            .mount(&server)
            .await;
        let compute = ferrocloud::openstack::new_compute_v2(&provider, Default::default()).unwrap();
        let mut tasks = Vec::new();
        for _ in 0..1000 {
            let c = compute.clone();
            tasks.push(tokio::spawn(async move {
                c.request(&GET_THING, &[]).send_raw().await.map(|_| ())
            }));
        }
        for t in tasks {
            t.await.expect("no panic").unwrap();
        }
        let token_requests = common::count(&server, "POST", "/identity/v3/auth/tokens").await;
        assert_eq!(token_requests, 1, "one token request for a thousand tasks");
        let gets = common::count(&server, "GET", "/compute/v2.1/thing").await;
        assert!((1000..=2000).contains(&gets), "{gets}");
        CASES.fetch_add(1, Ordering::SeqCst);
        REQUESTS.fetch_add(gets + token_requests, Ordering::SeqCst);
        RETRIES.fetch_add(gets - 1000, Ordering::SeqCst);
    }
}
