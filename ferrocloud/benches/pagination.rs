//! Listing 10,000 detailed servers (10 pages of 1,000) from a local fixture server:
//! `servers::list(..).items()` and `.all_pages()` + `extract_servers` against a baseline
//! that does the same requests with a plain `reqwest::Client` and `serde_json`, decoding
//! into the same `Server` type. Reports the median wall time of each variant, the ratios
//! to the baseline, and the peak heap growth of each listing (a counting allocator).
//!
//! `cargo bench -p ferrocloud --bench pagination`; `PAGINATION_BENCH_ROUNDS` sets the
//! number of interleaved rounds (default 30).

use std::alloc::{GlobalAlloc, Layout, System};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::RawQuery;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use bytes::Bytes;
use ferrocloud::de::Link;
use ferrocloud::openstack::compute::v2::servers::{self, ListOpts, Server};
use ferrocloud::{AuthOptions, EndpointOpts, ExposeSecret, ServiceClient};
use futures::TryStreamExt;
use serde_json::json;

#[path = "fixture/pages.rs"]
mod pages;
use pages::{PageSet, render_pages, sample, server_template};

// ---- a counting allocator: current and peak heap bytes ----

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = CURRENT.fetch_add(by, Ordering::Relaxed) + by;
    if now > PEAK.load(Ordering::Relaxed) {
        PEAK.fetch_max(now, Ordering::Relaxed);
    }
}

fn shrank(by: usize) {
    CURRENT.fetch_sub(by, Ordering::Relaxed);
}

// SAFETY: every call is forwarded to `System` unchanged; only counters are updated.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is passed on to `System` unchanged.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as above.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size > layout.size() {
                grew(new_size - layout.size());
            } else {
                shrank(layout.size() - new_size);
            }
        }
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f` and returns its result with the peak heap growth (bytes) during it.
fn with_peak<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let start = CURRENT.load(Ordering::Relaxed);
    PEAK.store(start, Ordering::Relaxed);
    let r = f();
    let peak = PEAK.load(Ordering::Relaxed);
    (r, peak.saturating_sub(start))
}

// ---- the fixture server ----

const PAGE_SIZE: usize = 1_000;
const PAGES: usize = 10;
const PAGES_LARGE: usize = 20;
const TOKEN: &str = "gAAAAA-bench-token";

fn serve_page(set: &PageSet, query: Option<&str>) -> Response {
    let marker = query.and_then(|q| {
        q.split('&')
            .find_map(|kv| kv.strip_prefix("marker="))
            .map(str::to_owned)
    });
    let body = match marker {
        None => Some(set.first.clone()),
        Some(m) => set.by_marker.get(&m).cloned(),
    };
    match body {
        Some(b) => ([(header::CONTENT_TYPE, "application/json")], b).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The running fixture server.
struct Fixture {
    uri: String,
    /// The size of the first page's body.
    page_bytes: usize,
}

/// Starts the fixture server on 127.0.0.1 on its own thread and runtime: a Keystone
/// token route and two compute endpoints (`/compute/v2.1`: 10 pages, `/compute20/v2.1`:
/// 20 pages).
fn start_fixture() -> Fixture {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    listener.set_nonblocking(true).unwrap();
    let addr: SocketAddr = listener.local_addr().unwrap();
    let uri = format!("http://{addr}");

    let template = server_template();
    let ten = Arc::new(render_pages(
        &template,
        &format!("{uri}/compute/v2.1"),
        1,
        PAGES,
        PAGE_SIZE,
    ));
    let page_bytes = ten.first.len();
    let twenty = Arc::new(render_pages(
        &template,
        &format!("{uri}/compute20/v2.1"),
        2,
        PAGES_LARGE,
        PAGE_SIZE,
    ));

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
            "/compute/v2.1/servers/detail",
            get(move |RawQuery(q): RawQuery| {
                let set = ten.clone();
                async move { serve_page(&set, q.as_deref()) }
            }),
        )
        .route(
            "/compute20/v2.1/servers/detail",
            get(move |RawQuery(q): RawQuery| {
                let set = twenty.clone();
                async move { serve_page(&set, q.as_deref()) }
            }),
        );

    std::thread::Builder::new()
        .name("fixture".into())
        .spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                axum::serve(listener, app).await.unwrap();
            });
        })
        .unwrap();
    Fixture { uri, page_bytes }
}

// ---- the three ways of listing ----

#[derive(serde::Deserialize)]
struct DetailPage {
    servers: Vec<Server>,
    #[serde(default)]
    servers_links: Vec<Link>,
}

/// The same requests by hand: GET, decode the page, follow the `next` link. With
/// `collect`, every server is kept (as `all_pages` does); without, each page's servers are
/// counted and dropped (as `items()` holds one page at a time).
async fn list_baseline(http: &reqwest::Client, first: &str, token: &str, collect: bool) -> usize {
    let mut all: Vec<Server> = Vec::new();
    let mut counted = 0;
    let mut next = Some(first.to_string());
    while let Some(url) = next.take() {
        let body = http
            .get(&url)
            .header("x-auth-token", token)
            .header(header::ACCEPT, "application/json")
            .send()
            .await
            .expect("baseline GET")
            .error_for_status()
            .expect("baseline status")
            .bytes()
            .await
            .expect("baseline body");
        let page: DetailPage = serde_json::from_slice(&body).expect("baseline decode");
        next = page
            .servers_links
            .into_iter()
            .find(|l| l.rel == "next")
            .map(|l| l.href);
        if collect {
            all.extend(page.servers);
        } else {
            counted += std::hint::black_box(page.servers).len();
        }
    }
    counted + all.len()
}

async fn list_items(compute: &ServiceClient) -> usize {
    let items = servers::list(compute, &ListOpts::default()).items();
    let mut items = std::pin::pin!(items);
    let mut n = 0;
    while let Some(server) = items.try_next().await.expect("items()") {
        std::hint::black_box(&server);
        n += 1;
    }
    n
}

async fn list_all_pages(compute: &ServiceClient) -> usize {
    let page = servers::list(compute, &ListOpts::default())
        .all_pages()
        .await
        .expect("all_pages()");
    servers::extract_servers(&page)
        .expect("extract_servers")
        .len()
}

// ---- measurement ----

#[derive(Default)]
struct Stats {
    times: Vec<Duration>,
    peak: usize,
}

impl Stats {
    fn record(&mut self, t: Duration, peak: usize) {
        self.times.push(t);
        self.peak = self.peak.max(peak);
    }
    fn median(&self) -> Duration {
        let mut t = self.times.clone();
        t.sort();
        let n = t.len();
        if n % 2 == 1 {
            t[n / 2]
        } else {
            (t[n / 2 - 1] + t[n / 2]) / 2
        }
    }
    fn min(&self) -> Duration {
        self.times.iter().copied().min().unwrap_or_default()
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn mib(b: usize) -> f64 {
    b as f64 / (1024.0 * 1024.0)
}

fn main() {
    let rounds: usize = std::env::var("PAGINATION_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(30);

    let fixture = start_fixture();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();

    let (compute, compute20, token) = rt.block_on(async {
        let opts = AuthOptions::password(
            format!("{}/identity/v3", fixture.uri),
            "admin",
            "devstacker",
        )
        .user_domain_id("default");
        let provider = ferrocloud::openstack::authenticated_client(opts)
            .await
            .expect("authenticate against the fixture Keystone");
        let compute =
            ferrocloud::openstack::new_compute_v2(&provider, EndpointOpts::region("RegionOne"))
                .expect("compute endpoint");
        let compute20 = ServiceClient::new(
            provider.clone(),
            "compute",
            &format!("{}/compute20/v2.1", fixture.uri),
            None,
        )
        .expect("second compute endpoint");
        let token = provider.token().expect("token").expose_secret().to_string();
        (compute, compute20, token)
    });
    let http = reqwest::Client::new();
    let first = format!("{}/compute/v2.1/servers/detail", fixture.uri);
    let total = PAGES * PAGE_SIZE;
    let total_large = PAGES_LARGE * PAGE_SIZE;

    // Warm-up (connections, allocator, caches), and a check that the three agree.
    rt.block_on(async {
        let a = list_baseline(&http, &first, &token, true).await;
        assert_eq!(list_baseline(&http, &first, &token, false).await, total);
        let b = list_items(&compute).await;
        let c = list_all_pages(&compute).await;
        let d = list_items(&compute20).await;
        assert_eq!((a, b, c, d), (total, total, total, total_large));
        let sdk = servers::extract_servers(
            &servers::list(&compute, &ListOpts::default())
                .all_pages()
                .await
                .unwrap(),
        )
        .unwrap();
        let mut by_hand = Vec::new();
        let mut next = Some(first.clone());
        while let Some(url) = next.take() {
            let page: DetailPage = http.get(&url).send().await.unwrap().json().await.unwrap();
            next = page
                .servers_links
                .into_iter()
                .find(|l| l.rel == "next")
                .map(|l| l.href);
            by_hand.extend(page.servers);
        }
        assert!(
            sdk == by_hand,
            "the SDK and the baseline decode the same servers"
        );
    });

    let mut baseline = Stats::default();
    let mut baseline_streamed = Stats::default();
    let mut items = Stats::default();
    let mut all_pages = Stats::default();
    let mut items_large = Stats::default();
    let run = |stats: &mut Stats, expected: usize, f: &dyn Fn() -> usize| {
        let started = Instant::now();
        let (n, peak) = with_peak(f);
        let t = started.elapsed();
        assert_eq!(n, expected);
        stats.record(t, peak);
    };
    for _ in 0..rounds {
        run(&mut baseline, total, &|| {
            rt.block_on(list_baseline(&http, &first, &token, true))
        });
        run(&mut baseline_streamed, total, &|| {
            rt.block_on(list_baseline(&http, &first, &token, false))
        });
        run(&mut items, total, &|| rt.block_on(list_items(&compute)));
        run(&mut all_pages, total, &|| {
            rt.block_on(list_all_pages(&compute))
        });
    }
    for _ in 0..rounds.div_ceil(3) {
        run(&mut items_large, total_large, &|| {
            rt.block_on(list_items(&compute20))
        });
    }

    let base = baseline.median().as_secs_f64();
    let ratio = |s: &Stats| s.median().as_secs_f64() / base;
    println!(
        "\n{} servers ({} pages of {}, {:.1} MiB a page), {} interleaved rounds",
        total,
        PAGES,
        PAGE_SIZE,
        mib(fixture.page_bytes),
        rounds
    );
    println!(
        "{:<28} {:>10} {:>10} {:>9} {:>12}",
        "variant", "median ms", "min ms", "× base", "peak MiB"
    );
    for (name, s) in [
        ("baseline (reqwest+serde)", &baseline),
        ("baseline, page at a time", &baseline_streamed),
        ("items()", &items),
        ("all_pages()+extract", &all_pages),
        ("items(), 20 pages", &items_large),
    ] {
        println!(
            "{:<28} {:>10.1} {:>10.1} {:>9.2} {:>12.1}",
            name,
            ms(s.median()),
            ms(s.min()),
            ratio(s),
            mib(s.peak)
        );
    }
    println!(
        "items() peak: {:.1} MiB for {} pages, {:.1} MiB for {} pages",
        mib(items.peak),
        PAGES,
        mib(items_large.peak),
        PAGES_LARGE
    );
    println!(
        "pagination: items {:.2}× baseline, all_pages {:.2}× baseline, items peak {:.1} MiB",
        ratio(&items),
        ratio(&all_pages),
        mib(items.peak)
    );
}
