//! Snapshots, their metadata and instances, and share instances.

use crate::{
    expect, expect_action, expect_action_sample, from_sample, manila, mock, pages, sample,
};
use ferrocloud::openstack::sharedfilesystems::v2::{
    export_locations, share_instances, shares::ShareStatus, snapshot_instances, snapshot_metadata,
    snapshots,
};
use serde_json::json;
use wiremock::MockServer;

const ID: &str = "6d221c1d-0200-461e-8d20-24b4776b9ddb";

#[tokio::test]
async fn snapshot_lifecycle() {
    let (server, c) = mock("2.73").await;
    let req = sample("snapshot-create-request.json");
    expect(
        &server,
        "POST",
        "snapshots",
        "2.73",
        None,
        202,
        Some("snapshot-create-response.json"),
    )
    .await;
    let opts: snapshots::CreateOpts = from_sample(&req, "snapshot");
    assert_eq!(opts.force, Some(true));
    let snap = snapshots::create(&c, &opts).await.extract().unwrap();
    assert_eq!(
        (snap.id.as_str(), &snap.status, snap.size),
        (ID, &snapshots::SnapshotStatus::Creating, Some(1))
    );

    expect(
        &server,
        "GET",
        &format!("snapshots/{ID}"),
        "2.73",
        None,
        200,
        Some("snapshot-show-response.json"),
    )
    .await;
    let shown = snapshots::get(&c, ID).await.extract().unwrap();
    assert_eq!(shown.status, snapshots::SnapshotStatus::Available);

    expect(
        &server,
        "PUT",
        &format!("snapshots/{ID}"),
        "2.73",
        Some("snapshot-update-request.json"),
        200,
        Some("snapshot-update-response.json"),
    )
    .await;
    let up: snapshots::UpdateOpts =
        serde_json::from_value(sample("snapshot-update-request.json")["snapshot"].clone()).unwrap();
    assert_eq!(
        snapshots::update(&c, ID, &up)
            .await
            .extract()
            .unwrap()
            .name
            .as_deref(),
        Some("snapshot_Share1")
    );

    expect(
        &server,
        "GET",
        "snapshots/detail",
        "2.73",
        None,
        200,
        Some("snapshots-list-detailed-response.json"),
    )
    .await;
    let all =
        snapshots::extract(&pages(snapshots::list_detail(&c, &Default::default())).await).unwrap();
    assert_eq!(all[0].share_proto, "NFS");
    expect(
        &server,
        "GET",
        "snapshots",
        "2.73",
        None,
        200,
        Some("snapshots-list-response.json"),
    )
    .await;
    let short =
        snapshots::extract_summaries(&pages(snapshots::list(&c, &Default::default())).await)
            .unwrap();
    assert_eq!(short[0].name.as_deref(), Some("snapshot_My_share"));

    expect(
        &server,
        "POST",
        "snapshots/manage",
        "2.73",
        Some("snapshot-manage-request.json"),
        202,
        Some("snapshot-manage-response.json"),
    )
    .await;
    let m: snapshots::ManageOpts =
        serde_json::from_value(sample("snapshot-manage-request.json")["snapshot"].clone()).unwrap();
    let managed = snapshots::manage(&c, &m).await.extract().unwrap();
    assert_eq!(managed.status, snapshots::SnapshotStatus::ManageStarting);
    assert_eq!(managed.size, Some(1));
    assert_eq!(
        managed.provider_location.as_deref(),
        Some("4045fee5-4e0e-408e-97f3-15e25239dbc9")
    );

    expect_action_sample(
        &server,
        &format!("snapshots/{ID}"),
        "2.73",
        "snapshot-actions-unmanage-request.json",
    )
    .await;
    snapshots::unmanage(&c, ID).await.ok().unwrap();
    expect_action_sample(
        &server,
        &format!("snapshots/{ID}"),
        "2.73",
        "snapshot-actions-reset-state-request.json",
    )
    .await;
    snapshots::reset_status(&c, ID, snapshots::SnapshotStatus::Error)
        .await
        .ok()
        .unwrap();
    expect_action_sample(
        &server,
        &format!("snapshots/{ID}"),
        "2.73",
        "snapshot-actions-force-delete-request.json",
    )
    .await;
    snapshots::force_delete(&c, ID).await.ok().unwrap();
    expect(
        &server,
        "DELETE",
        &format!("snapshots/{ID}"),
        "2.73",
        None,
        202,
        None,
    )
    .await;
    snapshots::delete(&c, ID).await.ok().unwrap();

    expect(
        &server,
        "PUT",
        &format!("snapshots/{ID}/metadata"),
        "2.73",
        Some("snapshot-update-metadata-request.json"),
        200,
        Some("snapshot-update-metadata-response.json"),
    )
    .await;
    let items =
        serde_json::from_value(sample("snapshot-update-metadata-request.json")["metadata"].clone())
            .unwrap();
    let now = snapshot_metadata::replace(&c, ID, Some(&items))
        .await
        .extract()
        .unwrap()
        .unwrap();
    assert_eq!(now["aim"], "changed_doc");
    server.verify().await;

    // Before 2.7, the os- action names; metadata needs 2.73.
    let server = MockServer::start().await;
    let old = manila(&server, "2.6").await;
    expect_action(
        &server,
        &format!("snapshots/{ID}"),
        "2.6",
        json!({"os-force_delete": null}),
    )
    .await;
    snapshots::force_delete(&old, ID).await.ok().unwrap();
    assert!(snapshot_metadata::list(&old, ID).await.ok().is_err());
    server.verify().await;
}

#[tokio::test]
async fn managed_snapshot_without_a_size_yet() {
    // Manila answers a manage request before the driver has measured the snapshot.
    let (server, c) = mock("2.73").await;
    let mut answer = sample("snapshot-manage-response.json");
    answer["snapshot"]["size"] = serde_json::Value::Null;
    crate::expect_json(
        &server,
        "POST",
        "snapshots/manage",
        "2.73",
        false,
        None,
        202,
        Some(answer),
    )
    .await;
    let m = snapshots::ManageOpts {
        share_id: "dc2b4f8b".into(),
        provider_location: "/path/to/snapshot".into(),
        ..Default::default()
    };
    let managed = snapshots::manage(&c, &m).await.extract().unwrap();
    assert_eq!(managed.size, None);
    server.verify().await;
}

#[tokio::test]
async fn instances() {
    let (server, c) = mock("2.54").await;
    expect(
        &server,
        "GET",
        "snapshot-instances/detail",
        "2.54",
        None,
        200,
        Some("snapshot-instances-list-with-detail-response.json"),
    )
    .await;
    let all = snapshot_instances::list_detail(&c, &Default::default())
        .await
        .extract()
        .unwrap();
    assert_eq!(all[0].progress.as_deref(), Some("100%"));
    expect(
        &server,
        "GET",
        "snapshot-instances",
        "2.54",
        None,
        200,
        Some("snapshot-instances-list-response.json"),
    )
    .await;
    assert_eq!(
        snapshot_instances::list(&c, &Default::default())
            .await
            .extract()
            .unwrap()
            .len(),
        1
    );
    expect(
        &server,
        "GET",
        "snapshot-instances/si1",
        "2.54",
        None,
        200,
        Some("snapshot-instance-show-response.json"),
    )
    .await;
    assert_eq!(
        snapshot_instances::get(&c, "si1")
            .await
            .extract()
            .unwrap()
            .share_instance_id,
        "8edff0cb-e5ce-4bab-aa99-afe02ed6a76a"
    );
    expect_action_sample(
        &server,
        "snapshot-instances/si1",
        "2.54",
        "snapshot-instance-actions-reset-state-request.json",
    )
    .await;
    snapshot_instances::reset_status(&c, "si1", snapshots::SnapshotStatus::Available)
        .await
        .ok()
        .unwrap();

    expect(
        &server,
        "GET",
        "share_instances",
        "2.54",
        None,
        200,
        Some("share-instances-list-response.json"),
    )
    .await;
    let instances =
        share_instances::extract(&pages(share_instances::list(&c, &Default::default())).await)
            .unwrap();
    assert_eq!(instances[2].status, ShareStatus::CreatingFromSnapshot);
    expect(
        &server,
        "GET",
        "shares/s1/instances",
        "2.54",
        None,
        200,
        Some("share-instances-list-response.json"),
    )
    .await;
    assert_eq!(
        share_instances::list_for_share(&c, "s1")
            .await
            .extract()
            .unwrap()
            .len(),
        3
    );
    expect(
        &server,
        "GET",
        "share_instances/i1",
        "2.54",
        None,
        200,
        Some("share-show-instance-response.json"),
    )
    .await;
    assert_eq!(
        share_instances::get(&c, "i1")
            .await
            .extract()
            .unwrap()
            .cast_rules_to_readonly,
        Some(false)
    );
    expect_action_sample(
        &server,
        "share_instances/i1",
        "2.54",
        "share-instance-actions-reset-state-request.json",
    )
    .await;
    share_instances::reset_status(&c, "i1", ShareStatus::Available)
        .await
        .ok()
        .unwrap();
    expect_action_sample(
        &server,
        "share_instances/i1",
        "2.54",
        "share-instance-actions-force-delete-request.json",
    )
    .await;
    share_instances::force_delete(&c, "i1").await.ok().unwrap();
    expect(
        &server,
        "GET",
        "share_instances/i1/export_locations",
        "2.54",
        None,
        200,
        Some("export-location-list-response.json"),
    )
    .await;
    assert_eq!(
        export_locations::list_for_instance(&c, "i1")
            .await
            .extract()
            .unwrap()
            .len(),
        2
    );
    expect(
        &server,
        "GET",
        "share_instances/i1/export_locations/e1",
        "2.54",
        None,
        200,
        Some("export-location-show-response.json"),
    )
    .await;
    assert!(
        export_locations::get_for_instance(&c, "i1", "e1")
            .await
            .extract()
            .unwrap()
            .created_at
            .is_some()
    );
    server.verify().await;
}

#[tokio::test]
async fn snapshot_waiters() {
    use std::time::Duration;
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, ResponseTemplate};
    let (server, c) = mock("2.73").await;
    let at = format!("/share/v2/p1/snapshots/{ID}");
    let mut creating = sample("snapshot-show-response.json");
    creating["snapshot"]["status"] = json!("creating");
    Mock::given(method("GET"))
        .and(path(at.clone()))
        .respond_with(ResponseTemplate::new(200).set_body_json(creating))
        .up_to_n_times(2)
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(at.clone()))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(sample("snapshot-show-response.json")),
        )
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    let opts = ferrocloud::wait::WaitOpts::new(Duration::from_secs(5))
        .interval(Duration::from_millis(5), Duration::from_millis(10));
    let s = snapshots::wait_for_status(&c, ID, snapshots::SnapshotStatus::Available, &opts)
        .await
        .unwrap();
    assert_eq!(s.status, snapshots::SnapshotStatus::Available);
    // An error status ends the wait, naming it.
    let mut failed = sample("snapshot-show-response.json");
    failed["snapshot"]["status"] = json!("error_deleting");
    Mock::given(method("GET"))
        .and(path(at.clone()))
        .respond_with(ResponseTemplate::new(200).set_body_json(failed))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    let e = snapshots::wait_for_status(&c, ID, snapshots::SnapshotStatus::Available, &opts)
        .await
        .unwrap_err();
    assert!(e.to_string().contains("error_deleting"), "{e}");
    // wait_for_delete: error_deleting fails it too; a 404 ends it.
    let e = snapshots::wait_for_delete(&c, ID, &opts).await.unwrap_err();
    assert!(e.to_string().contains("failed to delete"), "{e}");
    Mock::given(method("GET"))
        .and(path(at))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    snapshots::wait_for_delete(&c, ID, &opts).await.unwrap();
    server.verify().await;
}
