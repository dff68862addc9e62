//! Backups against a mock Cinder answering with the official samples.

use std::time::Duration;

use crate::{V2, V3, expect, expect_at, reply, volume, volume_v2};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::blockstorage::v2;
use ferrocloud::openstack::blockstorage::v3::backups::{
    self, BackupRecord, BackupStatus, CreateOpts, ListOpts, RestoreOpts, UpdateOpts,
};
use ferrocloud::openstack::blockstorage::v3::common::{ListControls, SortDir};
use ferrocloud::wait::WaitOpts;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ID: &str = "6a122f4b-d2f6-448f-aeb5-68bae5ff8358";

fn fast() -> WaitOpts {
    WaitOpts::new(Duration::from_secs(5))
        .interval(Duration::from_millis(1), Duration::from_millis(5))
}

/// How many requests reached the volume endpoint (the mock also serves Keystone).
async fn volume_requests(server: &MockServer) -> usize {
    let all = server.received_requests().await.unwrap();
    all.iter()
        .filter(|r| r.url.path().starts_with("/volume/"))
        .count()
}

#[tokio::test]
async fn create_answers_the_short_form() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    expect(
        &server,
        "POST",
        "backups",
        Some(&format!("{V3}/backups/backup-create-request.json")),
        202,
        Some(&format!("{V3}/backups/backup-create-response.json")),
    )
    .await;
    let opts = CreateOpts::new("0aa67a0c-7339-4be6-b5d5-2afe21ca270c")
        .name("backup001")
        .description("Test backup")
        .incremental(false)
        .force(false);
    let created = backups::create(&client, &opts).await.extract().unwrap();
    assert_eq!(created.id, "b1f41f9b-741e-4992-a246-b97de7e6e87e");
    assert_eq!(created.name.as_deref(), Some("backup001"));
}

#[tokio::test]
async fn create_from_a_snapshot_with_metadata_and_zone_needs_3_51() {
    let server = MockServer::start().await;
    let old = volume(&server).await.with_microversion("3.42");
    let opts = CreateOpts::new("v1")
        .snapshot_id("s1")
        .container("bk")
        .metadata("k", "v");
    let e = backups::create(&old, &opts).await.extract().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("metadata"), "{e}");
    let e = backups::create(
        &volume(&server).await.with_microversion("3.50"),
        &CreateOpts::new("v1").availability_zone("az2"),
    )
    .await
    .extract()
    .unwrap_err();
    assert!(e.to_string().contains("availability_zone"), "{e}");
    assert_eq!(volume_requests(&server).await, 0);

    let client = volume(&server).await.with_microversion("3.51");
    Mock::given(method("POST"))
        .and(path("/volume/v3/p1/backups"))
        .and(header("openstack-api-version", "volume 3.51"))
        .and(body_json(serde_json::json!({"backup": {
            "volume_id": "v1", "snapshot_id": "s1", "container": "bk", "description": null,
            "metadata": {"k": "v"}, "availability_zone": "az2", "incremental": true}})))
        .respond_with(reply(
            202,
            Some(&format!("{V3}/backups/v3.9/backup-create-response.json")),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let created = backups::create(&client, &opts.availability_zone("az2").incremental(true))
        .await
        .extract()
        .unwrap();
    assert_eq!(created.id, "41f7183c-a53d-4690-a7a9-b46f5bb1acbd");
}

#[tokio::test]
async fn bad_create_options_are_refused_before_sending() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    for bad in [
        CreateOpts::default(),
        CreateOpts::new("v").name("n".repeat(256)),
        CreateOpts::new("v").metadata("", "x"),
    ] {
        let e = backups::create(&client, &bad).await.extract().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{bad:?}");
    }
    assert_eq!(volume_requests(&server).await, 0);
}

#[tokio::test]
async fn list_short_and_detailed_with_filters_and_count() {
    let server = MockServer::start().await;
    let client = volume(&server).await.with_microversion("3.45");
    expect(
        &server,
        "GET",
        "backups",
        None,
        200,
        Some(&format!("{V3}/backups/backups-list-response.json")),
    )
    .await;
    let short = backups::extract_summaries(
        &backups::list(&client, &ListOpts::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(short[0].id, "c26d9897-cace-44cc-ad0f-3a0d0b6d1450");

    let body: serde_json::Value = serde_json::from_str(&crate::common::sample(&format!(
        "block-storage/{V3}/backups/backups-list-detailed-response.json"
    )))
    .unwrap();
    let mut counted = body.clone();
    counted["count"] = 7.into();
    Mock::given(method("GET"))
        .and(path("/volume/v3/p1/backups/detail"))
        .and(query_param("status", "available"))
        .and(query_param("volume_id", "v1"))
        .and(query_param("all_tenants", "true"))
        .and(query_param("with_count", "true"))
        .and(query_param("sort", "created_at:desc"))
        .and(query_param("limit", "10"))
        .and(header("openstack-api-version", "volume 3.45"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&counted))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        status: Some(BackupStatus::Available),
        volume_id: Some("v1".into()),
        all_tenants: Some(true),
        controls: ListControls::default()
            .with_count()
            .limit(10)
            .sort("created_at", SortDir::Desc),
        ..ListOpts::default()
    };
    let page = backups::list_detail(&client, &opts)
        .all_pages()
        .await
        .unwrap();
    assert_eq!(backups::extract_count(&page).unwrap(), Some(7));
    let all = backups::extract(&page).unwrap();
    let b = &all[0];
    assert_eq!(b.status, BackupStatus::Creating);
    assert_eq!(b.size, 10);
    assert_eq!(b.description.as_deref(), Some("Test backup"));
    assert!(!b.is_incremental && !b.has_dependent_backups);
    assert!(b.availability_zone.is_none() && b.container.is_none());
    assert!(b.data_timestamp.is_some());
}

#[tokio::test]
async fn get_find_and_unknown_status() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    expect(
        &server,
        "GET",
        &format!("backups/{ID}"),
        None,
        200,
        Some(&format!("{V3}/backups/backup-show-response.json")),
    )
    .await;
    let b = backups::find(&client, ID).await.unwrap();
    assert_eq!(b.name.as_deref(), Some("backup001"));
    assert_eq!(b.volume_id, "49a784cf-b759-4594-acdf-5238ee50976b");

    let b: backups::Backup = serde_json::from_value(serde_json::json!({
        "id": "x", "name": null, "status": "backing-up-somewhere", "size": 1, "volume_id": "v", "object_count": 0, "links": [],
        "created_at": "2023-06-23T11:56:02.509831", "metadata": {"a": "b"},
        "os-backup-project-attr:project_id": "p", "user_id": "u"}))
    .unwrap();
    assert_eq!(b.status, BackupStatus::Other("backing-up-somewhere".into()));
    assert_eq!(b.project_id.as_deref(), Some("p"));
    assert_eq!(b.metadata.unwrap()["a"], "b");
}

#[tokio::test]
async fn update_needs_3_9_and_metadata_3_43() {
    let server = MockServer::start().await;
    let base = volume(&server).await;
    let e = backups::update(&base, ID, &UpdateOpts::default().name("x"))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
    let v39 = base.with_microversion("3.9");
    let e = backups::update(&v39, ID, &UpdateOpts::default().metadata("k", "v"))
        .await
        .extract()
        .unwrap_err();
    assert!(e.to_string().contains("metadata"), "{e}");
    assert_eq!(volume_requests(&server).await, 0);

    expect(
        &server,
        "PUT",
        &format!("backups/{ID}"),
        Some(&format!("{V3}/backups/v3.9/backup-update-request.json")),
        202,
        Some(&format!("{V3}/backups/v3.9/backup-update-response.json")),
    )
    .await;
    let opts = UpdateOpts::default()
        .name("backup001")
        .description("this is a backup");
    let updated = backups::update(&v39, ID, &opts).await.extract().unwrap();
    assert_eq!(updated.id, "06d5db4f-1f80-4a71-99a6-99368cfb8f8e");
}

#[tokio::test]
async fn restore_export_import_reset_force_delete_delete() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    expect(
        &server,
        "POST",
        &format!("backups/{ID}/restore"),
        Some(&format!("{V3}/backup-restore-request.json")),
        202,
        Some(&format!("{V3}/backup-restore-response.json")),
    )
    .await;
    let opts = RestoreOpts::default()
        .name("vol-01")
        .volume_id("64f5d2fb-d836-4063-b7e2-544d5c1ff607");
    let r = backups::restore(&client, ID, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(r.volume_id, "795114e8-7489-40be-a978-83797f2c1dd3");
    assert_eq!(r.volume_name.as_deref(), Some("volume01"));

    expect(
        &server,
        "GET",
        &format!("backups/{ID}/export_record"),
        None,
        200,
        Some(&format!("{V3}/backup-record-export-response.json")),
    )
    .await;
    let record = backups::export_record(&client, ID).await.extract().unwrap();
    assert_eq!(record.backup_service, "cinder.backup.drivers.swift");

    expect(
        &server,
        "POST",
        "backups/import_record",
        Some(&format!("{V3}/backup-record-import-request.json")),
        201,
        Some(&format!("{V3}/backup-record-import-response.json")),
    )
    .await;
    let imported = backups::import_record(&client, &record)
        .await
        .extract()
        .unwrap();
    assert_eq!(imported.id, "deac8b8c-35c9-4c71-acaa-889c2d5d5c8e");
    assert!(imported.name.is_none());

    expect(
        &server,
        "POST",
        &format!("backups/{ID}/action"),
        Some(&format!("{V3}/backup-reset-status-request.json")),
        202,
        None,
    )
    .await;
    backups::reset_status(&client, ID, BackupStatus::Available)
        .await
        .ok()
        .unwrap();

    let other = "0e44cc9c-e052-415d-afbf-469b0d384170";
    expect(
        &server,
        "POST",
        &format!("backups/{other}/action"),
        Some(&format!("{V3}/backup-force-delete-request.json")),
        202,
        None,
    )
    .await;
    backups::force_delete(&client, other).await.ok().unwrap();

    expect(&server, "DELETE", &format!("backups/{ID}"), None, 202, None).await;
    backups::delete(&client, ID).await.ok().unwrap();

    let bad = BackupRecord {
        backup_service: String::new(),
        backup_url: "x".into(),
    };
    let e = backups::import_record(&client, &bad)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn waiters_follow_status_and_deletion() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let show = |status: &str, reason: Option<&str>| {
        serde_json::json!({"backup": {"id": ID, "name": "b", "status": status, "size": 1, "volume_id": "v", "object_count": 1, "links": [],
            "created_at": "2023-06-23T11:56:02.509831", "fail_reason": reason}})
    };
    Mock::given(method("GET"))
        .and(path(format!("/volume/v3/p1/backups/{ID}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(show("creating", None)))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/volume/v3/p1/backups/{ID}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(show("available", None)))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/volume/v3/p1/backups/{ID}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(show("error", Some("disk full"))))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/volume/v3/p1/backups/{ID}")))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    let b = backups::wait_for_status(&client, ID, BackupStatus::Available, &fast())
        .await
        .unwrap();
    assert_eq!(b.status, BackupStatus::Available);
    let e = backups::wait_for_status(&client, ID, BackupStatus::Available, &fast())
        .await
        .unwrap_err();
    assert!(e.to_string().contains("disk full"), "{e}");
    backups::wait_for_delete(&client, ID, &fast())
        .await
        .unwrap();
}

#[tokio::test]
async fn v2_lists_shows_creates_and_restores() {
    let server = MockServer::start().await;
    let client = volume_v2(&server).await;
    expect_at(
        &server,
        "GET",
        "/volume/v2/p1/backups/detail",
        None,
        200,
        Some(&format!("{V2}/backups-list-detailed-response.json")),
    )
    .await;
    let all = v2::backups::list_detail(&client, &ListOpts::default())
        .all()
        .await
        .unwrap();
    assert!(!all.is_empty());
    expect_at(
        &server,
        "GET",
        "/volume/v2/p1/backups/2ef47aee-8844-490c-804d-2a8efe561c65",
        None,
        200,
        Some(&format!("{V2}/backup-show-response.json")),
    )
    .await;
    let b = v2::backups::get(&client, "2ef47aee-8844-490c-804d-2a8efe561c65")
        .await
        .extract()
        .unwrap();
    assert!(b.is_incremental);
    assert_eq!(b.object_count, 22);
    assert_eq!(b.container.as_deref(), Some("volumebackups"));
    expect_at(
        &server,
        "POST",
        "/volume/v2/p1/backups/b1/restore",
        Some(&format!("{V2}/backup-restore-request.json")),
        202,
        Some(&format!("{V2}/backup-restore-response.json")),
    )
    .await;
    let r = v2::backups::restore(
        &client,
        "b1",
        &RestoreOpts::default()
            .name("vol-01")
            .volume_id("64f5d2fb-d836-4063-b7e2-544d5c1ff607"),
    )
    .await
    .extract()
    .unwrap();
    assert!(r.volume_name.is_none());
    // update is a 3.9 operation: v2 has none
    let e = v2::backups::update(&client, "b1", &UpdateOpts::default().name("x"))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
}
