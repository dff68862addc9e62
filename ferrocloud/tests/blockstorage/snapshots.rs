//! Snapshots and their metadata against a mock Cinder answering with the official
//! samples.

use std::time::Duration;

use crate::{V2, V3, expect, expect_at, volume, volume_v2};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::blockstorage::v2;
use ferrocloud::openstack::blockstorage::v3::snapshot_metadata;
use ferrocloud::openstack::blockstorage::v3::snapshots::{
    self, CreateOpts, ListOpts, SnapshotStatus, UpdateOpts, UpdateStatusOpts,
};
use ferrocloud::wait::WaitOpts;
use serde_json::json;
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ID: &str = "b36476e5-d18b-47f9-ac69-4818cb43ee21";
const S: &str = "api-ref/source/v3/samples/snapshots";

#[tokio::test]
async fn create_show_update_delete() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    expect(
        &server,
        "POST",
        "snapshots",
        Some(&format!("{S}/snapshot-create-request.json")),
        202,
        Some(&format!("{S}/v3.65/snapshot-create-response.json")),
    )
    .await;
    let opts = CreateOpts::new("5aa119a8-d25b-45a7-8d1b-88e127885635")
        .name("snap-001")
        .description("Daily backup")
        .force(true)
        .metadata("key", "v3");
    let snap = snapshots::create(&client, &opts).await.extract().unwrap();
    assert_eq!(
        (snap.id.as_str(), &snap.status, snap.size),
        (ID, &SnapshotStatus::Creating, 10)
    );
    assert_eq!(snap.consumes_quota, Some(true));
    assert_eq!(snap.updated_at, None);

    expect(
        &server,
        "GET",
        &format!("snapshots/{ID}"),
        None,
        200,
        Some(&format!("{S}/v3.65/snapshot-show-response.json")),
    )
    .await;
    let shown = snapshots::get(&client, ID).await.extract().unwrap();
    assert_eq!(shown.progress.as_deref(), Some("0%"));
    assert!(shown.project_id.is_some());

    expect(
        &server,
        "PUT",
        &format!("snapshots/{ID}"),
        Some(&format!("{S}/snapshot-update-request.json")),
        200,
        Some(&format!("{S}/v3.65/snapshot-update-response.json")),
    )
    .await;
    let update = UpdateOpts::default()
        .name("snap-002")
        .description("This is yet, another snapshot.");
    let updated = snapshots::update(&client, ID, &update)
        .await
        .extract()
        .unwrap();
    assert_eq!(updated.name.as_deref(), Some("snap-002"));

    expect(
        &server,
        "DELETE",
        &format!("snapshots/{ID}"),
        None,
        202,
        None,
    )
    .await;
    snapshots::delete(&client, ID).await.ok().unwrap();
}

#[tokio::test]
async fn lists_short_and_detailed_with_filters() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    Mock::given(method("GET"))
        .and(path("/volume/v3/p1/snapshots"))
        .and(query_param(
            "volume_id",
            "428ec041-b999-40d8-8a54-9e98b19406cc",
        ))
        .and(query_param("status", "available"))
        .respond_with(crate::reply(
            200,
            Some(&format!("{S}/snapshots-list-response.json")),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        volume_id: Some("428ec041-b999-40d8-8a54-9e98b19406cc".into()),
        status: Some(SnapshotStatus::Available),
        ..Default::default()
    };
    let all = snapshots::list(&client, &opts).all().await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].metadata["key"], "v3");
    assert_eq!(all[0].progress, None);

    expect(
        &server,
        "GET",
        "snapshots/detail",
        None,
        200,
        Some(&format!("{S}/v3.65/snapshots-list-detailed-response.json")),
    )
    .await;
    let detailed = snapshots::list_detail(&client, &ListOpts::default())
        .all()
        .await
        .unwrap();
    assert_eq!(
        detailed[0].user_id.as_deref(),
        Some("c853ca26-e8ea-4797-8a52-ee124a013d0e")
    );
    assert_eq!(detailed[0].group_snapshot_id, None);
}

#[tokio::test]
async fn actions_send_the_official_bodies() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let action = format!("snapshots/{ID}/action");
    for sample in [
        "snapshot-status-reset-request.json",
        "snapshot-status-update-request.json",
        "snapshot-force-delete-request.json",
    ] {
        expect(
            &server,
            "POST",
            &action,
            Some(&format!("{V3}/{sample}")),
            202,
            None,
        )
        .await;
    }
    snapshots::reset_status(&client, ID, SnapshotStatus::Available)
        .await
        .ok()
        .unwrap();
    let update = UpdateStatusOpts {
        status: SnapshotStatus::Creating,
        progress: Some("80%".into()),
    };
    snapshots::update_status(&client, ID, &update)
        .await
        .ok()
        .unwrap();
    snapshots::force_delete(&client, ID).await.ok().unwrap();
}

#[tokio::test]
async fn bad_input_is_refused_before_sending() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let long = "x".repeat(256);
    for opts in [
        CreateOpts::default(),
        CreateOpts::new("v").name(long.clone()),
        CreateOpts::new("v").metadata("", "x"),
    ] {
        let e = snapshots::create(&client, &opts)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{opts:?}");
    }
    let e = snapshots::update(&client, ID, &UpdateOpts::default().description(long))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let sent = server.received_requests().await.unwrap();
    assert!(sent.iter().all(|r| !r.url.path().starts_with("/volume/")));
}

#[tokio::test]
async fn waiters_follow_the_status_and_stop_on_error() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let body = |status: &str| {
        let mut v: serde_json::Value = serde_json::from_str(&crate::common::sample(&format!(
            "block-storage/{S}/v3.65/snapshot-show-response.json"
        )))
        .unwrap();
        v["snapshot"]["status"] = json!(status);
        ResponseTemplate::new(200).set_body_json(v)
    };
    let fast = WaitOpts::new(Duration::from_secs(5))
        .interval(Duration::from_millis(1), Duration::from_millis(5));
    Mock::given(method("GET"))
        .and(path(format!("/volume/v3/p1/snapshots/{ID}")))
        .respond_with(body("creating"))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/volume/v3/p1/snapshots/{ID}")))
        .respond_with(body("available"))
        .mount(&server)
        .await;
    let ready = snapshots::wait_for_status(&client, ID, SnapshotStatus::Available, &fast)
        .await
        .unwrap();
    assert_eq!(ready.status, SnapshotStatus::Available);

    let server = MockServer::start().await;
    let client = volume(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("/volume/v3/p1/snapshots/{ID}")))
        .respond_with(body("error"))
        .mount(&server)
        .await;
    let e = snapshots::wait_for_status(&client, ID, SnapshotStatus::Available, &fast)
        .await
        .unwrap_err();
    assert!(e.to_string().contains("error"), "{e}");
}

#[tokio::test]
async fn metadata_all_six_calls() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let base = format!("snapshots/{ID}/metadata");
    expect(
        &server,
        "GET",
        &base,
        None,
        200,
        Some(&format!("{S}/snapshot-metadata-show-response.json")),
    )
    .await;
    let all = snapshot_metadata::list(&client, ID)
        .await
        .extract()
        .unwrap();
    assert_eq!(all["key"], "v3");
    for (verb, req, resp) in [
        (
            "POST",
            "snapshot-metadata-create-request.json",
            "snapshot-metadata-create-response.json",
        ),
        (
            "PUT",
            "snapshot-metadata-update-request.json",
            "snapshot-metadata-update-response.json",
        ),
    ] {
        expect(
            &server,
            verb,
            &base,
            Some(&format!("{S}/{req}")),
            200,
            Some(&format!("{S}/{resp}")),
        )
        .await;
    }
    let create: serde_json::Value = crate::common::sample_json(&format!(
        "block-storage/{S}/snapshot-metadata-create-request.json"
    ));
    let items = serde_json::from_value(create["metadata"].clone()).unwrap();
    snapshot_metadata::set(&client, ID, &items)
        .await
        .extract()
        .unwrap();
    let update: serde_json::Value = crate::common::sample_json(&format!(
        "block-storage/{S}/snapshot-metadata-update-request.json"
    ));
    let items = serde_json::from_value(update["metadata"].clone()).unwrap();
    snapshot_metadata::replace(&client, ID, &items)
        .await
        .extract()
        .unwrap();

    let item = format!("{base}/key");
    expect(
        &server,
        "GET",
        &item,
        None,
        200,
        Some(&format!("{S}/snapshot-metadata-show-key-response.json")),
    )
    .await;
    let one = snapshot_metadata::get_item(&client, ID, "key")
        .await
        .extract()
        .unwrap();
    assert_eq!(one.key, "key");
    Mock::given(method("PUT"))
        .and(path(format!("/volume/v3/p1/{item}")))
        .and(body_json(json!({"meta": {"key": "new"}})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"meta": {"key": "new"}})))
        .expect(1)
        .mount(&server)
        .await;
    let set = snapshot_metadata::set_item(&client, ID, "key", "new")
        .await
        .extract()
        .unwrap();
    assert_eq!(set.value, "new");
    expect(&server, "DELETE", &item, None, 200, None).await;
    snapshot_metadata::delete_item(&client, ID, "key")
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn v2_serves_snapshots_and_their_metadata() {
    let server = MockServer::start().await;
    let client = volume_v2(&server).await;
    let id = "2bb856e1-b3d8-4432-a858-09e4ce939389";
    expect_at(
        &server,
        "GET",
        &format!("/volume/v2/p1/snapshots/{id}"),
        None,
        200,
        Some(&format!("{V2}/snapshot-show-response.json")),
    )
    .await;
    let snap = v2::snapshots::get(&client, id).await.extract().unwrap();
    assert_eq!((snap.status, snap.size), (SnapshotStatus::Available, 1));
    assert_eq!(snap.progress.as_deref(), Some("100%"));
    expect_at(
        &server,
        "GET",
        &format!("/volume/v2/p1/snapshots/{id}/metadata"),
        None,
        200,
        Some(&format!("{V2}/snapshot-metadata-show-response.json")),
    )
    .await;
    v2::snapshot_metadata::list(&client, id)
        .await
        .extract()
        .unwrap();
}
