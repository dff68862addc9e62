//! Manageable snapshots against a mock Cinder answering with the official samples.

use crate::{V3, expect, volume};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::blockstorage::v3::manageable_snapshots::{self, ListOpts, ManageOpts};
use wiremock::MockServer;

#[tokio::test]
async fn list_and_manage() {
    let server = MockServer::start().await;
    let client = volume(&server).await.with_microversion("3.8");
    let opts = ListOpts {
        host: Some("cinder@lvm".into()),
        ..ListOpts::default()
    };
    expect(
        &server,
        "GET",
        "manageable_snapshots",
        None,
        200,
        Some(&format!("{V3}/snapshot-manage-list-response.json")),
    )
    .await;
    let short = manageable_snapshots::list(&client, &opts)
        .all()
        .await
        .unwrap();
    assert_eq!(short.len(), 2);
    assert!(short[0].safe_to_manage && !short[1].safe_to_manage);
    expect(
        &server,
        "GET",
        "manageable_snapshots/detail",
        None,
        200,
        Some(&format!("{V3}/snapshot-manage-list-detail-response.json")),
    )
    .await;
    let all = manageable_snapshots::list_detail(&client, &opts)
        .all()
        .await
        .unwrap();
    assert_eq!(all[1].reason_not_safe.as_deref(), Some("already managed"));

    let req = format!("{V3}/snapshot_manage_extensions/snapshot-manage-request.json");
    let body = crate::common::sample_json(&format!("block-storage/{req}"));
    let manage: ManageOpts = serde_json::from_value(body["snapshot"].clone()).unwrap();
    expect(
        &server,
        "POST",
        "manageable_snapshots",
        Some(&req),
        202,
        Some(&format!(
            "{V3}/snapshot_manage_extensions/snapshot-manage-response.json"
        )),
    )
    .await;
    // The official answer writes `"updated_at": "null"`, a string that is no time
    // (Cinder sends null): it is refused as a decode error, not read as something else.
    let err = manageable_snapshots::manage(&client, &manage)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert!(err.to_string().contains("Snapshot"), "{err}");

    // Exactly one of host and cluster, before sending.
    let err = manageable_snapshots::list(&client, &ListOpts::default())
        .all()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}
