//! The fault-injection suite: a local server that misbehaves on purpose, one case at a
//! time, and the exact outcome the SDK must give for each: retried N times and
//! succeeded, or a typed error of a given kind; never a panic, never a lost or
//! duplicated request. The last test prints the totals (cases, requests, retries,
//! panics).

mod common;

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ferrocloud::http::Method;
use ferrocloud::openstack::compute::v2::servers;
use ferrocloud::retry::RetryPolicy;
use ferrocloud::{ErrorKind, Operation, ProviderClient, ServiceClient};
use futures::TryStreamExt;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// What the fault server does with one request.
#[derive(Clone)]
enum Fault {
    /// A complete answer.
    Answer {
        status: u16,
        headers: Vec<(&'static str, String)>,
        body: Vec<u8>,
    },
    /// Close the connection without answering.
    DropBeforeHeaders,
    /// Send the headers and part of the body, then close.
    DropAfterHeaders,
    /// Wait this long before answering 200 `{}`.
    Stall(Duration),
    /// Announce `announced` bytes and send `body` (longer).
    Oversized { announced: usize, body: Vec<u8> },
}

fn answer(status: u16, body: &str) -> Fault {
    Fault::Answer {
        status,
        headers: vec![("content-type", "application/json".into())],
        body: body.as_bytes().to_vec(),
    }
}

fn answer_with(status: u16, headers: Vec<(&'static str, String)>, body: &str) -> Fault {
    Fault::Answer {
        status,
        headers,
        body: body.as_bytes().to_vec(),
    }
}

#[derive(Debug, Clone)]
struct Seen {
    method: String,
    path: String,
    token: Option<String>,
}

/// A raw HTTP/1.1 server on 127.0.0.1 that plays a script of faults.
struct FaultServer {
    uri: String,
    script: Arc<Mutex<VecDeque<Fault>>>,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl FaultServer {
    async fn start(script: Vec<Fault>) -> FaultServer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let uri = format!("http://{}", listener.local_addr().unwrap());
        let script = Arc::new(Mutex::new(VecDeque::from(script)));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (s2, seen2) = (script.clone(), seen.clone());
        tokio::spawn(async move {
            loop {
                let Ok((sock, _)) = listener.accept().await else {
                    return;
                };
                let (s3, seen3) = (s2.clone(), seen2.clone());
                tokio::spawn(async move { serve(sock, s3, seen3).await });
            }
        });
        FaultServer { uri, script, seen }
    }

    fn requests(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    fn count(&self, method: &str, path: &str) -> usize {
        self.requests()
            .iter()
            .filter(|s| s.method == method && s.path == path)
            .count()
    }

    fn client(&self, policy: RetryPolicy) -> ServiceClient {
        let p = ProviderClient::builder(format!("{}/v3", self.uri))
            .retry(policy)
            .timeout(Duration::from_millis(500))
            .build()
            .unwrap();
        p.set_token("tok", None);
        ServiceClient::new(p, "compute", &self.uri, None).unwrap()
    }
}

/// Reads one request (headers and a Content-Length body) from the socket.
async fn read_request(sock: &mut TcpStream) -> Option<(String, String, Option<String>)> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        let n = sock.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let mut lines = head.lines();
    let first = lines.next()?;
    let mut parts = first.split_whitespace();
    let method = parts.next()?.to_string();
    let path = parts.next()?.split('?').next()?.to_string();
    let mut len = 0usize;
    let mut token = None;
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            match k.trim().to_ascii_lowercase().as_str() {
                "content-length" => len = v.trim().parse().unwrap_or(0),
                "x-auth-token" => token = Some(v.trim().to_string()),
                _ => {}
            }
        }
    }
    while buf.len() < head_end + len {
        let n = sock.read(&mut chunk).await.ok()?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    Some((method, path, token))
}

async fn serve(
    mut sock: TcpStream,
    script: Arc<Mutex<VecDeque<Fault>>>,
    seen: Arc<Mutex<Vec<Seen>>>,
) {
    loop {
        let Some((method, path, token)) = read_request(&mut sock).await else {
            return;
        };
        seen.lock().unwrap().push(Seen {
            method,
            path,
            token,
        });
        let fault = script
            .lock()
            .unwrap()
            .pop_front()
            .unwrap_or_else(|| answer(200, "{}"));
        match fault {
            Fault::Answer {
                status,
                headers,
                body,
            } => {
                let mut out = format!("HTTP/1.1 {status} X\r\ncontent-length: {}\r\n", body.len());
                for (k, v) in headers {
                    out.push_str(&format!("{k}: {v}\r\n"));
                }
                out.push_str("\r\n");
                let mut bytes = out.into_bytes();
                bytes.extend_from_slice(&body);
                if sock.write_all(&bytes).await.is_err() {
                    return;
                }
            }
            Fault::DropBeforeHeaders => return,
            Fault::DropAfterHeaders => {
                let _ = sock
                    .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"serv")
                    .await;
                return;
            }
            Fault::Stall(d) => {
                tokio::time::sleep(d).await;
                let _ = sock
                    .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}")
                    .await;
                return;
            }
            Fault::Oversized { announced, body } => {
                let head = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {announced}\r\n\r\n"
                );
                let _ = sock.write_all(head.as_bytes()).await;
                let _ = sock.write_all(&body).await;
                return;
            }
        }
    }
}

static GET_THING: Operation = Operation::new("compute", Method::GET, "/thing");
static POST_THING: Operation = Operation::new("compute", Method::POST, "/thing");

fn fast() -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(4)
        .delays(Duration::from_millis(2), Duration::from_millis(20))
}

/// Totals for the report.
static CASES: AtomicUsize = AtomicUsize::new(0);
static REQUESTS: AtomicUsize = AtomicUsize::new(0);
static RETRIES: AtomicUsize = AtomicUsize::new(0);

fn tally(server: &FaultServer, logical_requests: usize) {
    let n = server.requests().len();
    CASES.fetch_add(1, Ordering::SeqCst);
    REQUESTS.fetch_add(n, Ordering::SeqCst);
    RETRIES.fetch_add(n.saturating_sub(logical_requests), Ordering::SeqCst);
}

async fn connection_dropped_before_headers() {
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

async fn connection_dropped_after_headers() {
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

async fn stalled_past_the_timeout() {
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

async fn throttled_and_unavailable() {
    {
        for (status, retry_after) in [(429, Some("0")), (429, None), (503, Some("0")), (503, None)]
        {
            let headers = match retry_after {
                Some(v) => vec![("retry-after", v.to_string())],
                None => vec![],
            };
            let s = FaultServer::start(vec![
                answer_with(status, headers.clone(), "slow down"),
                answer_with(status, headers, "slow down"),
            ])
            .await;
            s.client(fast())
                .request(&POST_THING, &[])
                .json(&json!({}))
                .send_raw()
                .await
                .unwrap();
            assert_eq!(s.count("POST", "/thing"), 3, "{status} {retry_after:?}");
            tally(&s, 1);
        }
    }
}

async fn server_error_then_success() {
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

async fn bad_bodies() {
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

async fn body_larger_than_announced() {
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

async fn unauthorized_in_the_middle_of_a_listing() {
    {
        // Page 1 with the old token, 401 on page 2, a new token, page 2 again, page 3.
        let s = FaultServer::start(vec![]).await;
        let uri = s.uri.clone();
        let page = |ids: &[&str], next: Option<&str>| {
            let servers: Vec<_> = ids
                .iter()
                .map(|id| json!({"id": id, "name": id, "status": "ACTIVE", "created": "2024-01-01T00:00:00Z"}))
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

async fn token_expiring_under_a_thousand_tasks() {
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

/// Every case in turn, each in its own task so that a panic is caught and reported;
/// then the totals.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fault_injection_suite() {
    macro_rules! run {
        ($($case:ident),*) => {{
            let mut panics = 0;
            $(
                if let Err(e) = tokio::spawn($case()).await {
                    panics += 1;
                    eprintln!("case {} failed: {e}", stringify!($case));
                }
            )*
            panics
        }};
    }
    let panics = run!(
        connection_dropped_before_headers,
        connection_dropped_after_headers,
        stalled_past_the_timeout,
        throttled_and_unavailable,
        server_error_then_success,
        bad_bodies,
        body_larger_than_announced,
        unauthorized_in_the_middle_of_a_listing,
        token_expiring_under_a_thousand_tasks
    );
    println!(
        "fault injection: {} cases, {} requests, {} retries, {panics} panics",
        CASES.load(Ordering::SeqCst),
        REQUESTS.load(Ordering::SeqCst),
        RETRIES.load(Ordering::SeqCst)
    );
    assert_eq!(panics, 0, "every case must give its expected outcome");
}
