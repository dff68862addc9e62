//! Generic volume groups, group types and their specs, group snapshots, and the legacy
//! consistency group and cgsnapshot APIs against the real Cinder 28 (no-op volume
//! driver). Everything made here is deleted here.

use std::panic::AssertUnwindSafe;

use futures::FutureExt;

use crate::compute_ips::wait_opts;
use crate::support::{admin, region, unique};
use ferrocloud::openstack::blockstorage::v3::group_snapshots::{self, GroupSnapshotStatus};
use ferrocloud::openstack::blockstorage::v3::group_type_specs as specs;
use ferrocloud::openstack::blockstorage::v3::group_types::{self, CreateOpts as TypeOpts};
use ferrocloud::openstack::blockstorage::v3::groups::{
    self, CreateFromSrcOpts, CreateOpts, FailoverOpts, GroupStatus, ReplicationStatus, UpdateOpts,
};
use ferrocloud::openstack::blockstorage::v3::volumes::{self, VolumeStatus};
use ferrocloud::openstack::blockstorage::v3::{cgsnapshots, consistency_groups, volume_types};
use ferrocloud::{ErrorKind, ServiceClient, openstack};

async fn admin_volumes(microversion: &str) -> ServiceClient {
    openstack::new_block_storage_v3(&admin().await, region())
        .unwrap()
        .with_microversion(microversion)
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn blockstorage_groups_types_specs_snapshots_and_copies() {
    let c = admin_volumes("3.71").await;
    let volume_type = volume_types::get_default(&c).await.extract().unwrap();
    let type_name = unique("gtype");
    let gtype = group_types::create(
        &c,
        &TypeOpts::new(&type_name)
            .description("made by a test")
            .group_spec("ferro:colour", "blue"),
    )
    .await
    .extract()
    .unwrap();
    let made_groups = std::sync::Mutex::new(Vec::<String>::new());
    let made_snapshot = std::sync::Mutex::new(None::<String>);
    let result = AssertUnwindSafe(async {
        assert_eq!(gtype.group_specs["ferro:colour"], "blue");
        // The group specs one by one.
        let all = specs::set(
            &c,
            &gtype.id,
            &[("ferro:size".to_string(), "L".to_string())].into(),
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(all["ferro:size"], "L");
        specs::set_item(&c, &gtype.id, "ferro:size", "XL")
            .await
            .ok()
            .unwrap();
        assert_eq!(
            specs::get_item(&c, &gtype.id, "ferro:size")
                .await
                .extract()
                .unwrap()
                .value,
            "XL"
        );
        let listed = specs::list(&c, &gtype.id).await.extract().unwrap();
        assert_eq!(listed.len(), 2, "{listed:?}");
        specs::delete_item(&c, &gtype.id, "ferro:size")
            .await
            .ok()
            .unwrap();
        let err = specs::get_item(&c, &gtype.id, "ferro:size")
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
        // The type itself: changed, listed, found by name.
        let opts = group_types::UpdateOpts {
            description: Some("changed by a test".into()),
            ..Default::default()
        };
        let changed = group_types::update(&c, &gtype.id, &opts)
            .await
            .extract()
            .unwrap();
        assert_eq!(changed.description.as_deref(), Some("changed by a test"));
        let found = group_types::find(&c, &type_name).await.unwrap();
        assert_eq!(found.id, gtype.id);
        let all = group_types::list(&c, &Default::default())
            .all()
            .await
            .unwrap();
        assert!(
            all.iter().any(|t| t.name == "default_cgsnapshot_type"),
            "{all:?}"
        );
        // No default group type is configured here.
        let err = group_types::get_default(&c).await.extract().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);

        // A group with one volume, made at the volume's creation.
        let group = groups::create(
            &c,
            &CreateOpts::new(&gtype.id, [&volume_type.id]).name(unique("group")),
        )
        .await
        .extract()
        .unwrap();
        made_groups.lock().unwrap().push(group.id.clone());
        let group = groups::wait_for_status(&c, &group.id, GroupStatus::Available, &wait_opts())
            .await
            .unwrap();
        assert_eq!(group.group_type, gtype.id);
        assert_eq!(group.volume_types, std::slice::from_ref(&volume_type.id));
        let volume = volumes::create(
            &c,
            &volumes::CreateOpts::new(1)
                .name(unique("gvol"))
                .volume_type(&volume_type.id)
                .group_id(&group.id),
        )
        .await
        .extract()
        .unwrap();
        volumes::wait_for_status(&c, &volume.id, VolumeStatus::Available, &wait_opts())
            .await
            .unwrap();
        // A second volume joins through an update, then leaves.
        let other = volumes::create(
            &c,
            &volumes::CreateOpts::new(1)
                .name(unique("gvol"))
                .volume_type(&volume_type.id),
        )
        .await
        .extract()
        .unwrap();
        volumes::wait_for_status(&c, &other.id, VolumeStatus::Available, &wait_opts())
            .await
            .unwrap();
        groups::update(
            &c,
            &group.id,
            &UpdateOpts::default().add_volume(&other.id).name("renamed"),
        )
        .await
        .ok()
        .unwrap();
        groups::wait_for_status(&c, &group.id, GroupStatus::Available, &wait_opts())
            .await
            .unwrap();
        let listed = groups::list_detail(
            &c,
            &groups::ListOpts {
                list_volume: Some(true),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        let mine = listed.iter().find(|g| g.id == group.id).unwrap();
        let mut members = mine.volumes.clone().unwrap();
        members.sort();
        let mut expected = vec![volume.id.clone(), other.id.clone()];
        expected.sort();
        assert_eq!(members, expected);
        assert_eq!(mine.name.as_deref(), Some("renamed"));
        groups::update(
            &c,
            &group.id,
            &UpdateOpts::default().remove_volume(&other.id),
        )
        .await
        .ok()
        .unwrap();
        groups::wait_for_status(&c, &group.id, GroupStatus::Available, &wait_opts())
            .await
            .unwrap();
        volumes::delete(&c, &other.id).await.ok().unwrap();
        assert_eq!(groups::find(&c, "renamed").await.unwrap().id, group.id);
        assert!(
            groups::list(&c, &Default::default())
                .all()
                .await
                .unwrap()
                .iter()
                .any(|g| g.id == group.id)
        );

        // A group whose type does not replicate refuses the replication actions.
        let err = groups::list_replication_targets(&c, &group.id)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::BadRequest, "{err}");
        assert!(
            err.to_string().contains("not a replication group type"),
            "{err}"
        );
        let err = groups::enable_replication(&c, &group.id)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::BadRequest, "{err}");
        let err = groups::disable_replication(&c, &group.id)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::BadRequest, "{err}");
        let err = groups::failover_replication(&c, &group.id, &Default::default())
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::BadRequest, "{err}");

        // A snapshot of the group, its status reset, and a group made from it.
        let snap = group_snapshots::create(
            &c,
            &group_snapshots::CreateOpts::new(&group.id).name(unique("gsnap")),
        )
        .await
        .extract()
        .unwrap();
        *made_snapshot.lock().unwrap() = Some(snap.id.clone());
        assert_eq!(snap.group_type_id.as_deref(), Some(gtype.id.as_str()));
        let snap = group_snapshots::wait_for_status(
            &c,
            &snap.id,
            GroupSnapshotStatus::Available,
            &wait_opts(),
        )
        .await
        .unwrap();
        assert_eq!(snap.group_id, group.id);
        group_snapshots::reset_status(&c, &snap.id, GroupSnapshotStatus::Error)
            .await
            .ok()
            .unwrap();
        assert_eq!(
            group_snapshots::get(&c, &snap.id)
                .await
                .extract()
                .unwrap()
                .status,
            GroupSnapshotStatus::Error
        );
        group_snapshots::reset_status(&c, &snap.id, GroupSnapshotStatus::Available)
            .await
            .ok()
            .unwrap();
        let by_name = group_snapshots::find(&c, snap.name.as_deref().unwrap())
            .await
            .unwrap();
        assert_eq!(by_name.id, snap.id);
        assert!(
            group_snapshots::list(&c, &Default::default())
                .all()
                .await
                .unwrap()
                .iter()
                .any(|s| s.id == snap.id)
        );

        let copy = groups::create_from_src(
            &c,
            &CreateFromSrcOpts::from_group_snapshot(&snap.id).name(unique("gcopy")),
        )
        .await
        .extract()
        .unwrap();
        made_groups.lock().unwrap().push(copy.id.clone());
        let copy = groups::wait_for_status(&c, &copy.id, GroupStatus::Available, &wait_opts())
            .await
            .unwrap();
        assert_eq!(copy.group_snapshot_id, Some(Some(snap.id.clone())));
        let clone = groups::create_from_src(&c, &CreateFromSrcOpts::from_group(&group.id))
            .await
            .extract()
            .unwrap();
        made_groups.lock().unwrap().push(clone.id.clone());
        let clone = groups::wait_for_status(&c, &clone.id, GroupStatus::Available, &wait_opts())
            .await
            .unwrap();
        assert_eq!(clone.source_group_id, Some(Some(group.id.clone())));

        // A group's status reset (3.20).
        groups::reset_status(&c, &clone.id, GroupStatus::Error)
            .await
            .ok()
            .unwrap();
        assert_eq!(
            groups::get(&c, &clone.id).await.extract().unwrap().status,
            GroupStatus::Error
        );
        groups::reset_status(&c, &clone.id, GroupStatus::Available)
            .await
            .ok()
            .unwrap();

        // A group with volumes is only deleted with them.
        let err = groups::delete(&c, &group.id, false).await.ok().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::BadRequest, "{err}");
    })
    .catch_unwind()
    .await;
    let snapshot = made_snapshot.lock().unwrap().clone();
    if let Some(s) = snapshot {
        group_snapshots::delete(&c, &s).await.ok().unwrap();
        group_snapshots::wait_for_delete(&c, &s, &wait_opts())
            .await
            .unwrap();
    }
    let made = made_groups.lock().unwrap().clone();
    for g in made.into_iter().rev() {
        groups::delete(&c, &g, true).await.ok().unwrap();
        groups::wait_for_delete(&c, &g, &wait_opts()).await.unwrap();
    }
    group_types::delete(&c, &gtype.id).await.ok().unwrap();
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn blockstorage_groups_replication_enable_disable_failover() {
    let c = admin_volumes("3.38").await;
    // The fake driver reports group replication: a group type and a volume type that
    // ask for it make a group that replicates.
    let gtype = group_types::create(
        &c,
        &TypeOpts::new(unique("repgtype")).group_spec("group_replication_enabled", "<is> True"),
    )
    .await
    .extract()
    .unwrap();
    let vtype = volume_types::create(
        &c,
        &volume_types::CreateOpts::new(unique("repvtype"))
            .private()
            .extra_spec("replication_enabled", "<is> True"),
    )
    .await
    .extract()
    .unwrap();
    let made = std::sync::Mutex::new(None::<String>);
    let result = AssertUnwindSafe(async {
        let g = groups::create(
            &c,
            &CreateOpts::new(&gtype.id, [&vtype.id]).name(unique("repgroup")),
        )
        .await
        .extract()
        .unwrap();
        *made.lock().unwrap() = Some(g.id.clone());
        let g = groups::wait_for_status(&c, &g.id, GroupStatus::Available, &wait_opts())
            .await
            .unwrap();
        assert_eq!(g.replication_status, Some(ReplicationStatus::Disabled));
        // No replication device is configured: no targets (a list, empty).
        let targets = groups::list_replication_targets(&c, &g.id)
            .await
            .extract()
            .unwrap();
        assert!(targets.0.is_empty(), "{targets:?}");
        groups::enable_replication(&c, &g.id).await.ok().unwrap();
        groups::wait_for_replication_status(&c, &g.id, ReplicationStatus::Enabled, &wait_opts())
            .await
            .unwrap();
        groups::disable_replication(&c, &g.id).await.ok().unwrap();
        groups::wait_for_replication_status(&c, &g.id, ReplicationStatus::Disabled, &wait_opts())
            .await
            .unwrap();
        // Disabling what is disabled: Cinder wants `enabled` or `error`.
        let err = groups::disable_replication(&c, &g.id)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::BadRequest, "{err}");
        groups::enable_replication(&c, &g.id).await.ok().unwrap();
        groups::wait_for_replication_status(&c, &g.id, ReplicationStatus::Enabled, &wait_opts())
            .await
            .unwrap();
        let failover = FailoverOpts {
            allow_attached_volume: true,
            secondary_backend_id: Some("vendor-id-1".into()),
        };
        groups::failover_replication(&c, &g.id, &failover)
            .await
            .ok()
            .unwrap();
        groups::wait_for_replication_status(&c, &g.id, ReplicationStatus::FailedOver, &wait_opts())
            .await
            .unwrap();
    })
    .catch_unwind()
    .await;
    let group = made.lock().unwrap().clone();
    if let Some(g) = group {
        groups::delete(&c, &g, true).await.ok().unwrap();
        groups::wait_for_delete(&c, &g, &wait_opts()).await.unwrap();
    }
    volume_types::delete(&c, &vtype.id).await.ok().unwrap();
    group_types::delete(&c, &gtype.id).await.ok().unwrap();
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn blockstorage_consistency_groups_and_cgsnapshots() {
    let c = admin_volumes("3.0").await;
    let volume_type = volume_types::get_default(&c).await.extract().unwrap();
    let name = unique("cg");
    let cg = consistency_groups::create(
        &c,
        &consistency_groups::CreateOpts::new([&volume_type.id])
            .name(&name)
            .description("legacy"),
    )
    .await
    .extract()
    .unwrap();
    let made = std::sync::Mutex::new(vec![cg.id.clone()]);
    let wait_cg = |id: String| {
        let c = c.clone();
        async move {
            for _ in 0..120 {
                let g = consistency_groups::get(&c, &id).await.extract().unwrap();
                if g.status != GroupStatus::Creating && g.status != GroupStatus::Updating {
                    return g;
                }
                tokio::time::sleep(std::time::Duration::from_millis(250)).await;
            }
            panic!("consistency group {id} still busy");
        }
    };
    let result = AssertUnwindSafe(async {
        let shown = wait_cg(cg.id.clone()).await;
        assert_eq!(shown.status, GroupStatus::Available);
        assert_eq!(shown.volume_types, std::slice::from_ref(&volume_type.id));
        assert_eq!(shown.description.as_deref(), Some("legacy"));
        let listed = consistency_groups::list_detail(&c, &Default::default())
            .all()
            .await
            .unwrap();
        assert!(listed.iter().any(|g| g.id == cg.id));
        let short = consistency_groups::list(&c, &Default::default())
            .all()
            .await
            .unwrap();
        assert!(short.iter().any(|g| g.id == cg.id));

        // A volume joins through the legacy update; the group is then snapshotted.
        let volume = volumes::create(
            &c,
            &volumes::CreateOpts::new(1)
                .name(unique("cgvol"))
                .volume_type(&volume_type.id),
        )
        .await
        .extract()
        .unwrap();
        volumes::wait_for_status(&c, &volume.id, VolumeStatus::Available, &wait_opts())
            .await
            .unwrap();
        consistency_groups::update(
            &c,
            &cg.id,
            &UpdateOpts::default()
                .name("renamed-cg")
                .add_volume(&volume.id),
        )
        .await
        .ok()
        .unwrap();
        let shown = wait_cg(cg.id.clone()).await;
        assert_eq!(shown.name.as_deref(), Some("renamed-cg"));
        assert_eq!(shown.status, GroupStatus::Available);

        let snap = cgsnapshots::create(&c, &cgsnapshots::CreateOpts::new(&cg.id).name("cgsnap"))
            .await
            .extract()
            .unwrap();
        let mut detail = cgsnapshots::get(&c, &snap.id).await.extract().unwrap();
        for _ in 0..120 {
            if detail.status != group_snapshots::GroupSnapshotStatus::Creating {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(250)).await;
            detail = cgsnapshots::get(&c, &snap.id).await.extract().unwrap();
        }
        assert_eq!(
            detail.status,
            group_snapshots::GroupSnapshotStatus::Available
        );
        assert_eq!(detail.consistencygroup_id.as_deref(), Some(cg.id.as_str()));
        let all = cgsnapshots::list_detail(&c, &Default::default())
            .all()
            .await
            .unwrap();
        assert!(all.iter().any(|s| s.id == snap.id));
        assert!(
            cgsnapshots::list(&c, &Default::default())
                .all()
                .await
                .unwrap()
                .iter()
                .any(|s| s.id == snap.id)
        );

        // A consistency group made from the cgsnapshot.
        let from = consistency_groups::create_from_src(
            &c,
            &consistency_groups::CreateFromSrcOpts {
                cgsnapshot_id: Some(snap.id.clone()),
                name: Some(unique("cgcopy")),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap();
        made.lock().unwrap().push(from.id.clone());
        assert_eq!(
            wait_cg(from.id.clone()).await.status,
            GroupStatus::Available
        );

        cgsnapshots::delete(&c, &snap.id).await.ok().unwrap();
        for _ in 0..120 {
            match cgsnapshots::get(&c, &snap.id).await.extract() {
                Err(e) if e.kind() == ErrorKind::NotFound => break,
                _ => tokio::time::sleep(std::time::Duration::from_millis(250)).await,
            }
        }
    })
    .catch_unwind()
    .await;
    let made = made.lock().unwrap().clone();
    let snaps = cgsnapshots::list_detail(&c, &Default::default())
        .all()
        .await
        .unwrap();
    for s in snaps
        .iter()
        .filter(|s| s.consistencygroup_id.as_deref() == Some(cg.id.as_str()))
    {
        let _ = cgsnapshots::delete(&c, &s.id).await.ok();
    }
    // A consistency group whose cgsnapshot is still being deleted is refused (400)
    // for a moment.
    for id in made.into_iter().rev() {
        for _ in 0..40 {
            match consistency_groups::delete(&c, &id, true).await.ok() {
                Err(e) if e.kind() == ErrorKind::BadRequest => {
                    tokio::time::sleep(std::time::Duration::from_millis(250)).await
                }
                other => {
                    other.unwrap();
                    break;
                }
            }
        }
    }
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
}
