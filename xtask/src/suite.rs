//! The devcloud's integration suite (`ferrocloud/tests/devcloud`) for the six services
//! the fake cloud serves, run against the fake cloud: one suite, two targets. Every test
//! that fails against the fake must be named, with its reason, in
//! `fakecloud/known-differences.txt`; any other failure fails the run.
//!
//! ```no_run
//! let bins = xtask::suite::Binaries::build(None).unwrap();
//! let fake = xtask::suite::Fake::spawn(&bins.fake).unwrap();
//! let names = xtask::suite::tests(&bins.suite).unwrap();
//! let outcome = xtask::suite::run(&bins.suite, &fake.env(), &names).unwrap();
//! println!("{} of {} pass", outcome.passed.len(), names.len());
//! ```

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::workspace;

/// The suite's test name prefixes of the services the fake serves.
pub const PREFIXES: &[&str] = &[
    "identity_",
    "compute_",
    "networking_",
    "blockstorage_",
    "image",
    "objectstorage",
];

/// The file naming the tests known to fail against the fake, relative to the workspace.
pub const KNOWN_FILE: &str = "fakecloud/known-differences.txt";

/// Reads `name  # reason` lines (blank lines and lines starting with `#` aside).
///
/// ```
/// let known = xtask::suite::parse_known("# head\n\na::b  # needs X\nc::d # why\n").unwrap();
/// assert_eq!(known["a::b"], "needs X");
/// assert_eq!(known.len(), 2);
/// assert!(xtask::suite::parse_known("a::b\n").is_err());
/// ```
pub fn parse_known(text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut known = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, reason) = line
            .split_once('#')
            .map(|(a, b)| (a.trim(), b.trim()))
            .filter(|(a, b)| !a.is_empty() && !b.is_empty())
            .ok_or_else(|| format!("line {}: not `test::name  # reason`", n + 1))?;
        if known.insert(name.to_string(), reason.to_string()).is_some() {
            return Err(format!("line {}: {name} is listed twice", n + 1));
        }
    }
    Ok(known)
}

/// The suite's test binary and the fake cloud's binary, as `cargo test --workspace
/// --all-features` builds them (so the test command's own build serves, unchanged): built
/// in `target_dir` (or the workspace's target), or found there when up to date.
#[derive(Debug, Clone)]
pub struct Binaries {
    /// `ferrocloud/tests/devcloud`.
    pub suite: PathBuf,
    /// `ferrocloud-fakecloud`.
    pub fake: PathBuf,
}

impl Binaries {
    /// Builds or finds both with `cargo test --workspace --all-features --no-run`, in
    /// `target_dir` (or the workspace's target).
    pub fn build(target_dir: Option<&Path>) -> Result<Binaries, String> {
        let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
        cmd.args([
            "test",
            "--workspace",
            "--all-features",
            "--no-run",
            "--message-format=json",
        ])
        .current_dir(workspace())
        .stderr(Stdio::inherit());
        if let Some(dir) = target_dir {
            cmd.env("CARGO_TARGET_DIR", dir);
        }
        let out = cmd.output().map_err(|e| format!("running cargo: {e}"))?;
        if !out.status.success() {
            return Err("cargo test --workspace --all-features --no-run failed".into());
        }
        Binaries::from_messages(&String::from_utf8_lossy(&out.stdout))
    }

    /// Both, from the JSON messages in `build_log` when it is given ([`Binaries::from_messages`]),
    /// else by building them ([`Binaries::build`]).
    pub fn from_log_or_build(
        build_log: Option<&Path>,
        target_dir: Option<&Path>,
    ) -> Result<Binaries, String> {
        match build_log {
            Some(file) => Binaries::from_messages(
                &std::fs::read_to_string(file)
                    .map_err(|e| format!("reading {}: {e}", file.display()))?,
            ),
            None => Binaries::build(target_dir),
        }
    }

    /// Both, from the JSON messages of that build (`--message-format=json`): a test
    /// command that has just built the workspace's tests passes them on, and nothing is
    /// built again.
    ///
    /// ```
    /// let log = r#"{"reason":"compiler-artifact","manifest_path":"/w/ferrocloud/Cargo.toml","target":{"name":"devcloud","kind":["test"]},"profile":{"test":true},"executable":"/t/devcloud-1"}
    /// {"reason":"compiler-artifact","manifest_path":"/w/cli/Cargo.toml","target":{"name":"devcloud","kind":["test"]},"profile":{"test":true},"executable":"/t/devcloud-2"}
    /// {"reason":"compiler-artifact","manifest_path":"/w/fakecloud/Cargo.toml","target":{"name":"ferrocloud-fakecloud","kind":["bin"]},"profile":{"test":true},"executable":"/t/ferrocloud_fakecloud-3"}
    /// {"reason":"compiler-artifact","manifest_path":"/w/fakecloud/Cargo.toml","target":{"name":"ferrocloud-fakecloud","kind":["bin"]},"profile":{"test":false},"executable":"/t/ferrocloud-fakecloud"}"#;
    /// let b = xtask::suite::Binaries::from_messages(log).unwrap();
    /// assert_eq!(b.suite, std::path::Path::new("/t/devcloud-1"));
    /// assert_eq!(b.fake, std::path::Path::new("/t/ferrocloud-fakecloud"));
    /// assert!(xtask::suite::Binaries::from_messages("").is_err());
    /// ```
    pub fn from_messages(log: &str) -> Result<Binaries, String> {
        let (mut suite, mut fake) = (None, None);
        for m in log
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        {
            let (Some(exe), Some(manifest)) =
                (m["executable"].as_str(), m["manifest_path"].as_str())
            else {
                continue;
            };
            let name = &m["target"]["name"];
            if manifest.ends_with("/ferrocloud/Cargo.toml") && name == "devcloud" {
                suite = Some(PathBuf::from(exe));
            } else if name == "ferrocloud-fakecloud"
                && m["target"]["kind"][0] == "bin"
                && m["profile"]["test"] == false
            {
                // The binary itself, not its unit tests' harness.
                fake = Some(PathBuf::from(exe));
            }
        }
        Ok(Binaries {
            suite: suite.ok_or("no devcloud test binary among the build's messages")?,
            fake: fake.ok_or("no ferrocloud-fakecloud binary among the build's messages")?,
        })
    }
}

/// The fake cloud's binary, serving on a free port with the devcloud's single host and
/// microversions; killed when dropped.
#[derive(Debug)]
pub struct Fake {
    child: Child,
    /// Its Keystone URL.
    pub auth_url: String,
    /// From spawning the process to its URL on standard output.
    pub started_in: Duration,
}

impl Fake {
    /// The suite's variables for this fake: Keystone's URL, and Swift's tempauth (which
    /// the fake does not serve) on the same host, never the real Swift's address.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("FERROCLOUD_DEVCLOUD_AUTH_URL", self.auth_url.clone()),
            (
                "FERROCLOUD_DEVCLOUD_SWIFT_AUTH_URL",
                tempauth_url(&self.auth_url),
            ),
        ]
    }

    /// Starts a built binary.
    pub fn spawn(bin: &Path) -> Result<Fake, String> {
        let started = Instant::now();
        let mut child = Command::new(bin)
            .args([
                "--port",
                "0",
                "--single-host",
                "--max-microversion",
                "2.102",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("starting {}: {e}", bin.display()))?;
        let mut line = String::new();
        if let Some(out) = child.stdout.take() {
            let _ = BufReader::new(out).read_line(&mut line);
        }
        let started_in = started.elapsed();
        let auth_url = line.trim().to_string();
        if !auth_url.starts_with("http://127.0.0.1:") {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("the fake cloud printed {auth_url:?}, not its URL"));
        }
        Ok(Fake {
            child,
            auth_url,
            started_in,
        })
    }
}

impl Drop for Fake {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The suite's tests of the six services, by full name.
pub fn tests(suite: &Path) -> Result<Vec<String>, String> {
    let out = Command::new(suite)
        .args(["--ignored", "--list"])
        .output()
        .map_err(|e| format!("listing {}: {e}", suite.display()))?;
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.strip_suffix(": test"))
        .filter(|name| PREFIXES.iter().any(|p| name.starts_with(p)))
        .map(str::to_string)
        .collect())
}

/// The tempauth URL the suite uses beside Keystone at `auth_url`: on Keystone's host.
///
/// ```
/// assert_eq!(xtask::suite::tempauth_url("http://127.0.0.1:5000/v3"), "http://127.0.0.1:5000/auth/v1.0");
/// ```
pub fn tempauth_url(auth_url: &str) -> String {
    let origin = auth_url.trim_end_matches('/').trim_end_matches("/v3");
    format!("{origin}/auth/v1.0")
}

/// What a run gave.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Tests that passed.
    pub passed: Vec<String>,
    /// Tests that failed.
    pub failed: Vec<String>,
    /// The run's duration.
    pub elapsed: Duration,
}

/// Runs `names` of the suite, four at a time, with `env` (Keystone's URL in
/// `FERROCLOUD_DEVCLOUD_AUTH_URL`: see [`Fake::env`]).
pub fn run(suite: &Path, env: &[(&str, String)], names: &[String]) -> Result<Outcome, String> {
    let started = Instant::now();
    let out = Command::new(suite)
        .args(["--ignored", "--exact", "--test-threads=4"])
        .args(names)
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .env_remove("FERROCLOUD_OPERATIONS_LOG")
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("running {}: {e}", suite.display()))?;
    let mut outcome = Outcome {
        elapsed: started.elapsed(),
        ..Default::default()
    };
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Some(rest) = line.strip_prefix("test ") else {
            continue;
        };
        if let Some(name) = rest.strip_suffix(" ... ok") {
            outcome.passed.push(name.to_string());
        } else if let Some(name) = rest.strip_suffix(" ... FAILED") {
            outcome.failed.push(name.to_string());
        }
    }
    let seen = outcome.passed.len() + outcome.failed.len();
    if seen != names.len() {
        return Err(format!(
            "ran {seen} of the {} tests asked for:\n{}",
            names.len(),
            String::from_utf8_lossy(&out.stdout)
        ));
    }
    Ok(outcome)
}

/// The verdict of a run against the fake, given the known differences.
#[derive(Debug)]
pub struct Verdict {
    /// Failures not listed as known differences.
    pub unexpected: Vec<String>,
    /// Known differences that passed (the list should lose them).
    pub now_passing: Vec<String>,
    /// Known differences naming no test of the suite.
    pub stale: Vec<String>,
}

impl Verdict {
    /// Compares a run with the known differences.
    ///
    /// ```
    /// use xtask::suite::{Outcome, Verdict, parse_known};
    /// let known = parse_known("a  # x\nb  # y\nz  # gone\n").unwrap();
    /// let outcome = Outcome { passed: vec!["b".into(), "c".into()], failed: vec!["a".into(), "d".into()], ..Default::default() };
    /// let all = ["a", "b", "c", "d"].map(String::from);
    /// let v = Verdict::of(&outcome, &known, &all);
    /// assert_eq!(v.unexpected, ["d"]);
    /// assert_eq!(v.now_passing, ["b"]);
    /// assert_eq!(v.stale, ["z"]);
    /// ```
    pub fn of(outcome: &Outcome, known: &BTreeMap<String, String>, all: &[String]) -> Verdict {
        Verdict {
            unexpected: outcome
                .failed
                .iter()
                .filter(|n| !known.contains_key(*n))
                .cloned()
                .collect(),
            now_passing: outcome
                .passed
                .iter()
                .filter(|n| known.contains_key(*n))
                .cloned()
                .collect(),
            stale: known.keys().filter(|k| !all.contains(k)).cloned().collect(),
        }
    }

    /// Whether the run agrees with the list.
    pub fn ok(&self) -> bool {
        self.unexpected.is_empty() && self.stale.is_empty()
    }
}
