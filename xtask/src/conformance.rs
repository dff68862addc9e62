//! The conformance check: every sample the index attaches to an operation the SDK
//! implements is decoded with the SDK's type for that operation.
//!
//! Each (SDK operation, sample) pair gets one [`Outcome`]:
//! - `Parsed`: the body decodes (request samples with the operation's `request` type,
//!   response samples with its `response` type and its extension types). Fields every
//!   type ignores are *dropped*: an error unless `skipped.toml` lists them. For request
//!   types that serialize, the SDK's rendering of the sample must also be
//!   [`equivalent`] to the sample, apart from the ignored fields. For response samples,
//!   every field the index marks as always sent (required, at every microversion) that
//!   the sample holds must be required by the types: the sample without it must not
//!   decode, unless `skipped.toml` says why the type reads it as optional.
//! - `Failed`: the body does not decode, the rendering differs, or the file is missing or
//!   is not valid JSON without being on [`INVALID_JSON`].
//! - `NoType`: the operation declares no type for that direction.
//! - `NonJson`: a `.txt`/`.xml` sample, or one of the known invalid JSON files.
//! - `Skipped`: listed in `skipped.toml`, or older than the operation's first microversion.

use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::Path;

use ferrocloud::Operation;
use ferrocloud::operation::BodySpec;
use serde_json::Value;

use crate::coverage::{Coverage, SdkOp};
use crate::index::{Index, IndexOp, SERVICES};
use crate::skipped::Skips;

/// The `.json` samples that are not valid JSON (see `conformance/api-samples/SOURCES.md`,
/// "Notes for parsing"): `(service, path as the index writes it)`.
pub const INVALID_JSON: &[(&str, &str)] = &[
    (
        "identity",
        "api-ref/source/v3-ext/samples/OS-EP-FILTER/list-service-endpoints.json",
    ),
    (
        "identity",
        "api-ref/source/v3/samples/admin/domain-config-default-response.json",
    ),
    (
        "identity",
        "api-ref/source/v3/samples/admin/domain-config-group-default-response.json",
    ),
    (
        "identity",
        "api-ref/source/v3/samples/admin/domain-specific-role-create-request.json",
    ),
    (
        "identity",
        "api-ref/source/v3/samples/admin/group-users-list-response.json",
    ),
    (
        "identity",
        "api-ref/source/v3/samples/admin/role-assignments-effective-list-include-names-response.json",
    ),
    (
        "orchestration",
        "api-ref/source/v1/samples/configs-list-response.json",
    ),
    (
        "application-container",
        "api-ref/source/samples/capsule-create-req.json",
    ),
    (
        "application-container",
        "api-ref/source/samples/host-get-all-resp.json",
    ),
    (
        "application-container",
        "api-ref/source/samples/host-get-resp.json",
    ),
    (
        "baremetal-introspection",
        "api-ref/source/samples/api-v1-continue-request.json",
    ),
    (
        "clustering",
        "api-ref/source/samples/action-get-request.json",
    ),
    (
        "container-infrastructure-management",
        "api-ref/source/samples/cluster-resize-req.json",
    ),
    (
        "container-infrastructure-management",
        "api-ref/source/samples/cluster-upgrade-req.json",
    ),
    (
        "message",
        "api-ref/source/samples/flavor-show-response-new.json",
    ),
    (
        "message",
        "api-ref/source/samples/flavor-show-response.json",
    ),
    (
        "message",
        "api-ref/source/samples/queue-pre-signed-response.json",
    ),
];

/// The services whose sample paths mark microversions (nova `v2.N/`, cinder `v3.N/`,
/// placement `-1.N`): there an unmarked sample is at the base version. Elsewhere (manila,
/// ironic) unmarked samples reflect recent versions, and no sample is treated as older
/// than an operation's first microversion.
pub const MICROVERSIONED_SAMPLES: &[&str] = &["compute", "block-storage", "placement"];

/// A sample's direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Direction {
    /// A request body, decoded with the operation's `request` type.
    Request,
    /// A response body, decoded with the operation's `response` type.
    Response,
}

impl Direction {
    fn as_str(self) -> &'static str {
        match self {
            Direction::Request => "request",
            Direction::Response => "response",
        }
    }
}

/// What became of one sample.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Decoded; the paths of the fields the types ignore (list items as `*`).
    Parsed {
        /// Field paths present in the sample that the SDK's types drop, not listed in
        /// `skipped.toml` (errors).
        dropped: Vec<String>,
        /// Dropped field paths that `skipped.toml` lists.
        listed: Vec<String>,
        /// Fields the index marks as always sent that the types do not require, not
        /// listed in `skipped.toml` (errors).
        not_required: Vec<String>,
        /// Fields the index marks as always sent that the types read as optional, as
        /// an `[[optional]]` entry of `skipped.toml` allows.
        optional: Vec<String>,
    },
    /// Not decoded, or decoded and rendered differently; why.
    Failed(String),
    /// The operation has no type for this direction.
    NoType,
    /// Not JSON; why.
    NonJson(String),
    /// Not checked on purpose; why.
    Skipped(String),
}

/// The microversion a sample's path marks: a `vX.Y/` folder (nova, cinder) or a `-X.Y`
/// suffix of the file name (placement).
///
/// ```
/// use xtask::conformance::sample_microversion;
/// assert_eq!(sample_microversion("doc/api_samples/servers/v2.47/server-get-resp.json").as_deref(), Some("2.47"));
/// assert_eq!(sample_microversion("api-ref/source/samples/allocations/get-allocations-1.28.json").as_deref(), Some("1.28"));
/// assert_eq!(sample_microversion("doc/api_samples/servers/server-get-resp.json"), None);
/// ```
pub fn sample_microversion(path: &str) -> Option<String> {
    let mut segments: Vec<&str> = path.split('/').collect();
    let file = segments.pop()?;
    if let Some(v) = segments
        .iter()
        .rev()
        .find_map(|s| s.strip_prefix('v').filter(|v| parse_version(v).is_some()))
    {
        return Some(v.to_string());
    }
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let (_, suffix) = stem.rsplit_once('-')?;
    parse_version(suffix).map(|_| suffix.to_string())
}

/// Parses `X.Y` as two numbers (`2.10` is after `2.9`).
pub fn parse_version(v: &str) -> Option<(u32, u32)> {
    let (major, minor) = v.split_once('.')?;
    Some((number(major)?, number(minor)?))
}

fn number(s: &str) -> Option<u32> {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// True when a sample of `service` at `sample` (None: unmarked) is older than `min`.
pub fn predates(service: &str, sample: Option<&str>, min: &str) -> bool {
    let Some(min) = parse_version(min) else {
        return false;
    };
    match sample.and_then(parse_version) {
        Some(v) => v < min,
        None => MICROVERSIONED_SAMPLES.contains(&service),
    }
}

/// One difference between a sample and the SDK's rendering of it, at a path (object keys
/// and list indexes joined with `.`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference {
    /// In the sample, not in the rendering.
    Missing(String),
    /// In the rendering, not in the sample.
    Extra(String),
    /// In both, with different values.
    Differs(String),
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn numbers_equal(a: &serde_json::Number, b: &serde_json::Number) -> bool {
    match (a.as_i64(), b.as_i64(), a.as_u64(), b.as_u64()) {
        (Some(x), Some(y), _, _) => x == y,
        (_, _, Some(x), Some(y)) => x == y,
        _ => a.as_f64() == b.as_f64(),
    }
}

fn diff_into(a: &Value, b: &Value, path: &str, out: &mut Vec<Difference>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            for k in keys {
                let xv = x.get(k).filter(|v| !v.is_null());
                let yv = y.get(k).filter(|v| !v.is_null());
                match (xv, yv) {
                    (None, None) => {}
                    (Some(_), None) => out.push(Difference::Missing(join(path, k))),
                    (None, Some(_)) => out.push(Difference::Extra(join(path, k))),
                    (Some(xv), Some(yv)) => diff_into(xv, yv, &join(path, k), out),
                }
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (xv, yv)) in x.iter().zip(y).enumerate() {
                diff_into(xv, yv, &join(path, &i.to_string()), out);
            }
        }
        (Value::Number(x), Value::Number(y)) if numbers_equal(x, y) => {}
        _ if a == b => {}
        _ => out.push(Difference::Differs(path.to_string())),
    }
}

/// The differences between a sample `a` and a rendering `b`, compared as JSON: key order
/// does not matter, an object key that is missing on one side and `null` on the other is
/// the same (so is `null` on both), numbers are equal when their values are (`1` = `1.0`),
/// and lists are compared item by item.
pub fn diff(a: &Value, b: &Value) -> Vec<Difference> {
    let mut out = Vec::new();
    diff_into(a, b, "", &mut out);
    out
}

/// True when [`diff`] finds nothing.
///
/// ```
/// use serde_json::json;
/// use xtask::conformance::equivalent;
/// assert!(equivalent(&json!({"a": 1, "b": null}), &json!({"a": 1.0})));
/// assert!(!equivalent(&json!({"a": []}), &json!({})));
/// assert!(!equivalent(&json!([1, null]), &json!([1])));
/// ```
pub fn equivalent(a: &Value, b: &Value) -> bool {
    diff(a, b).is_empty()
}

/// The path of a field `check` reported, from the root of the body (envelope included),
/// with serde_ignored's `?` (option) segments removed and list items as numbers.
fn body_path(spec: &BodySpec, reported: &str) -> String {
    let inner = reported
        .split('.')
        .filter(|s| *s != "?")
        .map(|s| {
            s.strip_prefix('[')
                .and_then(|s| s.strip_suffix(']'))
                .unwrap_or(s)
        })
        .collect::<Vec<_>>()
        .join(".");
    match spec.envelope {
        Some(env) => join(env, &inner),
        None => inner,
    }
}

/// A dropped path for the report: list indexes as `*`.
fn display_path(path: &str) -> String {
    path.split('.')
        .map(|s| {
            if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
                "*"
            } else {
                s
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// Decodes `body` with `spec` and decides the outcome (the body is JSON and has a type).
///
/// Fields the type ignores are reported, as are keys beside the envelope (except
/// `<name>_links`, which the pagers read). For request
/// samples whose type serializes, the rendering must be [`equivalent`] to the sample
/// except for fields the type ignores.
pub fn check_body(spec: &BodySpec, direction: Direction, body: &Value) -> Outcome {
    check_body_extended(spec, &[], direction, body)
}

/// [`check_body`] with the extension types read from the same objects as the response
/// type: a field is dropped only when every type drops it.
pub fn check_body_extended(
    spec: &BodySpec,
    extensions: &[BodySpec],
    direction: Direction,
    body: &Value,
) -> Outcome {
    let reported = match spec.check_extended(body, extensions) {
        Ok(paths) => paths,
        Err(e) => return Outcome::Failed(format!("does not decode: {e}")),
    };
    let mut dropped: Vec<String> = reported.iter().map(|p| body_path(spec, p)).collect();
    if let (Some(env), Value::Object(m)) = (spec.envelope, body) {
        // Keys beside the envelope are dropped too, except the pagination links that
        // the pagers read (`servers_links`, and Keystone's `links` beside a list).
        dropped.extend(
            m.keys()
                .filter(|k| *k != env && !k.ends_with("_links") && !(spec.list && *k == "links"))
                .cloned(),
        );
    }
    if direction == Direction::Request {
        match spec.roundtrip_extended(body, extensions) {
            None => {}
            Some(Err(e)) => return Outcome::Failed(format!("does not decode: {e}")),
            Some(Ok(rendered)) => {
                let ignored = |p: &str| {
                    dropped.iter().any(|d| {
                        p == d
                            || p.strip_prefix(d.as_str())
                                .is_some_and(|r| r.starts_with('.'))
                    })
                };
                let diffs: Vec<String> = diff(body, &rendered)
                    .into_iter()
                    .filter_map(|d| match d {
                        Difference::Missing(p) if ignored(&p) => None,
                        Difference::Missing(p) => Some(format!("{p} is not rendered")),
                        Difference::Extra(p) => {
                            Some(format!("{p} is rendered but not in the sample"))
                        }
                        Difference::Differs(p) => Some(format!("{p} is rendered differently")),
                    })
                    .collect();
                if !diffs.is_empty() {
                    return Outcome::Failed(format!(
                        "the SDK's rendering differs from the sample: {}",
                        diffs.join("; ")
                    ));
                }
            }
        }
    }
    let dropped: BTreeSet<String> = dropped.iter().map(|p| display_path(p)).collect();
    Outcome::Parsed {
        dropped: dropped.into_iter().collect(),
        listed: Vec::new(),
        not_required: Vec::new(),
        optional: Vec::new(),
    }
}

/// Removes the field at `path` from `value` (through objects; at a list, from each
/// item); true when it was there and not `null` somewhere.
fn remove_field(value: &mut Value, path: &[&str]) -> bool {
    let Some((first, rest)) = path.split_first() else {
        return false;
    };
    match value {
        Value::Array(items) => items
            .iter_mut()
            .fold(false, |found, item| remove_field(item, path) | found),
        Value::Object(m) if rest.is_empty() => m.remove(*first).is_some_and(|v| !v.is_null()),
        Value::Object(m) => m.get_mut(*first).is_some_and(|v| remove_field(v, rest)),
        _ => false,
    }
}

/// True when some object on `path` holds the field as `null` (through lists too).
fn has_null(value: &Value, path: &[&str]) -> bool {
    let Some((first, rest)) = path.split_first() else {
        return value.is_null();
    };
    match value {
        Value::Array(items) => items.iter().any(|item| has_null(item, path)),
        Value::Object(m) => m.get(*first).is_some_and(|v| has_null(v, rest)),
        _ => false,
    }
}

/// The fields of a response sample that the index marks as always sent (see
/// [`Param::always_sent`](crate::index::Param::always_sent)) and that the sample holds
/// (never `null`), but that the types do not require: the sample without the field
/// still decodes. Paths as the report writes them (`server.id`, `servers.*.id`).
pub fn not_required(
    spec: &BodySpec,
    extensions: &[BodySpec],
    documented: &IndexOp,
    body: &Value,
) -> Vec<String> {
    let mut out = BTreeSet::new();
    for param in documented.response.iter().filter(|p| p.always_sent()) {
        let mut segments: Vec<&str> = param.name.split('.').collect();
        if let Some(env) = spec.envelope
            && segments.first() == Some(&env)
        {
            segments.remove(0);
        }
        if segments.is_empty() {
            continue;
        }
        let mut copy = body.clone();
        let inner = match spec.envelope {
            Some(env) => match copy.get_mut(env) {
                Some(inner) => inner,
                None => continue,
            },
            None => &mut copy,
        };
        if has_null(inner, &segments) || !remove_field(inner, &segments) {
            continue;
        }
        if spec.check_extended(&copy, extensions).is_ok() {
            let mut shown = segments.join(".");
            if spec.list {
                shown = format!("*.{shown}");
            }
            if let Some(env) = spec.envelope {
                shown = join(env, &shown);
            }
            out.insert(shown);
        }
    }
    out.into_iter().collect()
}

/// One checked sample.
#[derive(Debug, Clone)]
pub struct SampleResult {
    /// The index's service name.
    pub service: String,
    /// The SDK operation, as `METHOD /path`.
    pub operation: String,
    /// The SDK type the sample is decoded with, if the operation declares one.
    pub type_name: Option<&'static str>,
    /// Request or response.
    pub direction: Direction,
    /// The sample's path, as the index writes it.
    pub sample: String,
    /// The microversion its path marks.
    pub microversion: Option<String>,
    /// What became of it.
    pub outcome: Outcome,
}

/// Counts over a set of samples.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Samples checked (each SDK operation and sample pair once).
    pub samples: usize,
    /// Decoded.
    pub parsed: usize,
    /// Failed.
    pub failed: usize,
    /// The operation has no type for the sample's direction.
    pub no_type: usize,
    /// Not JSON.
    pub non_json: usize,
    /// Skipped on purpose.
    pub skipped: usize,
    /// Distinct dropped field paths not listed in `skipped.toml`, summed over the decoded
    /// samples (errors).
    pub dropped: usize,
    /// Distinct dropped field paths that `skipped.toml` lists, summed likewise.
    pub listed: usize,
    /// Fields the index marks as always sent that the types do not require, summed
    /// likewise (errors).
    pub not_required: usize,
    /// Always-sent fields that `skipped.toml` lets the types read as optional, summed
    /// likewise.
    pub optional: usize,
    /// Samples whose path marks a microversion.
    pub microversioned: usize,
}

impl Totals {
    fn add(&mut self, r: &SampleResult) {
        self.samples += 1;
        if r.microversion.is_some() {
            self.microversioned += 1;
        }
        match &r.outcome {
            Outcome::Parsed {
                dropped,
                listed,
                not_required,
                optional,
            } => {
                self.parsed += 1;
                self.optional += optional.len();
                self.dropped += dropped.len();
                self.listed += listed.len();
                self.not_required += not_required.len();
            }
            Outcome::Failed(_) => self.failed += 1,
            Outcome::NoType => self.no_type += 1,
            Outcome::NonJson(_) => self.non_json += 1,
            Outcome::Skipped(_) => self.skipped += 1,
        }
    }
}

/// The conformance report.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// One entry per (SDK operation, sample).
    pub results: Vec<SampleResult>,
    /// Problems that are not about one sample (sample skips that apply to nothing).
    pub errors: Vec<String>,
}

fn check_sample(
    index: &Index,
    skips: &Skips,
    service: &str,
    op: &Operation,
    documented: &IndexOp,
    direction: Direction,
    rel: &str,
) -> SampleResult {
    // An unmarked sample shows the documented operation's first microversion (the base
    // version when the reference names none): Placement's `get-traits.json` is at 1.6.
    let microversion = sample_microversion(rel).or_else(|| documented.min_version.clone());
    let (spec, extensions) = match direction {
        Direction::Request => (op.request, op.request_extensions),
        Direction::Response => (op.response, op.extensions),
    };
    let outcome = (|| {
        if let Some(reason) = skips.sample_reason(service, rel, &documented.title) {
            return Outcome::Skipped(format!("skipped.toml: {reason}"));
        }
        let ext = Path::new(rel)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("");
        if ext != "json" {
            return Outcome::NonJson(format!("not JSON (.{ext})"));
        }
        if INVALID_JSON.contains(&(service, rel)) {
            return Outcome::NonJson("known invalid JSON (allow-listed)".to_string());
        }
        let file = index.sample_file(service, rel);
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => text,
            Err(e) => return Outcome::Failed(format!("cannot read {}: {e}", file.display())),
        };
        let body: Value = match serde_json::from_str(&text) {
            Ok(body) => body,
            Err(e) => return Outcome::Failed(format!("not valid JSON: {e}")),
        };
        if let Some(min) = op.min_microversion
            && predates(service, microversion.as_deref(), min)
        {
            let at = microversion.as_deref().unwrap_or("the base version");
            return Outcome::Skipped(format!("the sample ({at}) predates the operation ({min})"));
        }
        let Some(spec) = spec else {
            return Outcome::NoType;
        };
        match check_body_extended(&spec, extensions, direction, &body) {
            Outcome::Parsed { dropped, .. } => {
                let (listed, dropped): (Vec<String>, Vec<String>) = dropped
                    .into_iter()
                    .partition(|f| skips.dropped_reason(service, rel, f).is_some());
                let (optional, not_required) = match direction {
                    Direction::Request => (Vec::new(), Vec::new()),
                    Direction::Response => not_required(&spec, extensions, documented, &body)
                        .into_iter()
                        // A field no type holds is reported as dropped already.
                        .filter(|f| !dropped.contains(f) && !listed.contains(f))
                        .partition(|f| skips.optional_reason(service, spec.type_name, f).is_some()),
                };
                Outcome::Parsed {
                    dropped,
                    listed,
                    not_required,
                    optional,
                }
            }
            other => other,
        }
    })();
    SampleResult {
        service: service.to_string(),
        operation: format!("{} {}", op.method, op.path),
        type_name: spec.map(|s| s.type_name),
        direction,
        sample: rel.to_string(),
        microversion,
        outcome,
    }
}

/// The entries of `skipped.toml` that apply to nothing in `results`: a skipped sample no
/// implemented operation has, a dropped field no sample drops, an optional field no
/// sample reads as optional (the type requires it now, or no sample holds it).
fn stale_skips(results: &[SampleResult], skips: &Skips) -> Vec<String> {
    let mut errors: Vec<String> = skips
        .samples
        .iter()
        .filter(|s| !results.iter().any(|r| r.service == s.service && r.sample == s.path))
        .map(|s| {
            format!(
                "skipped.toml: the sample {} {} is not attached to any operation the SDK implements",
                s.service, s.path
            )
        })
        .collect();
    // A listed dropped field that no sample drops any more is stale.
    for d in &skips.dropped {
        for f in &d.fields {
            let used = results.iter().any(|r| {
                r.service == d.service
                    && matches!(&r.outcome, Outcome::Parsed { listed, .. }
                        if listed.contains(f) && d.lists(&r.service, &r.sample, f))
            });
            if !used {
                errors.push(format!(
                    "skipped.toml: the dropped field {} {f} is not dropped from any sample",
                    d.service
                ));
            }
        }
    }
    // So is an [[optional]] field that no sample reads as optional: the type now
    // requires it, or no sample of the type holds it.
    for o in &skips.optional {
        for f in &o.fields {
            let used = results.iter().any(|r| {
                r.service == o.service
                    && r.type_name == Some(o.type_name.as_str())
                    && matches!(&r.outcome, Outcome::Parsed { optional, .. }
                        if optional.contains(f))
            });
            if !used {
                errors.push(format!(
                    "skipped.toml: the optional field {} {} {f} is required by the type \
                     or held by no sample",
                    o.service, o.type_name
                ));
            }
        }
    }
    errors
}

impl Report {
    /// Checks every sample attached to the documented operations that `coverage` matched
    /// to `ops` (the same list `coverage` was computed from).
    pub fn run(index: &Index, ops: &[SdkOp<'_>], coverage: &Coverage, skips: &Skips) -> Report {
        let mut results = Vec::new();
        for (&(service, _, op), m) in ops.iter().zip(&coverage.matches) {
            let Some(si) = index.service(service) else {
                continue;
            };
            let mut seen = BTreeSet::new();
            for &i in &m.ops {
                let documented = &si.operations[i];
                let samples = [
                    (Direction::Request, &documented.request_samples),
                    (Direction::Response, &documented.response_samples),
                ];
                for (direction, list) in samples {
                    for rel in list {
                        if seen.insert((direction, rel.as_str())) {
                            results.push(check_sample(
                                index, skips, service, op, documented, direction, rel,
                            ));
                        }
                    }
                }
            }
        }
        let errors = stale_skips(&results, skips);
        Report { results, errors }
    }

    /// The counts for one service, or for all with `None`.
    pub fn totals(&self, service: Option<&str>) -> Totals {
        let mut t = Totals::default();
        for r in &self.results {
            if service.is_none_or(|s| s == r.service) {
                t.add(r);
            }
        }
        t
    }

    /// True when a sample failed, drops a field `skipped.toml` does not list, or holds
    /// a field the index marks as always sent that the types do not require (and
    /// `skipped.toml` does not call optional), or when the skip list names samples or
    /// fields that are not checked.
    pub fn failed(&self) -> bool {
        let t = self.totals(None);
        t.failed > 0 || t.dropped > 0 || t.not_required > 0 || !self.errors.is_empty()
    }

    /// The last line of the report.
    pub fn summary_line(&self) -> String {
        let t = self.totals(None);
        format!(
            "conformance: {} parsed, {} failed, {} without an SDK type, {} dropped fields \
             ({} more listed in skipped.toml), {} always-sent fields not required ({} more \
             listed as optional)",
            t.parsed, t.failed, t.no_type, t.dropped, t.listed, t.not_required, t.optional
        )
    }

    /// The report: a table per service, the failures, with `verbose` every sample with
    /// its microversion and dropped field paths, and the summary line last.
    pub fn render(&self, verbose: bool) -> String {
        let mut out = String::new();
        let row = |out: &mut String, name: &str, t: Totals| {
            let _ = writeln!(
                out,
                "{:<20} {:>7} {:>6} {:>6} {:>7} {:>8} {:>7} {:>7} {:>14}",
                name,
                t.samples,
                t.parsed,
                t.failed,
                t.no_type,
                t.non_json,
                t.skipped,
                t.dropped,
                t.microversioned
            );
        };
        let _ = writeln!(
            out,
            "{:<20} {:>7} {:>6} {:>6} {:>7} {:>8} {:>7} {:>7} {:>14}",
            "service",
            "samples",
            "parsed",
            "failed",
            "no type",
            "non-JSON",
            "skipped",
            "dropped",
            "microversioned"
        );
        let mut names: Vec<&str> = SERVICES.to_vec();
        for r in &self.results {
            if !names.contains(&r.service.as_str()) {
                names.push(&r.service);
            }
        }
        for name in names {
            row(&mut out, name, self.totals(Some(name)));
        }
        row(&mut out, "total", self.totals(None));

        let line = |r: &SampleResult| {
            let at = match r.microversion.as_deref() {
                Some(v) => format!(" @{v}"),
                None if MICROVERSIONED_SAMPLES.contains(&r.service.as_str()) => {
                    " @base".to_string()
                }
                None => String::new(),
            };
            format!(
                "{} {} {} {}{at}",
                r.service,
                r.operation,
                r.direction.as_str(),
                r.sample
            )
        };
        let failures: Vec<&SampleResult> = self
            .results
            .iter()
            .filter(|r| matches!(r.outcome, Outcome::Failed(_)))
            .collect();
        if !failures.is_empty() {
            let _ = writeln!(out, "\nfailures ({}):", failures.len());
            for r in failures {
                if let Outcome::Failed(why) = &r.outcome {
                    let _ = writeln!(out, "  {}\n      {why}", line(r));
                }
            }
        }
        let unlisted: Vec<(&SampleResult, &Vec<String>, &Vec<String>)> = self
            .results
            .iter()
            .filter_map(|r| match &r.outcome {
                Outcome::Parsed {
                    dropped,
                    not_required,
                    ..
                } if !dropped.is_empty() || !not_required.is_empty() => {
                    Some((r, dropped, not_required))
                }
                _ => None,
            })
            .collect();
        if !unlisted.is_empty() {
            let _ = writeln!(
                out,
                "\nfields to hold or list in skipped.toml ({} samples):",
                unlisted.len()
            );
            for (r, dropped, not_required) in unlisted {
                let _ = writeln!(out, "  {}", line(r));
                for f in dropped {
                    let _ = writeln!(out, "      dropped: {f}");
                }
                for f in not_required {
                    let _ = writeln!(out, "      always sent, not required: {f}");
                }
            }
        }
        if !self.errors.is_empty() {
            let _ = writeln!(out, "\nerrors ({}):", self.errors.len());
            for e in &self.errors {
                let _ = writeln!(out, "  {e}");
            }
        }
        if verbose {
            let _ = writeln!(out, "\nsamples:");
            for r in &self.results {
                let what = match &r.outcome {
                    Outcome::Parsed {
                        dropped, listed, ..
                    } => format!("parsed, {} dropped", dropped.len() + listed.len()),
                    Outcome::Failed(_) => "FAILED".to_string(),
                    Outcome::NoType => "no SDK type".to_string(),
                    Outcome::NonJson(why) => why.clone(),
                    Outcome::Skipped(why) => format!("skipped: {why}"),
                };
                let _ = writeln!(out, "  {}: {what}", line(r));
                if let Outcome::Parsed {
                    dropped, listed, ..
                } = &r.outcome
                {
                    for p in dropped {
                        let _ = writeln!(out, "      {p}");
                    }
                    for p in listed {
                        let _ = writeln!(out, "      {p} (skipped.toml)");
                    }
                }
            }
        }
        let t = self.totals(None);
        let _ = writeln!(
            out,
            "\n{} samples: {} not JSON, {} skipped, {} at a marked microversion",
            t.samples, t.non_json, t.skipped, t.microversioned
        );
        let _ = writeln!(out, "{}", self.summary_line());
        out
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};
    use serde_json::json;

    use super::*;

    #[derive(Deserialize, Serialize)]
    struct Thing {
        id: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
    }

    /// Renders `tags` even when the sample has none: a request type that would send a
    /// field the caller did not set.
    #[derive(Deserialize, Serialize)]
    struct Loud {
        id: u32,
        #[serde(default)]
        tags: Vec<String>,
    }

    const ONE: BodySpec = BodySpec::one::<Thing>("Thing", Some("thing"));
    const LIST: BodySpec = BodySpec::list::<Thing>("Thing", Some("things"));
    const REQUEST: BodySpec = BodySpec::request::<Thing>("Thing", Some("thing"));
    const LOUD: BodySpec = BodySpec::request::<Loud>("Loud", Some("thing"));

    fn parsed(dropped: &[&str]) -> Outcome {
        Outcome::Parsed {
            dropped: dropped.iter().map(|s| s.to_string()).collect(),
            listed: Vec::new(),
            not_required: Vec::new(),
            optional: Vec::new(),
        }
    }

    #[test]
    fn a_body_that_does_not_decode_fails() {
        let body = json!({"thing": {"id": "one"}});
        assert!(matches!(
            check_body(&ONE, Direction::Response, &body),
            Outcome::Failed(_)
        ));
        let no_envelope = json!({"id": 1});
        assert!(matches!(
            check_body(&ONE, Direction::Response, &no_envelope),
            Outcome::Failed(_)
        ));
        let bad_item = json!({"things": [{"id": 1}, {"name": "no id"}]});
        assert!(matches!(
            check_body(&LIST, Direction::Response, &bad_item),
            Outcome::Failed(_)
        ));
    }

    #[test]
    fn unknown_fields_are_dropped_not_failures() {
        let body = json!({"thing": {"id": 1, "extra": {"deep": true}}, "beside": 1});
        assert_eq!(
            check_body(&ONE, Direction::Response, &body),
            parsed(&["beside", "thing.extra"])
        );
        let list = json!({"things": [{"id": 1, "x": 1}, {"id": 2, "x": 2}], "things_links": []});
        assert_eq!(
            check_body(&LIST, Direction::Response, &list),
            parsed(&["things.*.x"])
        );
    }

    #[test]
    fn request_samples_are_rendered_back() {
        // null and missing are the same; dropped fields are not expected back.
        let body = json!({"thing": {"id": 1, "name": null, "extra": 2}});
        assert_eq!(
            check_body(&REQUEST, Direction::Request, &body),
            parsed(&["thing.extra"])
        );
        // A field the type renders although the sample lacks it is a failure.
        let body = json!({"thing": {"id": 1}});
        match check_body(&LOUD, Direction::Request, &body) {
            Outcome::Failed(why) => assert!(why.contains("thing.tags"), "{why}"),
            other => panic!("expected a failure, got {other:?}"),
        }
        // The same body as a response is only decoded.
        assert_eq!(check_body(&LOUD, Direction::Response, &body), parsed(&[]));
    }

    /// A response type that reads an always-sent field with a default: a misspelt key
    /// would decode as `""` unnoticed.
    #[derive(Deserialize)]
    struct Lax {
        #[allow(dead_code)]
        id: u32,
        #[serde(default)]
        #[allow(dead_code)]
        name: String,
        #[serde(default)]
        #[allow(dead_code)]
        zone: Option<String>,
    }

    /// The same, strict: the keys must be present (`zone` may be `null`).
    #[derive(Deserialize)]
    struct Strict {
        #[allow(dead_code)]
        id: u32,
        #[allow(dead_code)]
        name: String,
        #[serde(deserialize_with = "ferrocloud::de::nullable")]
        #[allow(dead_code)]
        zone: Option<String>,
    }

    fn documented(fields: &[(&str, bool)]) -> IndexOp {
        IndexOp {
            response: fields
                .iter()
                .map(|&(name, required)| crate::index::Param {
                    name: name.to_string(),
                    location: "body".to_string(),
                    required: Some(required),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn always_sent_fields_a_type_does_not_require_are_reported() {
        let op = documented(&[
            ("thing", true),
            ("thing.id", true),
            ("thing.name", true),
            ("thing.zone", true),
            ("thing.note", false),
        ]);
        let lax = BodySpec::one::<Lax>("Lax", Some("thing"));
        let strict = BodySpec::one::<Strict>("Strict", Some("thing"));
        let body = json!({"thing": {"id": 1, "name": "a", "zone": "az1"}});
        assert_eq!(
            not_required(&lax, &[], &op, &body),
            ["thing.name", "thing.zone"]
        );
        assert!(not_required(&strict, &[], &op, &body).is_empty());
        // A `null` in the sample says nothing about the key being required.
        let body = json!({"thing": {"id": 1, "name": "a", "zone": null}});
        assert_eq!(not_required(&lax, &[], &op, &body), ["thing.name"]);
        // Listings: every item.
        let list = BodySpec::list::<Lax>("Lax", Some("things"));
        let op = documented(&[("things", true), ("things.name", true)]);
        let body = json!({"things": [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}]});
        assert_eq!(not_required(&list, &[], &op, &body), ["things.*.name"]);
    }

    #[test]
    fn json_comparison() {
        let d = diff(
            &json!({"a": 1, "b": [1, 2], "c": "x", "n": null, "o": {"p": 1}}),
            &json!({"a": 1.0, "b": [1, 3], "d": true, "o": {}}),
        );
        assert_eq!(
            d,
            [
                Difference::Differs("b.1".into()),
                Difference::Missing("c".into()),
                Difference::Extra("d".into()),
                Difference::Missing("o.p".into()),
            ]
        );
        assert!(equivalent(&json!({"a": {"b": null}}), &json!({"a": {}})));
        assert!(!equivalent(&json!({"a": 1}), &json!({"a": "1"})));
        assert!(!equivalent(&json!([1, 2]), &json!([2, 1])));
        assert!(!equivalent(&json!(null), &json!({})));
    }

    #[test]
    fn microversions() {
        assert_eq!(
            sample_microversion(
                "api-ref/source/v3/samples/volumes/v3.13/volume-show-response.json"
            )
            .as_deref(),
            Some("3.13")
        );
        assert_eq!(
            sample_microversion("api-ref/source/v3/samples/volume-show.json"),
            None
        );
        assert_eq!(
            sample_microversion("api-ref/source/samples/x/update-allocations-request-1.28.json")
                .as_deref(),
            Some("1.28")
        );
        assert_eq!(
            sample_microversion("api-ref/source/samples/x/create-1-request.json"),
            None
        );
        assert!(predates("compute", Some("2.9"), "2.10"));
        assert!(!predates("compute", Some("2.10"), "2.10"));
        assert!(predates("compute", None, "2.10"));
        assert!(!predates("shared-file-system", None, "2.10"));
    }
}
