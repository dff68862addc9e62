//! Volumes and snapshots through Nova's proxy (to the real Cinder) at microversion 2.35.

use std::time::Duration;

use crate::support::*;
use ferrocloud::openstack::compute::v2::volumes::{self, CreateOpts, CreateSnapshotOpts, ListOpts};
use ferrocloud::wait::WaitOpts;
use ferrocloud::{ErrorKind, openstack};

fn patience() -> WaitOpts {
    WaitOpts::new(Duration::from_secs(180))
        .interval(Duration::from_millis(500), Duration::from_secs(3))
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_volumes_and_snapshots_round_trip() {
    let compute = openstack::new_compute_v2(&crate::support::fresh(member_opts()).await, region())
        .unwrap()
        .with_microversion("2.35");
    let name = unique("volume");
    let mut opts = CreateOpts::new(1)
        .display_name(&name)
        .display_description("made by a test");
    opts.metadata = Some([("purpose".to_string(), "test".to_string())].into());
    let created = volumes::create(&compute, &opts).await;
    assert_eq!(created.status().map(|s| s.as_u16()), Some(200));
    let v = created.extract().unwrap();
    assert_eq!(v.size, 1);
    assert_eq!(v.display_name.as_deref(), Some(name.as_str()));
    assert!(v.attachments.is_empty());

    let v = volumes::wait_for_status(&compute, &v.id, "available", &patience())
        .await
        .unwrap();
    assert_eq!(v.metadata["purpose"], "test");
    assert_eq!(v.display_description.as_deref(), Some("made by a test"));
    assert!(v.created_at.timestamp() > 0);
    assert!(v.volume_type.is_some());
    assert!(v.snapshot_id.is_none());

    let listed = volumes::extract_volumes(
        &volumes::list(&compute, &ListOpts::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert!(listed.iter().any(|x| x.id == v.id));
    let detailed = volumes::list_detail(&compute, &ListOpts::default())
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(
        detailed
            .iter()
            .any(|x| x.id == v.id && x.status == "available")
    );
    assert_eq!(volumes::find(&compute, &name).await.unwrap().id, v.id);

    // A snapshot of it.
    let snap = volumes::create_snapshot(
        &compute,
        &CreateSnapshotOpts::new(&v.id).display_name(format!("{name}-snap")),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(snap.volume_id, v.id);
    let snap = volumes::wait_for_snapshot_status(&compute, &snap.id, "available", &patience())
        .await
        .unwrap();
    assert_eq!(snap.size, 1);
    assert_eq!(snap.display_description, None);
    let snaps = volumes::extract_snapshots(
        &volumes::list_snapshots(&compute, &ListOpts::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert!(snaps.iter().any(|s| s.id == snap.id));
    let snaps = volumes::list_snapshots_detail(&compute, &ListOpts::default())
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(snaps.iter().any(|s| s.id == snap.id));
    volumes::delete_snapshot(&compute, &snap.id)
        .await
        .ok()
        .unwrap();
    volumes::wait_for_snapshot_delete(&compute, &snap.id, &patience())
        .await
        .unwrap();

    let deleted = volumes::delete(&compute, &v.id).await;
    assert_eq!(deleted.status().map(|s| s.as_u16()), Some(202));
    volumes::wait_for_delete(&compute, &v.id, &patience())
        .await
        .unwrap();
    let err = volumes::get(&compute, &v.id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    // Refused by the SDK before sending from 2.36 on.
    let err = volumes::list(&compute.with_microversion("2.36"), &ListOpts::default())
        .all_pages()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.status().is_none());
    assert!(
        err.to_string().contains("removed after microversion 2.35"),
        "{err}"
    );
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_volumes_unknown_ids_are_not_found() {
    // The base version (no microversion header) serves the proxy too.
    let compute = openstack::new_compute_v2(&member().await, region()).unwrap();
    let missing = "00000000-0000-4000-8000-000000000000";
    for err in [
        volumes::get(&compute, missing).await.extract().unwrap_err(),
        volumes::get_snapshot(&compute, missing)
            .await
            .extract()
            .unwrap_err(),
        volumes::delete(&compute, missing).await.ok().unwrap_err(),
    ] {
        assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    }
}
