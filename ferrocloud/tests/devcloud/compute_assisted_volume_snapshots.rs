//! Assisted volume snapshots against the real Nova: without a volume attached to a
//! libvirt server there is nothing to snapshot, and Nova says so.

use crate::support::*;
use ferrocloud::openstack::compute::v2::assisted_volume_snapshots::{
    self, CreateInfo, CreateOpts, DeleteInfo,
};
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_assisted_volume_snapshots_need_an_attached_volume() {
    let compute =
        openstack::new_compute_v2(&crate::support::fresh(admin_opts()).await, region()).unwrap();
    let opts = CreateOpts {
        volume_id: "521752a6-acf6-4b2d-bc7a-119f9148cd8c".into(),
        create_info: CreateInfo {
            snapshot_id: "421752a6-acf6-4b2d-bc7a-119f9148cd8c".into(),
            snapshot_type: "qcow2".into(),
            new_file: "volume-snap.qcow2".into(),
            id: None,
        },
    };
    let err = assisted_volume_snapshots::create(&compute, &opts)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest);
    let err = assisted_volume_snapshots::delete(
        &compute,
        "421752a6-acf6-4b2d-bc7a-119f9148cd8c",
        &DeleteInfo::new("521752a6-acf6-4b2d-bc7a-119f9148cd8c"),
    )
    .await
    .ok()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest);
    assert!(err.to_string().contains("521752a6"), "{err}");
}
