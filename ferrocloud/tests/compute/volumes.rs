//! Volumes and snapshots through the compute API (proxy to Cinder, until 2.35).

use std::time::Duration;

use crate::common::*;
use ferrocloud::openstack::compute::v2::volumes::{self, CreateOpts, CreateSnapshotOpts, ListOpts};
use ferrocloud::wait::WaitOpts;
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const VOLS: &str = "compute/doc/api_samples/os-volumes";
const SNAPS: &str = "compute/doc/api_samples/os-snapshots";
const VOL: &str = "a26887c6-c47b-4654-abb5-dfadf7d3f803";

async fn setup() -> (MockServer, ServiceClient) {
    let server = MockServer::start().await;
    let provider = provider(&server).await;
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
    (server, compute)
}

fn answer(status: u16, file: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_string(sample(file))
}

fn quick() -> WaitOpts {
    WaitOpts::new(Duration::from_secs(5))
        .interval(Duration::from_millis(5), Duration::from_millis(10))
}

#[tokio::test]
async fn list_and_detail_with_offset_paging() {
    let (server, compute) = setup().await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-volumes"))
        .and(query_param("limit", "1"))
        .and(query_param("offset", "2"))
        .respond_with(answer(200, &format!("{VOLS}/os-volumes-index-resp.json")))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        limit: Some(1),
        offset: Some(2),
    };
    let vols = volumes::extract_volumes(&volumes::list(&compute, &opts).all_pages().await.unwrap())
        .unwrap();
    assert_eq!(vols.len(), 1);
    let v = &vols[0];
    assert_eq!(v.id, VOL);
    assert_eq!(v.status, "in-use");
    assert_eq!(v.size, 100);
    assert_eq!(v.availability_zone.as_deref(), Some("dublin"));
    assert_eq!(v.display_name.as_deref(), Some("Volume Name"));
    assert_eq!(v.volume_type.as_deref(), Some("vol_type_name"));
    assert_eq!(v.snapshot_id, None);
    assert_eq!(v.attachments.len(), 1);
    assert_eq!(
        v.attachments[0].server_id,
        "3912f2b4-c5ba-4aec-9165-872876fe202e"
    );
    assert_eq!(v.attachments[0].device.as_deref(), Some("/"));
    assert_eq!(
        v.created_at.to_rfc3339(),
        "2013-02-19T20:01:40.274897+00:00"
    );

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-volumes/detail"))
        .respond_with(answer(200, &format!("{VOLS}/os-volumes-detail-resp.json")))
        .expect(1)
        .mount(&server)
        .await;
    let vols = volumes::list_detail(&compute, &ListOpts::default())
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(
        vols[0].display_description.as_deref(),
        Some("Volume Description")
    );
    server.verify().await;
}

#[tokio::test]
async fn create_get_wait_delete() {
    let (server, compute) = setup().await;
    let compute = compute.with_microversion("2.35");
    Mock::given(method("POST"))
        .and(path("/compute/v2.1/os-volumes"))
        .and(header("x-openstack-nova-api-version", "2.35"))
        .and(body_json(sample_json(&format!(
            "{VOLS}/os-volumes-post-req.json"
        ))))
        .respond_with(answer(200, &format!("{VOLS}/os-volumes-post-resp.json")))
        .expect(1)
        .mount(&server)
        .await;
    let mut opts = CreateOpts::new(100)
        .display_name("Volume Name")
        .display_description("Volume Description");
    opts.availability_zone = Some("dublin".into());
    let v = volumes::create(&compute, &opts).await.extract().unwrap();
    assert_eq!(v.id, VOL);

    // Nova writes `[{}]` for a volume attached nowhere.
    let creating = json!({"volume": {"id": "v1", "status": "creating", "size": 1,
        "availabilityZone": "nova", "createdAt": "2026-11-28T14:54:21.859160", "attachments": [{}],
        "displayName": "n", "displayDescription": null, "volumeType": "__DEFAULT__",
        "snapshotId": null, "metadata": {"a": "b"}}});
    let mut available = creating.clone();
    available["volume"]["status"] = json!("available");
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-volumes/v1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&creating))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-volumes/v1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&available))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    let v = volumes::wait_for_status(&compute, "v1", "available", &quick())
        .await
        .unwrap();
    assert!(v.attachments.is_empty());
    assert_eq!(v.metadata["a"], "b");
    assert_eq!(v.display_description, None);
    assert_eq!(
        count(&server, "GET", "/compute/v2.1/os-volumes/v1").await,
        3
    );

    Mock::given(method("DELETE"))
        .and(path("/compute/v2.1/os-volumes/v1"))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    volumes::delete(&compute, "v1").await.ok().unwrap();
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-volumes/v1"))
        .respond_with(ResponseTemplate::new(404).set_body_json(
            json!({"itemNotFound": {"code": 404, "message": "Volume v1 could not be found."}}),
        ))
        .mount(&server)
        .await;
    volumes::wait_for_delete(&compute, "v1", &quick())
        .await
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn get_and_error_status_ends_the_wait() {
    let (server, compute) = setup().await;
    Mock::given(method("GET"))
        .and(path(format!("/compute/v2.1/os-volumes/{VOL}")))
        .respond_with(answer(200, &format!("{VOLS}/os-volumes-get-resp.json")))
        .mount(&server)
        .await;
    let v = volumes::get(&compute, VOL).await.extract().unwrap();
    assert_eq!(v.attachments[0].volume_id, VOL);
    let found = volumes::find(&compute, VOL).await.unwrap();
    assert_eq!(found.display_name.as_deref(), Some("Volume Name"));

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-volumes/bad"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"volume": {
            "id": "bad", "status": "error", "size": 1, "availabilityZone": "nova",
            "createdAt": "2013-02-19T20:01:40.000000", "attachments": [{}], "displayName": null,
            "displayDescription": null, "volumeType": null, "metadata": {}}})))
        .mount(&server)
        .await;
    let err = volumes::wait_for_status(&compute, "bad", "available", &quick())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ServerError);
    assert!(err.to_string().contains("error"), "{err}");
}

#[tokio::test]
async fn snapshots() {
    let (server, compute) = setup().await;
    Mock::given(method("POST"))
        .and(path("/compute/v2.1/os-snapshots"))
        .and(body_json(sample_json(&format!(
            "{SNAPS}/snapshot-create-req.json"
        ))))
        .respond_with(answer(200, &format!("{SNAPS}/snapshot-create-resp.json")))
        .expect(1)
        .mount(&server)
        .await;
    let mut opts =
        CreateSnapshotOpts::new("521752a6-acf6-4b2d-bc7a-119f9148cd8c").display_name("snap-001");
    opts.display_description = Some("Daily backup".into());
    opts.force = Some(false);
    let s = volumes::create_snapshot(&compute, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(s.id, "fe06e9f2-e6b0-47d1-a63e-c0a15ad51994");
    assert_eq!(s.status, "available");
    assert_eq!(s.volume_id, "521752a6-acf6-4b2d-bc7a-119f9148cd8c");

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-snapshots"))
        .respond_with(answer(200, &format!("{SNAPS}/snapshots-list-resp.json")))
        .mount(&server)
        .await;
    let list = volumes::extract_snapshots(
        &volumes::list_snapshots(&compute, &ListOpts::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(list.len(), 3);
    assert_eq!(list[0].display_name.as_deref(), Some("Default name"));

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-snapshots/detail"))
        .and(query_param("limit", "3"))
        .respond_with(answer(200, &format!("{SNAPS}/snapshots-detail-resp.json")))
        .mount(&server)
        .await;
    let detail = volumes::list_snapshots_detail(
        &compute,
        &ListOpts {
            limit: Some(3),
            ..Default::default()
        },
    )
    .all_pages()
    .await
    .unwrap()
    .extract()
    .unwrap();
    assert_eq!(detail[2].id, "29b0f3f1-6cd7-4c65-b431-882cf54f158c");

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-snapshots/ec675a13"))
        .respond_with(answer(200, &format!("{SNAPS}/snapshots-show-resp.json")))
        .mount(&server)
        .await;
    let s = volumes::wait_for_snapshot_status(&compute, "ec675a13", "available", &quick())
        .await
        .unwrap();
    assert_eq!(s.size, 100);
    assert_eq!(
        s.created_at.to_rfc3339(),
        "2025-06-12T14:56:28.922532+00:00"
    );

    Mock::given(method("DELETE"))
        .and(path("/compute/v2.1/os-snapshots/ec675a13"))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    volumes::delete_snapshot(&compute, "ec675a13")
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn bad_input_and_2_36_are_refused_before_sending() {
    let (server, compute) = setup().await;
    let err = volumes::create(&compute, &CreateOpts::default())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("size"), "{err}");
    let err = volumes::create_snapshot(&compute, &CreateSnapshotOpts::default())
        .await
        .extract()
        .unwrap_err();
    assert!(err.to_string().contains("volume_id"), "{err}");

    let new = compute.with_microversion("2.36");
    for err in [
        volumes::get(&new, VOL).await.extract().unwrap_err(),
        volumes::create(&new, &CreateOpts::new(1))
            .await
            .extract()
            .unwrap_err(),
        volumes::delete(&new, VOL).await.ok().unwrap_err(),
        volumes::list(&new, &ListOpts::default())
            .all_pages()
            .await
            .unwrap_err(),
        volumes::list_detail(&new, &ListOpts::default())
            .all_pages()
            .await
            .unwrap_err(),
        volumes::get_snapshot(&new, "s")
            .await
            .extract()
            .unwrap_err(),
        volumes::create_snapshot(&new, &CreateSnapshotOpts::new(VOL))
            .await
            .extract()
            .unwrap_err(),
        volumes::delete_snapshot(&new, "s").await.ok().unwrap_err(),
        volumes::list_snapshots(&new, &ListOpts::default())
            .all_pages()
            .await
            .unwrap_err(),
        volumes::list_snapshots_detail(&new, &ListOpts::default())
            .all_pages()
            .await
            .unwrap_err(),
    ] {
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
        assert!(
            err.to_string().contains("removed after microversion 2.35"),
            "{err}"
        );
    }
    assert!(
        server
            .received_requests()
            .await
            .unwrap()
            .iter()
            .all(|r| !r.url.path().starts_with("/compute"))
    );
}
