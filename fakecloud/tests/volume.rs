//! Cinder in the fake: the volume and snapshot status machines on a frozen clock,
//! deletion rules, volume types, and volumes attached through Nova, through the SDK.

use std::time::Duration;

use fakecloud::{Clock, FakeCloud, SEED_IMAGE_ID};
use ferrocloud::openstack::blockstorage::v3::snapshots::{self, SnapshotStatus};
use ferrocloud::openstack::blockstorage::v3::volume_actions;
use ferrocloud::openstack::blockstorage::v3::volume_types;
use ferrocloud::openstack::blockstorage::v3::volumes::{self, CreateOpts, VolumeStatus};
use ferrocloud::openstack::compute::v2::servers::{self, Networks};
use ferrocloud::openstack::compute::v2::volume_attachments::{self, AttachOpts};
use ferrocloud::{ErrorKind, ServiceClient, openstack};

async fn frozen() -> (FakeCloud, Clock) {
    let clock = Clock::frozen();
    let cloud = FakeCloud::builder()
        .clock(clock.clone())
        .start()
        .await
        .unwrap();
    (cloud, clock)
}

async fn volumes(cloud: &FakeCloud, user: &str) -> ServiceClient {
    let p = cloud.provider(user).await.unwrap();
    openstack::new_block_storage_v3(&p, Default::default())
        .unwrap()
        .with_microversion("3.71")
}

async fn status(c: &ServiceClient, id: &str) -> VolumeStatus {
    volumes::get(c, id).await.extract().unwrap().status
}

#[tokio::test]
async fn a_volume_is_created_extended_and_deleted_on_the_clock() {
    let (cloud, clock) = frozen().await;
    let c = volumes(&cloud, "admin").await;
    let r = volumes::create(&c, &CreateOpts::new(1).name("v")).await;
    assert_eq!(
        r.headers()
            .and_then(|h| h.get("openstack-api-version"))
            .and_then(|v| v.to_str().ok()),
        Some("volume 3.71")
    );
    let v = r.extract().unwrap();
    assert_eq!(v.status, VolumeStatus::Creating);
    assert_eq!(v.volume_type.as_deref(), Some("__DEFAULT__"));
    clock.advance(Duration::from_secs(1));
    assert_eq!(status(&c, &v.id).await, VolumeStatus::Available);

    volume_actions::extend(&c, &v.id, 3).await.ok().unwrap();
    assert_eq!(status(&c, &v.id).await, VolumeStatus::Extending);
    clock.advance(Duration::from_secs(1));
    let shown = volumes::get(&c, &v.id).await.extract().unwrap();
    assert_eq!((shown.status, shown.size), (VolumeStatus::Available, 3));
    // Shrinking is refused.
    let e = volume_actions::extend(&c, &v.id, 2).await.ok().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadRequest, "{e}");

    volumes::delete(&c, &v.id).await.ok().unwrap();
    assert_eq!(status(&c, &v.id).await, VolumeStatus::Deleting);
    clock.advance(Duration::from_secs(1));
    let e = volumes::get(&c, &v.id).await.extract().unwrap_err();
    assert!(e.is_not_found(), "{e}");
}

#[tokio::test]
async fn a_volume_with_snapshots_goes_only_by_cascade() {
    let (cloud, clock) = frozen().await;
    let c = volumes(&cloud, "demo").await;
    let v = volumes::create(&c, &CreateOpts::new(1))
        .await
        .extract()
        .unwrap();
    // Not yet available: no snapshot.
    let e = snapshots::create(&c, &snapshots::CreateOpts::new(&v.id))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadRequest, "{e}");
    clock.advance(Duration::from_secs(1));
    let s = snapshots::create(&c, &snapshots::CreateOpts::new(&v.id).name("s"))
        .await
        .extract()
        .unwrap();
    assert_eq!(s.status, SnapshotStatus::Creating);
    clock.advance(Duration::from_secs(1));
    let s = snapshots::get(&c, &s.id).await.extract().unwrap();
    assert_eq!(
        (s.status, s.progress.as_deref()),
        (SnapshotStatus::Available, Some("100%"))
    );
    let e = volumes::delete(&c, &v.id).await.ok().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadRequest, "{e}");
    // A member may not reset a status.
    let to_error = volume_actions::ResetStatusOpts {
        status: Some(VolumeStatus::Error),
        ..Default::default()
    };
    let e = volume_actions::reset_status(&c, &v.id, &to_error)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Forbidden, "{e}");
    let cascade = volumes::DeleteOpts {
        cascade: true,
        force: false,
    };
    volumes::delete_with(&c, &v.id, &cascade)
        .await
        .ok()
        .unwrap();
    clock.advance(Duration::from_secs(1));
    assert!(
        snapshots::get(&c, &s.id)
            .await
            .extract()
            .unwrap_err()
            .is_not_found()
    );
}

#[tokio::test]
async fn private_types_are_seen_by_the_projects_granted() {
    let cloud = FakeCloud::start().await.unwrap();
    let admin = volumes(&cloud, "admin").await;
    let demo = volumes(&cloud, "demo").await;
    let t = volume_types::create(&admin, &volume_types::CreateOpts::new("gold").private())
        .await
        .extract()
        .unwrap();
    let e = volume_types::get(&demo, &t.id).await.extract().unwrap_err();
    assert!(e.is_not_found(), "{e}");
    let project = cloud
        .state(|s| s.project_by_name("demo").map(|p| p.id.clone()))
        .unwrap();
    volume_types::add_project_access(&admin, &t.id, &project)
        .await
        .ok()
        .unwrap();
    assert_eq!(
        volume_types::get(&demo, &t.id)
            .await
            .extract()
            .unwrap()
            .name,
        "gold"
    );
    let e = volume_types::create(&demo, &volume_types::CreateOpts::new("mine"))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Forbidden, "{e}");
}

#[tokio::test]
async fn nova_attaches_and_detaches_and_a_deleted_server_lets_go() {
    let (cloud, clock) = frozen().await;
    let c = volumes(&cloud, "demo").await;
    let p = cloud.provider("demo").await.unwrap();
    let compute = openstack::new_compute_v2(&p, Default::default())
        .unwrap()
        .with_microversion("2.79");
    let server = servers::create(
        &compute,
        &servers::CreateOpts::new("withvol", "42")
            .image_ref(SEED_IMAGE_ID)
            .networks(Networks::Auto),
    )
    .await
    .extract()
    .unwrap()
    .id;
    let v = volumes::create(&c, &CreateOpts::new(1))
        .await
        .extract()
        .unwrap();
    clock.advance(Duration::from_secs(2));
    // The server's address comes from a port on the demo project's network.
    let shown = servers::get(&compute, &server).await.extract().unwrap();
    assert!(
        shown.addresses["private"][0].addr.starts_with("10.0.0."),
        "{shown:?}"
    );

    let att = volume_attachments::attach(&compute, &server, &AttachOpts::new(&v.id))
        .await
        .extract()
        .unwrap();
    assert_eq!(att.device.as_deref(), Some("/dev/vdb"));
    let inuse = volumes::get(&c, &v.id).await.extract().unwrap();
    assert_eq!(inuse.status, VolumeStatus::InUse);
    assert_eq!(
        inuse.attachments[0].server_id.as_deref(),
        Some(server.as_str())
    );
    // Attached: not deleted.
    let e = volumes::delete(&c, &v.id).await.ok().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadRequest, "{e}");
    volume_attachments::detach(&compute, &server, &v.id)
        .await
        .ok()
        .unwrap();
    assert_eq!(status(&c, &v.id).await, VolumeStatus::Available);

    volume_attachments::attach(&compute, &server, &AttachOpts::new(&v.id))
        .await
        .ok()
        .unwrap();
    servers::delete(&compute, &server).await.ok().unwrap();
    clock.advance(Duration::from_secs(1));
    assert_eq!(status(&c, &v.id).await, VolumeStatus::Available);
}

#[tokio::test]
async fn quotas_are_enforced_as_cinder_does() {
    use ferrocloud::openstack::blockstorage::v3::quota_sets;
    let (cloud, clock) = frozen().await;
    let admin = volumes(&cloud, "admin").await;
    let demo = volumes(&cloud, "demo").await;
    let project = cloud
        .state(|s| s.project_by_name("demo").map(|p| p.id.clone()))
        .unwrap();
    let limits = quota_sets::UpdateOpts {
        volumes: Some(2),
        snapshots: Some(1),
        gigabytes: Some(6),
        per_volume_gigabytes: Some(4),
        ..Default::default()
    };
    quota_sets::update(&admin, &project, &limits)
        .await
        .ok()
        .unwrap();
    let refused = |r: Result<(), ferrocloud::Error>, says: &str| {
        let e = r.unwrap_err();
        assert_eq!(e.status().map(|s| s.as_u16()), Some(413), "{e}");
        assert!(e.service_message().contains(says), "{e}");
    };

    let too_big = volumes::create(&demo, &CreateOpts::new(5)).await.ok();
    refused(
        too_big,
        "VolumeSizeExceedsLimit: Requested volume size 5G is larger than maximum allowed limit 4G.",
    );
    volumes::create(&demo, &CreateOpts::new(3))
        .await
        .extract()
        .unwrap();
    let over = volumes::create(&demo, &CreateOpts::new(4)).await.ok();
    refused(
        over,
        "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed \
         gigabytes quota. Requested 4G, quota is 6G and 3G has been consumed.",
    );
    let one = volumes::create(&demo, &CreateOpts::new(1))
        .await
        .extract()
        .unwrap();
    let third = volumes::create(&demo, &CreateOpts::new(1)).await.ok();
    refused(
        third,
        "VolumeLimitExceeded: Maximum number of volumes allowed (2) exceeded for quota 'volumes'.",
    );
    clock.advance(Duration::from_secs(1));

    // A snapshot counts its volume's size against the gigabytes too.
    snapshots::create(&demo, &snapshots::CreateOpts::new(&one.id))
        .await
        .extract()
        .unwrap();
    let second = snapshots::create(&demo, &snapshots::CreateOpts::new(&one.id))
        .await
        .ok();
    refused(
        second,
        "SnapshotLimitExceeded: Maximum number of snapshots allowed (1) exceeded",
    );
    // Growing a volume asks for the difference.
    let grown = volume_actions::extend(&demo, &one.id, 3).await.ok();
    refused(grown, "Requested 2G, quota is 6G and 5G has been consumed.");

    // The admin's own project keeps the defaults.
    volumes::create(&admin, &CreateOpts::new(5))
        .await
        .extract()
        .unwrap();
}

#[tokio::test]
async fn a_transfer_holds_the_volume_until_taken_or_deleted() {
    use ferrocloud::ExposeSecret;
    use ferrocloud::openstack::blockstorage::v3::volume_transfers;
    let (cloud, clock) = frozen().await;
    let demo = volumes(&cloud, "demo").await;
    let admin = volumes(&cloud, "admin").await;
    let v = volumes::create(&demo, &CreateOpts::new(1))
        .await
        .extract()
        .unwrap();
    clock.advance(Duration::from_secs(1));
    let opts = volume_transfers::CreateOpts::new(&v.id).name("t");
    let t = volume_transfers::create(&demo, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(status(&demo, &v.id).await, VolumeStatus::AwaitingTransfer);
    // Deleting the transfer gives the volume back; a new one can be made.
    volume_transfers::delete(&demo, &t.id).await.ok().unwrap();
    assert_eq!(status(&demo, &v.id).await, VolumeStatus::Available);
    let gone = volume_transfers::get(&demo, &t.id)
        .await
        .extract()
        .unwrap_err();
    assert!(gone.is_not_found(), "{gone}");
    let t = volume_transfers::create(&demo, &opts)
        .await
        .extract()
        .unwrap();
    let key = t.auth_key.clone().unwrap();
    assert_eq!(key.expose_secret().len(), 16);
    // A volume awaiting transfer takes no second one.
    let twice = volume_transfers::create(&demo, &opts)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(twice.kind(), ErrorKind::BadRequest, "{twice}");
    volume_transfers::accept(&admin, &t.id, key)
        .await
        .extract()
        .unwrap();
    let taken = volumes::get(&admin, &v.id).await.extract().unwrap();
    assert_eq!(taken.status, VolumeStatus::Available);
    let e = volumes::get(&demo, &v.id).await.extract().unwrap_err();
    assert!(e.is_not_found(), "{e}");
    // Taken transfers are gone.
    let e = volume_transfers::get(&admin, &t.id)
        .await
        .extract()
        .unwrap_err();
    assert!(e.is_not_found(), "{e}");
}

#[tokio::test]
async fn a_type_bound_to_another_back_end_leaves_its_volumes_in_error() {
    let (cloud, clock) = frozen().await;
    let admin = volumes(&cloud, "admin").await;
    let nowhere = volume_types::create(
        &admin,
        &volume_types::CreateOpts::new("nowhere").extra_spec("volume_backend_name", "elsewhere"),
    )
    .await
    .extract()
    .unwrap();
    let here = volume_types::create(
        &admin,
        &volume_types::CreateOpts::new("here").extra_spec("volume_backend_name", "fake"),
    )
    .await
    .extract()
    .unwrap();
    let failed = volumes::create(&admin, &CreateOpts::new(1).volume_type(&nowhere.id))
        .await
        .extract()
        .unwrap();
    let placed = volumes::create(&admin, &CreateOpts::new(1).volume_type(&here.id))
        .await
        .extract()
        .unwrap();
    clock.advance(Duration::from_secs(1));
    assert_eq!(status(&admin, &failed.id).await, VolumeStatus::Error);
    assert_eq!(status(&admin, &placed.id).await, VolumeStatus::Available);
}
