//! Backups against the devcloud's real Cinder: its cinder-backup service (POSIX driver)
//! copies the no-op volume driver's small device files, so backups, incremental backups,
//! backups of snapshots and restores really run.
//!
//! Volumes are made in the availability zone of an up cinder-backup service (Cinder only
//! backs up a volume with a backup service of its zone). Volumes and snapshots are
//! created with raw operations of this file.

use std::panic::AssertUnwindSafe;
use std::time::Duration;

use futures::FutureExt;

use ferrocloud::http::Method;
use ferrocloud::openstack::blockstorage::v3::backups::{
    self, BackupStatus, CreateOpts, ListOpts, RestoreOpts, UpdateOpts,
};
use ferrocloud::openstack::blockstorage::v3::common::ListControls;
use ferrocloud::wait::{State, WaitOpts};
use ferrocloud::{Op, Operation, ServiceClient, openstack};
use serde_json::{Value, json};

use crate::support::{admin, region, unique};

static SERVICES: Op<Value> = Op::new(Operation::new("block-storage", Method::GET, "/os-services"));
static VOLUMES: Op<Value> = Op::new(Operation::new("block-storage", Method::POST, "/volumes"));
static VOLUME: Op<Value> = Op::new(Operation::new(
    "block-storage",
    Method::GET,
    "/volumes/{volume_id}",
));
static VOLUME_DELETE: Operation =
    Operation::new("block-storage", Method::DELETE, "/volumes/{volume_id}");
static SNAPSHOTS: Op<Value> = Op::new(Operation::new("block-storage", Method::POST, "/snapshots"));
static SNAPSHOT: Op<Value> = Op::new(Operation::new(
    "block-storage",
    Method::GET,
    "/snapshots/{snapshot_id}",
));
static SNAPSHOT_DELETE: Operation =
    Operation::new("block-storage", Method::DELETE, "/snapshots/{snapshot_id}");

fn wait() -> WaitOpts {
    WaitOpts::new(Duration::from_secs(120))
}

/// An admin client at 3.64 (metadata 3.43, zones 3.51, user_id 3.56).
async fn cinder() -> ServiceClient {
    openstack::new_block_storage_v3(&admin().await, region())
        .unwrap()
        .with_microversion("3.64")
}

/// The availability zone of an up cinder-backup service.
async fn backup_zone(c: &ServiceClient) -> String {
    let s = c.request(&SERVICES, &[]).send().await.extract().unwrap();
    s["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["binary"] == "cinder-backup" && s["state"] == "up")
        .and_then(|s| s["zone"].as_str())
        .expect("an up cinder-backup service (scripts/devcloud up full starts one)")
        .to_string()
}

async fn wait_status(c: &ServiceClient, op: &'static Op<Value>, key: &str, id: &str) {
    ferrocloud::wait::wait_for(
        &format!("{key} {id} to be available"),
        &wait(),
        || async { c.request(op, &[id]).send().await.extract() },
        |v: &Value| match v[key]["status"].as_str() {
            Some("available") => State::Ready,
            Some(s) if s.starts_with("error") => State::Failed(format!("{key} is {s}")),
            _ => State::Pending,
        },
        |_| {},
    )
    .await
    .unwrap();
}

async fn new_volume(c: &ServiceClient, zone: &str) -> String {
    let v = c
        .request(&VOLUMES, &[])
        .json(&json!({"volume": {"size": 1, "name": unique("bkvol"), "availability_zone": zone}}))
        .send()
        .await
        .extract()
        .unwrap();
    let id = v["volume"]["id"].as_str().unwrap().to_string();
    wait_status(c, &VOLUME, "volume", &id).await;
    id
}

/// Deletes backups (newest first, force), snapshots and volumes, ignoring errors: run
/// after each test, also when it failed.
async fn clean(
    c: &ServiceClient,
    backups_made: &[String],
    snapshots: &[String],
    volumes: &[String],
) {
    for b in backups_made.iter().rev() {
        let _ = backups::force_delete(c, b).await;
        let _ = backups::wait_for_delete(c, b, &wait()).await;
    }
    for s in snapshots {
        let _ = c.request(&SNAPSHOT_DELETE, &[s]).send_raw().await;
        let _ = ferrocloud::wait::wait_for_deletion("snapshot", &wait(), || async {
            c.request(&SNAPSHOT, &[s]).send().await.extract()
        })
        .await;
    }
    for v in volumes {
        let _ = c.request(&VOLUME_DELETE, &[v]).send_raw().await;
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn backup_lifecycle_incremental_update_records_restore_reset_and_delete() {
    let c = cinder().await;
    let zone = backup_zone(&c).await;
    let mut made = Vec::new();
    let mut volumes = Vec::new();
    let result = AssertUnwindSafe(async {
        let vol = new_volume(&c, &zone).await;
        volumes.push(vol.clone());
        let name = unique("bk");
        let created = backups::create(
            &c,
            &CreateOpts::new(&vol)
                .name(&name)
                .description("full")
                .metadata("tier", "gold"),
        )
        .await
        .extract()
        .unwrap();
        made.push(created.id.clone());
        assert_eq!(created.name.as_deref(), Some(name.as_str()));
        let full = backups::wait_for_status(&c, &created.id, BackupStatus::Available, &wait())
            .await
            .unwrap();
        assert!(!full.is_incremental);
        assert_eq!(full.size, 1);
        assert_eq!(full.availability_zone.as_deref(), Some(zone.as_str()));
        assert!(full.object_count >= 1, "{full:?}");
        assert!(full.container.is_some());
        assert_eq!(full.metadata.as_ref().unwrap()["tier"], "gold");
        assert!(full.user_id.is_some() && full.project_id.is_some());

        let inc = backups::create(&c, &CreateOpts::new(&vol).incremental(true))
            .await
            .extract()
            .unwrap();
        made.push(inc.id.clone());
        let inc = backups::wait_for_status(&c, &inc.id, BackupStatus::Available, &wait())
            .await
            .unwrap();
        assert!(inc.is_incremental);
        assert!(
            backups::get(&c, &full.id)
                .await
                .extract()
                .unwrap()
                .has_dependent_backups
        );

        // listings: short form by name, details by volume with the count (3.45)
        let by_name = ListOpts {
            name: Some(name.clone()),
            ..ListOpts::default()
        };
        let short = backups::list(&c, &by_name).all().await.unwrap();
        assert_eq!(short.len(), 1);
        assert_eq!(short[0].id, full.id);
        let of_volume = ListOpts {
            volume_id: Some(vol.clone()),
            controls: ListControls::default().with_count(),
            ..ListOpts::default()
        };
        let page = backups::list_detail(&c, &of_volume)
            .all_pages()
            .await
            .unwrap();
        assert_eq!(backups::extract_count(&page).unwrap(), Some(2));
        assert_eq!(backups::extract(&page).unwrap().len(), 2);
        assert_eq!(backups::find(&c, &name).await.unwrap().id, full.id);

        // update (3.9; metadata 3.43 replaces all items)
        let renamed = unique("bk-renamed");
        let updated = backups::update(
            &c,
            &full.id,
            &UpdateOpts::default()
                .name(&renamed)
                .description("renamed")
                .metadata("tier", "silver"),
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(updated.name.as_deref(), Some(renamed.as_str()));
        let shown = backups::get(&c, &full.id).await.extract().unwrap();
        assert_eq!(shown.description.as_deref(), Some("renamed"));
        assert_eq!(shown.metadata.unwrap()["tier"], "silver");

        // export, then import: refused while the backup exists, accepted once deleted
        let record = backups::export_record(&c, &inc.id).await.extract().unwrap();
        assert_eq!(
            record.backup_service,
            "cinder.backup.drivers.posix.PosixBackupDriver"
        );
        let refused = backups::import_record(&c, &record).await;
        assert_eq!(refused.status_code(), Some(400));
        backups::delete(&c, &inc.id).await.ok().unwrap();
        backups::wait_for_delete(&c, &inc.id, &wait())
            .await
            .unwrap();
        let imported = backups::import_record(&c, &record).await.extract().unwrap();
        assert_eq!(imported.id, inc.id);
        backups::wait_for_status(&c, &inc.id, BackupStatus::Available, &wait())
            .await
            .unwrap();

        // restore into an existing volume
        let target = new_volume(&c, &zone).await;
        volumes.push(target.clone());
        let restore = backups::restore(&c, &full.id, &RestoreOpts::default().volume_id(&target))
            .await
            .extract()
            .unwrap();
        assert_eq!(
            (restore.backup_id.as_str(), restore.volume_id.as_str()),
            (full.id.as_str(), target.as_str())
        );
        backups::wait_for_status(&c, &full.id, BackupStatus::Available, &wait())
            .await
            .unwrap();
        wait_status(&c, &VOLUME, "volume", &target).await;

        // reset status (admin), force delete, delete
        // The backup service applies a reset (the API only passes it on): wait for it.
        backups::reset_status(&c, &full.id, BackupStatus::Error)
            .await
            .ok()
            .unwrap();
        let errored = backups::wait_for_status(&c, &full.id, BackupStatus::Error, &wait())
            .await
            .unwrap();
        assert_eq!(errored.status, BackupStatus::Error);
        backups::reset_status(&c, &full.id, BackupStatus::Available)
            .await
            .ok()
            .unwrap();
        // Still `error` until the backup service applies it: wait without failing on it.
        ferrocloud::wait::wait_for(
            "the reset to available",
            &wait(),
            || async { backups::get(&c, &full.id).await.extract() },
            |b: &backups::Backup| match b.status {
                BackupStatus::Available => State::Ready,
                _ => State::Pending,
            },
            |_| {},
        )
        .await
        .unwrap();
        // the full backup has a dependent: deleting it first is refused
        let refused = backups::delete(&c, &full.id).await;
        assert_eq!(refused.status_code(), Some(400));
        backups::force_delete(&c, &inc.id).await.ok().unwrap();
        backups::wait_for_delete(&c, &inc.id, &wait())
            .await
            .unwrap();
        backups::delete(&c, &full.id).await.ok().unwrap();
        backups::wait_for_delete(&c, &full.id, &wait())
            .await
            .unwrap();
        made.clear();
    })
    .catch_unwind()
    .await;
    clean(&c, &made, &[], &volumes).await;
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn backup_of_a_snapshot() {
    let c = cinder().await;
    let zone = backup_zone(&c).await;
    let mut made = Vec::new();
    let mut snaps = Vec::new();
    let mut volumes = Vec::new();
    let result = AssertUnwindSafe(async {
        let vol = new_volume(&c, &zone).await;
        volumes.push(vol.clone());
        let s = c
            .request(&SNAPSHOTS, &[])
            .json(&json!({"snapshot": {"volume_id": vol, "name": unique("bksnap")}}))
            .send()
            .await
            .extract()
            .unwrap();
        let snap = s["snapshot"]["id"].as_str().unwrap().to_string();
        snaps.push(snap.clone());
        wait_status(&c, &SNAPSHOT, "snapshot", &snap).await;
        let created = backups::create(&c, &CreateOpts::new(&vol).snapshot_id(&snap))
            .await
            .extract()
            .unwrap();
        made.push(created.id.clone());
        let b = backups::wait_for_status(&c, &created.id, BackupStatus::Available, &wait())
            .await
            .unwrap();
        assert_eq!(b.snapshot_id.as_deref(), Some(snap.as_str()));
        assert!(b.data_timestamp.is_some());
        backups::delete(&c, &b.id).await.ok().unwrap();
        backups::wait_for_delete(&c, &b.id, &wait()).await.unwrap();
        made.clear();
    })
    .catch_unwind()
    .await;
    clean(&c, &made, &snaps, &volumes).await;
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

/// Restoring to a new volume: Cinder creates it in its default availability zone, so
/// this needs the backup service in that zone (as `scripts/devcloud up full` runs it).
#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn restore_to_a_new_volume() {
    let c = cinder().await;
    let zone = backup_zone(&c).await;
    let mut made = Vec::new();
    let mut volumes = Vec::new();
    let result = AssertUnwindSafe(async {
        let vol = new_volume(&c, &zone).await;
        volumes.push(vol.clone());
        let created = backups::create(&c, &CreateOpts::new(&vol))
            .await
            .extract()
            .unwrap();
        made.push(created.id.clone());
        backups::wait_for_status(&c, &created.id, BackupStatus::Available, &wait())
            .await
            .unwrap();
        let name = unique("restored");
        let r = backups::restore(&c, &created.id, &RestoreOpts::default().name(&name))
            .await
            .extract()
            .unwrap();
        volumes.push(r.volume_id.clone());
        assert_eq!(r.volume_name.as_deref(), Some(name.as_str()));
        wait_status(&c, &VOLUME, "volume", &r.volume_id).await;
        backups::wait_for_status(&c, &created.id, BackupStatus::Available, &wait())
            .await
            .unwrap();
    })
    .catch_unwind()
    .await;
    clean(&c, &made, &[], &volumes).await;
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}
