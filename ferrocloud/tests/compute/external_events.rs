//! Server external events.

use crate::common::*;
use ferrocloud::openstack::compute::v2::external_events::{self, CreateOpts, Event};
use ferrocloud::{EndpointOpts, ErrorKind, openstack};
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/os-server-external-events";
const P: &str = "/compute/v2.1/os-server-external-events";

#[tokio::test]
async fn send_events() {
    let server = MockServer::start().await;
    let compute =
        openstack::new_compute_v2(&provider(&server).await, EndpointOpts::default()).unwrap();
    Mock::given(method("POST"))
        .and(path(P))
        .and(body_json(sample_json(&format!(
            "{S}/event-create-req.json"
        ))))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(sample(&format!("{S}/event-create-resp.json"))),
        )
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts::new([
        Event::new("3df201cf-2451-44f2-8d25-a4ca826fc1f3", "test-event")
            .tag("foo")
            .status("completed"),
    ]);
    let results = external_events::create(&compute, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0].code, 200);
    assert_eq!(results[0].name, "network-changed");
    assert_eq!(results[0].status.as_deref(), Some("completed"));
    assert_eq!(results[0].tag.as_deref(), Some("foo"));

    // 207: some events were refused; each says why.
    Mock::given(method("POST"))
        .and(path(P))
        .and(body_json(serde_json::json!({"events": [
            {"server_uuid": "s1", "name": "network-changed"},
            {"server_uuid": "gone", "name": "network-changed"}]})))
        .respond_with(
            ResponseTemplate::new(207).set_body_json(serde_json::json!({"events": [
            {"server_uuid": "s1", "name": "network-changed", "status": "completed", "code": 200},
            {"server_uuid": "gone", "name": "network-changed", "status": "failed", "code": 404}]})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts::new([
        Event::new("s1", "network-changed"),
        Event::new("gone", "network-changed"),
    ]);
    let r = external_events::create(&compute, &opts).await;
    assert_eq!(r.status().unwrap().as_u16(), 207);
    let codes: Vec<_> = r.extract().unwrap().iter().map(|e| e.code).collect();
    assert_eq!(codes, [200, 404]);

    // None accepted: releases before the fix of Nova bug 1855752 answer 404.
    Mock::given(method("POST"))
        .and(path(P))
        .and(body_json(
            serde_json::json!({"events": [{"server_uuid": "gone", "name": "network-changed"}]}),
        ))
        .respond_with(ResponseTemplate::new(404).set_body_string(
            r#"{"itemNotFound": {"code": 404, "message": "No instances found for any event"}}"#,
        ))
        .mount(&server)
        .await;
    let err = external_events::create(
        &compute,
        &CreateOpts::new([Event::new("gone", "network-changed")]),
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    for (opts, needle) in [
        (CreateOpts::default(), "events"),
        (
            CreateOpts::new([Event::new("", "network-changed")]),
            "events[0].server_uuid",
        ),
        (CreateOpts::new([Event::new("s", "")]), "events[0].name"),
        (
            CreateOpts::new([Event::new("s", "network-changed").tag("t".repeat(256))]),
            "events[0].tag",
        ),
        (
            CreateOpts::new([Event::new("s", "volume-extended").tag("vol")]),
            "needs microversion 2.51",
        ),
    ] {
        let err = external_events::create(&compute, &opts)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains(needle), "{err}");
    }
    let err = external_events::create(
        &compute.with_microversion("2.92"),
        &CreateOpts::new([
            Event::new("s", "network-changed"),
            Event::new("s", "volume-reimaged"),
        ]),
    )
    .await
    .ok()
    .unwrap_err();
    assert!(err.to_string().contains("events[1].name"), "{err}");
    assert_eq!(count(&server, "POST", P).await, 3);

    // At 2.93, volume-reimaged is sent.
    Mock::given(method("POST"))
        .and(path(P))
        .and(wiremock::matchers::header("x-openstack-nova-api-version", "2.93"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"events": [
            {"server_uuid": "s", "name": "volume-reimaged", "tag": "vol", "status": "completed", "code": 200}]})))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts::new([Event::new("s", "volume-reimaged").tag("vol")]);
    external_events::create(&compute.with_microversion("2.93"), &opts)
        .await
        .ok()
        .unwrap();
    server.verify().await;
}
