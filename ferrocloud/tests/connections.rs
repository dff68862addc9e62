//! Sequential requests stay on one connection, on the multi-threaded runtime that
//! `#[tokio::main]` builds: the HTTP client returns a connection to its pool from a task
//! of its own, and a request that comes before it must wait for it rather than open
//! another. (The race shows in optimized builds: `cargo test --release --test
//! connections` opened a second connection in most runs before the SDK held new
//! connections back.)

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::routing::get;
use ferrocloud::http::Method;
use ferrocloud::{Operation, ProviderClient, ServiceClient};

struct Counted {
    inner: tokio::net::TcpListener,
    accepted: Arc<AtomicUsize>,
}

impl axum::serve::Listener for Counted {
    type Io = tokio::net::TcpStream;
    type Addr = SocketAddr;
    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            if let Ok((io, addr)) = self.inner.accept().await {
                self.accepted.fetch_add(1, Ordering::SeqCst);
                return (io, addr);
            }
        }
    }
    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        self.inner.local_addr()
    }
}

/// A server answering `GET /things/{id}` with a small JSON body (`/slow/{id}` after
/// 100 ms), on its own thread and
/// runtime; the connections it accepted are counted.
fn serve() -> (String, Arc<AtomicUsize>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let uri = format!("http://{}", listener.local_addr().unwrap());
    let accepted = Arc::new(AtomicUsize::new(0));
    let counter = accepted.clone();
    let body =
        serde_json::json!({"thing": {"id": "t", "name": "a name", "tags": ["x", "y"]}}).to_string();
    let slow_body = body.clone();
    let app = Router::new()
        .route(
            "/things/{id}",
            get(move || {
                let body = body.clone();
                async move { ([("content-type", "application/json")], body) }
            }),
        )
        .route(
            "/slow/{id}",
            get(move || {
                let body = slow_body.clone();
                async move {
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                    ([("content-type", "application/json")], body)
                }
            }),
        );
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = Counted {
                inner: tokio::net::TcpListener::from_std(listener).unwrap(),
                accepted: counter,
            };
            axum::serve(listener, app).await.unwrap();
        });
    });
    (uri, accepted)
}

static GET_THING: Operation = Operation::new("compute", Method::GET, "/things/{id}");
static GET_SLOW: Operation = Operation::new("compute", Method::GET, "/slow/{id}");

#[test]
fn a_thousand_sequential_requests_use_one_connection_on_a_multi_threaded_runtime() {
    let (uri, accepted) = serve();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let provider = ProviderClient::builder(format!("{uri}/identity/v3"))
            .build()
            .unwrap();
        provider.set_token("a-token", None);
        let client = ServiceClient::new(provider, "compute", &uri, None).unwrap();
        for i in 0..1000 {
            let resp = client
                .request(&GET_THING, &["t"])
                .send_raw()
                .await
                .unwrap_or_else(|e| panic!("request {i}: {e}"));
            assert_eq!(resp.status(), 200);
        }
    });
    assert_eq!(accepted.load(Ordering::SeqCst), 1, "connections opened");
}

#[test]
fn concurrent_requests_open_the_connections_they_need_at_once() {
    let (uri, accepted) = serve();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let provider = ProviderClient::builder(format!("{uri}/identity/v3"))
            .build()
            .unwrap();
        provider.set_token("a-token", None);
        let client = ServiceClient::new(provider, "compute", &uri, None).unwrap();
        // An answer just before: the origin is "recent".
        client.request(&GET_THING, &["t"]).send_raw().await.unwrap();
        let started = std::time::Instant::now();
        let all = (0..16).map(|_| client.request(&GET_SLOW, &["t"]).send_raw());
        for r in futures::future::join_all(all).await {
            assert_eq!(r.unwrap().status(), 200);
        }
        // Sixteen answers of 100 ms each, all at once: well under the 1.6 s they would
        // take one after the other on a single connection.
        assert!(
            started.elapsed() < std::time::Duration::from_millis(800),
            "{:?}",
            started.elapsed()
        );
    });
    assert!(
        accepted.load(Ordering::SeqCst) >= 16,
        "connections opened: {}",
        accepted.load(Ordering::SeqCst)
    );
}
