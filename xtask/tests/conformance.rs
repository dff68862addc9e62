//! The SDK against the official API reference: every SDK operation matches a documented
//! one, the skip list is sound, and every sample of an implemented operation decodes with
//! the SDK's type. Also checks, on a small made-up reference and deliberately broken
//! types, that a sample that does not decode, a dropped field that `skipped.toml` does
//! not list, and an always-sent field that the type does not require are reported.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use ferrocloud::Operation;
use ferrocloud::http::Method;
use ferrocloud::operation::BodySpec;
use serde::{Deserialize, Serialize};
use xtask::conformance::{INVALID_JSON, Outcome, Report};
use xtask::coverage::{Coverage, SdkOp};

#[test]
fn every_sdk_operation_is_documented_and_every_sample_decodes() {
    let (index, skips) = xtask::load(&xtask::conformance_dir()).unwrap();
    let ops = ferrocloud::openstack::all_operations();
    assert!(!ops.is_empty());
    let coverage = Coverage::compute(&index, &ops, &skips);
    assert!(
        coverage.is_ok(),
        "coverage errors:\n{}",
        coverage.errors.join("\n")
    );
    assert_eq!(coverage.services.len(), xtask::index::SERVICES.len());
    let report = Report::run(&index, &ops, &coverage, &skips);
    assert!(!report.failed(), "{}", report.render(false));
    assert!(report.totals(None).parsed > 0);
}

#[test]
fn the_invalid_json_allow_list_is_exact() {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "json") {
                out.push(path);
            }
        }
    }
    let root = xtask::conformance_dir().join("api-samples");
    let mut files = Vec::new();
    walk(&root, &mut files);
    assert!(files.len() > 2000, "{} JSON samples", files.len());
    let invalid: BTreeSet<String> = files
        .iter()
        .filter(|f| {
            let text = fs::read_to_string(f).unwrap();
            serde_json::from_str::<serde_json::Value>(&text).is_err()
        })
        .map(|f| {
            f.strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    let listed: BTreeSet<String> = INVALID_JSON
        .iter()
        .map(|(service, path)| format!("{service}/{path}"))
        .collect();
    assert_eq!(invalid, listed);
}

#[derive(Deserialize, Serialize)]
struct Thing {
    id: u32,
}

static SHOW: Operation = Operation::new("compute", Method::GET, "/things/{id}")
    .with_response(BodySpec::one::<Thing>("Thing", Some("thing")));
static SHOW_LATER: Operation = Operation::new("compute", Method::GET, "/things/{id}")
    .since("2.6")
    .with_response(BodySpec::one::<Thing>("Thing", Some("thing")));
static ACTION_A: Operation = Operation::new("compute", Method::POST, "/things/{id}/action")
    .with_request(BodySpec::request::<Thing>("Thing", Some("a")));
static UNDOCUMENTED: Operation = Operation::new("compute", Method::GET, "/nothing");

/// A made-up conformance folder: one service, five operations, six samples.
fn fixture(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&dir);
    let files = [
        (
            "api-ref/compute.json",
            r#"{"service": "compute", "operations": [
  {"title": "Show thing", "method": "GET", "path": "/things/{thing_id}",
   "response_samples": ["things/thing-get-resp.json", "things/v2.5/thing-get-resp.json", "things/thing-get.txt"]},
  {"title": "A (a Action)", "method": "POST", "path": "/things/{thing_id}/action", "request_samples": ["things/a.json"]},
  {"title": "B (b Action)", "method": "POST", "path": "/things/{thing_id}/action", "request_samples": ["things/b.json"]},
  {"title": "List things", "method": "GET", "path": "/things/?limit=1"},
  {"title": "Old", "method": "GET", "path": "/old", "removed_in_release": "18.0.0"}
]}"#,
        ),
        (
            "api-samples/compute/things/thing-get-resp.json",
            r#"{"thing": {"id": 1}}"#,
        ),
        (
            "api-samples/compute/things/v2.5/thing-get-resp.json",
            r#"{"thing": {"id": "one", "extra": 1}}"#,
        ),
        (
            "api-samples/compute/things/thing-get.txt",
            "HTTP/1.1 200 OK",
        ),
        ("api-samples/compute/things/a.json", r#"{"a": {"id": 2}}"#),
        ("api-samples/compute/things/b.json", r#"{"b": {"id": 3}}"#),
        (
            "skipped.toml",
            "[[operations]]\nservice = \"compute\"\nreason = \"gone\"\noperations = [\"GET /old\"]\n",
        ),
    ];
    for (rel, text) in files {
        let path = dir.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn a_sample_that_does_not_decode_fails_the_check() {
    let (index, skips) = xtask::load(&fixture("conformance-bad-sample")).unwrap();
    let ops: Vec<SdkOp> = vec![
        ("compute", "", &SHOW),
        ("compute", "", &ACTION_A),
        ("compute", "", &UNDOCUMENTED),
    ];
    let coverage = Coverage::compute(&index, &ops, &skips);
    let compute = &coverage.services[0];
    // Show thing and action A; action B has another body key; Old is skipped; List missing.
    assert_eq!(compute.implemented, [0, 1]);
    assert_eq!(compute.skipped, [(4, "gone".to_string())]);
    assert_eq!(compute.missing, [2, 3]);
    assert_eq!(coverage.errors.len(), 1, "{:?}", coverage.errors);
    assert!(coverage.errors[0].contains("GET /nothing"));
    assert!(!coverage.is_ok());
    let text = coverage.render(&index, false);
    assert!(text.ends_with("compute: 2/5\ncoverage: 2/5\n"), "{text}");

    let report = Report::run(&index, &ops, &coverage, &skips);
    let t = report.totals(None);
    assert_eq!((t.samples, t.parsed, t.failed, t.non_json), (4, 2, 1, 1));
    assert!(report.failed());
    assert_eq!(
        report.summary_line(),
        "conformance: 2 parsed, 1 failed, 0 without an SDK type, 0 dropped fields \
         (0 more listed in skipped.toml), 0 always-sent fields not required (0 more listed \
         as optional)"
    );
    let text = report.render(false);
    assert!(
        text.contains("things/v2.5/thing-get-resp.json @2.5"),
        "{text}"
    );
}

#[test]
fn samples_older_than_the_operation_are_skipped() {
    let (index, skips) = xtask::load(&fixture("conformance-old-samples")).unwrap();
    let ops: Vec<SdkOp> = vec![("compute", "", &SHOW_LATER)];
    let coverage = Coverage::compute(&index, &ops, &skips);
    assert!(coverage.is_ok(), "{:?}", coverage.errors);
    let report = Report::run(&index, &ops, &coverage, &skips);
    let t = report.totals(None);
    assert_eq!((t.parsed, t.failed, t.skipped, t.non_json), (0, 0, 2, 1));
    assert!(!report.failed());
}

#[test]
fn skip_entries_must_name_an_unimplemented_documented_operation() {
    let dir = fixture("conformance-bad-skips");
    fs::write(
        dir.join("skipped.toml"),
        "[[operations]]\nservice = \"compute\"\nreason = \"r\"\n\
         operations = [\"GET /things/{id}\", \"GET /missing\", \"POST /things/{id}/action c\"]\n\
         [[samples]]\nservice = \"compute\"\npath = \"things/unused.json\"\nreason = \"r\"\n",
    )
    .unwrap();
    let (index, skips) = xtask::load(&dir).unwrap();
    let ops: Vec<SdkOp> = vec![("compute", "", &SHOW)];
    let coverage = Coverage::compute(&index, &ops, &skips);
    assert_eq!(coverage.errors.len(), 3, "{:?}", coverage.errors);
    let report = Report::run(&index, &ops, &coverage, &skips);
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    assert!(report.failed());

    fs::write(
        dir.join("skipped.toml"),
        "[[operations]]\nservice = \"compute\"\nreason = \" \"\noperations = []\n",
    )
    .unwrap();
    assert!(xtask::load(&dir).is_err());
}

/// A deliberately broken widget type: it has no `colour` (a dropped field) and reads
/// `name`, which the reference says is always sent, with a default.
#[derive(Deserialize)]
struct BrokenWidget {
    #[allow(dead_code)]
    id: u32,
    #[allow(dead_code)]
    #[serde(default)]
    name: String,
}

/// The widget as it should be: `name` required.
#[derive(Deserialize)]
struct Widget {
    #[allow(dead_code)]
    id: u32,
    #[allow(dead_code)]
    name: String,
}

/// An extension type read from the same object as a widget.
#[derive(Deserialize)]
struct WidgetColour {
    #[allow(dead_code)]
    #[serde(default)]
    colour: Option<String>,
}

static SHOW_BROKEN: Operation = Operation::new("compute", Method::GET, "/widgets/{id}")
    .with_response(BodySpec::one::<BrokenWidget>(
        "BrokenWidget",
        Some("widget"),
    ));
static LIST_BROKEN: Operation = Operation::new("compute", Method::GET, "/widgets").with_response(
    BodySpec::list::<BrokenWidget>("BrokenWidget", Some("widgets")),
);
static SHOW_WIDGET: Operation = Operation::new("compute", Method::GET, "/widgets/{id}")
    .with_response(BodySpec::one::<Widget>("Widget", Some("widget")))
    .with_extensions(&[BodySpec::one::<WidgetColour>("WidgetColour", None)]);

/// A made-up reference with one widget operation whose `name` is always sent.
fn widget_fixture(name: &str, skipped: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&dir);
    let params = r#"[
      {"name": "widget", "in": "body", "type": "object", "required": true},
      {"name": "widgets", "in": "body", "type": "array", "required": true},
      {"name": "id", "in": "body", "type": "integer", "required": true},
      {"name": "name", "in": "body", "type": "string", "required": true},
      {"name": "colour", "in": "body", "type": "string", "required": false},
      {"name": "size", "in": "body", "type": "integer", "required": true, "min_version": "2.5"}]"#;
    let index = format!(
        r#"{{"service": "compute", "operations": [
  {{"title": "Show widget", "method": "GET", "path": "/widgets/{{widget_id}}",
   "response": {params}, "response_samples": ["widgets/get.json"]}},
  {{"title": "List widgets", "method": "GET", "path": "/widgets",
   "response": {params}, "response_samples": ["widgets/list.json"]}}
]}}"#
    );
    let files = [
        ("api-ref/compute.json", index.as_str()),
        (
            "api-samples/compute/widgets/get.json",
            r#"{"widget": {"id": 1, "name": "w", "colour": "red", "size": 3}}"#,
        ),
        (
            "api-samples/compute/widgets/list.json",
            r#"{"widgets": [{"id": 1, "name": "w", "colour": "red"}, {"id": 2, "name": "v"}]}"#,
        ),
        ("skipped.toml", skipped),
    ];
    for (rel, text) in files {
        let path = dir.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

fn run(dir: &Path, ops: &[SdkOp]) -> Report {
    let (index, skips) = xtask::load(dir).unwrap();
    let coverage = Coverage::compute(&index, ops, &skips);
    assert!(coverage.is_ok(), "{:?}", coverage.errors);
    Report::run(&index, ops, &coverage, &skips)
}

fn parsed(report: &Report, sample: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let r = report
        .results
        .iter()
        .find(|r| r.sample == sample)
        .unwrap_or_else(|| panic!("no result for {sample}"));
    match &r.outcome {
        Outcome::Parsed {
            dropped,
            listed,
            not_required,
            ..
        } => (dropped.clone(), listed.clone(), not_required.clone()),
        other => panic!("{sample}: {other:?}"),
    }
}

#[test]
fn an_unlisted_dropped_field_fails_the_check() {
    let dir = widget_fixture("conformance-dropped", "");
    let ops: Vec<SdkOp> = vec![("compute", "", &SHOW_BROKEN), ("compute", "", &LIST_BROKEN)];
    let report = run(&dir, &ops);
    assert_eq!(
        parsed(&report, "widgets/get.json").0,
        ["widget.colour", "widget.size"]
    );
    assert_eq!(parsed(&report, "widgets/list.json").0, ["widgets.*.colour"]);
    assert_eq!(report.totals(None).dropped, 3);
    assert!(report.failed());
    let text = report.render(false);
    assert!(text.contains("dropped: widget.colour"), "{text}");

    // Listed with a reason, the same fields pass (`name`, which the broken type does
    // not require, is listed as optional); a listed field nothing drops fails.
    let listed = OPTIONAL_NAME;
    let report = run(&widget_fixture("conformance-dropped-listed", listed), &ops);
    let t = report.totals(None);
    assert_eq!((t.dropped, t.listed), (0, 3));
    assert!(!report.failed(), "{}", report.render(false));
    let stale = format!(
        "{listed}[[dropped]]\nservice = \"compute\"\nreason = \"r\"\nfields = [\"widget.gone\"]\n"
    );
    let report = run(&widget_fixture("conformance-dropped-stale", &stale), &ops);
    assert!(report.failed());
    assert!(
        report.errors[0].contains("widget.gone"),
        "{:?}",
        report.errors
    );
}

#[test]
fn a_field_held_by_an_extension_type_is_not_dropped() {
    let dir = widget_fixture("conformance-extension", "");
    let report = run(&dir, &[("compute", "", &SHOW_WIDGET)]);
    // colour is read by the extension; size (2.5+) by no type.
    assert_eq!(parsed(&report, "widgets/get.json").0, ["widget.size"]);
}

#[test]
fn an_always_sent_field_the_type_does_not_require_is_reported() {
    let dir = widget_fixture("conformance-not-required", "");
    let ops: Vec<SdkOp> = vec![("compute", "", &SHOW_BROKEN), ("compute", "", &LIST_BROKEN)];
    let report = run(&dir, &ops);
    // `name` is read with a default: a sample without it still decodes. `size` is
    // microversioned and `colour` optional, so neither has to be required.
    assert_eq!(parsed(&report, "widgets/get.json").2, ["widget.name"]);
    assert_eq!(parsed(&report, "widgets/list.json").2, ["widgets.*.name"]);
    assert_eq!(report.totals(None).not_required, 2);
    let text = report.render(true);
    assert!(
        text.contains("always sent, not required: widget.name"),
        "{text}"
    );

    assert!(report.failed());

    // The fixed type requires it.
    let report = run(&dir, &[("compute", "", &SHOW_WIDGET)]);
    assert!(parsed(&report, "widgets/get.json").2.is_empty());
}

const OPTIONAL_NAME: &str = r#"
[[dropped]]
service = "compute"
reason = "not read"
fields = ["widget.colour", "widget.size", "widgets.*.colour"]

[[optional]]
service = "compute"
type = "BrokenWidget"
reason = "omitted for widgets in a far cell"
fields = ["widget.name", "widgets.*.name"]
"#;

#[test]
fn an_optional_entry_excuses_a_field_and_goes_stale_once_the_type_requires_it() {
    let dir = widget_fixture("conformance-optional", OPTIONAL_NAME);
    let ops: Vec<SdkOp> = vec![("compute", "", &SHOW_BROKEN), ("compute", "", &LIST_BROKEN)];
    let report = run(&dir, &ops);
    assert!(!report.failed(), "{}", report.render(true));
    assert_eq!(report.totals(None).not_required, 0);
    assert_eq!(report.totals(None).optional, 2);

    // The entry names `BrokenWidget`: for `Widget`, which requires `name`, it is stale.
    let report = run(
        &dir,
        &[("compute", "", &SHOW_WIDGET), ("compute", "", &LIST_BROKEN)],
    );
    assert!(report.failed());
    assert!(
        report
            .errors
            .iter()
            .any(|e| e.contains("optional field compute BrokenWidget widget.name")),
        "{:?}",
        report.errors
    );
}
