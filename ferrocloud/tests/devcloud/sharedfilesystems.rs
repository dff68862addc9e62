//! Shared file systems against the real Manila (DummyDriver, no share servers): shares
//! with access rules, metadata, export locations, resizing, snapshots and revert, soft
//! delete, locks, transfers and backups; share types, QoS types, share group types,
//! groups and group snapshots; replicas and migration; the admin views.

use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::time::Duration;

use ferrocloud::openstack::sharedfilesystems::v2::{
    availability_zones, export_locations, limits, messages, qos_types, quota_sets, resource_locks,
    scheduler_stats, security_services, services, share_access, share_backups,
    share_group_snapshots, share_group_types, share_groups, share_metadata, share_migration,
    share_networks, share_replica_metadata, share_replicas, share_servers, share_transfers,
    share_types, shares, snapshots,
};
use ferrocloud::wait::WaitOpts;
use ferrocloud::{ServiceClient, openstack};
use futures::FutureExt;

use crate::support::*;

const MV: &str = "2.95";

async fn manila(provider: &ferrocloud::ProviderClient) -> ServiceClient {
    openstack::new_shared_file_system_v2(provider, region())
        .unwrap()
        .with_microversion(MV)
}

fn wait() -> WaitOpts {
    WaitOpts::new(Duration::from_secs(120))
}

async fn available_share(c: &ServiceClient, opts: shares::CreateOpts) -> shares::Share {
    let s = shares::create(c, &opts).await.extract().unwrap();
    shares::wait_for_status(c, &s.id, shares::ShareStatus::Available, &wait())
        .await
        .unwrap()
}

/// Deletes a share (and waits), whatever happened before; errors are ignored.
async fn drop_share(c: &ServiceClient, id: &str) {
    let _ = shares::delete(c, id).await.ok();
    let _ = shares::wait_for_delete(c, id, &wait()).await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn manila_share_lifecycle_access_snapshots_transfer_backup() {
    let demo = manila(&member().await).await;
    let admin_provider = admin().await;
    let admin = manila(&admin_provider).await;
    let share = available_share(
        &demo,
        shares::CreateOpts::new("NFS", 1)
            .name(unique("share"))
            .metadata("aim", "test"),
    )
    .await;
    let id = share.id.clone();
    let body = AssertUnwindSafe(async {
        assert_eq!(
            shares::find(&demo, share.name.as_deref().unwrap())
                .await
                .unwrap()
                .id,
            id
        );
        let summaries = shares::extract_summaries(
            &shares::list(&demo, &Default::default())
                .all_pages()
                .await
                .unwrap(),
        )
        .unwrap();
        assert!(summaries.iter().any(|s| s.id == id));

        // Metadata.
        let items = BTreeMap::from([("tier".to_string(), "gold".to_string())]);
        let all = share_metadata::set(&demo, &id, &items)
            .await
            .extract()
            .unwrap();
        assert_eq!(
            (all["aim"].as_str(), all["tier"].as_str()),
            ("test", "gold")
        );
        assert_eq!(
            share_metadata::get_item(&demo, &id, "tier")
                .await
                .extract()
                .unwrap()
                .value,
            "gold"
        );
        share_metadata::delete_item(&demo, &id, "tier")
            .await
            .ok()
            .unwrap();
        assert!(
            !share_metadata::list(&demo, &id)
                .await
                .extract()
                .unwrap()
                .contains_key("tier")
        );

        // Access rules.
        let rule = share_access::grant(
            &demo,
            &id,
            &share_access::GrantOpts::new("ip", "10.0.0.0/24", "rw"),
        )
        .await
        .extract()
        .unwrap();
        share_access::wait_for_active(&demo, &rule.id, &wait())
            .await
            .unwrap();
        let rules = share_access::list(&demo, &id, &Default::default())
            .await
            .extract()
            .unwrap();
        assert!(rules.iter().any(|r| r.id == rule.id));
        let revoke = share_access::RevokeOpts {
            access_id: rule.id.clone(),
            ..Default::default()
        };
        share_access::revoke(&demo, &id, &revoke)
            .await
            .ok()
            .unwrap();

        // Export locations (administrators see them all).
        let locs = export_locations::list(&demo, &id).await.extract().unwrap();
        assert!(!locs.is_empty());
        export_locations::get(&demo, &id, &locs[0].id)
            .await
            .extract()
            .unwrap();

        // Extend and shrink.
        shares::extend(&demo, &id, 2, false).await.ok().unwrap();
        let s = shares::wait_for_status(&demo, &id, shares::ShareStatus::Available, &wait())
            .await
            .unwrap();
        assert_eq!(s.size, Some(2));
        shares::shrink(&demo, &id, 1).await.ok().unwrap();
        shares::wait_for_status(&demo, &id, shares::ShareStatus::Available, &wait())
            .await
            .unwrap();

        // Snapshots and revert.
        let snap = snapshots::create(&demo, &snapshots::CreateOpts::new(&id))
            .await
            .extract()
            .unwrap();
        let snap = snapshots::wait_for_status(
            &demo,
            &snap.id,
            snapshots::SnapshotStatus::Available,
            &wait(),
        )
        .await
        .unwrap();
        let up = snapshots::UpdateOpts {
            display_name: Some(unique("snap")),
            ..Default::default()
        };
        snapshots::update(&demo, &snap.id, &up)
            .await
            .extract()
            .unwrap();
        shares::revert(&demo, &id, &snap.id).await.ok().unwrap();
        shares::wait_for_status(&demo, &id, shares::ShareStatus::Available, &wait())
            .await
            .unwrap();
        snapshots::delete(&demo, &snap.id).await.ok().unwrap();
        snapshots::wait_for_delete(&demo, &snap.id, &wait())
            .await
            .unwrap();

        // A lock on deletion refuses the deletion until it is removed.
        let lock = resource_locks::create(
            &demo,
            &resource_locks::CreateOpts {
                lock_reason: Some("tests".into()),
                ..resource_locks::CreateOpts::new(&id)
            },
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(
            (lock.resource_action.as_str(), lock.lock_context.as_str()),
            ("delete", "user")
        );
        assert!(shares::delete(&demo, &id).await.ok().is_err());
        let listed = resource_locks::extract_summaries(
            &resource_locks::list(
                &demo,
                &resource_locks::ListOpts {
                    resource_id: Some(id.clone()),
                    ..Default::default()
                },
            )
            .all_pages()
            .await
            .unwrap(),
        )
        .unwrap();
        assert_eq!(listed.len(), 1);
        let up = resource_locks::UpdateOpts {
            lock_reason: Some("still tests".into()),
            ..Default::default()
        };
        assert_eq!(
            resource_locks::update(&demo, &lock.id, &up)
                .await
                .extract()
                .unwrap()
                .lock_reason
                .as_deref(),
            Some("still tests")
        );
        resource_locks::get(&demo, &lock.id)
            .await
            .extract()
            .unwrap();
        resource_locks::delete(&demo, &lock.id).await.ok().unwrap();

        // Soft delete and restore.
        shares::soft_delete(&demo, &id).await.ok().unwrap();
        shares::restore(&demo, &id).await.ok().unwrap();
        shares::wait_for_status(&demo, &id, shares::ShareStatus::Available, &wait())
            .await
            .unwrap();

        // Transfer to the admin project.
        let t = share_transfers::create(
            &demo,
            &share_transfers::CreateOpts {
                name: Some(unique("transfer")),
                ..share_transfers::CreateOpts::new(&id)
            },
        )
        .await
        .extract()
        .unwrap();
        let key = t.auth_key.clone().expect("shown at creation");
        assert!(
            !share_transfers::get(&demo, &t.id)
                .await
                .extract()
                .unwrap()
                .accepted
        );
        let short = share_transfers::extract_summaries(
            &share_transfers::list(&demo, &Default::default())
                .all_pages()
                .await
                .unwrap(),
        )
        .unwrap();
        assert!(short.iter().any(|x| x.id == t.id));
        share_transfers::extract(
            &share_transfers::list_detail(&demo, &Default::default())
                .all_pages()
                .await
                .unwrap(),
        )
        .unwrap();
        share_transfers::accept(&admin, &t.id, key, true)
            .await
            .ok()
            .unwrap();
        let moved = shares::wait_for_status(&admin, &id, shares::ShareStatus::Available, &wait())
            .await
            .unwrap();
        assert_eq!(
            Some(moved.project_id),
            admin_provider.auth_info().unwrap().project.map(|p| p.id)
        );

        // A transfer deleted before it is accepted.
        let t = share_transfers::create(&admin, &share_transfers::CreateOpts::new(&id))
            .await
            .extract()
            .unwrap();
        share_transfers::delete(&admin, &t.id).await.ok().unwrap();

        // Backups (experimental API). Manila copies the data with its data service,
        // which needs mount settings the devcloud does not have: the backup ends in
        // `error`, and an errored backup is not restored.
        let b = share_backups::create(
            &admin,
            &share_backups::CreateOpts {
                name: Some(unique("backup")),
                ..share_backups::CreateOpts::new(&id)
            },
        )
        .await
        .extract()
        .unwrap();
        let failed = share_backups::wait_for_status(
            &admin,
            &b.id,
            share_backups::BackupStatus::Available,
            &wait(),
        )
        .await
        .unwrap_err();
        assert!(failed.to_string().contains("is error"), "{failed}");
        let up = share_backups::UpdateOpts {
            description: Some("by tests".into()),
            ..Default::default()
        };
        assert_eq!(
            share_backups::update(&admin, &b.id, &up)
                .await
                .extract()
                .unwrap()
                .description
                .as_deref(),
            Some("by tests")
        );
        let short = share_backups::extract_summaries(
            &share_backups::list(&admin, &Default::default())
                .all_pages()
                .await
                .unwrap(),
        )
        .unwrap();
        assert!(short.iter().any(|x| x.id == b.id));
        share_backups::extract(
            &share_backups::list_detail(&admin, &Default::default())
                .all_pages()
                .await
                .unwrap(),
        )
        .unwrap();
        assert!(
            share_backups::restore(&admin, &b.id, None)
                .await
                .extract()
                .is_err()
        );
        share_backups::reset_status(&admin, &b.id, share_backups::BackupStatus::Error)
            .await
            .ok()
            .unwrap();
        share_backups::delete(&admin, &b.id).await.ok().unwrap();
        // Deleting goes through the data service too: here it ends in error_deleting.
        if let Err(e) = share_backups::wait_for_delete(&admin, &b.id, &wait()).await {
            assert!(e.to_string().contains("failed to delete"), "{e}");
        }
    })
    .catch_unwind()
    .await;
    drop_share(&admin, &id).await;
    drop_share(&demo, &id).await;
    if let Err(p) = body {
        std::panic::resume_unwind(p);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn manila_types_qos_and_share_groups() {
    let demo_provider = member().await;
    let demo_project = demo_provider.auth_info().unwrap().project.unwrap().id;
    let admin = manila(&admin().await).await;

    // A private share type with extra specs and access.
    let t = share_types::create(
        &admin,
        &share_types::CreateOpts {
            is_public: Some(false),
            ..share_types::CreateOpts::new(unique("type"), false)
                .extra_spec("snapshot_support", "True")
        },
    )
    .await
    .extract()
    .unwrap();
    // A QoS type.
    let mut q = qos_types::CreateOpts::new(unique("qos"));
    q.specs.insert("peak_iops".into(), "500".into());
    let qos = qos_types::create(&admin, &q).await.extract().unwrap();
    // A share group type over it.
    let gt = share_group_types::create(
        &admin,
        &share_group_types::CreateOpts {
            is_public: Some(false),
            ..share_group_types::CreateOpts::new(unique("group-type"), vec![t.id.clone()])
        },
    )
    .await
    .extract()
    .unwrap();
    let mut group: Option<String> = None;
    let mut group_share: Option<String> = None;
    let body = AssertUnwindSafe(async {
        let specs = BTreeMap::from([("mount_snapshot_support".to_string(), "False".to_string())]);
        share_types::set_extra_specs(&admin, &t.id, &specs)
            .await
            .extract()
            .unwrap();
        assert_eq!(
            share_types::list_extra_specs(&admin, &t.id)
                .await
                .extract()
                .unwrap()["mount_snapshot_support"],
            "False"
        );
        share_types::delete_extra_spec(&admin, &t.id, "mount_snapshot_support")
            .await
            .ok()
            .unwrap();
        share_types::add_access(&admin, &t.id, &demo_project)
            .await
            .ok()
            .unwrap();
        assert!(
            share_types::list_access(&admin, &t.id)
                .await
                .extract()
                .unwrap()
                .iter()
                .any(|a| a.project_id == demo_project)
        );
        share_types::remove_access(&admin, &t.id, &demo_project)
            .await
            .ok()
            .unwrap();

        // QoS types.
        assert_eq!(
            qos_types::get(&admin, &qos.id)
                .await
                .extract()
                .unwrap()
                .specs["peak_iops"],
            "500"
        );
        let up = qos_types::UpdateOpts {
            description: Some("by tests".into()),
        };
        assert_eq!(
            qos_types::update(&admin, &qos.id, &up)
                .await
                .extract()
                .unwrap()
                .description
                .as_deref(),
            Some("by tests")
        );
        let more =
            qos_types::Specs::from([("expected_iops".to_string(), serde_json::json!("100"))]);
        qos_types::set_specs(&admin, &qos.id, &more)
            .await
            .extract()
            .unwrap();
        assert!(
            qos_types::list_specs(&admin, &qos.id)
                .await
                .extract()
                .unwrap()
                .contains_key("expected_iops")
        );
        qos_types::delete_spec(&admin, &qos.id, "expected_iops")
            .await
            .ok()
            .unwrap();
        let all = qos_types::extract_summaries(
            &qos_types::list(&admin, &Default::default())
                .all_pages()
                .await
                .unwrap(),
        )
        .unwrap();
        assert!(all.iter().any(|x| x.id == qos.id));

        // Share group types.
        assert!(
            share_group_types::list(
                &admin,
                &share_group_types::ListOpts {
                    is_public: Some("all".into())
                }
            )
            .await
            .extract()
            .unwrap()
            .iter()
            .any(|x| x.id == gt.id)
        );
        assert_eq!(
            share_group_types::get_default(&admin)
                .await
                .extract()
                .unwrap()
                .name,
            "default"
        );
        let specs = BTreeMap::from([(
            "consistent_snapshot_support".to_string(),
            "pool".to_string(),
        )]);
        share_group_types::set_group_specs(&admin, &gt.id, &specs)
            .await
            .extract()
            .unwrap();
        assert_eq!(
            share_group_types::list_group_specs(&admin, &gt.id)
                .await
                .extract()
                .unwrap()["consistent_snapshot_support"],
            "pool"
        );
        share_group_types::delete_group_spec(&admin, &gt.id, "consistent_snapshot_support")
            .await
            .ok()
            .unwrap();
        share_group_types::add_access(&admin, &gt.id, &demo_project)
            .await
            .ok()
            .unwrap();
        assert!(
            share_group_types::list_access(&admin, &gt.id)
                .await
                .extract()
                .unwrap()
                .iter()
                .any(|a| a.project_id == demo_project)
        );
        share_group_types::remove_access(&admin, &gt.id, &demo_project)
            .await
            .ok()
            .unwrap();

        // A share group, a share in it, a group snapshot.
        let g = share_groups::create(
            &admin,
            &share_groups::CreateOpts {
                name: Some(unique("group")),
                share_group_type_id: Some(gt.id.clone()),
                share_types: Some(vec![t.id.clone()]),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap();
        group = Some(g.id.clone());
        let g = share_groups::wait_for_status(
            &admin,
            &g.id,
            share_groups::ShareGroupStatus::Available,
            &wait(),
        )
        .await
        .unwrap();
        assert_eq!(g.share_group_type_id, gt.id);
        let up = share_groups::UpdateOpts {
            description: Some("by tests".into()),
            ..Default::default()
        };
        share_groups::update(&admin, &g.id, &up)
            .await
            .extract()
            .unwrap();
        share_groups::extract_summaries(
            &share_groups::list(&admin, &Default::default())
                .all_pages()
                .await
                .unwrap(),
        )
        .unwrap();
        assert!(
            share_groups::extract(
                &share_groups::list_detail(&admin, &Default::default())
                    .all_pages()
                    .await
                    .unwrap()
            )
            .unwrap()
            .iter()
            .any(|x| x.id == g.id)
        );
        let mut opts = shares::CreateOpts::new("NFS", 1).share_type(&t.id);
        opts.share_group_id = Some(g.id.clone());
        let s = available_share(&admin, opts).await;
        group_share = Some(s.id.clone());
        let gs =
            share_group_snapshots::create(&admin, &share_group_snapshots::CreateOpts::new(&g.id))
                .await
                .extract()
                .unwrap();
        let gs = share_group_snapshots::wait_for_status(
            &admin,
            &gs.id,
            share_groups::ShareGroupStatus::Available,
            &wait(),
        )
        .await
        .unwrap();
        assert_eq!(gs.members.len(), 1);
        let members = share_group_snapshots::list_members(&admin, &gs.id)
            .await
            .extract()
            .unwrap();
        assert_eq!(members[0].share_id.as_deref(), Some(s.id.as_str()));
        let up = share_group_snapshots::UpdateOpts {
            name: Some(unique("gsnap")),
            ..Default::default()
        };
        share_group_snapshots::update(&admin, &gs.id, &up)
            .await
            .extract()
            .unwrap();
        share_group_snapshots::extract_summaries(
            &share_group_snapshots::list(&admin, &Default::default())
                .all_pages()
                .await
                .unwrap(),
        )
        .unwrap();
        share_group_snapshots::extract(
            &share_group_snapshots::list_detail(&admin, &Default::default())
                .all_pages()
                .await
                .unwrap(),
        )
        .unwrap();
        share_group_snapshots::reset_status(&admin, &gs.id, share_groups::ShareGroupStatus::Error)
            .await
            .ok()
            .unwrap();
        share_group_snapshots::force_delete(&admin, &gs.id)
            .await
            .ok()
            .unwrap();
        share_group_snapshots::wait_for_delete(&admin, &gs.id, &wait())
            .await
            .unwrap();
        // A share of a group is deleted with the group's ID (a query parameter the SDK's
        // delete does not send); force_delete takes it.
        shares::force_delete(&admin, &s.id).await.ok().unwrap();
        shares::wait_for_delete(&admin, &s.id, &wait())
            .await
            .unwrap();
        share_groups::reset_status(&admin, &g.id, share_groups::ShareGroupStatus::Available)
            .await
            .ok()
            .unwrap();
        share_groups::delete(&admin, &g.id).await.ok().unwrap();
        share_groups::wait_for_delete(&admin, &g.id, &wait())
            .await
            .unwrap();
    })
    .catch_unwind()
    .await;
    if let Some(s) = group_share {
        let _ = shares::force_delete(&admin, &s).await.ok();
        let _ = shares::wait_for_delete(&admin, &s, &wait()).await;
    }
    if let Some(g) = group {
        let _ = share_groups::force_delete(&admin, &g).await.ok();
        let _ = share_groups::wait_for_delete(&admin, &g, &wait()).await;
    }
    let _ = share_group_types::delete(&admin, &gt.id).await.ok();
    let _ = qos_types::delete(&admin, &qos.id).await.ok();
    let _ = share_types::delete(&admin, &t.id).await.ok();
    if let Err(p) = body {
        std::panic::resume_unwind(p);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn manila_replicas_and_migration() {
    let admin = manila(&admin().await).await;
    let t = share_types::create(
        &admin,
        &share_types::CreateOpts::new(unique("replicated"), false)
            .extra_spec("replication_type", "readable"),
    )
    .await
    .extract()
    .unwrap();
    let t2 = share_types::create(
        &admin,
        &share_types::CreateOpts::new(unique("target"), false),
    )
    .await
    .extract()
    .unwrap();
    let share = available_share(&admin, shares::CreateOpts::new("NFS", 1).share_type(&t.id)).await;
    let moving =
        available_share(&admin, shares::CreateOpts::new("NFS", 1).share_type(&t2.id)).await;
    let body = AssertUnwindSafe(async {
        // Replicas: the devcloud has one back-end pool, and Manila places no two
        // replicas of a share on one pool (ShareReplicationFilter): the new replica ends
        // in `error`. What can be done with such a replica is done.
        let r = share_replicas::create(
            &admin,
            &share_replicas::CreateOpts {
                metadata: Some(BTreeMap::from([("aim".to_string(), "test".to_string())])),
                ..share_replicas::CreateOpts::new(&share.id)
            },
        )
        .await
        .extract()
        .unwrap();
        let failed = share_replicas::wait_for_status(
            &admin,
            &r.id,
            share_replicas::ReplicaStatus::Available,
            &wait(),
        )
        .await
        .unwrap_err();
        assert!(failed.to_string().contains("is error"), "{failed}");
        let by_share = share_replicas::ListOpts {
            share_id: Some(share.id.clone()),
            ..Default::default()
        };
        let all = share_replicas::extract(
            &share_replicas::list_detail(&admin, &by_share)
                .all_pages()
                .await
                .unwrap(),
        )
        .unwrap();
        assert_eq!(all.len(), 2);
        let short = share_replicas::extract_summaries(
            &share_replicas::list(&admin, &by_share)
                .all_pages()
                .await
                .unwrap(),
        )
        .unwrap();
        assert!(
            short
                .iter()
                .any(|x| x.replica_state == Some(share_replicas::ReplicaState::Active))
        );
        let shown = share_replicas::get(&admin, &r.id).await.extract().unwrap();
        assert_eq!(
            shown.metadata.as_ref().map(|m| m["aim"].as_str()),
            Some("test")
        );
        assert_eq!(
            share_replica_metadata::get_item(&admin, &r.id, "aim")
                .await
                .extract()
                .unwrap()
                .value,
            "test"
        );
        let items = BTreeMap::from([("tier".to_string(), "gold".to_string())]);
        share_replica_metadata::set(&admin, &r.id, &items)
            .await
            .extract()
            .unwrap();
        share_replica_metadata::replace(&admin, &r.id, Some(&items))
            .await
            .extract()
            .unwrap();
        assert!(
            !share_replica_metadata::list(&admin, &r.id)
                .await
                .extract()
                .unwrap()
                .contains_key("aim")
        );
        share_replica_metadata::delete_item(&admin, &r.id, "tier")
            .await
            .ok()
            .unwrap();
        let active = all.iter().find(|x| x.id != r.id).unwrap();
        let locs = export_locations::list_for_replica(&admin, &active.id)
            .await
            .extract()
            .unwrap();
        export_locations::get_for_replica(&admin, &active.id, &locs[0].id)
            .await
            .extract()
            .unwrap();
        // An errored replica is neither resynced nor promoted.
        assert!(share_replicas::resync(&admin, &r.id).await.ok().is_err());
        assert!(
            share_replicas::promote(&admin, &r.id, None)
                .await
                .ok()
                .is_err()
        );
        share_replicas::reset_replica_state(&admin, &r.id, share_replicas::ReplicaState::OutOfSync)
            .await
            .ok()
            .unwrap();
        share_replicas::reset_status(&admin, &r.id, share_replicas::ReplicaStatus::Error)
            .await
            .ok()
            .unwrap();
        let r2 = share_replicas::get(&admin, &r.id).await.extract().unwrap();
        assert_eq!(
            r2.replica_state,
            Some(share_replicas::ReplicaState::OutOfSync)
        );
        share_replicas::force_delete(&admin, &r.id)
            .await
            .ok()
            .unwrap();
        share_replicas::wait_for_delete(&admin, &r.id, &wait())
            .await
            .unwrap();
        // A second one, deleted the ordinary way.
        let r = share_replicas::create(&admin, &share_replicas::CreateOpts::new(&share.id))
            .await
            .extract()
            .unwrap();
        let _ = share_replicas::wait_for_status(
            &admin,
            &r.id,
            share_replicas::ReplicaStatus::Error,
            &wait(),
        )
        .await;
        share_replicas::delete(&admin, &r.id).await.ok().unwrap();
        share_replicas::wait_for_delete(&admin, &r.id, &wait())
            .await
            .unwrap();

        // Migration to the same pool with another share type.
        let host = moving.host.clone().expect("administrators see the host");
        let mut opts = share_migration::StartOpts::new(&host);
        opts.new_share_type_id = Some(t.id.clone());
        opts.preserve_snapshots = false;
        share_migration::start(&admin, &moving.id, &opts)
            .await
            .ok()
            .unwrap();
        // The driver's first phase runs until the share manager's periodic check (60 s
        // by default): the migration is seen in progress, its progress read, and
        // cancelled.
        let mut state = None;
        for _ in 0..60 {
            let s = shares::get(&admin, &moving.id).await.extract().unwrap();
            state = s.task_state.clone();
            if state.as_deref() == Some("migration_driver_in_progress") {
                break;
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        assert_eq!(state.as_deref(), Some("migration_driver_in_progress"));
        let progress = share_migration::get_progress(&admin, &moving.id)
            .await
            .extract()
            .unwrap();
        assert!(progress.total_progress <= 100);
        // Completing needs the first phase done: refused now.
        assert!(
            share_migration::complete(&admin, &moving.id)
                .await
                .ok()
                .is_err()
        );
        share_migration::cancel(&admin, &moving.id)
            .await
            .ok()
            .unwrap();
        for _ in 0..60 {
            let s = shares::get(&admin, &moving.id).await.extract().unwrap();
            if s.task_state.as_deref() == Some("migration_cancelled") {
                break;
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    })
    .catch_unwind()
    .await;
    let _ = shares::reset_status(&admin, &moving.id, shares::ShareStatus::Available)
        .await
        .ok();
    drop_share(&admin, &moving.id).await;
    if let Ok(rs) = share_replicas::list(
        &admin,
        &share_replicas::ListOpts {
            share_id: Some(share.id.clone()),
            ..Default::default()
        },
    )
    .all_pages()
    .await
    {
        for r in share_replicas::extract_summaries(&rs).unwrap_or_default() {
            if r.replica_state != Some(share_replicas::ReplicaState::Active) {
                let _ = share_replicas::force_delete(&admin, &r.id).await.ok();
                let _ = share_replicas::wait_for_delete(&admin, &r.id, &wait()).await;
            }
        }
    }
    drop_share(&admin, &share.id).await;
    let _ = share_types::delete(&admin, &t.id).await.ok();
    let _ = share_types::delete(&admin, &t2.id).await.ok();
    if let Err(p) = body {
        std::panic::resume_unwind(p);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn manila_admin_views_networks_and_servers() {
    let admin_provider = admin().await;
    let project = admin_provider.auth_info().unwrap().project.unwrap().id;
    let admin = manila(&admin_provider).await;
    let svcs = services::list(&admin, &Default::default())
        .await
        .extract()
        .unwrap();
    assert!(svcs.iter().any(|s| s.binary == "manila-share"));
    assert!(
        !availability_zones::list(&admin)
            .await
            .extract()
            .unwrap()
            .is_empty()
    );
    let pools = scheduler_stats::list_detail(&admin, &Default::default())
        .await
        .extract()
        .unwrap();
    assert!(!pools.is_empty());
    limits::get(&admin).await.extract().unwrap();
    quota_sets::defaults(&admin, &project)
        .await
        .extract()
        .unwrap();
    messages::extract(
        &messages::list(&admin, &Default::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    // No share servers with driver_handles_share_servers = False.
    let servers = share_servers::list(&admin, &Default::default())
        .await
        .extract()
        .unwrap();
    assert!(servers.is_empty(), "{servers:?}");
    assert!(
        share_servers::get(&admin, "00000000-0000-0000-0000-000000000000")
            .await
            .extract()
            .unwrap_err()
            .is_not_found()
    );

    // Share networks and security services: database objects only here.
    let net = share_networks::create(
        &admin,
        &share_networks::CreateOpts {
            name: Some(unique("net")),
            ..Default::default()
        },
    )
    .await
    .extract()
    .unwrap();
    let ss = security_services::create(
        &admin,
        &security_services::CreateOpts {
            name: Some(unique("ldap")),
            ..security_services::CreateOpts::new("ldap")
        },
    )
    .await
    .extract()
    .unwrap();
    let body = AssertUnwindSafe(async {
        share_networks::add_security_service(&admin, &net.id, &ss.id)
            .await
            .extract()
            .unwrap();
        share_networks::remove_security_service(&admin, &net.id, &ss.id)
            .await
            .extract()
            .unwrap();
    })
    .catch_unwind()
    .await;
    let _ = share_networks::delete(&admin, &net.id).await.ok();
    let _ = security_services::delete(&admin, &ss.id).await.ok();
    if let Err(p) = body {
        std::panic::resume_unwind(p);
    }
}
