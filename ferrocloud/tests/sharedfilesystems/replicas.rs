//! Share replicas, their metadata and export locations, and share migration.

use crate::{expect_create, expect_json, expect_listing, from_sample, manila, mock, pages, sample};
use ferrocloud::openstack::sharedfilesystems::v2::{
    export_locations, share_migration, share_replica_metadata, share_replicas,
};
use ferrocloud::wait::WaitOpts;
use serde_json::json;
use std::time::Duration;
use wiremock::MockServer;

const R: &str = "c9f52e33-d780-41d8-89ba-fc06869f465f";
const SHARE: &str = "406ea93b-32e9-4907-a117-148b3945749f";

#[tokio::test]
async fn replica_lifecycle_and_actions() {
    let (server, c) = mock("2.95").await;
    let opts: share_replicas::CreateOpts = expect_create(
        &server,
        ("share-replicas", "2.95", false),
        "share-replica-create-request.json",
        "share_replica",
        sample("share-replica-create-response.json"),
    )
    .await;
    let r = share_replicas::create(&c, &opts).await.extract().unwrap();
    assert_eq!(
        (r.id.as_str(), &r.status, &r.replica_state),
        (R, &share_replicas::ReplicaStatus::Creating, &None)
    );
    assert_eq!(r.cast_rules_to_readonly, Some(true));
    assert_eq!(r.metadata.unwrap()["aim"], "doc");

    expect_listing(
        &server,
        &format!("share-replicas/{R}"),
        "2.95",
        false,
        "share-replicas-show-response.json",
    )
    .await;
    let shown = share_replicas::get(&c, R).await.extract().unwrap();
    assert_eq!(
        shown.replica_state,
        Some(share_replicas::ReplicaState::Active)
    );
    assert_eq!(
        shown.host.as_deref(),
        Some("ubuntu@generic3#fake_pool_for_DummyDriver")
    );

    expect_listing(
        &server,
        "share-replicas",
        "2.95",
        false,
        "share-replicas-list-response.json",
    )
    .await;
    let opts = share_replicas::ListOpts {
        share_id: Some(SHARE.into()),
        ..Default::default()
    };
    let short = share_replicas::extract_summaries(
        &share_replicas::list(&c, &opts).all_pages().await.unwrap(),
    )
    .unwrap();
    assert_eq!(
        short[1].replica_state,
        Some(share_replicas::ReplicaState::InSync)
    );
    expect_listing(
        &server,
        "share-replicas/detail",
        "2.95",
        false,
        "share-replicas-list-detail-response.json",
    )
    .await;
    let all =
        share_replicas::extract(&pages(share_replicas::list_detail(&c, &opts)).await).unwrap();
    assert!(!all.is_empty());

    let action = format!("share-replicas/{R}/action");
    expect_json(
        &server,
        "POST",
        &action,
        "2.95",
        false,
        Some(sample("share-replica-promote-request.json")),
        202,
        None,
    )
    .await;
    share_replicas::promote(&c, R, Some(30)).await.ok().unwrap();
    expect_json(
        &server,
        "POST",
        &action,
        "2.95",
        false,
        Some(sample("share-replica-resync-request.json")),
        202,
        None,
    )
    .await;
    share_replicas::resync(&c, R).await.ok().unwrap();
    expect_json(
        &server,
        "POST",
        &action,
        "2.95",
        false,
        Some(sample("share-replicas-reset-state-request.json")),
        202,
        None,
    )
    .await;
    share_replicas::reset_status(&c, R, share_replicas::ReplicaStatus::Available)
        .await
        .ok()
        .unwrap();
    expect_json(
        &server,
        "POST",
        &action,
        "2.95",
        false,
        Some(sample("share-replicas-reset-replica-state-request.json")),
        202,
        None,
    )
    .await;
    share_replicas::reset_replica_state(&c, R, share_replicas::ReplicaState::OutOfSync)
        .await
        .ok()
        .unwrap();
    expect_json(
        &server,
        "POST",
        &action,
        "2.95",
        false,
        Some(sample("share-replicas-force-delete-request.json")),
        202,
        None,
    )
    .await;
    share_replicas::force_delete(&c, R).await.ok().unwrap();
    expect_json(
        &server,
        "DELETE",
        &format!("share-replicas/{R}"),
        "2.95",
        false,
        None,
        202,
        None,
    )
    .await;
    share_replicas::delete(&c, R).await.ok().unwrap();
    server.verify().await;

    // Before 2.56 the API is experimental; quiesce_wait_time needs 2.75, metadata 2.95.
    let server = MockServer::start().await;
    let old = manila(&server, "2.11").await;
    expect_json(
        &server,
        "POST",
        &format!("share-replicas/{R}/action"),
        "2.11",
        true,
        Some(json!({"promote": null})),
        202,
        None,
    )
    .await;
    share_replicas::promote(&old, R, None).await.ok().unwrap();
    assert!(
        share_replicas::promote(&old, R, Some(30))
            .await
            .ok()
            .unwrap_err()
            .to_string()
            .contains("2.75")
    );
    let with_meta = share_replicas::CreateOpts {
        metadata: Some([("a".to_string(), "b".to_string())].into()),
        ..share_replicas::CreateOpts::new(SHARE)
    };
    assert!(
        share_replicas::create(&old, &with_meta)
            .await
            .extract()
            .unwrap_err()
            .to_string()
            .contains("2.95")
    );
    server.verify().await;
}

#[tokio::test]
async fn replica_waiter_follows_the_status() {
    let (server, c) = mock("2.56").await;
    let mut creating = sample("share-replicas-show-response.json");
    creating["share_replica"]["status"] = json!("creating");
    wiremock::Mock::given(wiremock::matchers::method("GET"))
        .and(wiremock::matchers::path(format!(
            "/share/v2/p1/share-replicas/{R}"
        )))
        .respond_with(wiremock::ResponseTemplate::new(200).set_body_json(creating))
        .up_to_n_times(2)
        .expect(2)
        .mount(&server)
        .await;
    wiremock::Mock::given(wiremock::matchers::method("GET"))
        .and(wiremock::matchers::path(format!(
            "/share/v2/p1/share-replicas/{R}"
        )))
        .respond_with(
            wiremock::ResponseTemplate::new(200)
                .set_body_json(sample("share-replicas-show-response.json")),
        )
        .mount(&server)
        .await;
    let opts = WaitOpts::new(Duration::from_secs(5))
        .interval(Duration::from_millis(5), Duration::from_millis(10));
    let r = share_replicas::wait_for_status(&c, R, share_replicas::ReplicaStatus::Available, &opts)
        .await
        .unwrap();
    assert_eq!(r.status, share_replicas::ReplicaStatus::Available);
    server.verify().await;
}

#[tokio::test]
async fn replica_metadata_and_export_locations() {
    let (server, c) = mock("2.95").await;
    let base = format!("share-replicas/{R}/metadata");
    expect_listing(
        &server,
        &base,
        "2.95",
        false,
        "share-replica-show-metadata-response.json",
    )
    .await;
    assert_eq!(
        share_replica_metadata::list(&c, R).await.extract().unwrap()["project"],
        "my_app"
    );
    let set = sample("share-replica-set-metadata-request.json");
    expect_json(
        &server,
        "POST",
        &base,
        "2.95",
        false,
        Some(set.clone()),
        200,
        Some(sample("share-replica-set-metadata-response.json")),
    )
    .await;
    let items = from_sample(&set, "metadata");
    assert!(
        share_replica_metadata::set(&c, R, &items)
            .await
            .extract()
            .unwrap()
            .contains_key("key1")
    );
    let up = sample("share-replica-update-metadata-request.json");
    expect_json(
        &server,
        "PUT",
        &base,
        "2.95",
        false,
        Some(up.clone()),
        200,
        Some(sample("share-replica-update-metadata-response.json")),
    )
    .await;
    let items = from_sample(&up, "metadata");
    assert!(
        share_replica_metadata::replace(&c, R, Some(&items))
            .await
            .extract()
            .unwrap()
            .is_some()
    );
    expect_listing(
        &server,
        &format!("{base}/project"),
        "2.95",
        false,
        "share-replica-show-metadata-item-response.json",
    )
    .await;
    let item = share_replica_metadata::get_item(&c, R, "project")
        .await
        .extract()
        .unwrap();
    assert_eq!(item.value, "my_app");
    expect_json(
        &server,
        "DELETE",
        &format!("{base}/project"),
        "2.95",
        false,
        None,
        200,
        None,
    )
    .await;
    share_replica_metadata::delete_item(&c, R, "project")
        .await
        .ok()
        .unwrap();

    expect_listing(
        &server,
        &format!("share-replicas/{R}/export-locations"),
        "2.95",
        false,
        "share-replica-export-location-list-response.json",
    )
    .await;
    let locs = export_locations::list_for_replica(&c, R)
        .await
        .extract()
        .unwrap();
    let first = locs[0].id.clone();
    assert!(locs.iter().any(|l| l.replica_state.is_some()));
    expect_listing(
        &server,
        &format!("share-replicas/{R}/export-locations/{first}"),
        "2.95",
        false,
        "share-replica-export-location-show-response.json",
    )
    .await;
    export_locations::get_for_replica(&c, R, &first)
        .await
        .extract()
        .unwrap();
    server.verify().await;

    // Metadata needs 2.95.
    let older = manila(&server, "2.94").await;
    assert!(
        share_replica_metadata::list(&older, R)
            .await
            .extract()
            .unwrap_err()
            .to_string()
            .contains("2.95")
    );
}

#[tokio::test]
async fn share_migration_phases() {
    let (server, c) = mock("2.95").await;
    let action = format!("shares/{SHARE}/action");
    let start = sample("share-migration-start-request.json");
    let mut opts: share_migration::StartOpts = from_sample(&start, "migration_start");
    assert_eq!(opts.force_host_assisted_migration, Some(false));
    opts.new_share_network_id = None;
    // Manila reads the share from the URL: the SDK sends no share_id in the body.
    let mut sent = start.clone();
    sent["migration_start"]
        .as_object_mut()
        .unwrap()
        .remove("share_id");
    sent["migration_start"]
        .as_object_mut()
        .unwrap()
        .remove("new_share_network_id");
    expect_json(
        &server,
        "POST",
        &action,
        "2.95",
        true,
        Some(sent),
        202,
        None,
    )
    .await;
    share_migration::start(&c, SHARE, &opts).await.ok().unwrap();
    expect_json(
        &server,
        "POST",
        &action,
        "2.95",
        true,
        Some(json!({"migration_get_progress": null})),
        200,
        Some(sample("share-migration-get-progress-response.json")),
    )
    .await;
    let p = share_migration::get_progress(&c, SHARE)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (p.total_progress, p.task_state.as_deref()),
        (100, Some("migration_driver_phase1_done"))
    );
    expect_json(
        &server,
        "POST",
        &action,
        "2.95",
        true,
        Some(json!({"migration_complete": null})),
        202,
        None,
    )
    .await;
    share_migration::complete(&c, SHARE).await.ok().unwrap();
    expect_json(
        &server,
        "POST",
        &action,
        "2.95",
        true,
        Some(json!({"migration_cancel": null})),
        202,
        None,
    )
    .await;
    share_migration::cancel(&c, SHARE).await.ok().unwrap();
    server.verify().await;

    // From 2.98 the progress is a GET, and migration is no longer experimental.
    let server = MockServer::start().await;
    let new = manila(&server, "2.98").await;
    expect_json(
        &server,
        "GET",
        &format!("shares/{SHARE}/migration-progress"),
        "2.98",
        false,
        None,
        200,
        Some(
            json!({"total_progress": 50, "task_state": "data_copying_in_progress", "details": {}}),
        ),
    )
    .await;
    let p = share_migration::get_progress(&new, SHARE)
        .await
        .extract()
        .unwrap();
    assert_eq!(p.details, Some(Default::default()));
    server.verify().await;
}
