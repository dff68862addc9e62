//! `ferrocloud server list` beside `openstack server list` (python-openstackclient), in
//! the same run: against a local fixture cloud holding 10,000 servers (10 pages of
//! 1,000), and against the devcloud when `OS_CLIENT_CONFIG_FILE` names its clouds.yaml.
//! Reports the median start-up (process start to the first request the fixture
//! receives) and the median total time of each client.
//!
//! `cargo bench -p ferrocloud-cli --bench server_list`. openstackclient is taken from
//! `FERROCLOUD_BENCH_OPENSTACK`, else the devcloud's cached venv, else installed into
//! `target/osc-venv` with pip. `CLI_BENCH_RUNS` sets ferrocloud's runs (default 10;
//! openstackclient gets a third of them, at least 3).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::RawQuery;
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use bytes::Bytes;
use serde_json::{Value, json};

#[path = "../../ferrocloud/benches/fixture/pages.rs"]
mod pages;
use pages::{render_pages, sample, server_template};

const SERVERS: usize = 10_000;
const PAGE: usize = 1_000;

struct Fixture {
    uri: String,
    /// When the fixture received its first request since the last reset.
    first_request: Arc<Mutex<Option<Instant>>>,
}

fn json_response(status: StatusCode, body: Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

fn start_fixture() -> Fixture {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let addr: SocketAddr = listener.local_addr().unwrap();
    let uri = format!("http://{addr}");
    let pages = Arc::new(render_pages(
        &server_template(),
        &format!("{uri}/compute/v2.1"),
        1,
        SERVERS / PAGE,
        PAGE,
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
        // openstackclient wants these in the catalog, even with --no-name-lookup.
        endpoint("image", "glance", format!("{uri}/image")),
        endpoint("network", "neutron", format!("{uri}/network")),
    ]);
    token["token"]["expires_at"] = json!("2999-01-01T00:00:00Z");
    let token_body = Bytes::from(serde_json::to_vec(&token).unwrap());

    let identity_version = json!({"version": {
        "id": "v3.14", "status": "stable", "updated": "2020-04-07T00:00:00Z",
        "links": [{"rel": "self", "href": format!("{uri}/identity/v3/")}],
        "media-types": [{"base": "application/json", "type": "application/vnd.openstack.identity-v3+json"}],
    }});
    let compute_version = json!({
        "id": "v2.1", "status": "CURRENT", "version": "2.96", "min_version": "2.1",
        "updated": "2013-07-23T11:33:21Z",
        "links": [{"rel": "self", "href": format!("{uri}/compute/v2.1/")}],
        "media-types": [{"base": "application/json", "type": "application/vnd.openstack.compute+json;version=2.1"}],
    });
    let first_request = Arc::new(Mutex::new(None));
    let seen = first_request.clone();

    let image_versions = json!({"versions": [{"id": "v2.16", "status": "CURRENT",
        "links": [{"rel": "self", "href": format!("{uri}/image/v2/")}]}]});
    let network_versions = json!({"versions": [{"id": "v2.0", "status": "CURRENT",
        "links": [{"rel": "self", "href": format!("{uri}/network/v2.0/")}]}]});
    let identity_versions = json!({"versions": {"values": [identity_version["version"].clone()]}});
    let compute_versions = json!({"versions": [compute_version.clone()]});
    let app = Router::new()
        .route("/identity/v3", get({
            let v = identity_version.clone();
            move || async move { json_response(StatusCode::OK, v) }
        }))
        .route("/identity/v3/", get(move || async move { json_response(StatusCode::OK, identity_version) }))
        .route("/identity", get({
            let v = identity_versions.clone();
            move || async move { json_response(StatusCode::MULTIPLE_CHOICES, v) }
        }))
        .route("/identity/", get(move || async move { json_response(StatusCode::MULTIPLE_CHOICES, identity_versions) }))
        .route("/identity/v3/auth/tokens", post(move || {
            let body = token_body.clone();
            async move {
                (StatusCode::CREATED, [
                    (header::CONTENT_TYPE, "application/json"),
                    (header::HeaderName::from_static("x-subject-token"), "gAAAAA-cli-bench-token"),
                ], body)
            }
        }))
        .route("/compute/v2.1", get({
            let v = compute_version.clone();
            move || async move { json_response(StatusCode::OK, json!({"version": v})) }
        }))
        .route("/compute/v2.1/", get({
            let v = compute_version.clone();
            move || async move { json_response(StatusCode::OK, json!({"version": v})) }
        }))
        .route("/compute", get({
            let v = compute_versions.clone();
            move || async move { json_response(StatusCode::OK, v) }
        }))
        .route("/compute/", get(move || async move { json_response(StatusCode::OK, compute_versions) }))
        .route("/image", get(move || async move { json_response(StatusCode::MULTIPLE_CHOICES, image_versions) }))
        .route("/network", get(move || async move { json_response(StatusCode::OK, network_versions) }))
        .route("/compute/v2.1/servers/detail", get(move |RawQuery(q): RawQuery| {
            let pages = pages.clone();
            async move {
                let marker = q.as_deref().and_then(|q| {
                    q.split('&').find_map(|kv| kv.strip_prefix("marker=")).map(str::to_owned)
                });
                let body = match marker {
                    None => Some(pages.first.clone()),
                    Some(m) => pages.by_marker.get(&m).cloned(),
                };
                match body {
                    Some(b) => ([(header::CONTENT_TYPE, "application/json")], b).into_response(),
                    None => StatusCode::NOT_FOUND.into_response(),
                }
            }
        }))
        .fallback(|uri: Uri| async move {
            eprintln!("fixture: no route for {uri}");
            json_response(StatusCode::NOT_FOUND, json!({"itemNotFound": {"code": 404, "message": "no such route"}}))
        })
        .layer(axum::middleware::from_fn(move |req: axum::extract::Request, next: axum::middleware::Next| {
            let seen = seen.clone();
            async move {
                seen.lock().unwrap().get_or_insert_with(Instant::now);
                next.run(req).await
            }
        }));

    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, app).await.unwrap();
        });
    });
    Fixture { uri, first_request }
}

/// Finds openstackclient, installing it into a venv under `target/` when there is none.
fn openstack_cli() -> PathBuf {
    if let Some(p) = std::env::var_os("FERROCLOUD_BENCH_OPENSTACK") {
        return PathBuf::from(p);
    }
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_default();
    let cached = home.join(".cache/ferrocloud-devcloud/venv-services/bin/openstack");
    if cached.exists() {
        return cached;
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/osc-venv");
    let bin = venv.join("bin/openstack");
    if !bin.exists() {
        eprintln!("installing python-openstackclient into {}", venv.display());
        let ok = Command::new("python3")
            .arg("-m")
            .arg("venv")
            .arg(&venv)
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
            && Command::new(venv.join("bin/pip"))
                .args(["install", "-q", "python-openstackclient"])
                .status()
                .map(|s| s.success())
                .unwrap_or(false);
        assert!(ok, "could not install python-openstackclient");
    }
    bin
}

/// One run of a client: its total time, its start-up (to the fixture's first request,
/// when measured) and the lines it printed.
fn run_once(
    program: &Path,
    args: &[&str],
    env: &[(&str, String)],
    fixture: Option<&Fixture>,
) -> (Duration, Option<Duration>, usize) {
    if let Some(f) = fixture {
        *f.first_request.lock().unwrap() = None;
    }
    let mut cmd = Command::new(program);
    cmd.args(args);
    for (k, _) in std::env::vars() {
        if k.starts_with("OS_") {
            cmd.env_remove(k);
        }
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let started = Instant::now();
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", program.display()));
    let took = started.elapsed();
    assert!(
        out.status.success(),
        "{} {}: {}",
        program.display(),
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    let startup = fixture.and_then(|f| {
        f.first_request
            .lock()
            .unwrap()
            .map(|t| t.duration_since(started))
    });
    (
        took,
        startup,
        out.stdout
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .count(),
    )
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Runs both clients `runs` and `osc_runs` times, interleaved; gives (ferrocloud total,
/// ferrocloud start-up, openstackclient total, openstackclient start-up).
fn compare(
    osc: &Path,
    env: &[(&str, String)],
    fixture: Option<&Fixture>,
    runs: usize,
    osc_runs: usize,
    expect_lines: Option<usize>,
) -> (Duration, Option<Duration>, Duration, Option<Duration>) {
    let ours = Path::new(env!("CARGO_BIN_EXE_ferrocloud"));
    let (mut ft, mut fs, mut ot, mut os) = (vec![], vec![], vec![], vec![]);
    for i in 0..runs.max(osc_runs) {
        if i < runs {
            let (t, s, lines) = run_once(
                ours,
                &["server", "list", "-f", "value", "-c", "ID"],
                env,
                fixture,
            );
            if let Some(n) = expect_lines {
                assert_eq!(lines, n, "ferrocloud's server list");
            }
            ft.push(t);
            fs.extend(s);
        }
        if i < osc_runs {
            let (t, s, lines) = run_once(
                osc,
                &[
                    "server",
                    "list",
                    "-f",
                    "value",
                    "-c",
                    "ID",
                    "--no-name-lookup",
                ],
                env,
                fixture,
            );
            if let Some(n) = expect_lines {
                assert_eq!(lines, n, "openstackclient's server list");
            }
            ot.push(t);
            os.extend(s);
        }
    }
    let m = |v: Vec<Duration>| (!v.is_empty()).then(|| median(v));
    (median(ft), m(fs), median(ot), m(os))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let runs: usize = std::env::var("CLI_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(10);
    let osc_runs = (runs / 3).max(3);
    let osc = openstack_cli();
    let fixture = start_fixture();
    let dir = std::env::temp_dir().join(format!("ferrocloud-cli-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let clouds = dir.join("clouds.yaml");
    std::fs::write(
        &clouds,
        format!(
            "clouds:\n  fixture:\n    region_name: RegionOne\n    auth:\n      auth_url: {}/identity/v3\n      username: admin\n      password: bench-password\n      project_name: admin\n      user_domain_name: Default\n      project_domain_name: Default\n",
            fixture.uri
        ),
    )
    .unwrap();
    let env = [
        ("OS_CLIENT_CONFIG_FILE", clouds.display().to_string()),
        ("OS_CLOUD", "fixture".to_string()),
    ];
    let (ft, fs, ot, os) = compare(&osc, &env, Some(&fixture), runs, osc_runs, Some(SERVERS));
    let fs = fs.expect("ferrocloud reached the fixture");
    println!(
        "server list of {SERVERS} servers from a local fixture, median of {runs} runs (openstackclient: {osc_runs})"
    );
    println!(
        "  ferrocloud        total {:>8.1} ms   start-up {:>6.1} ms",
        ms(ft),
        ms(fs)
    );
    println!(
        "  openstackclient   total {:>8.1} ms   start-up {:>6.1} ms",
        ms(ot),
        os.map(ms).unwrap_or(f64::NAN)
    );

    if let Ok(file) = std::env::var("OS_CLIENT_CONFIG_FILE") {
        let cloud = std::env::var("OS_CLOUD").unwrap_or_else(|_| "devcloud".into());
        let env = [("OS_CLIENT_CONFIG_FILE", file), ("OS_CLOUD", cloud.clone())];
        let (dft, _, dot, _) = compare(&osc, &env, None, runs, osc_runs, None);
        println!(
            "server list against the devcloud ({cloud}), median of {runs} runs (openstackclient: {osc_runs})"
        );
        println!("  ferrocloud        total {:>8.1} ms", ms(dft));
        println!(
            "  openstackclient   total {:>8.1} ms   ({:.1}×)",
            ms(dot),
            dot.as_secs_f64() / dft.as_secs_f64()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "cli: server list {:.1}× faster than openstackclient, start-up {:.1} ms",
        ot.as_secs_f64() / ft.as_secs_f64(),
        ms(fs)
    );
}
