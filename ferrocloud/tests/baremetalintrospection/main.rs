//! Bare metal introspection v1 against a mock Ironic Inspector: requests as sent,
//! official samples as answers.

#[path = "../common/mod.rs"]
mod common;

use std::time::Duration;

use ferrocloud::openstack::baremetalintrospection::v1::{
    data, introspection, ramdisk, rules, versions,
};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Match, Mock, MockServer, Request, ResponseTemplate};

/// The microversion header Inspector reads.
const VERSION_HEADER: &str = "x-openstack-ironic-inspector-api-version";

const NODE: &str = "c244557e-899f-46fa-a1ff-5b2c6718616b";
const RULE: &str = "b0ea6361-03cd-467c-859c-7230547dcb9a";

/// An introspection client of a mock Inspector (endpoint `/baremetal-introspection`,
/// resources under `v1/`).
async fn inspector(server: &MockServer) -> ferrocloud::ServiceClient {
    let p = common::provider(server).await;
    ferrocloud::openstack::new_baremetal_introspection_v1(&p, Default::default()).unwrap()
}

/// The sample `name` (under `baremetal-introspection/api-ref/source/samples/`) as text.
fn sample_text(name: &str) -> String {
    common::sample(&format!(
        "baremetal-introspection/api-ref/source/samples/{name}"
    ))
}

/// The sample `name` as JSON.
fn sample(name: &str) -> Value {
    serde_json::from_str(&sample_text(name)).unwrap()
}

/// Matches a request without the header.
struct Without(&'static str);

impl Match for Without {
    fn matches(&self, request: &Request) -> bool {
        !request.headers.contains_key(self.0)
    }
}

/// Matches a request without a body.
struct NoBody;

impl Match for NoBody {
    fn matches(&self, request: &Request) -> bool {
        request.body.is_empty()
    }
}

/// Expects one `verb` request to `rel` under `v1/`, with `query` pairs, Inspector's
/// microversion header `version` (its absence for `None`), and a JSON body when given;
/// answers `status` with `answer`.
#[allow(clippy::too_many_arguments)]
async fn expect(
    server: &MockServer,
    verb: &str,
    rel: &str,
    query: &[(&str, &str)],
    version: Option<&str>,
    request: Option<Value>,
    status: u16,
    answer: Option<Value>,
) {
    let mut m = Mock::given(method(verb)).and(path(format!("/baremetal-introspection/v1/{rel}")));
    for (k, v) in query {
        m = m.and(query_param(*k, *v));
    }
    m = match version {
        Some(v) => m.and(header(VERSION_HEADER, v)).and(header(
            "openstack-api-version",
            format!("baremetal-introspection {v}").as_str(),
        )),
        None => m.and(Without(VERSION_HEADER)),
    };
    m = match request {
        Some(b) => m.and(body_json(b)),
        None => m.and(NoBody),
    };
    let reply = match answer {
        Some(b) => ResponseTemplate::new(status).set_body_json(b),
        None => ResponseTemplate::new(status),
    };
    m.respond_with(reply).expect(1).mount(server).await;
}

/// A status of `NODE` in `state`, with `error`.
fn status(state: &str, error: Option<&str>) -> Value {
    let mut s = sample("api-v1-get-introspection-response.json");
    s["state"] = json!(state);
    s["error"] = json!(error);
    s["finished"] = json!(state == "finished" || state == "error");
    s
}

fn quick() -> ferrocloud::wait::WaitOpts {
    ferrocloud::wait::WaitOpts::new(Duration::from_secs(5))
        .interval(Duration::from_millis(1), Duration::from_millis(5))
}

#[tokio::test]
async fn introspection_start_status_list_abort() {
    let server = MockServer::start().await;
    let c = inspector(&server).await.with_microversion("1.18");
    expect(
        &server,
        "POST",
        &format!("introspection/{NODE}"),
        &[("manage_boot", "false")],
        Some("1.18"),
        None,
        202,
        Some(json!({})),
    )
    .await;
    expect(
        &server,
        "GET",
        &format!("introspection/{NODE}"),
        &[],
        Some("1.18"),
        None,
        200,
        Some(sample("api-v1-get-introspection-response.json")),
    )
    .await;
    expect(
        &server,
        "GET",
        "introspection",
        &[("limit", "2"), ("state", "finished,error")],
        Some("1.18"),
        None,
        200,
        Some(sample("api-v1-get-introspections-response.json")),
    )
    .await;
    // The next page: after the last node, same filters (ahead of the first page's mock).
    Mock::given(method("GET"))
        .and(path("/baremetal-introspection/v1/introspection"))
        .and(query_param("limit", "2"))
        .and(query_param("state", "finished,error"))
        .and(query_param("marker", NODE))
        .and(header(VERSION_HEADER, "1.18"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"introspection": []})))
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    expect(
        &server,
        "POST",
        &format!("introspection/{NODE}/abort"),
        &[],
        Some("1.18"),
        None,
        202,
        None,
    )
    .await;

    let opts = introspection::StartOpts {
        manage_boot: Some(false),
    };
    introspection::start(&c, NODE, &opts).await.ok().unwrap();
    let s = introspection::get(&c, NODE).await.extract().unwrap();
    assert_eq!(s.uuid, NODE);
    assert_eq!(s.state, introspection::IntrospectionState::Finished);
    assert!(s.finished && s.error.is_none());
    assert_eq!(s.started_at.to_rfc3339(), "2017-08-16T12:22:01+00:00");
    assert_eq!(
        s.finished_at.map(|t| t.to_rfc3339()).as_deref(),
        Some("2017-08-16T12:24:30+00:00")
    );
    assert_eq!(
        s.links[0].href,
        format!("http://127.0.0.1:5050/v1/introspection/{NODE}")
    );
    let opts = introspection::ListOpts {
        limit: Some(2),
        state: vec![
            introspection::IntrospectionState::Finished,
            introspection::IntrospectionState::Error,
        ],
        ..Default::default()
    };
    let all = introspection::list(&c, &opts).all().await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].uuid, "05ccda19-581b-49bf-8f5a-6ded99701d87");
    assert_eq!(all[1].uuid, NODE);
    introspection::abort(&c, NODE).await.ok().unwrap();
}

#[tokio::test]
async fn waiter_ends_on_finished_and_fails_on_error() {
    let server = MockServer::start().await;
    let c = inspector(&server).await;
    let node_path = format!("/baremetal-introspection/v1/introspection/{NODE}");
    // `waiting`, then `finished`; then an aborted one.
    let answers = [
        (status("waiting", None), Some(1)),
        (status("finished", None), Some(1)),
        (status("error", Some("Canceled by operator")), None),
    ];
    for (priority, (body, times)) in (1u8..).zip(answers) {
        let mut m = Mock::given(method("GET"))
            .and(path(node_path.clone()))
            .respond_with(ResponseTemplate::new(200).set_body_json(body))
            .with_priority(priority)
            .expect(1);
        if let Some(n) = times {
            m = m.up_to_n_times(n);
        }
        m.mount(&server).await;
    }

    let done = introspection::wait_for_finish(&c, NODE, &quick())
        .await
        .unwrap();
    assert_eq!(done.state, introspection::IntrospectionState::Finished);
    let e = introspection::wait_for_finish(&c, NODE, &quick())
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ferrocloud::ErrorKind::ServerError);
    assert!(e.to_string().contains("Canceled by operator"), "{e}");
}

#[tokio::test]
async fn waiter_times_out() {
    let server = MockServer::start().await;
    let c = inspector(&server).await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/baremetal-introspection/v1/introspection/{NODE}"
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(status("processing", None)))
        .mount(&server)
        .await;
    let opts = ferrocloud::wait::WaitOpts::new(Duration::from_millis(30))
        .interval(Duration::from_millis(1), Duration::from_millis(5));
    let e = introspection::wait_for_finish(&c, NODE, &opts)
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ferrocloud::ErrorKind::Timeout);
}

#[tokio::test]
async fn data_kept_whole_and_reapplied() {
    let server = MockServer::start().await;
    let c = inspector(&server).await.with_microversion("1.17");
    let stored = sample("api-v1-data-introspection-response.json");
    expect(
        &server,
        "GET",
        &format!("introspection/{NODE}/data"),
        &[],
        Some("1.17"),
        None,
        200,
        Some(stored.clone()),
    )
    .await;
    expect(
        &server,
        "GET",
        "introspection/node-1/data/unprocessed",
        &[],
        Some("1.17"),
        None,
        200,
        Some(stored["inventory"].clone()),
    )
    .await;
    expect(
        &server,
        "POST",
        &format!("introspection/{NODE}/data/unprocessed"),
        &[],
        Some("1.17"),
        None,
        202,
        Some(json!({})),
    )
    .await;
    let given = json!({"inventory": {"cpu": {"count": 4}}, "extra": {"rack": 4}});
    expect(
        &server,
        "POST",
        "introspection/node-1/data/unprocessed",
        &[],
        Some("1.17"),
        Some(given.clone()),
        202,
        Some(json!({})),
    )
    .await;

    let d = data::get(&c, NODE).await.extract().unwrap();
    // Nothing dropped, nulls included.
    assert_eq!(Value::Object(d.clone().into_inner()), stored);
    assert_eq!(d["cpu_arch"], "x86_64");
    assert!(d.contains_key("error") && d["error"].is_null());
    assert_eq!(d.inventory().unwrap()["cpu"]["count"], 2);
    assert_eq!(d["all_interfaces"]["eth1"]["pxe"], false);
    let raw = data::get_unprocessed(&c, "node-1").await.extract().unwrap();
    assert_eq!(raw["bmc_address"], "192.167.2.134");
    data::reapply(&c, NODE, None).await.ok().unwrap();
    let given: data::Data = serde_json::from_value(given).unwrap();
    data::reapply(&c, "node-1", Some(&given))
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn rules_crud() {
    let server = MockServer::start().await;
    let c = inspector(&server).await.with_microversion("1.16");
    let create = sample("api-v1-create-rule-request.json");
    expect(
        &server,
        "POST",
        "rules",
        &[],
        Some("1.16"),
        Some(create.clone()),
        201,
        Some(sample("api-v1-create-rule-response.json")),
    )
    .await;
    expect(
        &server,
        "GET",
        "rules",
        &[],
        Some("1.16"),
        None,
        200,
        Some(sample("api-v1-get-rules-response.json")),
    )
    .await;
    expect(
        &server,
        "GET",
        &format!("rules/{RULE}"),
        &[],
        Some("1.16"),
        None,
        200,
        Some(sample("api-v1-get-rule-response.json")),
    )
    .await;
    expect(
        &server,
        "DELETE",
        &format!("rules/{RULE}"),
        &[],
        Some("1.16"),
        None,
        204,
        None,
    )
    .await;
    expect(
        &server,
        "DELETE",
        "rules",
        &[],
        Some("1.16"),
        None,
        204,
        None,
    )
    .await;

    let opts: rules::CreateOpts = serde_json::from_value(create).unwrap();
    assert_eq!(opts.actions[0].params["path"], "driver_info/deploy_kernel");
    let r = rules::create(&c, &opts).await.extract().unwrap();
    assert_eq!(r.uuid, "7459bf7c-9ff9-43a8-ba9f-48542ecda66c");
    // Inspector answers an empty scope for none.
    assert_eq!(r.scope, None);
    assert_eq!(r.conditions.len(), 2);
    assert_eq!(r.conditions[0].op, "is-empty");
    assert_eq!(r.conditions[0].field, "node://driver_info.deploy_ramdisk");
    assert_eq!(r.conditions[0].multiple, Some(rules::Multiple::Any));
    assert_eq!(r.conditions[0].invert, Some(false));
    assert_eq!(r.actions[1].action, "set-attribute");
    assert_eq!(
        r.actions[1].params["value"],
        "09e5420c-6932-4199-996e-9485c56b3394"
    );
    let all = rules::list(&c).all().await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(
        all[1].description.as_deref(),
        Some("Set IPMI driver_info if no credentials")
    );
    assert!(all[1].actions.is_empty());
    assert_eq!(all[1].links[0].href, format!("/v1/rules/{RULE}"));
    let r = rules::get(&c, RULE).await.extract().unwrap();
    assert_eq!(r.actions.len(), 3);
    assert_eq!(r.actions[0].params["value"], "agent_ipmitool");
    rules::delete(&c, RULE).await.ok().unwrap();
    rules::delete_all(&c).await.ok().unwrap();

    // A rule without actions is refused before sending.
    let none = rules::CreateOpts::new(Vec::new());
    assert!(rules::create(&c, &none).await.err().is_some());
}

#[tokio::test]
async fn ramdisk_continue() {
    let server = MockServer::start().await;
    let c = inspector(&server).await;
    // The official sample has a trailing comma in `flags`.
    let text = sample_text("api-v1-continue-request.json").replace("\"sse2\",", "\"sse2\"");
    let body: Value = serde_json::from_str(&text).unwrap();
    expect(
        &server,
        "POST",
        "continue",
        &[],
        None,
        Some(body.clone()),
        200,
        Some(sample("api-v1-common-node-uuid.json")),
    )
    .await;
    let d: ramdisk::RamdiskData = serde_json::from_value(body).unwrap();
    assert_eq!(d.boot_interface.as_deref(), Some("52:54:00:4e:3d:30"));
    assert_eq!(d.inventory["memory"]["physical_mb"], 2048);
    assert!(format!("{d:?}").contains("<8 bytes>"));
    let node = ramdisk::continue_introspection(&c, &d)
        .await
        .extract()
        .unwrap();
    assert_eq!(node.uuid, NODE);
}

#[tokio::test]
async fn versions_and_negotiation() {
    let server = MockServer::start().await;
    let c = inspector(&server).await;
    let with_range = |body: Value| {
        ResponseTemplate::new(200)
            .insert_header("x-openstack-ironic-inspector-api-minimum-version", "1.0")
            .insert_header("x-openstack-ironic-inspector-api-maximum-version", "1.18")
            .set_body_json(body)
    };
    Mock::given(method("GET"))
        .and(path("/baremetal-introspection/"))
        .and(Without(VERSION_HEADER))
        .respond_with(with_range(sample("api-root-response.json")))
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/baremetal-introspection/v1/"))
        .and(Without(VERSION_HEADER))
        .respond_with(with_range(sample("api-v1-root-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    expect(
        &server,
        "GET",
        "rules",
        &[],
        Some("1.12"),
        None,
        200,
        Some(json!({"rules": []})),
    )
    .await;

    let root = versions::list(&c).await;
    let r = root.extract().unwrap();
    assert_eq!(r.versions[0].id, "1.12");
    assert_eq!(r.versions[0].status, "CURRENT");
    assert_eq!(r.versions[0].links[0].href, "http://127.0.0.1:5050/v1");
    let range = versions::range(&root).unwrap();
    assert_eq!(
        (range.min.to_string(), range.max.to_string()),
        ("1.0".into(), "1.18".into())
    );
    let v1 = versions::get_v1(&c).await;
    let names: Vec<_> = v1
        .extract()
        .unwrap()
        .resources
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert_eq!(names, ["introspection", "continue", "rules"]);
    assert_eq!(versions::range(&v1).unwrap().max.to_string(), "1.18");
    // The SDK's limit below the server's: the SDK's.
    let pinned = versions::negotiate(&c, "1.12").await.unwrap();
    assert_eq!(pinned.microversion(), Some("1.12"));
    assert!(rules::list(&pinned).all().await.unwrap().is_empty());
}

#[tokio::test]
async fn pinned_clients_are_refused_newer_features_before_sending() {
    let server = MockServer::start().await;
    let old = inspector(&server).await.with_microversion("1.12");
    let boot = introspection::StartOpts {
        manage_boot: Some(true),
    };
    let e = introspection::start(&old, NODE, &boot).await;
    assert!(e.err().unwrap().to_string().contains("manage_boot"));
    assert!(data::get_unprocessed(&old, NODE).await.err().is_some());
    let given = data::Data::default();
    assert!(
        data::reapply(&old, NODE, Some(&given))
            .await
            .err()
            .is_some()
    );
    let filtered = introspection::ListOpts {
        state: vec![introspection::IntrospectionState::Waiting],
        ..Default::default()
    };
    assert!(introspection::list(&old, &filtered).all().await.is_err());
    let mut scoped = rules::CreateOpts::new(vec![rules::Action::new("fail")]);
    scoped.scope = Some("rack-4".into());
    assert!(rules::create(&old, &scoped).await.err().is_some());
    let older = inspector(&server).await.with_microversion("1.2");
    assert!(introspection::abort(&older, NODE).await.err().is_some());
    assert!(introspection::get(&older, NODE).await.err().is_some());
    let oldest = inspector(&server).await.with_microversion("1.1");
    assert!(rules::list(&oldest).all().await.is_err());
    // Nothing reached Inspector (only Keystone).
    let sent = server.received_requests().await.unwrap();
    assert!(
        sent.iter()
            .all(|r| !r.url.path().starts_with("/baremetal-introspection")),
        "{sent:?}"
    );

    // Unpinned, Inspector answers in its newest microversion: nothing is refused, and no
    // microversion header is sent.
    let c = inspector(&server).await;
    expect(
        &server,
        "POST",
        &format!("introspection/{NODE}"),
        &[("manage_boot", "true")],
        None,
        None,
        202,
        None,
    )
    .await;
    introspection::start(&c, NODE, &boot).await.ok().unwrap();
}
