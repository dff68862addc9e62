//! Small calls: 1,000 `servers::get` against a local fixture server, one after the other
//! and with 16 in flight, under a multi-threaded runtime (what `#[tokio::main]` builds)
//! and a current-thread runtime, beside a hand-written client (`reqwest` + `serde_json`,
//! the same token header, decoding into the same `Server` type) on the same runtime in
//! the same run. Each variant gets fresh clients; the fixture counts the connections each
//! opens. Reports the median wall time of each variant over interleaved rounds and the
//! ratios to the baseline.
//!
//! `cargo bench -p ferrocloud --bench requests`; `REQUESTS_BENCH_ROUNDS` sets the number
//! of rounds (default 15).

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::http::{StatusCode, header};
use axum::routing::{get, post};
use bytes::Bytes;
use ferrocloud::openstack::compute::v2::servers::{self, Server};
use ferrocloud::{AuthOptions, EndpointOpts, ExposeSecret, ServiceClient};
use futures::StreamExt;
use serde_json::{Value, json};

// ---- counting allocations ----

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to `System` unchanged; only a counter is updated.
unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract is passed on to `System` unchanged.
        unsafe { std::alloc::System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        // SAFETY: as above.
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { std::alloc::System.realloc(ptr, layout, new) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const CALLS: usize = 1_000;
const IN_FLIGHT: usize = 16;
const TOKEN: &str = "gAAAAA-bench-token";

fn sample(rel: &str) -> Value {
    let p = format!(
        "{}/../conformance/api-samples/{rel}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{p}: {e}"))
}

// ---- the fixture server, counting the connections it accepts ----

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
                let _ = io.set_nodelay(true);
                self.accepted.fetch_add(1, Ordering::SeqCst);
                return (io, addr);
            }
        }
    }
    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        self.inner.local_addr()
    }
}

struct Fixture {
    uri: String,
    accepted: Arc<AtomicUsize>,
}

fn start_fixture() -> Fixture {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    listener.set_nonblocking(true).unwrap();
    let addr: SocketAddr = listener.local_addr().unwrap();
    let uri = format!("http://{addr}");
    let accepted = Arc::new(AtomicUsize::new(0));

    let server = Bytes::from(
        serde_json::to_vec(&sample(
            "compute/doc/api_samples/servers/server-get-resp.json",
        ))
        .unwrap(),
    );
    let mut token = sample(
        "identity/api-ref/source/v3/samples/admin/auth-password-project-scoped-response.json",
    );
    let endpoint = |ty: &str, name: &str, url: String| {
        json!({"type": ty, "name": name, "id": name, "endpoints": [
            {"id": format!("{name}-pub"), "interface": "public", "region": "RegionOne",
             "region_id": "RegionOne", "url": url}
        ]})
    };
    token["token"]["catalog"] = json!([
        endpoint("identity", "keystone", format!("{uri}/identity")),
        endpoint("compute", "nova", format!("{uri}/compute/v2.1")),
    ]);
    token["token"]["expires_at"] = json!("2999-01-01T00:00:00Z");
    let token_body = Bytes::from(serde_json::to_vec(&token).unwrap());

    let app = Router::new()
        .route(
            "/identity/v3/auth/tokens",
            post(move || {
                let body = token_body.clone();
                async move {
                    (
                        StatusCode::CREATED,
                        [
                            (header::CONTENT_TYPE, "application/json"),
                            (header::HeaderName::from_static("x-subject-token"), TOKEN),
                        ],
                        body,
                    )
                }
            }),
        )
        .route(
            "/compute/v2.1/servers/{id}",
            get(move || {
                let body = server.clone();
                async move {
                    (
                        StatusCode::OK,
                        [
                            (header::CONTENT_TYPE, "application/json"),
                            (
                                header::HeaderName::from_static("x-openstack-request-id"),
                                "req-5b6f9a0e-2c1d-4e3f-8a7b-9c0d1e2f3a4b",
                            ),
                        ],
                        body,
                    )
                }
            }),
        );

    let counter = accepted.clone();
    std::thread::Builder::new()
        .name("fixture".into())
        .spawn(move || {
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
        })
        .unwrap();
    Fixture { uri, accepted }
}

// ---- the two clients ----

#[derive(serde::Deserialize)]
struct ServerBody {
    server: Server,
}

/// The hand-written client: what a program would write without an SDK.
struct Baseline {
    http: reqwest::Client,
    base: String,
    token: String,
}

impl Baseline {
    async fn get(&self, id: &str) -> Server {
        let resp = self
            .http
            .get(format!("{}/servers/{id}", self.base))
            .header("x-auth-token", &self.token)
            .header("accept", "application/json")
            .send()
            .await
            .expect("baseline GET");
        assert!(resp.status().is_success());
        let body = resp.bytes().await.expect("baseline body");
        serde_json::from_slice::<ServerBody>(&body)
            .expect("baseline decode")
            .server
    }
}

enum Client {
    Baseline(Baseline),
    Sdk(ServiceClient),
}

impl Client {
    async fn new(sdk: bool, uri: &str) -> Client {
        let opts = AuthOptions::password(format!("{uri}/identity/v3"), "admin", "devstacker")
            .user_domain_id("default");
        let provider = ferrocloud::openstack::authenticated_client(opts)
            .await
            .expect("authenticate against the fixture Keystone");
        if sdk {
            let compute =
                ferrocloud::openstack::new_compute_v2(&provider, EndpointOpts::region("RegionOne"))
                    .expect("compute endpoint");
            Client::Sdk(compute)
        } else {
            Client::Baseline(Baseline {
                http: reqwest::Client::new(),
                base: format!("{uri}/compute/v2.1"),
                token: provider.token().expect("token").expose_secret().to_string(),
            })
        }
    }

    async fn get(&self, id: &str) -> Server {
        match self {
            Client::Baseline(b) => b.get(id).await,
            Client::Sdk(c) => servers::get(c, id).await.extract().expect("servers::get"),
        }
    }
}

const ID: &str = "9168b536-cd40-4630-b43f-b259807c6e87";

async fn sequential(c: &Client) {
    for _ in 0..CALLS {
        std::hint::black_box(c.get(ID).await);
    }
}

async fn concurrent(c: &Client) {
    futures::stream::iter(0..CALLS)
        .map(|_| c.get(ID))
        .buffer_unordered(IN_FLIGHT)
        .for_each(|s| {
            std::hint::black_box(s);
            async {}
        })
        .await;
}

// ---- the runs ----

#[derive(Clone, Copy, PartialEq)]
enum Flavor {
    MultiThread,
    CurrentThread,
}

fn runtime(flavor: Flavor) -> tokio::runtime::Runtime {
    match flavor {
        // What `#[tokio::main]` builds.
        Flavor::MultiThread => tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .unwrap(),
        Flavor::CurrentThread => tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap(),
    }
}

/// One timed run on a fresh runtime with fresh clients: the wall time of the calls and
/// the connections the client used for them.
fn run(fixture: &Fixture, flavor: Flavor, sdk: bool, concurrently: bool) -> (Duration, usize) {
    let rt = runtime(flavor);
    rt.block_on(async {
        let before = fixture.accepted.load(Ordering::SeqCst);
        let client = Client::new(sdk, &fixture.uri).await;
        // One call to warm the connection the client keeps.
        std::hint::black_box(client.get(ID).await);
        let started = Instant::now();
        if concurrently {
            concurrent(&client).await;
        } else {
            sequential(&client).await;
        }
        let took = started.elapsed();
        let opened = fixture.accepted.load(Ordering::SeqCst) - before;
        // The SDK client authenticates on its own connection pool; the baseline gets its
        // token from a provider it then drops: count only the compute client's pool.
        let connections = if sdk { opened } else { opened - 1 };
        (took, connections)
    })
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let rounds: usize = std::env::var("REQUESTS_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(15);
    let fixture = start_fixture();

    // A check that both clients get the same server, and the allocations of one call
    // (the whole process: client, runtime and fixture server).
    let allocations = runtime(Flavor::CurrentThread).block_on(async {
        let baseline = Client::new(false, &fixture.uri).await;
        let sdk = Client::new(true, &fixture.uri).await;
        let a = baseline.get(ID).await;
        let b = sdk.get(ID).await;
        assert_eq!((&a.id, &a.name), (&b.id, &b.name));
        let mut per_call = [0usize; 2];
        for (i, c) in [&baseline, &sdk].into_iter().enumerate() {
            let before = ALLOCATIONS.load(Ordering::Relaxed);
            sequential(c).await;
            per_call[i] = (ALLOCATIONS.load(Ordering::Relaxed) - before) / CALLS;
        }
        per_call
    });

    let variants = [
        ("sequential, multi-thread", Flavor::MultiThread, false),
        ("sequential, current-thread", Flavor::CurrentThread, false),
        ("16 in flight, multi-thread", Flavor::MultiThread, true),
        ("16 in flight, current-thread", Flavor::CurrentThread, true),
    ];
    let mut times = vec![(Vec::new(), Vec::new()); variants.len()];
    // The most connections a sequential run used: (baseline, ferrocloud).
    let mut connections = (0usize, 0usize);
    for _ in 0..rounds {
        for (i, &(_, flavor, concurrently)) in variants.iter().enumerate() {
            // Alternate which client goes first, so that neither always meets a warmer
            // machine.
            let (b, s) = if times[i].0.len() % 2 == 0 {
                let b = run(&fixture, flavor, false, concurrently);
                (b, run(&fixture, flavor, true, concurrently))
            } else {
                let s = run(&fixture, flavor, true, concurrently);
                (run(&fixture, flavor, false, concurrently), s)
            };
            times[i].0.push(b.0);
            times[i].1.push(s.0);
            if !concurrently {
                connections.0 = connections.0.max(b.1);
                connections.1 = connections.1.max(s.1);
            }
        }
    }

    println!(
        "{CALLS} servers::get, median of {rounds} rounds, fresh clients per run (baseline: reqwest + serde_json)"
    );
    let mut ratios = Vec::new();
    for (i, (name, _, _)) in variants.iter().enumerate() {
        let b = median(times[i].0.clone());
        let s = median(times[i].1.clone());
        let ratio = s.as_secs_f64() / b.as_secs_f64();
        ratios.push(ratio);
        println!(
            "  {name:<30} baseline {:>7.1} ms   ferrocloud {:>7.1} ms   {ratio:.2}×",
            b.as_secs_f64() * 1e3,
            s.as_secs_f64() * 1e3,
        );
    }
    println!(
        "  connections for sequential work, at most: baseline {}, ferrocloud {}",
        connections.0, connections.1
    );
    println!(
        "  allocations per call (whole process, current-thread): baseline {}, ferrocloud {}",
        allocations[0], allocations[1]
    );
    println!(
        "requests: sequential {:.2}× baseline (multi-thread), {:.2}× (current-thread), concurrent {:.2}×, connections {}",
        ratios[0],
        ratios[1],
        ratios[2].max(ratios[3]),
        connections.1
    );
}
