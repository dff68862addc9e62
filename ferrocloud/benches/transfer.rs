//! Large transfers: one object of 1 GiB uploaded from a stream and downloaded as a
//! stream, through the SDK (`objects::create_stream`, `objects::download`) and through a
//! raw reqwest client (the baseline: the same stream as the body, the same token header,
//! the body read chunk by chunk), against a local fixture server, on a multi-threaded
//! runtime, interleaved over rounds. The SDK runs without and with its MD5 check; the
//! fixture answers with the payload's real MD5 as `ETag`, so the check passes. The peak
//! resident memory of each SDK transfer is measured (`VmHWM`, reset before each).
//! Image data goes the same way (`image_data::upload_stream`, `image_data::download`,
//! with Glance's `Content-MD5` checked on the way down), beside the same baseline.
//!
//! `cargo bench -p ferrocloud --bench transfer`; `TRANSFER_BENCH_MIB` sets the size
//! (default 1024), `TRANSFER_BENCH_ROUNDS` the rounds (default 3).

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::routing::post;
use bytes::Bytes;
use ferrocloud::openstack::image::v2::image_data;
use ferrocloud::openstack::objectstorage::v1::objects::{self, CreateOpts, DownloadOpts};
use ferrocloud::{AuthOptions, EndpointOpts, ServiceClient};
use futures::{Stream, StreamExt, TryStreamExt};
use md5::{Digest, Md5};
use serde_json::{Value, json};

const TOKEN: &str = "gAAAAA-bench-token";
const CHUNK: usize = 1 << 20;

fn sample(rel: &str) -> Value {
    let p = format!(
        "{}/../conformance/api-samples/{rel}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{p}: {e}"))
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// One MiB of a fixed pattern; the payload is `mib` copies of it.
fn block() -> Bytes {
    Bytes::from((0..CHUNK).map(|i| (i % 251) as u8).collect::<Vec<u8>>())
}

/// The payload as a stream of shared chunks (no copy, no allocation per chunk).
fn payload(
    block: &Bytes,
    mib: usize,
) -> impl Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static {
    futures::stream::iter(std::iter::repeat_n(block.clone(), mib).map(Ok))
}

fn start_fixture(block: Bytes, mib: usize, etag: String) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    listener.set_nonblocking(true).unwrap();
    let addr: SocketAddr = listener.local_addr().unwrap();
    let uri = format!("http://{addr}");

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
        endpoint("object-store", "swift", format!("{uri}/swift/v1/AUTH_b")),
        endpoint("image", "glance", format!("{uri}/image")),
    ]);
    token["token"]["expires_at"] = json!("2999-01-01T00:00:00Z");
    let token_body = Bytes::from(serde_json::to_vec(&token).unwrap());
    let put_etag = etag.clone();
    let (image_block, image_md5) = (block.clone(), etag.clone());

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
            "/swift/v1/AUTH_b/c/o",
            axum::routing::put(move |req: Request| {
                let etag = put_etag.clone();
                async move {
                    // Read (and drop) the whole body, as a store would.
                    let mut body = req.into_body().into_data_stream();
                    let mut n = 0usize;
                    while let Some(chunk) = body.next().await {
                        match chunk {
                            Ok(c) => n += c.len(),
                            Err(_) => return (StatusCode::BAD_REQUEST, [(header::ETAG, etag)]),
                        }
                    }
                    let _ = n;
                    (StatusCode::CREATED, [(header::ETAG, etag)])
                }
            })
            .get(move || {
                let (block, etag) = (block.clone(), etag.clone());
                async move {
                    let body = Body::from_stream(futures::stream::iter(
                        std::iter::repeat_n(block, mib).map(Ok::<_, std::io::Error>),
                    ));
                    (
                        StatusCode::OK,
                        [
                            (header::CONTENT_LENGTH, (mib * CHUNK).to_string()),
                            (header::ETAG, etag),
                            (header::CONTENT_TYPE, "application/octet-stream".into()),
                        ],
                        body,
                    )
                }
            }),
        );

    let app = app.route(
        "/image/v2/images/i/file",
        axum::routing::put(|req: Request| async move {
            let mut body = req.into_body().into_data_stream();
            while let Some(chunk) = body.next().await {
                if chunk.is_err() {
                    return StatusCode::BAD_REQUEST;
                }
            }
            StatusCode::NO_CONTENT
        })
        .get(move || {
            let (block, md5) = (image_block.clone(), image_md5.clone());
            async move {
                let body = Body::from_stream(futures::stream::iter(
                    std::iter::repeat_n(block, mib).map(Ok::<_, std::io::Error>),
                ));
                (
                    StatusCode::OK,
                    [
                        (header::CONTENT_LENGTH, (mib * CHUNK).to_string()),
                        (header::HeaderName::from_static("content-md5"), md5),
                        (header::CONTENT_TYPE, "application/octet-stream".into()),
                    ],
                    body,
                )
            }
        }),
    );

    std::thread::Builder::new()
        .name("fixture".into())
        .spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                axum::serve(listener, app).await.unwrap();
            });
        })
        .unwrap();
    uri
}

/// The peak resident set since the last reset, in MiB, and a reset.
fn peak_mib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}

fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

#[derive(Default)]
struct Times {
    base_up: Vec<Duration>,
    sdk_up: Vec<Duration>,
    sdk_up_md5: Vec<Duration>,
    base_down: Vec<Duration>,
    sdk_down: Vec<Duration>,
    sdk_down_md5: Vec<Duration>,
    image_up: Vec<Duration>,
    image_down: Vec<Duration>,
}

async fn baseline_upload(http: &reqwest::Client, url: &str, block: &Bytes, mib: usize) {
    let resp = http
        .put(url)
        .header("x-auth-token", TOKEN)
        .header("content-type", "application/octet-stream")
        .body(reqwest::Body::wrap_stream(payload(block, mib)))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 201);
}

async fn baseline_download(http: &reqwest::Client, url: &str) -> usize {
    let resp = http
        .get(url)
        .header("x-auth-token", TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let mut n = 0;
    let mut s = resp.bytes_stream();
    while let Some(c) = s.try_next().await.unwrap() {
        n += c.len();
    }
    n
}

async fn sdk_upload(swift: &ServiceClient, block: &Bytes, mib: usize, checksum: bool) {
    let opts = CreateOpts {
        skip_checksum: !checksum,
        ..CreateOpts::default()
    };
    objects::create_stream(swift, "c", "o", payload(block, mib), &opts)
        .await
        .ok()
        .unwrap();
}

async fn sdk_download(swift: &ServiceClient, checksum: bool) -> usize {
    let opts = DownloadOpts {
        skip_checksum: !checksum,
        ..DownloadOpts::default()
    };
    let d = objects::download(swift, "c", "o", &opts).await.unwrap();
    let mut n = 0;
    let mut s = d.into_stream();
    while let Some(c) = s.try_next().await.unwrap() {
        n += c.len();
    }
    n
}

async fn image_upload(glance: &ServiceClient, block: &Bytes, mib: usize) {
    // Unchecked: the fixture records no checksum to compare with.
    let opts = image_data::UploadOpts {
        skip_checksum: true,
        ..Default::default()
    };
    image_data::upload_stream(glance, "i", payload(block, mib), &opts)
        .await
        .ok()
        .unwrap();
}

async fn image_download(glance: &ServiceClient) -> usize {
    let d = image_data::download(glance, "i", &Default::default())
        .await
        .unwrap();
    let mut n = 0;
    let mut s = d.into_stream();
    while let Some(c) = s.try_next().await.unwrap() {
        n += c.len();
    }
    n
}

async fn timed<F: std::future::Future>(f: F) -> (Duration, F::Output) {
    let t = Instant::now();
    let out = f.await;
    (t.elapsed(), out)
}

fn main() {
    let mib = env_number("TRANSFER_BENCH_MIB", 1024).max(1);
    let rounds = env_number("TRANSFER_BENCH_ROUNDS", 3).max(1);
    let block = block();
    let mut md5 = Md5::new();
    for _ in 0..mib {
        md5.update(&block);
    }
    let etag: String = md5.finalize().iter().map(|b| format!("{b:02x}")).collect();
    let uri = start_fixture(block.clone(), mib, etag);
    let url = format!("{uri}/swift/v1/AUTH_b/c/o");

    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let (times, peak) = rt.block_on(async {
        let opts = AuthOptions::token(format!("{uri}/identity/v3"), TOKEN);
        let provider = ferrocloud::openstack::authenticated_client(opts)
            .await
            .unwrap();
        let swift =
            ferrocloud::openstack::new_object_storage_v1(&provider, EndpointOpts::default())
                .unwrap();
        let glance =
            ferrocloud::openstack::new_image_v2(&provider, EndpointOpts::default()).unwrap();
        let http = reqwest::Client::new();
        let mut t = Times::default();
        let mut peak = 0u64;
        let bytes = mib * CHUNK;
        for _ in 0..rounds {
            t.base_up
                .push(timed(baseline_upload(&http, &url, &block, mib)).await.0);
            reset_peak();
            t.sdk_up
                .push(timed(sdk_upload(&swift, &block, mib, false)).await.0);
            peak = peak.max(peak_mib());
            reset_peak();
            t.sdk_up_md5
                .push(timed(sdk_upload(&swift, &block, mib, true)).await.0);
            peak = peak.max(peak_mib());

            let (d, n) = timed(baseline_download(&http, &url)).await;
            assert_eq!(n, bytes);
            t.base_down.push(d);
            reset_peak();
            let (d, n) = timed(sdk_download(&swift, false)).await;
            assert_eq!(n, bytes);
            t.sdk_down.push(d);
            peak = peak.max(peak_mib());
            reset_peak();
            let (d, n) = timed(sdk_download(&swift, true)).await;
            assert_eq!(n, bytes);
            t.sdk_down_md5.push(d);
            peak = peak.max(peak_mib());

            reset_peak();
            t.image_up
                .push(timed(image_upload(&glance, &block, mib)).await.0);
            peak = peak.max(peak_mib());
            reset_peak();
            let (d, n) = timed(image_download(&glance)).await;
            assert_eq!(n, bytes);
            t.image_down.push(d);
            peak = peak.max(peak_mib());
        }
        (t, peak)
    });

    let secs = |d: Duration| d.as_secs_f64();
    let rate = |d: Duration| (mib as f64) / secs(d);
    let show = |name: &str, d: Duration, base: Duration| {
        println!(
            "  {name:<24} {:>7.3} s {:>8.0} MiB/s {:>6.2}×",
            secs(d),
            rate(d),
            secs(d) / secs(base)
        );
    };
    let (bu, su, sum) = (
        median(times.base_up),
        median(times.sdk_up),
        median(times.sdk_up_md5),
    );
    let (bd, sd, sdm) = (
        median(times.base_down),
        median(times.sdk_down),
        median(times.sdk_down_md5),
    );
    let (iu, id) = (median(times.image_up), median(times.image_down));
    println!("{mib} MiB, {rounds} rounds (medians), multi-threaded runtime");
    show("upload, reqwest", bu, bu);
    show("upload, ferrocloud", su, bu);
    show("upload, ferrocloud+MD5", sum, bu);
    show("download, reqwest", bd, bd);
    show("download, ferrocloud", sd, bd);
    show("download, ferrocloud+MD5", sdm, bd);
    show("image upload", iu, bu);
    show("image download+MD5", id, bd);
    println!(
        "image: upload {:.2}× baseline, download {:.2}× baseline with the Content-MD5 check",
        secs(iu) / secs(bu),
        secs(id) / secs(bd)
    );
    println!(
        "checksums: upload {:.2}× baseline with the MD5 ETag, download {:.2}× with the MD5 check",
        secs(sum) / secs(bu),
        secs(sdm) / secs(bd)
    );
    println!(
        "transfer: upload {:.2}× baseline, download {:.2}× baseline, peak {peak} MiB",
        secs(su) / secs(bu),
        secs(sd) / secs(bd)
    );
}
