//! Share servers and their migration, share transfers, share backups, resource locks
//! and QoS types.

use crate::{expect_create, expect_json, expect_listing, from_sample, manila, mock, pages, sample};
use ferrocloud::openstack::sharedfilesystems::v2::{
    qos_types, resource_locks, share_backups, share_servers, share_transfers,
};
use secrecy::ExposeSecret;
use serde_json::json;

const SRV: &str = "ba11930a-bf1a-4aa7-bae4-a8dfbaa3cc73";

#[tokio::test]
async fn share_servers_and_their_migration() {
    let (server, c) = mock("2.57").await;
    expect_listing(
        &server,
        "share-servers",
        "2.57",
        false,
        "share-servers-list-response.json",
    )
    .await;
    let list = share_servers::list(&c, &Default::default())
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (list[0].status.clone(), list[0].created_at),
        (share_servers::ShareServerStatus::Active, None)
    );
    expect_listing(
        &server,
        &format!("share-servers/{SRV}"),
        "2.57",
        false,
        "share-server-show-response.json",
    )
    .await;
    let s = share_servers::get(&c, SRV).await.extract().unwrap();
    assert_eq!(s.backend_details.unwrap()["ip"], "10.254.0.3");
    expect_listing(
        &server,
        &format!("share-servers/{SRV}/details"),
        "2.57",
        false,
        "share-server-show-details-response.json",
    )
    .await;
    assert_eq!(
        share_servers::get_details(&c, SRV).await.extract().unwrap()["username"],
        "manila"
    );
    let opts: share_servers::ManageOpts = expect_create(
        &server,
        ("share-servers/manage", "2.57", false),
        "share-server-manage-request.json",
        "share_server",
        sample("share-server-manage-response.json"),
    )
    .await;
    let m = share_servers::manage(&c, &opts).await.extract().unwrap();
    assert_eq!(m.status, share_servers::ShareServerStatus::ManageStarting);

    let action = format!("share-servers/{SRV}/action");
    expect_json(
        &server,
        "POST",
        &action,
        "2.57",
        false,
        Some(json!({"unmanage": {"force": false}})),
        202,
        None,
    )
    .await;
    share_servers::unmanage(&c, SRV, false).await.ok().unwrap();
    expect_json(
        &server,
        "POST",
        &action,
        "2.57",
        false,
        Some(sample("share-server-reset-state-request.json")),
        202,
        None,
    )
    .await;
    share_servers::reset_status(&c, SRV, share_servers::ShareServerStatus::Active)
        .await
        .ok()
        .unwrap();

    // Migration: experimental; the samples' text flags are sent as booleans.
    let check = sample("share-server-migration-check-compatibility-request.json");
    let opts: share_servers::MigrationOpts = from_sample(&check, "migration_check");
    assert!(opts.nondisruptive && opts.writable && opts.preserve_snapshots);
    expect_json(&server, "POST", &action, "2.57", true,
        Some(json!({"migration_check": {"host": "foohost2@backend2", "writable": true, "nondisruptive": true, "preserve_snapshots": true}})),
        200, Some(sample("share-server-migration-check-compatibility-response.json"))).await;
    let answer = share_servers::migration_check(&c, SRV, &opts)
        .await
        .extract()
        .unwrap();
    assert!(!answer.compatible && answer.supported_capabilities.migration_cancel);
    expect_json(&server, "POST", &action, "2.57", true,
        Some(json!({"migration_start": {"host": "foohost2@backend2", "writable": true, "nondisruptive": false, "preserve_snapshots": true}})),
        202, None).await;
    share_servers::migration_start(
        &c,
        SRV,
        &share_servers::MigrationOpts::new("foohost2@backend2"),
    )
    .await
    .ok()
    .unwrap();
    expect_json(
        &server,
        "POST",
        &action,
        "2.57",
        true,
        Some(sample("share-server-migration-get-progress-request.json")),
        200,
        Some(sample("share-server-migration-get-progress-response.json")),
    )
    .await;
    assert_eq!(
        share_servers::migration_get_progress(&c, SRV)
            .await
            .extract()
            .unwrap()
            .total_progress,
        50
    );
    expect_json(
        &server,
        "POST",
        &action,
        "2.57",
        true,
        Some(sample("share-server-migration-complete-request.json")),
        200,
        Some(sample("share-server-migration-complete-response.json")),
    )
    .await;
    assert_eq!(
        share_servers::migration_complete(&c, SRV)
            .await
            .extract()
            .unwrap()
            .destination_share_server_id,
        "c2f71561-85e2-4ccb-a91a-e44f9ff6f7ef"
    );
    expect_json(
        &server,
        "POST",
        &action,
        "2.57",
        true,
        Some(sample("share-server-migration-cancel-request.json")),
        202,
        None,
    )
    .await;
    share_servers::migration_cancel(&c, SRV).await.ok().unwrap();
    expect_json(
        &server,
        "DELETE",
        &format!("share-servers/{SRV}"),
        "2.57",
        false,
        None,
        202,
        None,
    )
    .await;
    share_servers::delete(&c, SRV).await.ok().unwrap();
    server.verify().await;

    let old = manila(&server, "2.48").await;
    assert!(
        share_servers::manage(&old, &opts_for_manage())
            .await
            .extract()
            .unwrap_err()
            .to_string()
            .contains("2.49")
    );
}

fn opts_for_manage() -> share_servers::ManageOpts {
    serde_json::from_value(sample("share-server-manage-request.json")["share_server"].clone())
        .unwrap()
}

#[tokio::test]
async fn share_transfers_hide_their_key() {
    let (server, c) = mock("2.77").await;
    const T: &str = "f21c72c4-2b77-445b-aa12-e8d1b44163a2";
    let opts: share_transfers::CreateOpts = expect_create(
        &server,
        ("share-transfers", "2.77", false),
        "share-transfer-create-request.json",
        "transfer",
        sample("share-transfer-create-response.json"),
    )
    .await;
    let t = share_transfers::create(&c, &opts).await.extract().unwrap();
    let key = t.auth_key.clone().unwrap();
    assert_eq!(key.expose_secret(), "406a2d67cdb09afe");
    assert!(!format!("{t:?}").contains("406a2d67cdb09afe"));
    expect_listing(
        &server,
        &format!("share-transfers/{T}"),
        "2.77",
        false,
        "share-transfer-show-response.json",
    )
    .await;
    let shown = share_transfers::get(&c, T).await.extract().unwrap();
    assert!(!shown.accepted && shown.auth_key.is_none());
    expect_listing(
        &server,
        "share-transfers",
        "2.77",
        false,
        "share-transfers-list-response.json",
    )
    .await;
    let short = share_transfers::extract_summaries(
        &pages(share_transfers::list(&c, &Default::default())).await,
    )
    .unwrap();
    assert_eq!(short[0].name.as_deref(), Some("transfer2"));
    expect_listing(
        &server,
        "share-transfers/detail",
        "2.77",
        false,
        "share-transfers-list-detailed-response.json",
    )
    .await;
    let all = share_transfers::extract(
        &pages(share_transfers::list_detail(&c, &Default::default())).await,
    )
    .unwrap();
    assert_eq!(all[1].source_project_id, "714198c7ac5e45a4b785de732ea4695d");
    let accept = sample("share-transfer-accept-request.json");
    expect_json(
        &server,
        "POST",
        &format!("share-transfers/{T}/accept"),
        "2.77",
        false,
        Some(accept),
        202,
        None,
    )
    .await;
    share_transfers::accept(&c, T, "d7ef426932068a33".to_string().into(), true)
        .await
        .ok()
        .unwrap();
    expect_json(
        &server,
        "DELETE",
        &format!("share-transfers/{T}"),
        "2.77",
        false,
        None,
        200,
        None,
    )
    .await;
    share_transfers::delete(&c, T).await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn share_backups_are_experimental() {
    let (server, c) = mock("2.80").await;
    const B: &str = "c1cdc0ce-4ddc-4018-9796-505d2e26fcc7";
    let req = sample("share-backup-create-request.json");
    expect_json(&server, "POST", "share-backups", "2.80", true, Some(json!({"share_backup": {"share_id": "7b11dd53-546e-43cd-af0e-875434238c30", "backup_options": {}, "name": "backup1"}})), 202, Some(sample("share-backup-create-response.json"))).await;
    let opts: share_backups::CreateOpts = from_sample(&req, "share_backup");
    let b = share_backups::create(&c, &opts).await.extract().unwrap();
    assert_eq!(
        (b.id.as_str(), &b.status, b.progress.as_deref()),
        (B, &share_backups::BackupStatus::Creating, Some("0"))
    );
    expect_listing(
        &server,
        &format!("share-backups/{B}"),
        "2.80",
        true,
        "share-backup-show-response.json",
    )
    .await;
    share_backups::get(&c, B).await.extract().unwrap();
    let up = sample("share-backup-update-request.json");
    expect_json(
        &server,
        "PUT",
        &format!("share-backups/{B}"),
        "2.80",
        true,
        Some(json!({"share_backup": {"name": "backup2", "description": "I am changing a description also. Here is a backup"}})),
        200,
        Some(sample("share-backup-update-response.json")),
    )
    .await;
    let up: share_backups::UpdateOpts = from_sample(&up, "share_backup");
    assert_eq!(
        share_backups::update(&c, B, &up)
            .await
            .extract()
            .unwrap()
            .name
            .as_deref(),
        Some("backup2")
    );
    expect_listing(
        &server,
        "share-backups",
        "2.80",
        true,
        "share-backups-list-response.json",
    )
    .await;
    share_backups::extract_summaries(&pages(share_backups::list(&c, &Default::default())).await)
        .unwrap();
    expect_listing(
        &server,
        "share-backups/detail",
        "2.80",
        true,
        "share-backups-list-detailed-response.json",
    )
    .await;
    assert_eq!(
        share_backups::extract(&pages(share_backups::list_detail(&c, &Default::default())).await)
            .unwrap()
            .len(),
        2
    );
    let action = format!("share-backups/{B}/action");
    expect_json(
        &server,
        "POST",
        &action,
        "2.80",
        true,
        Some(sample("share-backup-restore-request.json")),
        202,
        Some(sample("share-backup-restore-response.json")),
    )
    .await;
    assert_eq!(
        share_backups::restore(&c, B, None)
            .await
            .extract()
            .unwrap()
            .backup_id,
        B
    );
    expect_json(
        &server,
        "POST",
        &action,
        "2.80",
        true,
        Some(sample("share-backup-reset-status-request.json")),
        202,
        None,
    )
    .await;
    share_backups::reset_status(&c, B, share_backups::BackupStatus::Error)
        .await
        .ok()
        .unwrap();
    expect_json(
        &server,
        "DELETE",
        &format!("share-backups/{B}"),
        "2.80",
        true,
        None,
        202,
        None,
    )
    .await;
    share_backups::delete(&c, B).await.ok().unwrap();
    // A target share needs 2.91.
    assert!(
        share_backups::restore(&c, B, Some("other"))
            .await
            .extract()
            .unwrap_err()
            .to_string()
            .contains("2.91")
    );
    server.verify().await;
}

#[tokio::test]
async fn resource_locks_and_qos_types() {
    let (server, c) = mock("2.94").await;
    const L: &str = "713dc92d-bf5e-4b04-875b-2b2d284d8f94";
    let req = sample("resource-lock-create-request.json");
    expect_json(
        &server,
        "POST",
        "resource-locks",
        "2.94",
        false,
        Some(req.clone()),
        200,
        Some(sample("resource-lock-create-response.json")),
    )
    .await;
    let opts: resource_locks::CreateOpts = from_sample(&req, "resource_lock");
    let l = resource_locks::create(&c, &opts).await.extract().unwrap();
    assert_eq!((l.id.as_str(), l.lock_context.as_str()), (L, "user"));
    expect_listing(
        &server,
        &format!("resource-locks/{L}"),
        "2.94",
        false,
        "resource-lock-get-response.json",
    )
    .await;
    resource_locks::get(&c, L).await.extract().unwrap();
    expect_listing(
        &server,
        "resource-locks",
        "2.94",
        false,
        "resource-lock-get-all-response.json",
    )
    .await;
    assert_eq!(
        resource_locks::extract_summaries(
            &pages(resource_locks::list(&c, &Default::default())).await
        )
        .unwrap()
        .len(),
        2
    );
    let up = sample("resource-lock-update-request.json");
    expect_json(
        &server,
        "PUT",
        &format!("resource-locks/{L}"),
        "2.94",
        false,
        Some(up.clone()),
        200,
        Some(sample("resource-lock-update-response.json")),
    )
    .await;
    let up: resource_locks::UpdateOpts = from_sample(&up, "resource_lock");
    assert!(
        resource_locks::update(&c, L, &up)
            .await
            .extract()
            .unwrap()
            .updated_at
            .is_some()
    );
    expect_json(
        &server,
        "DELETE",
        &format!("resource-locks/{L}"),
        "2.94",
        false,
        None,
        204,
        None,
    )
    .await;
    resource_locks::delete(&c, L).await.ok().unwrap();

    const Q: &str = "1fa1342b-de9d-4d89-bdc8-af67795c0e52";
    // Manila 22 refuses the sample's numbers (400 "Invalid spec"): values are text.
    let req = sample("qos-type-create-request.json");
    let mut opts: qos_types::CreateOpts = from_sample(&req, "qos_type");
    let refused = qos_types::create(&c, &opts).await.extract().unwrap_err();
    assert!(
        refused.to_string().contains("Manila takes text"),
        "{refused}"
    );
    for v in opts.specs.values_mut() {
        if let Some(n) = v.as_i64() {
            *v = json!(n.to_string());
        }
    }
    let mut sent = req.clone();
    sent["qos_type"]["specs"] =
        json!({"policy_type": "adaptive", "peak_iops": "5000", "expected_iops": "2000"});
    expect_json(
        &server,
        "POST",
        "qos-types",
        "2.94",
        false,
        Some(sent),
        200,
        Some(sample("qos-type-create-response.json")),
    )
    .await;
    assert_eq!(
        qos_types::create(&c, &opts).await.extract().unwrap().specs["peak_iops"],
        5000
    );
    expect_listing(
        &server,
        &format!("qos-types/{Q}"),
        "2.94",
        false,
        "qos-type-show-response.json",
    )
    .await;
    qos_types::get(&c, Q).await.extract().unwrap();
    expect_listing(
        &server,
        "qos-types",
        "2.94",
        false,
        "qos-types-list-response.json",
    )
    .await;
    assert_eq!(
        qos_types::extract_summaries(&pages(qos_types::list(&c, &Default::default())).await)
            .unwrap()[1]
            .name,
        "testing2"
    );
    let up = sample("qos-type-update-request.json");
    expect_json(
        &server,
        "PUT",
        &format!("qos-types/{Q}"),
        "2.94",
        false,
        Some(up.clone()),
        200,
        Some(sample("qos-type-update-response.json")),
    )
    .await;
    let up: qos_types::UpdateOpts = from_sample(&up, "qos_type");
    qos_types::update(&c, Q, &up).await.extract().unwrap();
    expect_listing(
        &server,
        &format!("qos-types/{Q}/specs"),
        "2.94",
        false,
        "qos-types-specs-list-response.json",
    )
    .await;
    assert_eq!(
        qos_types::list_specs(&c, Q).await.extract().unwrap()["policy_type"],
        "adaptive"
    );
    let set = sample("qos-type-set-request.json");
    expect_json(
        &server,
        "POST",
        &format!("qos-types/{Q}/specs"),
        "2.94",
        false,
        Some(set.clone()),
        200,
        Some(sample("qos-type-set-response.json")),
    )
    .await;
    let specs = from_sample(&set, "specs");
    qos_types::set_specs(&c, Q, &specs).await.extract().unwrap();
    expect_json(
        &server,
        "DELETE",
        &format!("qos-types/{Q}/specs/my_key"),
        "2.94",
        false,
        None,
        204,
        None,
    )
    .await;
    qos_types::delete_spec(&c, Q, "my_key").await.ok().unwrap();
    expect_json(
        &server,
        "DELETE",
        &format!("qos-types/{Q}"),
        "2.94",
        false,
        None,
        204,
        None,
    )
    .await;
    qos_types::delete(&c, Q).await.ok().unwrap();
    server.verify().await;
}
