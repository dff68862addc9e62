//! A stack's resources, events, outputs and snapshots.

use ferrocloud::ErrorKind;
use ferrocloud::openstack::orchestration::v1::common::StackStatus;
use ferrocloud::openstack::orchestration::v1::{events, outputs, resources, snapshots};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer};

use crate::{
    at, expect, found, heat, heat_error, heat_requests, refused_unsent, reply, reply_json, sample,
};

const NAME: &str = "mystack";
const ID: &str = "629a32d0-ac4f-4f63-b58d-f0d047b1ba4c";

fn stack_path(rel: &str) -> String {
    format!("stacks/{NAME}/{ID}/{rel}")
}

// ------------------------------------------------------------------ resources

#[tokio::test]
async fn list_sends_depth_detail_and_filters() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("GET"))
        .and(path(at(&stack_path("resources"))))
        .and(query_param("nested_depth", "2"))
        .and(query_param("with_detail", "true"))
        .and(query_param("type", "OS::Heat::RandomString"))
        .and(query_param("status", "COMPLETE"))
        .and(query_param("name", "random_key_name"))
        .and(query_param("action", "CREATE"))
        .and(query_param(
            "physical_resource_id",
            "mystack-random_key_name-pmjmy5pks735",
        ))
        .respond_with(reply(200, Some("resources-list-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let opts = resources::ListOpts {
        nested_depth: Some(2),
        with_detail: Some(true),
        resource_type: Some("OS::Heat::RandomString".into()),
        status: Some("COMPLETE".into()),
        name: Some("random_key_name".into()),
        action: Some("CREATE".into()),
        physical_resource_id: Some("mystack-random_key_name-pmjmy5pks735".into()),
        ..Default::default()
    };
    let list = resources::list(&client, NAME, ID, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(list.len(), 1);
    let r = &list[0];
    assert_eq!(r.resource_name, "random_key_name");
    assert_eq!(r.logical_resource_id, "random_key_name");
    assert_eq!(
        r.physical_resource_id,
        "mystack-random_key_name-pmjmy5pks735"
    );
    assert_eq!(r.resource_type, "OS::Heat::RandomString");
    assert_eq!(r.resource_status, StackStatus::CreateComplete);
    assert_eq!(r.resource_status_reason, "state changed");
    assert!(r.required_by.is_empty());
    // Heat writes these times without a zone: UTC.
    assert_eq!(r.creation_time.to_rfc3339(), "2015-06-25T14:59:53+00:00");
    assert_eq!(r.links[1].rel, "stack");
    assert_eq!(r.attributes, None);
}

#[tokio::test]
async fn list_without_options_sends_no_query() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    expect(
        &server,
        "GET",
        &stack_path("resources"),
        None,
        200,
        Some("resources-list-response.json"),
    )
    .await;
    resources::list(&client, NAME, ID, &Default::default())
        .await
        .extract()
        .unwrap();
    assert_eq!(heat_requests(&server).await[0].url.query(), None);
}

#[tokio::test]
async fn list_by_stack_name_or_id_follows_the_redirect_itself() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("GET"))
        .and(path(at(&format!("stacks/{NAME}/resources"))))
        .respond_with(found(
            &format!("{}{}", server.uri(), at(&stack_path("resources"))),
            "stack-find-response.json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(at(&stack_path("resources"))))
        .and(query_param("nested_depth", "1"))
        .respond_with(reply(200, Some("resources-list-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let opts = resources::ListOpts {
        nested_depth: Some(1),
        ..Default::default()
    };
    let list = resources::list_by_stack_name_or_id(&client, NAME, &opts)
        .await
        .unwrap();
    assert_eq!(list[0].resource_name, "random_key_name");
}

#[tokio::test]
async fn get_asks_for_attributes_and_reads_them() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("GET"))
        .and(path(at(&stack_path("resources/random_key_name"))))
        .and(query_param("with_attr", "value"))
        .and(query_param("with_attr", "show"))
        .respond_with(reply(200, Some("resource-show-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let r = resources::get(&client, NAME, ID, "random_key_name", &["value", "show"])
        .await
        .extract()
        .unwrap();
    assert_eq!(
        heat_requests(&server).await[0].url.query(),
        Some("with_attr=value&with_attr=show")
    );
    assert_eq!(r.attributes.unwrap()["value"], "I9S20uIp");
    assert_eq!(r.description.as_deref(), Some(""));
    assert_eq!(
        r.physical_resource_id,
        "mystack-random_key_name-pmjmy5pks735"
    );
    assert_eq!(
        r.updated_time.unwrap().to_rfc3339(),
        "2015-06-25T14:59:53+00:00"
    );
}

#[tokio::test]
async fn metadata_reads_the_map() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    expect(
        &server,
        "GET",
        &stack_path("resources/random_key_name/metadata"),
        None,
        200,
        Some("resource-metadata-response.json"),
    )
    .await;
    let m = resources::metadata(&client, NAME, ID, "random_key_name")
        .await
        .extract()
        .unwrap();
    assert_eq!(m.len(), 2);
    assert_eq!(m["some_key"], "some_value");
    assert_eq!(m["some_other_key"], "some_other_value");
}

#[tokio::test]
async fn signal_with_and_without_a_body() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let data = json!({"status": "SUCCESS", "reason": "done", "data": "ok", "id": "1"});
    Mock::given(method("POST"))
        .and(path(at(&stack_path("resources/wait_handle/signal"))))
        .and(body_json(data.clone()))
        .respond_with(reply(200, None))
        .expect(1)
        .mount(&server)
        .await;
    resources::signal(&client, NAME, ID, "wait_handle", Some(&data))
        .await
        .ok()
        .unwrap();
    let server = MockServer::start().await;
    let client = heat(&server).await;
    expect(
        &server,
        "POST",
        &stack_path("resources/scale%20up/signal"),
        None,
        200,
        None,
    )
    .await;
    resources::signal(&client, NAME, ID, "scale up", None)
        .await
        .ok()
        .unwrap();
    assert!(heat_requests(&server).await[0].body.is_empty());
}

#[tokio::test]
async fn mark_unhealthy_and_healthy_send_heats_keys() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("PATCH"))
        .and(path(at(&stack_path("resources/server"))))
        .and(body_json(
            json!({"mark_unhealthy": true, "resource_status_reason": "disk lost"}),
        ))
        .respond_with(reply(200, None))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(path(at(&stack_path(
            "resources/c1b0e5f3-1c6d-4d0e-9a5e-3c1f0b1d2e3f",
        ))))
        .and(body_json(json!({"mark_unhealthy": false})))
        .respond_with(reply(200, None))
        .expect(1)
        .mount(&server)
        .await;
    resources::mark_unhealthy(&client, NAME, ID, "server", Some("disk lost"))
        .await
        .ok()
        .unwrap();
    resources::mark_healthy(&client, NAME, ID, "c1b0e5f3-1c6d-4d0e-9a5e-3c1f0b1d2e3f")
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn resource_calls_refuse_empty_names_unsent() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let o = resources::ListOpts::default();
    for (n, i, r) in [("", ID, "x"), (NAME, "", "x"), (NAME, ID, "")] {
        let e = resources::get(&client, n, i, r, &[])
            .await
            .extract()
            .unwrap_err();
        refused_unsent(&server, &e).await;
        let e = resources::metadata(&client, n, i, r)
            .await
            .extract()
            .unwrap_err();
        refused_unsent(&server, &e).await;
        let e = resources::signal(&client, n, i, r, None)
            .await
            .ok()
            .unwrap_err();
        refused_unsent(&server, &e).await;
        let e = resources::mark_unhealthy(&client, n, i, r, None)
            .await
            .ok()
            .unwrap_err();
        refused_unsent(&server, &e).await;
        let e = resources::mark_healthy(&client, n, i, r)
            .await
            .ok()
            .unwrap_err();
        refused_unsent(&server, &e).await;
        if !r.is_empty() {
            let e = resources::list(&client, n, i, &o)
                .await
                .extract()
                .unwrap_err();
            refused_unsent(&server, &e).await;
        }
    }
    let e = resources::list_by_stack_name_or_id(&client, "", &o)
        .await
        .unwrap_err();
    refused_unsent(&server, &e).await;
}

// ------------------------------------------------------------------ events

#[tokio::test]
async fn events_page_by_limit_and_marker_with_filters() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let listed = sample("events-list-response.json");
    let events_of = |range: std::ops::Range<usize>| json!({"events": listed["events"].as_array().unwrap()[range].to_vec()});
    let first = "474bfdf0-a450-46ec-a78a-0c7faa404073";
    let second = "66fa95b6-e6f8-4f05-b1af-e828f5aba04c";
    let filtered = |m: wiremock::MockBuilder| {
        m.and(path(at(&stack_path("events"))))
            .and(query_param("limit", "1"))
            .and(query_param("resource_action", "CREATE"))
            .and(query_param("resource_name", "port"))
            .and(query_param("sort_dir", "asc"))
            .and(query_param("sort_keys", "event_time"))
            .and(query_param("nested_depth", "1"))
    };
    filtered(Mock::given(method("GET")))
        .and(query_param_is_missing("marker"))
        .respond_with(reply_json(200, &events_of(0..1)))
        .expect(1)
        .mount(&server)
        .await;
    filtered(Mock::given(method("GET")))
        .and(query_param("marker", first))
        .respond_with(reply_json(200, &events_of(1..2)))
        .expect(1)
        .mount(&server)
        .await;
    filtered(Mock::given(method("GET")))
        .and(query_param("marker", second))
        .respond_with(reply_json(200, &json!({"events": []})))
        .expect(1)
        .mount(&server)
        .await;
    let opts = events::ListOpts {
        limit: Some(1),
        resource_action: Some("CREATE".into()),
        resource_name: Some("port".into()),
        sort_dir: Some("asc".into()),
        sort_keys: Some("event_time".into()),
        nested_depth: Some(1),
        ..Default::default()
    };
    let all = events::list(&client, NAME, ID, &opts).all().await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!((all[0].id.as_str(), all[1].id.as_str()), (first, second));
    assert_eq!(all[0].resource_status, StackStatus::CreateFailed);
    assert_eq!(
        all[0].resource_status_reason,
        "NotFound: Subnet f8a699d0-3537-429e-87a5-6b5a8d0c2bf0 could not be found"
    );
    assert_eq!(all[1].resource_status, StackStatus::CreateInProgress);
    assert_eq!(all[0].physical_resource_id, None);
    assert_eq!(all[0].event_time.to_rfc3339(), "2014-07-23T08:14:47+00:00");
    assert_eq!(all[0].links[1].rel, "resource");
    assert_eq!(all[0].resource_type, None);
}

#[tokio::test]
async fn events_of_a_resource_and_one_event() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("GET"))
        .and(path(at(&stack_path("resources/port/events"))))
        .and(query_param("resource_status", "FAILED"))
        .and(query_param_is_missing("marker"))
        .respond_with(reply(200, Some("events-list-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(at(&stack_path("resources/port/events"))))
        .and(query_param(
            "marker",
            "66fa95b6-e6f8-4f05-b1af-e828f5aba04c",
        ))
        // what Heat answers past a resource's last event, rather than an empty page
        .respond_with(heat_error(
            404,
            "Not Found",
            "HTTPNotFound",
            "No events found for resource port",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let opts = events::ListOpts {
        resource_status: Some("FAILED".into()),
        ..Default::default()
    };
    let page = events::list_for_resource(&client, NAME, ID, "port", &opts)
        .all_pages()
        .await
        .unwrap();
    let listed = events::extract_events(&page).unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].logical_resource_id, "port");

    expect(
        &server,
        "GET",
        &stack_path("resources/random_key_name/events/8db23e2e-72b2-47a2-9ed9-b52417f56e50"),
        None,
        200,
        Some("event-show-response.json"),
    )
    .await;
    let e = events::get(
        &client,
        NAME,
        ID,
        "random_key_name",
        "8db23e2e-72b2-47a2-9ed9-b52417f56e50",
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(e.resource_type.as_deref(), Some("OS::Heat::RandomString"));
    assert_eq!(e.resource_properties.as_ref().unwrap()["length"], 8);
    assert_eq!(e.resource_properties.as_ref().unwrap()["salt"], Value::Null);
    assert_eq!(e.resource_status, StackStatus::CreateInProgress);
    assert_eq!(e.resource_status_reason, "state changed");
    assert_eq!(e.event_time.to_rfc3339(), "2015-06-25T14:59:53+00:00");
    assert_eq!(e.links.len(), 3);
}

#[tokio::test]
async fn events_by_stack_name_read_heats_redirect() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    // Heat's Location keeps the query (`?sort_dir=asc`); the SDK then sends its own.
    Mock::given(method("GET"))
        .and(path(at("stacks/aws_port/events")))
        .respond_with(found(
            &format!(
                "{}{}?sort_dir=asc",
                server.uri(),
                at("stacks/aws_port/db467ed1-50b5-4a3e-aeb1-396ff1d151c5/events")
            ),
            "events-find-response.json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(at(
            "stacks/aws_port/db467ed1-50b5-4a3e-aeb1-396ff1d151c5/events",
        )))
        .and(query_param("sort_dir", "asc"))
        .and(query_param_is_missing("marker"))
        .respond_with(reply(200, Some("events-list-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(at(
            "stacks/aws_port/db467ed1-50b5-4a3e-aeb1-396ff1d151c5/events",
        )))
        .and(query_param(
            "marker",
            "66fa95b6-e6f8-4f05-b1af-e828f5aba04c",
        ))
        .respond_with(reply_json(200, &json!({"events": []})))
        .expect(1)
        .mount(&server)
        .await;
    let opts = events::ListOpts {
        sort_dir: Some("asc".into()),
        ..Default::default()
    };
    let all = events::list_by_stack_name_or_id(&client, "aws_port", &opts)
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].resource_status_reason, "state changed");
}

#[tokio::test]
async fn events_of_an_unknown_resource_are_an_error() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("GET"))
        .and(path(at(&stack_path("resources/nope/events"))))
        .respond_with(heat_error(
            404,
            "Not Found",
            "EntityNotFound",
            "The Resource (nope) could not be found.",
        ))
        .expect(1)
        .mount(&server)
        .await;
    // a 404 ends the listing past its first page only: here it is the answer
    let e = events::list_for_resource(&client, NAME, ID, "nope", &Default::default())
        .all()
        .await
        .unwrap_err();
    assert!(e.is_not_found(), "{e}");
    assert!(e.to_string().contains("could not be found"), "{e}");
    // and a stack's own listing is not affected: a 404 past its first page is an error
    Mock::given(method("GET"))
        .and(path(at(&stack_path("events"))))
        .and(query_param_is_missing("marker"))
        .respond_with(reply(200, Some("events-list-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(at(&stack_path("events"))))
        .and(query_param(
            "marker",
            "66fa95b6-e6f8-4f05-b1af-e828f5aba04c",
        ))
        .respond_with(heat_error(
            404,
            "Not Found",
            "EntityNotFound",
            "The Stack could not be found.",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let e = events::list(&client, NAME, ID, &Default::default())
        .all()
        .await
        .unwrap_err();
    assert!(e.is_not_found(), "{e}");
}

#[tokio::test]
async fn event_calls_refuse_empty_names_unsent() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let o = events::ListOpts::default();
    for (n, i, r, ev) in [
        ("", ID, "r", "e"),
        (NAME, "", "r", "e"),
        (NAME, ID, "", "e"),
        (NAME, ID, "r", ""),
    ] {
        let e = events::get(&client, n, i, r, ev)
            .await
            .extract()
            .unwrap_err();
        refused_unsent(&server, &e).await;
        if !ev.is_empty() {
            let e = events::list_for_resource(&client, n, i, r, &o)
                .all()
                .await
                .unwrap_err();
            refused_unsent(&server, &e).await;
        }
        if !r.is_empty() && !ev.is_empty() {
            let e = events::list(&client, n, i, &o).all().await.unwrap_err();
            refused_unsent(&server, &e).await;
        }
    }
    let e = events::list_by_stack_name_or_id(&client, "", &o)
        .await
        .unwrap_err();
    refused_unsent(&server, &e).await;
}

// ------------------------------------------------------------------ outputs

#[tokio::test]
async fn outputs_list_and_show() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    expect(
        &server,
        "GET",
        &stack_path("outputs"),
        None,
        200,
        Some("stack-outputs-list-response.json"),
    )
    .await;
    expect(
        &server,
        "GET",
        &stack_path("outputs/output_name"),
        None,
        200,
        Some("stack-output-show-response.json"),
    )
    .await;
    let list = outputs::list(&client, NAME, ID).await.extract().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].output_key, "output name");
    assert_eq!(list[0].description, "output description");
    let o = outputs::get(&client, NAME, ID, "output_name")
        .await
        .extract()
        .unwrap();
    assert_eq!(o.output_key, "output_name");
    assert_eq!(o.output_value, "output_value");
    assert_eq!(o.description, "output description");
    assert_eq!(o.output_error.as_deref(), Some("error message"));
}

#[tokio::test]
async fn an_output_key_is_one_encoded_segment() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    expect(
        &server,
        "GET",
        &stack_path("outputs/output%20name"),
        None,
        200,
        Some("stack-output-show-response.json"),
    )
    .await;
    outputs::get(&client, NAME, ID, "output name")
        .await
        .extract()
        .unwrap();
    let e = outputs::get(&client, NAME, ID, "")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let e = outputs::list(&client, NAME, "")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(heat_requests(&server).await.len(), 1);
}

// ------------------------------------------------------------------ snapshots

#[tokio::test]
async fn snapshots_create_list_show_restore_delete() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    expect(
        &server,
        "POST",
        &stack_path("snapshots"),
        Some("stack-snapshot-request.json"),
        200,
        Some("stack-snapshot-response.json"),
    )
    .await;
    let s = snapshots::create(&client, NAME, ID, Some("vol_snapshot"))
        .await
        .extract()
        .unwrap();
    assert_eq!(s.id, "13c3a4b5-0585-440e-85a4-6f96b20e7a78");
    assert_eq!(s.name, "vol_snapshot");
    assert_eq!(s.status, "IN_PROGRESS");
    assert_eq!(s.action.as_deref(), Some("CREATE"));
    assert_eq!((s.status_reason, s.data), (None, None));
    assert_eq!(s.creation_time.to_rfc3339(), "2015-09-01T20:57:55+00:00");

    expect(
        &server,
        "GET",
        &stack_path("snapshots"),
        None,
        200,
        Some("stack-snapshots-list-response.json"),
    )
    .await;
    let list = snapshots::list(&client, NAME, ID).await.extract().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id, "7c4e1ef4-bf1b-41ab-a0c8-ce01f4ffdfa1");
    assert_eq!(list[0].action, None);

    let snap = "7c4e1ef4-bf1b-41ab-a0c8-ce01f4ffdfa1";
    expect(
        &server,
        "GET",
        &stack_path(&format!("snapshots/{snap}")),
        None,
        200,
        Some("stack-snapshot-show-response.json"),
    )
    .await;
    let s = snapshots::get(&client, NAME, ID, snap)
        .await
        .extract()
        .unwrap();
    assert_eq!(s.status, "COMPLETE");
    assert_eq!(
        s.status_reason.as_deref(),
        Some("Stack SNAPSHOT completed successfully")
    );
    let data = s.data.unwrap();
    assert_eq!(data["name"], "stack_vol1");
    assert_eq!(
        data["resources"]["volume"]["resource_data"]["backup_id"],
        "99108cf8-398f-461b-a043-bdceb7c9f572"
    );

    expect(
        &server,
        "POST",
        &stack_path(&format!("snapshots/{snap}/restore")),
        None,
        202,
        Some("stack-snapshot-restore-response.json"),
    )
    .await;
    let r = snapshots::restore(&client, NAME, ID, snap).await;
    r.ok().unwrap();
    assert_eq!(r.status_code(), Some(202));

    expect(
        &server,
        "DELETE",
        &stack_path(&format!("snapshots/{snap}")),
        None,
        204,
        None,
    )
    .await;
    snapshots::delete(&client, NAME, ID, snap)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn a_snapshot_without_a_name_sends_an_empty_object() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("POST"))
        .and(path(at(&stack_path("snapshots"))))
        .and(body_json(json!({})))
        .respond_with(reply(200, Some("stack-snapshot-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    snapshots::create(&client, NAME, ID, None)
        .await
        .extract()
        .unwrap();
}

#[tokio::test]
async fn snapshot_calls_refuse_empty_ids_unsent_and_surface_heats_errors() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let e = snapshots::get(&client, NAME, ID, "")
        .await
        .extract()
        .unwrap_err();
    refused_unsent(&server, &e).await;
    let e = snapshots::restore(&client, NAME, ID, "")
        .await
        .ok()
        .unwrap_err();
    refused_unsent(&server, &e).await;
    let e = snapshots::delete(&client, NAME, ID, "")
        .await
        .ok()
        .unwrap_err();
    refused_unsent(&server, &e).await;
    let e = snapshots::create(&client, "", ID, None)
        .await
        .extract()
        .unwrap_err();
    refused_unsent(&server, &e).await;
    let e = snapshots::list(&client, NAME, "")
        .await
        .extract()
        .unwrap_err();
    refused_unsent(&server, &e).await;

    let message = "Snapshot with id x not found";
    Mock::given(method("POST"))
        .and(path(at(&stack_path("snapshots/x/restore"))))
        .respond_with(heat_error(404, "Not Found", "NotFound", message))
        .expect(1)
        .mount(&server)
        .await;
    let e = snapshots::restore(&client, NAME, ID, "x")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert!(e.to_string().contains(message), "{e}");
}
