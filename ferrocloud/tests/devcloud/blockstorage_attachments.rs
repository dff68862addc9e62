//! The attachments API (3.27/3.44) against the real Cinder 28 (no-op driver, which
//! answers connections as os-brick `local` ones): reserve, connect, complete, delete.

use std::time::Duration;

use crate::support::*;
use ferrocloud::openstack::blockstorage::v3::attachments::{
    self, AttachStatus, CreateOpts, ListOpts,
};
use ferrocloud::openstack::blockstorage::v3::volume_actions::Connector;
use ferrocloud::openstack::blockstorage::v3::volumes::{self, VolumeStatus};
use ferrocloud::wait::WaitOpts;
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn blockstorage_attachments_reserve_connect_complete_delete() {
    let c = openstack::new_block_storage_v3(&admin().await, region())
        .unwrap()
        .with_microversion("3.54");
    let wait = WaitOpts::new(Duration::from_secs(120))
        .interval(Duration::from_millis(300), Duration::from_secs(2));
    let v = volumes::create(&c, &volumes::CreateOpts::new(1).name(unique("attach")))
        .await
        .extract()
        .unwrap();
    volumes::wait_for_status(&c, &v.id, VolumeStatus::Available, &wait)
        .await
        .unwrap();

    // Reserved: no connector yet, no connection info; the volume is reserved.
    let opts = CreateOpts {
        mode: Some("rw".into()),
        ..CreateOpts::new(&v.id)
    };
    let a = attachments::create(&c, &opts).await.extract().unwrap();
    assert_eq!(a.status, AttachStatus::Reserved);
    assert!(a.connection_info.is_none());
    assert_eq!(
        volumes::get(&c, &v.id).await.extract().unwrap().status,
        VolumeStatus::Reserved
    );

    // Connected: the no-op driver answers a `local` connection.
    let connector = Connector {
        host: Some("devcloud-host".into()),
        ip: Some("127.0.0.1".into()),
        platform: Some("x86_64".into()),
        os_type: Some("linux".into()),
        multipath: Some(false),
        ..Connector::default()
    };
    let a = attachments::update(&c, &a.id, &connector)
        .await
        .extract()
        .unwrap();
    let info = a
        .connection_info
        .clone()
        .expect("connection info once connected");
    assert_eq!(info.driver_volume_type, "local");
    assert_eq!(a.attach_mode.as_deref(), Some("rw"));

    // Completed: the volume is in use.
    attachments::complete(&c, &a.id).await.ok().unwrap();
    let shown = attachments::get(&c, &a.id).await.extract().unwrap();
    assert_eq!(shown.status, AttachStatus::Attached);
    assert_eq!(
        volumes::get(&c, &v.id).await.extract().unwrap().status,
        VolumeStatus::InUse
    );
    let by_volume = ListOpts {
        volume_id: Some(v.id.clone()),
        ..ListOpts::default()
    };
    let listed = attachments::list_detail(&c, &by_volume)
        .all()
        .await
        .unwrap();
    assert_eq!(
        listed.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
        [a.id.as_str()]
    );
    let summary = attachments::list(&c, &by_volume).all().await.unwrap();
    assert_eq!(summary.len(), 1);
    assert_eq!(summary[0].id, a.id);

    // Deleted: detached, the volume available again.
    attachments::delete(&c, &a.id).await.ok().unwrap();
    volumes::wait_for_status(&c, &v.id, VolumeStatus::Available, &wait)
        .await
        .unwrap();
    let err = attachments::get(&c, &a.id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    volumes::delete(&c, &v.id).await.ok().unwrap();
    volumes::wait_for_delete(&c, &v.id, &wait).await.unwrap();
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn blockstorage_manageable_snapshots_listing_on_the_real_backend() {
    use ferrocloud::openstack::blockstorage::v3::manageable_snapshots::{self, ListOpts};
    let c = openstack::new_block_storage_v3(&admin().await, region())
        .unwrap()
        .with_microversion("3.8");
    let opts = ListOpts {
        host: Some("devcloud@fake".into()),
        ..ListOpts::default()
    };
    // The no-op driver reports what it holds; the listing answers in both forms.
    let short = manageable_snapshots::list(&c, &opts).all().await.unwrap();
    let detail = manageable_snapshots::list_detail(&c, &opts)
        .all()
        .await
        .unwrap();
    assert_eq!(short.len(), detail.len());
}
