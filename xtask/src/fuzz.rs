//! A mutation fuzzer on stable Rust for the SDK's parsers (`cargo xtask fuzz`).
//!
//! Each target starts from seeds (the official samples where there are some), mutates
//! them (bit flips, JSON-significant bytes, truncation, repeated and spliced slices,
//! random numbers and strings) and feeds the results to the SDK's entry point; any panic
//! is a failure, saved under `fuzz/crashes/` to become a regression input in
//! `fuzz/regressions/<target>/`. The regressions are replayed by the tests.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ferrocloud::operation::BodySpec;

use crate::conformance::Direction;
use crate::coverage::Coverage;

/// One fuzz target: seeds and the function each input goes to (with the index of the
/// seed it was mutated from, for targets whose function depends on the seed).
pub struct Target {
    /// The target's name (`responses`, `errors`, …).
    pub name: &'static str,
    /// The starting inputs.
    pub seeds: Vec<Vec<u8>>,
    run: RunFn,
}

type RunFn = Box<dyn Fn(&[u8], usize) + Send + Sync>;

impl Target {
    /// Runs one input.
    pub fn run(&self, data: &[u8], seed: usize) {
        (self.run)(data, seed)
    }
}

/// What a fuzzing run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Inputs tried.
    pub execs: u64,
    /// Inputs that made the target panic (saved as files).
    pub crashes: Vec<PathBuf>,
}

/// The targets, with their seeds read from the conformance folder.
pub fn targets(conformance: &Path) -> Result<Vec<Target>, String> {
    let (index, skips) = crate::load(conformance)?;
    let ops = ferrocloud::openstack::all_operations();
    let coverage = Coverage::compute(&index, &ops, &skips);
    // Every response sample of an implemented operation, with the SDK's type for it.
    let mut bodies: Vec<(Vec<u8>, BodySpec)> = Vec::new();
    let mut lists: Vec<Vec<u8>> = Vec::new();
    for (&(service, _, op), m) in ops.iter().zip(&coverage.matches) {
        let Some(si) = index.service(service) else {
            continue;
        };
        for &i in &m.ops {
            let documented = &si.operations[i];
            for (direction, samples) in [
                (Direction::Response, &documented.response_samples),
                (Direction::Request, &documented.request_samples),
            ] {
                let spec = match direction {
                    Direction::Response => op.response,
                    Direction::Request => op.request,
                };
                let Some(spec) = spec else { continue };
                for rel in samples.iter().filter(|r| r.ends_with(".json")) {
                    if let Ok(bytes) = std::fs::read(index.sample_file(service, rel)) {
                        if spec.list {
                            lists.push(bytes.clone());
                        }
                        bodies.push((bytes, spec));
                    }
                }
            }
        }
    }
    let versions: Vec<Vec<u8>> = [
        "compute/doc/api_samples/versions/v21-version-get-resp.json",
        "compute/doc/api_samples/versions/versions-get-resp.json",
        "identity/api-ref/source/v3/samples/admin/identity-versions-response.json",
        "identity/api-ref/source/v3/samples/admin/get-service-catalog-response.json",
        "block-storage/api-ref/source/v3/samples/versions/versions-response.json",
        "placement/api-ref/source/samples/root/get-root.json",
    ]
    .iter()
    .filter_map(|p| std::fs::read(conformance.join("api-samples").join(p)).ok())
    .collect();
    let texts = |v: &[&str]| v.iter().map(|s| s.as_bytes().to_vec()).collect::<Vec<_>>();
    let specs: Vec<BodySpec> = bodies.iter().map(|(_, s)| *s).collect();
    let mut out = vec![
        Target {
            name: "responses",
            seeds: bodies.into_iter().map(|(b, _)| b).collect(),
            run: Box::new(move |data, seed| {
                let spec = specs[seed % specs.len().max(1)];
                let _ = spec.decode(data);
                if let Ok(v) = serde_json::from_slice::<serde_json::Value>(data) {
                    let _ = spec.check(&v);
                    let _ = spec.roundtrip(&v);
                }
            }),
        },
        Target {
            name: "errors",
            seeds: texts(&[
                r#"{"itemNotFound": {"message": "Instance x could not be found.", "code": 404}}"#,
                r#"{"NeutronError": {"type": "PortNotFound", "message": "Port p could not be found.", "detail": ""}}"#,
                r#"{"error": {"code": 401, "title": "Unauthorized", "message": "Requires authentication."}}"#,
                r#"{"errors": [{"status": 404, "title": "Not Found", "detail": "No provider", "request_id": "req-1"}]}"#,
                r#"{"error_message": "{\"faultstring\": \"Node n could not be found.\", \"debuginfo\": null}"}"#,
                "<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1>No image<br /></body></html>",
                "Not Found\n",
            ]),
            run: Box::new(|data, _| ferrocloud::fuzzing::error_body(data)),
        },
        Target {
            name: "dates",
            seeds: texts(&[
                "2012-08-20T21:11:09Z",
                "2015-11-09T01:42:57.527363Z",
                "2013-02-19 21:52:12.000000",
                "2015-08-27T09:49:58-05:00",
                "Thu, 01 Dec 1994 16:00:00 GMT",
                "1441123222.12345",
                "2016-03-14",
            ]),
            run: Box::new(|data, _| ferrocloud::fuzzing::date(data)),
        },
        Target {
            name: "pages",
            seeds: {
                let mut s = texts(&[
                    r#"{"things": [{"name": "a"}], "things_links": [{"rel": "next", "href": "http://x/things?marker=a"}]}"#,
                    r#"{"things": [{"name": "a"}], "links": {"next": "/v2/things?marker=a", "self": "x"}}"#,
                    r#"{"things": [{"name": "a"}], "next": "/v2/things?marker=a"}"#,
                    r#"[{"name": "a"}, {"name": "b"}]"#,
                ]);
                s.extend(lists);
                s
            },
            run: Box::new(|data, _| ferrocloud::fuzzing::page(data)),
        },
        Target {
            name: "page_links",
            // Pages separated by 0x1e, served in turn; the whole input is also tried as a
            // next link and as a marker. The endpoint is http://127.0.0.1/v2/.
            seeds: texts(&[
                r#"{"things": [{"name": "a"}], "things_links": [{"rel": "next", "href": "http://127.0.0.1/v2/things?marker=a"}]}"#,
                "{\"things\": [{\"name\": \"a\"}], \"next\": \"?page=2\"}\u{1e}{\"things\": [{\"name\": \"b\"}], \"next\": \"?page=1\"}\u{1e}{\"things\": [{\"name\": \"c\"}], \"next\": \"http://127.0.0.1/v2/things?limit=2\"}",
                "{\"things\": [{\"name\": \"a\"}], \"links\": {\"next\": \"/v2/things?marker=b&x=1\"}}\u{1e}{\"things\": [{\"name\": \"b\"}], \"links\": {\"next\": \"/v2/things?marker=b&x=2\"}}",
                r#"{"things": [{"name": "a"}], "things_links": [{"rel": "next", "href": "http://controller:8774/v2/things?marker=a"}]}"#,
                r#"{"things": [{"name": "a"}], "next": "https://evil.example:8443/steal?marker=a"}"#,
                r#"{"things": [{"name": "a"}], "next": "//127.0.0.1:8080/v2/things?marker=a#f"}"#,
                r#"{"things": [{"name": "a"}], "next": "file:///v2/things"}"#,
                r#"[{"name": "a"}, {"name": "b"}]"#,
                "[{\"name\": \"a\"}]\u{1e}[{\"name\": \"a\"}]\u{1e}[]",
                "http://user:pw@127.0.0.1:80/v2/things?marker=%00",
                "../../x/?marker=a",
                "?marker=a",
            ]),
            run: Box::new(|data, _| ferrocloud::fuzzing::page_links(data)),
        },
        Target {
            name: "clouds_yaml",
            seeds: {
                let mut s = texts(&[
                    "clouds:\n  a:\n    auth:\n      auth_url: http://k:5000/v3\n      username: u\n      password: p\n      project_name: p\n      user_domain_name: Default\n      project_domain_name: Default\n    region_name: RegionOne\n    compute_api_version: 2.79\n",
                    "clouds:\n  b:\n    profile: rackspace\n    auth: {username: u, password: p, project_id: x}\n    regions: [DFW, {name: ORD, values: {interface: internal}}]\n",
                    "clouds:\n  c:\n    auth_type: v3applicationcredential\n    auth: {auth_url: 'http://k/v3', application_credential_id: i, application_credential_secret: s}\n    verify: false\n",
                    "{\"clouds\": {\"d\": {\"auth_type\": \"none\", \"compute_endpoint_override\": \"http://n/v2.1\"}}}",
                ]);
                for dir in ["user", "site"] {
                    let d = conformance
                        .join("../ferrocloud/tests/fixtures/config")
                        .join(dir);
                    if let Ok(entries) = std::fs::read_dir(d) {
                        for e in entries.flatten() {
                            if let Ok(b) = std::fs::read(e.path()) {
                                s.push(b);
                            }
                        }
                    }
                }
                s
            },
            run: Box::new(|data, _| ferrocloud::fuzzing::clouds_yaml(data)),
        },
        Target {
            name: "versions",
            seeds: versions,
            run: Box::new(|data, _| ferrocloud::fuzzing::version_document(data)),
        },
    ];
    out.retain(|t| !t.seeds.is_empty());
    Ok(out)
}

/// A small, fast generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

const INTERESTING: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b":",
    b",",
    b"\\",
    b"null",
    b"true",
    b"-1",
    b"0",
    b"1e999",
    b"18446744073709551616",
    b"-9223372036854775809",
    b"\"\"",
    b"{}",
    b"[]",
    b"\\u0000",
    b"\\ud800",
    b"\xff",
    b"\xc3\x28",
    b"T",
    b"Z",
    b"+00:00",
    b".",
    b"<",
    b">",
    b"<html>",
    b"\n",
    b"\x00",
];

/// One mutation of `input`.
pub fn mutate(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    let mut d = input.to_vec();
    for _ in 0..=rng.below(4) {
        let len = d.len();
        match rng.below(8) {
            0 if len > 0 => {
                let i = rng.below(len);
                d[i] ^= 1 << rng.below(8);
            }
            1 => {
                let tok = INTERESTING[rng.below(INTERESTING.len())];
                let i = rng.below(len + 1);
                d.splice(i..i, tok.iter().copied());
            }
            2 if len > 0 => {
                let tok = INTERESTING[rng.below(INTERESTING.len())];
                let i = rng.below(len);
                let j = (i + tok.len()).min(len);
                d.splice(i..j, tok.iter().copied());
            }
            3 if len > 0 => d.truncate(rng.below(len)),
            4 if len > 0 => {
                let i = rng.below(len);
                let j = (i + 1 + rng.below(64)).min(len);
                d.drain(i..j);
            }
            5 if len > 0 => {
                let i = rng.below(len);
                let j = (i + 1 + rng.below(256)).min(len);
                let piece = d[i..j].to_vec();
                let at = rng.below(d.len() + 1);
                d.splice(at..at, piece);
            }
            6 if !other.is_empty() => {
                let i = rng.below(other.len());
                let j = (i + 1 + rng.below(512)).min(other.len());
                let at = rng.below(len + 1);
                d.splice(at..at, other[i..j].iter().copied());
            }
            _ => {
                let n = rng.next_u64() as i64;
                let text = if rng.below(2) == 0 {
                    n.to_string()
                } else {
                    format!("\"{n:x}\"")
                };
                let at = rng.below(len + 1);
                d.splice(at..at, text.into_bytes());
            }
        }
        if d.len() > 1 << 20 {
            d.truncate(1 << 20);
        }
    }
    d
}

fn fnv(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// Runs `target` for `budget`, starting with its seeds as they are.
pub fn run(target: &Target, budget: Duration, seed: u64, crash_dir: &Path) -> Stats {
    let mut rng = Rng::new(seed);
    let mut stats = Stats::default();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let try_one = |data: &[u8], idx: usize, stats: &mut Stats| {
        stats.execs += 1;
        if catch_unwind(AssertUnwindSafe(|| target.run(data, idx))).is_err() {
            let _ = std::fs::create_dir_all(crash_dir);
            let path = crash_dir.join(format!("{}-{:016x}.bin", target.name, fnv(data)));
            let _ = std::fs::write(&path, data);
            stats.crashes.push(path);
        }
    };
    for (i, s) in target.seeds.iter().enumerate() {
        try_one(s, i, &mut stats);
    }
    let started = Instant::now();
    while started.elapsed() < budget && stats.crashes.len() < 20 {
        for _ in 0..64 {
            let i = rng.below(target.seeds.len());
            let other = &target.seeds[rng.below(target.seeds.len())];
            let input = mutate(&mut rng, &target.seeds[i], other);
            try_one(&input, i, &mut stats);
        }
    }
    std::panic::set_hook(previous);
    stats
}

/// Replays every saved regression input of `target` (files under
/// `<dir>/<target.name>/`); returns the files that still make it panic.
pub fn replay(target: &Target, dir: &Path) -> Vec<PathBuf> {
    let mut failing = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir.join(target.name)) else {
        return failing;
    };
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    for e in entries.flatten() {
        if let Ok(data) = std::fs::read(e.path()) {
            for seed in 0..target.seeds.len().min(64) {
                if catch_unwind(AssertUnwindSafe(|| target.run(&data, seed))).is_err() {
                    failing.push(e.path());
                    break;
                }
            }
        }
    }
    std::panic::set_hook(previous);
    failing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mutations_stay_bounded_and_vary() {
        let mut rng = Rng::new(7);
        let seed = br#"{"a": [1, 2, {"b": "c"}]}"#;
        let outs: std::collections::BTreeSet<Vec<u8>> =
            (0..200).map(|_| mutate(&mut rng, seed, seed)).collect();
        assert!(outs.len() > 150);
        assert!(outs.iter().all(|o| o.len() <= 1 << 20));
    }

    #[test]
    fn a_panicking_target_is_caught_and_saved() {
        let t = Target {
            name: "selftest",
            seeds: vec![b"ok".to_vec()],
            run: Box::new(|d, _| {
                if d.contains(&b'{') {
                    panic!("found a brace")
                }
            }),
        };
        let dir = std::env::temp_dir().join(format!("ferro-fuzz-{}", std::process::id()));
        let stats = run(&t, Duration::from_millis(300), 3, &dir);
        assert!(stats.execs > 10);
        assert!(!stats.crashes.is_empty(), "the mutator inserts braces");
        let saved = std::fs::read(&stats.crashes[0]).unwrap();
        assert!(saved.contains(&b'{'));
        let _ = std::fs::remove_dir_all(dir);
    }
}
