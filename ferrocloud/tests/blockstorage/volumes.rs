//! Volumes against a mock Cinder answering with the official samples.

use std::time::Duration;

use crate::{V2, V3, common, expect, expect_at, reply, volume, volume_v2};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::blockstorage::v2;
use ferrocloud::openstack::blockstorage::v3::common::{ListControls, SortDir};
use ferrocloud::openstack::blockstorage::v3::volumes::{
    self, Compare, CreateOpts, DeleteOpts, ListOpts, SchedulerHints, SummaryOpts, TimeFilter,
    UpdateOpts, VolumeStatus,
};
use ferrocloud::wait::WaitOpts;
use futures::StreamExt;
use serde_json::{Value, json};
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ID: &str = "f7223234-1afc-4d19-bfa3-d19deb6235ef";

fn quick() -> WaitOpts {
    WaitOpts::new(Duration::from_secs(5))
        .interval(Duration::from_millis(5), Duration::from_millis(10))
}

/// The sample without its `null` members (the SDK leaves unset fields out).
fn without_nulls(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        other => other,
    }
}

async fn last_body(server: &MockServer) -> Value {
    let reqs = server.received_requests().await.unwrap();
    serde_json::from_slice(&reqs.last().unwrap().body).unwrap()
}

#[tokio::test]
async fn create_sends_the_volume_and_scheduler_hints() {
    let server = MockServer::start().await;
    let client = volume(&server).await.with_microversion("3.65");
    Mock::given(method("POST"))
        .and(path("/volume/v3/p1/volumes"))
        .and(header("openstack-api-version", "volume 3.65"))
        .respond_with(reply(
            202,
            Some(&format!("{V3}/volumes/v3.65/volume-create-response.json")),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let mut opts = CreateOpts::new(10);
    opts.metadata = Some(Default::default());
    opts.multiattach = Some(false);
    let hints = SchedulerHints {
        same_host: vec![
            "a0cf03a5-d921-4877-bb5c-86d26cf818e1".into(),
            "8c19174f-4220-44f0-824a-cd1eeef10287".into(),
        ],
        ..Default::default()
    };
    let created = volumes::create_with_hints(&client, &opts, Some(&hints))
        .await
        .extract()
        .unwrap();
    assert_eq!(created.status, VolumeStatus::Creating);
    assert_eq!(
        created.volume_type_id.as_deref(),
        Some("5fed9d7c-401d-46e2-8e80-f30c70cb7e1d")
    );
    assert_eq!(created.consumes_quota, Some(true));
    assert!(!created.bootable);
    let sample = common::sample_json(&format!(
        "block-storage/{V3}/volumes/volume-create-request.json"
    ));
    assert_eq!(last_body(&server).await, without_nulls(sample));
}

#[tokio::test]
async fn create_checks_sources_sizes_and_microversions_before_sending() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    for bad in [
        CreateOpts::default(),
        CreateOpts::new(0),
        CreateOpts::new(1).image_ref("i").snapshot_id("s"),
        CreateOpts::default().source_volid("v").snapshot_id("s"),
    ] {
        let e = volumes::create(&client, &bad).await.ok().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{bad:?}");
    }
    let e = volumes::create(
        &client.with_microversion("3.46"),
        &CreateOpts::default().backup_id("b"),
    )
    .await
    .ok()
    .unwrap_err();
    assert!(e.to_string().contains("backup_id"), "{e}");
    let e = volumes::create(
        &client.with_microversion("3.12"),
        &CreateOpts::new(1).group_id("g"),
    )
    .await
    .ok()
    .unwrap_err();
    assert!(e.to_string().contains("3.13"), "{e}");
    assert_eq!(sent_to_cinder(&server).await, 0);

    // From a backup at 3.47, the size comes from the backup.
    expect(
        &server,
        "POST",
        "volumes",
        None,
        202,
        Some(&format!("{V3}/volumes/v3.65/volume-create-response.json")),
    )
    .await;
    volumes::create(
        &client.with_microversion("3.47"),
        &CreateOpts::default().backup_id("b"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        last_body(&server).await,
        json!({"volume": {"backup_id": "b"}})
    );
}

#[tokio::test]
async fn get_reads_every_field_of_the_samples() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    expect(
        &server,
        "GET",
        &format!("volumes/{ID}"),
        None,
        200,
        Some(&format!("{V3}/volumes/v3.65/volume-show-response.json")),
    )
    .await;
    let v = volumes::get(&client, ID).await.extract().unwrap();
    assert_eq!(v.id, ID);
    assert_eq!(v.size, 10);
    assert_eq!(v.volume_type.as_deref(), Some("__DEFAULT__"));
    assert_eq!(
        v.tenant_id.as_deref(),
        Some("89afd400-b646-4bbc-b12b-c0a4d63e5bd3")
    );
    assert_eq!(v.shared_targets, Some(true));
    assert_eq!(v.links.len(), 2);
    assert!(v.updated_at.is_none() && v.attachments.is_empty());
}

#[tokio::test]
async fn list_and_list_detail_send_filters_and_read_the_count() {
    let server = MockServer::start().await;
    let client = volume(&server).await.with_microversion("3.60");
    Mock::given(method("GET"))
        .and(path("/volume/v3/p1/volumes"))
        .and(query_param("name", "vol-1"))
        .and(query_param("sort", "name:asc"))
        .respond_with(reply(
            200,
            Some(&format!("{V3}/volumes/volumes-list-response.json")),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        name: Some("vol-1".into()),
        controls: ListControls::default().sort("name", SortDir::Asc),
        ..Default::default()
    };
    let short = volumes::list(&client, &opts).all().await.unwrap();
    assert_eq!(short[0].id, "efa54464-8fab-47cd-a05a-be3e6b396188");

    let mut body = common::sample_json(&format!(
        "block-storage/{V3}/volumes/v3.65/volumes-list-detailed-response.json"
    ));
    body["count"] = json!(7);
    Mock::given(method("GET"))
        .and(path("/volume/v3/p1/volumes/detail"))
        .and(query_param("status", "available"))
        .and(query_param("bootable", "false"))
        .and(query_param("metadata", r#"{"k":"v"}"#))
        .and(query_param("created_at", "gt:2024-01-01T00:00:00Z"))
        .and(query_param("with_count", "true"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .expect(1)
        .mount(&server)
        .await;
    let mut opts = ListOpts {
        status: Some(VolumeStatus::Available),
        bootable: Some(false),
        created_at: TimeFilter::default().and(
            Compare::Gt,
            ferrocloud::dates::parse("2024-01-01T00:00:00Z").unwrap(),
        ),
        controls: ListControls::default().with_count(),
        ..Default::default()
    };
    opts.metadata.insert("k".into(), "v".into());
    let page = volumes::list_detail(&client, &opts)
        .all_pages()
        .await
        .unwrap();
    assert_eq!(volumes::extract(&page).unwrap()[0].size, 10);
    assert_eq!(volumes::extract_count(&page).unwrap(), Some(7));

    // Filters newer than the client's microversion are refused before sending.
    let old = volume(&server).await.with_microversion("3.44");
    let e = volumes::list_detail(&old, &opts).all().await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        common::count(&server, "GET", "/volume/v3/p1/volumes/detail").await,
        1
    );
}

#[tokio::test]
async fn update_sends_the_sample() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    expect(
        &server,
        "PUT",
        &format!("volumes/{ID}"),
        Some(&format!("{V3}/volumes/volume-update-request.json")),
        200,
        Some(&format!("{V3}/volumes/v3.65/volume-update-response.json")),
    )
    .await;
    let opts = UpdateOpts::default()
        .name("vol-003")
        .description("This is yet, another volume.")
        .metadata("name", "metadata0");
    let v = volumes::update(&client, ID, &opts).await.extract().unwrap();
    assert_eq!(v.name.as_deref(), Some("vol-003"));
    let e = volumes::update(&client, ID, &UpdateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn delete_with_cascade_and_force() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    expect(&server, "DELETE", &format!("volumes/{ID}"), None, 202, None).await;
    volumes::delete(&client, ID).await.ok().unwrap();
    server.reset().await;

    Mock::given(method("DELETE"))
        .and(path(format!("/volume/v3/p1/volumes/{ID}")))
        .and(query_param("cascade", "true"))
        .and(query_param("force", "true"))
        .and(header("openstack-api-version", "volume 3.23"))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    let both = DeleteOpts {
        cascade: true,
        force: true,
    };
    volumes::delete_with(&client.with_microversion("3.23"), ID, &both)
        .await
        .ok()
        .unwrap();
    let e = volumes::delete_with(&client.with_microversion("3.22"), ID, &both)
        .await
        .ok()
        .unwrap_err();
    assert!(e.to_string().contains("3.23"), "{e}");
}

#[tokio::test]
async fn summary_needs_3_12() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let e = volumes::summary(&client, &SummaryOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);

    Mock::given(method("GET"))
        .and(path("/volume/v3/p1/volumes/summary"))
        .and(query_param("all_tenants", "true"))
        .and(header("openstack-api-version", "volume 3.36"))
        .respond_with(reply(
            200,
            Some(&format!("{V3}/volumes/volumes-list-summary-response.json")),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let opts = SummaryOpts {
        all_tenants: Some(true),
        ..Default::default()
    };
    let s = volumes::summary(&client.with_microversion("3.36"), &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!((s.total_count, s.total_size), (4, 4));
    assert_eq!(s.metadata.unwrap()["key1"], ["value1", "value2"]);
}

fn show_with(status: &str) -> ResponseTemplate {
    let mut body = common::sample_json(&format!(
        "block-storage/{V3}/volumes/v3.65/volume-show-response.json"
    ));
    body["volume"]["status"] = json!(status);
    ResponseTemplate::new(200).set_body_json(body)
}

#[tokio::test]
async fn wait_for_status_polls_and_fails_fast_on_errors() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let at = format!("/volume/v3/p1/volumes/{ID}");
    Mock::given(method("GET"))
        .and(path(&at))
        .respond_with(show_with("creating"))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(&at))
        .respond_with(show_with("available"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    let v = volumes::wait_for_status(&client, ID, VolumeStatus::Available, &quick())
        .await
        .unwrap();
    assert_eq!(v.status, VolumeStatus::Available);
    assert_eq!(common::count(&server, "GET", &at).await, 3);

    Mock::given(method("GET"))
        .and(path(&at))
        .respond_with(show_with("error_extending"))
        .mount(&server)
        .await;
    let e = volumes::wait_for_status(&client, ID, VolumeStatus::Available, &quick())
        .await
        .unwrap_err();
    assert!(e.to_string().contains("error_extending"), "{e}");
}

#[tokio::test]
async fn wait_for_delete_ends_on_404_or_error_deleting() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let at = format!("/volume/v3/p1/volumes/{ID}");
    Mock::given(method("GET"))
        .and(path(&at))
        .respond_with(show_with("deleting"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(&at))
        .respond_with(ResponseTemplate::new(404))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    volumes::wait_for_delete(&client, ID, &quick())
        .await
        .unwrap();

    Mock::given(method("GET"))
        .and(path(&at))
        .respond_with(show_with("error_deleting"))
        .mount(&server)
        .await;
    let e = volumes::wait_for_delete(&client, ID, &quick())
        .await
        .unwrap_err();
    assert!(e.to_string().contains("error_deleting"), "{e}");
}

#[tokio::test]
async fn find_by_name() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    Mock::given(method("GET"))
        .and(path("/volume/v3/p1/volumes/vol-1"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    let mut body = common::sample_json(&format!(
        "block-storage/{V3}/volumes/v3.65/volumes-list-detailed-response.json"
    ));
    body["volumes"][0]["name"] = json!("vol-1");
    Mock::given(method("GET"))
        .and(path("/volume/v3/p1/volumes/detail"))
        .and(query_param("name", "vol-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .expect(1)
        .mount(&server)
        .await;
    let v = volumes::find(&client, "vol-1").await.unwrap();
    assert_eq!(v.id, "cb49b381-9012-40cb-b8ee-80c19a4801b5");
}

#[tokio::test]
async fn v2_creates_and_lists_under_its_endpoint() {
    let server = MockServer::start().await;
    let client = volume_v2(&server).await;
    Mock::given(method("POST"))
        .and(path("/volume/v2/p1/volumes"))
        .respond_with(reply(
            202,
            Some(&format!("{V2}/volume-create-response.json")),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let mut opts = CreateOpts::new(10);
    opts.metadata = Some(Default::default());
    opts.multiattach = Some(false);
    let hints = SchedulerHints {
        same_host: vec![
            "a0cf03a5-d921-4877-bb5c-86d26cf818e1".into(),
            "8c19174f-4220-44f0-824a-cd1eeef10287".into(),
        ],
        ..Default::default()
    };
    let created = v2::volumes::create_with_hints(&client, &opts, Some(&hints))
        .await
        .extract()
        .unwrap();
    assert_eq!(created.replication_status.as_deref(), Some("disabled"));
    let sample = common::sample_json(&format!("block-storage/{V2}/volume-create-request.json"));
    assert_eq!(last_body(&server).await, without_nulls(sample));

    expect_at(
        &server,
        "GET",
        "/volume/v2/p1/volumes/detail",
        None,
        200,
        Some(&format!("{V2}/volumes-list-detailed-response.json")),
    )
    .await;
    // The sample's next link points to another cloud: read the first page only.
    let first = v2::volumes::list_detail(&client, &ListOpts::default())
        .pages()
        .next()
        .await
        .unwrap()
        .unwrap();
    let all = v2::volumes::extract(&first).unwrap();
    let attached = &all[0];
    assert_eq!(attached.status, VolumeStatus::InUse);
    assert!(attached.multiattach);
    // Older Cinder wrote the admin metadata `readonly` as a boolean.
    assert_eq!(attached.metadata["readonly"], "false");
    assert_eq!(
        attached.attachments[0].server_id.as_deref(),
        Some("f4fda93b-06e0-4743-8117-bc8bcecd651b")
    );

    expect_at(
        &server,
        "GET",
        "/volume/v2/p1/volumes/5aa119a8-d25b-45a7-8d1b-88e127885635",
        None,
        200,
        Some(&format!("{V2}/volume-show-response.json")),
    )
    .await;
    let v = v2::volumes::get(&client, "5aa119a8-d25b-45a7-8d1b-88e127885635")
        .await
        .extract()
        .unwrap();
    assert_eq!(v.host.as_deref(), Some("ip-10-168-107-25"));

    expect_at(
        &server,
        "PUT",
        "/volume/v2/p1/volumes/5aa119a8-d25b-45a7-8d1b-88e127885635",
        Some(&format!("{V2}/volume-update-request.json")),
        200,
        Some(&format!("{V2}/volume-update-response.json")),
    )
    .await;
    let opts = UpdateOpts::default()
        .name("vol-003")
        .description("This is yet, another volume.");
    v2::volumes::update(&client, "5aa119a8-d25b-45a7-8d1b-88e127885635", &opts)
        .await
        .extract()
        .unwrap();
}

/// How many requests reached the mock Cinder (besides Keystone's).
async fn sent_to_cinder(server: &MockServer) -> usize {
    let reqs = server.received_requests().await.unwrap();
    reqs.iter()
        .filter(|r| r.url.path().starts_with("/volume/"))
        .count()
}
