//! Snapshots and their metadata against the real Cinder (no-op volume driver).

use std::collections::BTreeMap;

use crate::compute_ips::{run_then, wait_opts};
use crate::support::{admin, region, unique};
use ferrocloud::openstack::blockstorage::v3::snapshot_metadata;
use ferrocloud::openstack::blockstorage::v3::snapshots::{
    self, CreateOpts, ListOpts, SnapshotStatus, UpdateOpts, UpdateStatusOpts,
};
use ferrocloud::openstack::blockstorage::v3::volumes::{self, VolumeStatus};
use ferrocloud::{ErrorKind, ServiceClient, openstack};

async fn admin_volumes() -> ServiceClient {
    openstack::new_block_storage_v3(&admin().await, region())
        .unwrap()
        .with_microversion("3.71")
}

/// Deletes what the test made, reporting (not raising) errors.
async fn cleanup(c: &ServiceClient, snapshot: Option<String>, volume: &str) {
    if let Some(s) = snapshot
        && snapshots::get(c, &s).await.extract().is_ok()
    {
        let _ = snapshots::force_delete(c, &s).await.ok();
        let _ = snapshots::wait_for_delete(c, &s, &wait_opts()).await;
    }
    if let Err(e) = volumes::delete(c, volume).await.ok() {
        eprintln!("cleanup: volume {volume}: {e}");
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn blockstorage_snapshots_lifecycle_metadata_status_and_force_delete() {
    let c = admin_volumes().await;
    let volume = volumes::create(&c, &volumes::CreateOpts::new(1).name(unique("snapvol")))
        .await
        .extract()
        .unwrap();
    volumes::wait_for_status(&c, &volume.id, VolumeStatus::Available, &wait_opts())
        .await
        .unwrap();
    let name = unique("snap");
    let created = std::sync::Arc::new(std::sync::Mutex::new(None::<String>));
    let made = created.clone();
    let body = async {
        let opts = CreateOpts::new(&volume.id)
            .name(&name)
            .description("made by the tests")
            .metadata("purpose", "test");
        let snap = snapshots::create(&c, &opts).await.extract().unwrap();
        *made.lock().unwrap() = Some(snap.id.clone());
        assert_eq!(snap.volume_id, volume.id);
        assert_eq!(snap.consumes_quota, Some(true), "3.65");
        let snap =
            snapshots::wait_for_status(&c, &snap.id, SnapshotStatus::Available, &wait_opts())
                .await
                .unwrap();
        assert_eq!((snap.size, snap.progress.as_deref()), (1, Some("100%")));
        assert!(snap.user_id.is_some(), "3.41");
        assert_eq!(snapshots::find(&c, &name).await.unwrap().id, snap.id);

        // Listings: short (no extended attributes) and detailed, filtered by volume.
        let by_volume = ListOpts {
            volume_id: Some(volume.id.clone()),
            ..Default::default()
        };
        let short = snapshots::list(&c, &by_volume).all().await.unwrap();
        assert_eq!(short.len(), 1);
        assert_eq!(
            (short[0].id.as_str(), short[0].progress.as_deref()),
            (snap.id.as_str(), None)
        );
        let detailed = snapshots::list_detail(&c, &by_volume).all().await.unwrap();
        assert_eq!(detailed[0].project_id, snap.project_id);

        // Update.
        let updated =
            snapshots::update(&c, &snap.id, &UpdateOpts::default().description("renamed"))
                .await
                .extract()
                .unwrap();
        assert_eq!(updated.description.as_deref(), Some("renamed"));

        // Metadata: all six calls.
        assert_eq!(
            snapshot_metadata::list(&c, &snap.id)
                .await
                .extract()
                .unwrap()["purpose"],
            "test"
        );
        let mut more = BTreeMap::new();
        more.insert("owner".to_string(), "ops".to_string());
        let merged = snapshot_metadata::set(&c, &snap.id, &more)
            .await
            .extract()
            .unwrap();
        assert_eq!(merged.len(), 2);
        let set = snapshot_metadata::set_item(&c, &snap.id, "tier", "gold")
            .await
            .extract()
            .unwrap();
        assert_eq!((set.key.as_str(), set.value.as_str()), ("tier", "gold"));
        let item = snapshot_metadata::get_item(&c, &snap.id, "tier")
            .await
            .extract()
            .unwrap();
        assert_eq!(item.value, "gold");
        snapshot_metadata::delete_item(&c, &snap.id, "owner")
            .await
            .ok()
            .unwrap();
        let e = snapshot_metadata::get_item(&c, &snap.id, "owner")
            .await
            .extract()
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NotFound);
        let replaced = snapshot_metadata::replace(&c, &snap.id, &BTreeMap::new())
            .await
            .extract()
            .unwrap();
        assert!(replaced.is_empty());

        // Status: reset (admin), then the status update a driver makes through Nova.
        snapshots::reset_status(&c, &snap.id, SnapshotStatus::Creating)
            .await
            .ok()
            .unwrap();
        assert_eq!(
            snapshots::get(&c, &snap.id).await.extract().unwrap().status,
            SnapshotStatus::Creating
        );
        let update = UpdateStatusOpts {
            status: SnapshotStatus::Available,
            progress: Some("100%".into()),
        };
        snapshots::update_status(&c, &snap.id, &update)
            .await
            .ok()
            .unwrap();
        assert_eq!(
            snapshots::get(&c, &snap.id).await.extract().unwrap().status,
            SnapshotStatus::Available
        );

        // A snapshot keeps its volume: deleting the volume first is refused.
        let e = volumes::delete(&c, &volume.id).await.ok().unwrap_err();
        assert_eq!(e.status_code(), Some(400), "{e}");

        // Force delete (admin) of a snapshot in error.
        snapshots::reset_status(&c, &snap.id, SnapshotStatus::Error)
            .await
            .ok()
            .unwrap();
        snapshots::force_delete(&c, &snap.id).await.ok().unwrap();
        snapshots::wait_for_delete(&c, &snap.id, &wait_opts())
            .await
            .unwrap();
    };
    run_then(body, async {
        let snap = created.lock().unwrap().clone();
        cleanup(&c, snap, &volume.id).await
    })
    .await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn blockstorage_snapshots_of_an_unknown_volume_are_refused() {
    let c = admin_volumes().await;
    let e = snapshots::create(&c, &CreateOpts::new("00000000-0000-0000-0000-000000000000"))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound, "{e}");
    let e = snapshots::get(&c, "00000000-0000-0000-0000-000000000000")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
}
