//! Volume transfers against the real Cinder 28: a volume given by the member's project
//! and accepted by the admin's, with the legacy API (its snapshot goes along) and the 3.57
//! one with `no_snapshots` (the snapshot stays in the giver's project, where it can no
//! longer be deleted: its volume is gone from view); a wrong key refused; messages listed.

use std::time::Duration;

use crate::support::*;
use ferrocloud::openstack::blockstorage::v3::messages;
use ferrocloud::openstack::blockstorage::v3::snapshots;
use ferrocloud::openstack::blockstorage::v3::volume_transfers::{self, CreateOpts, ListOpts};
use ferrocloud::openstack::blockstorage::v3::volume_types;
use ferrocloud::openstack::blockstorage::v3::volumes::{self, VolumeStatus};
use ferrocloud::wait::WaitOpts;
use ferrocloud::{ErrorKind, ExposeSecret, ServiceClient, openstack};

fn wait() -> WaitOpts {
    WaitOpts::new(Duration::from_secs(120))
        .interval(Duration::from_millis(300), Duration::from_secs(2))
}

async fn clients(microversion: &str) -> (ServiceClient, ServiceClient, String) {
    let admin = admin().await;
    let admin_project = admin.auth_info().unwrap().project.unwrap().id;
    let giver = openstack::new_block_storage_v3(&member().await, region())
        .unwrap()
        .with_microversion(microversion);
    let taker = openstack::new_block_storage_v3(&admin, region())
        .unwrap()
        .with_microversion(microversion);
    (giver, taker, admin_project)
}

async fn give_and_take(microversion: &str, no_snapshots: bool) {
    let (giver, taker, taker_project) = clients(microversion).await;
    let v = volumes::create(&giver, &volumes::CreateOpts::new(1).name(unique("xfer")))
        .await
        .extract()
        .unwrap();
    volumes::wait_for_status(&giver, &v.id, VolumeStatus::Available, &wait())
        .await
        .unwrap();
    let snap = snapshots::create(&giver, &snapshots::CreateOpts::new(&v.id))
        .await
        .extract()
        .unwrap();
    snapshots::wait_for_status(
        &giver,
        &snap.id,
        snapshots::SnapshotStatus::Available,
        &wait(),
    )
    .await
    .unwrap();

    let mut opts = CreateOpts::new(&v.id).name(unique("transfer"));
    if no_snapshots {
        opts = opts.no_snapshots();
    }
    let t = volume_transfers::create(&giver, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(t.no_snapshots, no_snapshots.then_some(true));
    take(&giver, &taker, &taker_project, &v.id, t).await;
    let s = snapshots::get(&giver, &snap.id).await.extract();
    if no_snapshots {
        // The snapshot stayed in the giver's project, of a volume it no longer sees.
        let s = s.unwrap();
        assert_eq!(s.volume_id, v.id);
        let err = snapshots::delete(&giver, &snap.id).await.ok().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    } else {
        // The snapshot went along with the volume.
        assert_eq!(s.unwrap_err().kind(), ErrorKind::NotFound);
        let s = snapshots::get(&taker, &snap.id).await.extract().unwrap();
        assert_eq!(s.volume_id, v.id);
    }
    // The taker deletes the volume with its snapshots.
    let cascade = volumes::DeleteOpts {
        cascade: true,
        force: false,
    };
    volumes::delete_with(&taker, &v.id, &cascade)
        .await
        .ok()
        .unwrap();
    volumes::wait_for_delete(&taker, &v.id, &wait())
        .await
        .unwrap();
}

async fn take(
    giver: &ServiceClient,
    taker: &ServiceClient,
    taker_project: &str,
    volume_id: &str,
    t: volume_transfers::Transfer,
) {
    let key = t
        .auth_key
        .clone()
        .expect("the key comes with the new transfer");
    assert!(!format!("{t:?}").contains(key.expose_secret()));
    let v = volumes::get(giver, volume_id).await.extract().unwrap();
    assert_eq!(v.status, VolumeStatus::AwaitingTransfer);
    // Listed and found by the giver, without the key.
    let listed = volume_transfers::list_detail(giver, &ListOpts::default())
        .all()
        .await
        .unwrap();
    assert!(listed.iter().any(|x| x.id == t.id && x.auth_key.is_none()));
    let found = volume_transfers::find(giver, t.name.as_deref().unwrap())
        .await
        .unwrap();
    assert_eq!(found.id, t.id);
    // A wrong key is refused.
    let err = volume_transfers::accept(taker, &t.id, "0123456789abcdef".to_string().into())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest, "{err}");
    assert!(!err.to_string().contains(key.expose_secret()));
    let accepted = volume_transfers::accept(taker, &t.id, key)
        .await
        .extract()
        .unwrap();
    assert_eq!(accepted.volume_id, volume_id);
    // The volume is the taker's now, and gone from the giver's view.
    let v = volumes::get(taker, volume_id).await.extract().unwrap();
    assert_eq!(v.status, VolumeStatus::Available);
    assert_eq!(v.tenant_id.as_deref(), Some(taker_project));
    let err = volumes::get(giver, volume_id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn blockstorage_transfers_legacy_api() {
    give_and_take("3.0", false).await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn blockstorage_transfers_3_57_without_snapshots() {
    give_and_take("3.57", true).await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn blockstorage_transfers_created_then_deleted() {
    let (giver, _, _) = clients("3.57").await;
    let v = volumes::create(
        &giver,
        &volumes::CreateOpts::new(1).name(unique("xfer-del")),
    )
    .await
    .extract()
    .unwrap();
    volumes::wait_for_status(&giver, &v.id, VolumeStatus::Available, &wait())
        .await
        .unwrap();
    let t = volume_transfers::create(&giver, &CreateOpts::new(&v.id))
        .await
        .extract()
        .unwrap();
    let shown = volume_transfers::get(&giver, &t.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(shown.accepted, Some(false));
    assert!(shown.source_project_id.is_some());
    let summary = volume_transfers::list(&giver, &ListOpts::default())
        .all()
        .await
        .unwrap();
    assert!(summary.iter().any(|x| x.id == t.id));
    volume_transfers::delete(&giver, &t.id).await.ok().unwrap();
    let v = volumes::wait_for_status(&giver, &v.id, VolumeStatus::Available, &wait())
        .await
        .unwrap();
    // The legacy API (before 3.55): listed and deleted there too.
    let legacy = giver.with_microversion("3.0");
    let t = volume_transfers::create(&legacy, &CreateOpts::new(&v.id))
        .await
        .extract()
        .unwrap();
    let summary = volume_transfers::list(&legacy, &ListOpts::default())
        .all()
        .await
        .unwrap();
    assert!(summary.iter().any(|x| x.id == t.id));
    volume_transfers::delete(&legacy, &t.id).await.ok().unwrap();
    let gone = volume_transfers::get(&legacy, &t.id)
        .await
        .extract()
        .unwrap_err();
    assert!(gone.is_not_found(), "{gone}");
    let v = volumes::wait_for_status(&giver, &v.id, VolumeStatus::Available, &wait())
        .await
        .unwrap();
    volumes::delete(&giver, &v.id).await.ok().unwrap();
    volumes::wait_for_delete(&giver, &v.id, &wait())
        .await
        .unwrap();

    // Messages (from 3.3): a volume of a type no back end offers fails to schedule, and
    // Cinder leaves its owner a message saying so.
    let messages_client = giver.with_microversion("3.3");
    let admin = openstack::new_block_storage_v3(&admin().await, region()).unwrap();
    let nowhere = volume_types::create(
        &admin,
        &volume_types::CreateOpts::new(unique("nowhere"))
            .extra_spec("volume_backend_name", "ferro-nowhere"),
    )
    .await
    .extract()
    .unwrap();
    let huge = volumes::create(
        &giver,
        &volumes::CreateOpts::new(1)
            .name(unique("unplaceable"))
            .volume_type(&nowhere.id),
    )
    .await
    .extract();
    let huge = match huge {
        Ok(v) => v,
        Err(e) => {
            let _ = volume_types::delete(&admin, &nowhere.id).await;
            panic!("{e}");
        }
    };
    let failed = volumes::wait_for_status(&giver, &huge.id, VolumeStatus::Error, &wait()).await;
    let mut found = None;
    for _ in 0..60 {
        let all = messages::list(&messages_client, &Default::default())
            .all()
            .await
            .unwrap();
        found = all
            .into_iter()
            .find(|m| m.resource_uuid.as_deref() == Some(huge.id.as_str()));
        if found.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    volumes::delete(&giver, &huge.id).await.ok().unwrap();
    let _ = volumes::wait_for_delete(&giver, &huge.id, &wait()).await;
    volume_types::delete(&admin, &nowhere.id)
        .await
        .ok()
        .unwrap();
    failed.unwrap();
    let m = found.expect("a message about the volume that could not be scheduled");
    assert_eq!(m.resource_type, "VOLUME");
    assert_eq!(m.message_level, "ERROR");
    let shown = messages::get(&messages_client, &m.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(shown.user_message, m.user_message);
    messages::delete(&messages_client, &m.id)
        .await
        .ok()
        .unwrap();
    let gone = messages::get(&messages_client, &m.id)
        .await
        .extract()
        .unwrap_err();
    assert!(gone.is_not_found(), "{gone}");
}
