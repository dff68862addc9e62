//! Instance actions of a server and their events.

use crate::common::*;
use ferrocloud::openstack::compute::v2::instance_actions::{self, ListOpts};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, dates, openstack};
use futures::TryStreamExt;
use wiremock::matchers::{header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/os-instance-actions";

async fn compute(server: &MockServer) -> ServiceClient {
    openstack::new_compute_v2(&provider(server).await, EndpointOpts::default()).unwrap()
}

fn reply(name: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/{name}")))
}

#[tokio::test]
async fn list_at_the_base_version() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/srv-1/os-instance-actions"))
        .respond_with(reply("instance-actions-list-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let page = instance_actions::list(&compute, "srv-1", &Default::default())
        .all_pages()
        .await
        .unwrap();
    let all = instance_actions::extract_instance_actions(&page).unwrap();
    let names: Vec<&str> = all.iter().map(|a| a.action.as_str()).collect();
    assert_eq!(names, ["stop", "create"]);
    assert_eq!(
        all[0].request_id,
        "req-f8a59f03-76dc-412f-92c2-21f8612be728"
    );
    assert_eq!(all[0].user_id.as_deref(), Some("admin"));
    assert_eq!(all[0].message, None);
    assert_eq!(all[0].updated_at, None);
    assert_eq!(all[0].events, None);
    assert_eq!(
        dates::format(&all[1].start_time),
        "2018-04-25T01:26:25.877278Z"
    );
    server.verify().await;
}

#[tokio::test]
async fn pages_with_limit_and_marker_at_2_58() {
    let server = MockServer::start().await;
    let compute = compute(&server).await.with_microversion("2.66");
    let server_id = "ca3d3be5-1a40-427f-9515-f5e181f479d0";
    let list_path = format!("/compute/v2.1/servers/{server_id}/os-instance-actions");
    // The sample's next link points at openstack.example.com: serve it here instead.
    let first = sample(&format!(
        "{S}/v2.66/instance-actions-list-with-limit-resp.json"
    ))
    .replace(
        "http://openstack.example.com/v2.1/6f70656e737461636b20342065766572",
        &format!("{}/compute/v2.1", server.uri()),
    );
    Mock::given(method("GET"))
        .and(path(list_path.as_str()))
        .and(header("x-openstack-nova-api-version", "2.66"))
        .and(query_param("limit", "1"))
        .and(query_param("changes-since", "2018-04-25T01:26:28Z"))
        .and(query_param("changes-before", "2018-04-25T01:26:40Z"))
        .and(query_param_is_missing("marker"))
        .respond_with(ResponseTemplate::new(200).set_body_string(first))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(list_path.as_str()))
        .and(header("x-openstack-nova-api-version", "2.66"))
        .and(query_param(
            "marker",
            "req-4dbefbb7-d743-4d42-b0a1-a79cbe256138",
        ))
        .respond_with(reply("v2.66/instance-actions-list-with-marker-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        limit: Some(1),
        changes_since: Some(dates::parse("2018-04-25T01:26:28Z").unwrap()),
        changes_before: Some(dates::parse("2018-04-25T01:26:40Z").unwrap()),
        ..Default::default()
    };
    let all: Vec<_> = instance_actions::list(&compute, server_id, &opts)
        .items()
        .try_collect()
        .await
        .unwrap();
    let names: Vec<&str> = all.iter().map(|a| a.action.as_str()).collect();
    assert_eq!(names, ["stop", "create"]);
    assert!(all[0].updated_at.is_some());
    server.verify().await;
}

#[tokio::test]
async fn show_with_events_by_microversion() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    let cases = [
        (None, "instance-action-get-resp.json"),
        (
            Some("2.51"),
            "v2.51/instance-action-get-non-admin-resp.json",
        ),
        (Some("2.62"), "v2.62/instance-action-get-resp.json"),
        (Some("2.84"), "v2.84/instance-action-get-resp.json"),
    ];
    for (i, (mv, name)) in cases.into_iter().enumerate() {
        let srv = format!("srv-{i}");
        let client = mv.map_or(compute.clone(), |v| compute.with_microversion(v));
        Mock::given(method("GET"))
            .and(path(format!(
                "/compute/v2.1/servers/{srv}/os-instance-actions/req-1"
            )))
            .respond_with(reply(name))
            .expect(1)
            .mount(&server)
            .await;
        let a = instance_actions::get(&client, &srv, "req-1")
            .await
            .extract()
            .unwrap();
        assert_eq!(a.action, "stop");
        let events = a.events.unwrap();
        assert_eq!(events[0].event, "compute_stop_instance");
        assert_eq!(events[0].result.as_deref(), Some("Success"));
        assert!(events[0].finish_time.is_some());
        assert_eq!(events[0].traceback, None);
        match mv {
            Some("2.62") | Some("2.84") => {
                assert_eq!(events[0].host.as_deref(), Some("compute"));
                assert_eq!(
                    events[0].host_id.as_deref(),
                    Some("2091634baaccdc4c5a1d57069c833e402921df696b7f970791b12ec6")
                );
                assert!(a.updated_at.is_some());
            }
            _ => assert_eq!(events[0].host_id, None),
        }
        assert_eq!(events[0].details, None);
    }
    server.verify().await;
}

#[tokio::test]
async fn filters_need_their_microversion() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    let limit = ListOpts {
        limit: Some(5),
        ..Default::default()
    };
    let err = instance_actions::list(&compute, "srv-1", &limit)
        .all_pages()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(
        err.to_string()
            .contains("limit needs compute microversion 2.58"),
        "{err}"
    );
    let before = ListOpts {
        changes_before: Some(dates::parse("2018-04-25T01:26:40Z").unwrap()),
        ..Default::default()
    };
    let err = instance_actions::list(&compute.with_microversion("2.65"), "srv-1", &before)
        .all_pages()
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("changes-before needs compute microversion 2.66"),
        "{err}"
    );
    let inverted = ListOpts {
        changes_since: Some(dates::parse("2018-04-25T01:26:41Z").unwrap()),
        changes_before: Some(dates::parse("2018-04-25T01:26:40Z").unwrap()),
        ..Default::default()
    };
    let err = instance_actions::list(&compute.with_microversion("2.66"), "srv-1", &inverted)
        .all_pages()
        .await
        .unwrap_err();
    assert!(err.to_string().contains("changes-before"), "{err}");
    assert!(
        server
            .received_requests()
            .await
            .unwrap()
            .iter()
            .all(|r| !r.url.path().contains("/servers/"))
    );
}
