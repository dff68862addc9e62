//! Volume transfers (both APIs) and messages against a mock Cinder answering with the
//! official samples.

use crate::{V2, V3, expect, expect_at, volume, volume_v2};
use ferrocloud::openstack::blockstorage::v3::messages;
use ferrocloud::openstack::blockstorage::v3::volume_transfers::{self, CreateOpts, ListOpts};
use ferrocloud::{ErrorKind, ExposeSecret};
use wiremock::MockServer;

const T: &str = "94bae1a0-83fb-496c-9cd2-800d8237ab0d";

#[tokio::test]
async fn the_legacy_api_below_3_55_and_the_key_stays_secret() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let dir = format!("{V3}/volume_transfer");
    expect(
        &server,
        "POST",
        "os-volume-transfer",
        Some(&format!("{dir}/volume-transfer-create-request.json")),
        202,
        Some(&format!("{dir}/volume-transfer-create-response.json")),
    )
    .await;
    let sample = crate::common::sample_json(&format!(
        "block-storage/{dir}/volume-transfer-create-request.json"
    ));
    let opts: CreateOpts = serde_json::from_value(sample["transfer"].clone()).unwrap();
    let t = volume_transfers::create(&client, &opts)
        .await
        .extract()
        .unwrap();
    let key = t.auth_key.clone().unwrap();
    assert!(!key.expose_secret().is_empty());
    assert!(!format!("{t:?}").contains(key.expose_secret()), "{t:?}");

    expect(
        &server,
        "POST",
        &format!("os-volume-transfer/{T}/accept"),
        Some(&format!("{dir}/volume-transfer-accept-request.json")),
        202,
        Some(&format!("{dir}/volume-transfer-accept-response.json")),
    )
    .await;
    let accept = crate::common::sample_json(&format!(
        "block-storage/{dir}/volume-transfer-accept-request.json"
    ));
    let key = accept["accept"]["auth_key"].as_str().unwrap().to_string();
    volume_transfers::accept(&client, T, key.into())
        .await
        .extract()
        .unwrap();

    expect(
        &server,
        "GET",
        "os-volume-transfer/detail",
        None,
        200,
        Some(&format!(
            "{dir}/volume-transfers-list-detailed-response.json"
        )),
    )
    .await;
    let all = volume_transfers::list_detail(&client, &ListOpts::default())
        .all()
        .await
        .unwrap();
    assert!(all[0].created_at.is_some());
    expect(
        &server,
        "DELETE",
        &format!("os-volume-transfer/{T}"),
        None,
        202,
        None,
    )
    .await;
    volume_transfers::delete(&client, T).await.ok().unwrap();
    // no_snapshots needs 3.55.
    let err = volume_transfers::create(&client, &CreateOpts::new("v").no_snapshots())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn the_newer_api_from_3_55() {
    let server = MockServer::start().await;
    let client = volume(&server).await.with_microversion("3.57");
    let dir = format!("{V3}/volume_transfers");
    expect(
        &server,
        "POST",
        "volume-transfers",
        Some(&format!("{dir}/v3.57/volume-transfers-create-request.json")),
        202,
        Some(&format!(
            "{dir}/v3.57/volume-transfers-create-response.json"
        )),
    )
    .await;
    let opts = CreateOpts {
        no_snapshots: Some(false),
        ..CreateOpts::new("80d68197-b67e-4c8e-bbb9-030b2581f921").name("first volume")
    };
    let t = volume_transfers::create(&client, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!((t.accepted, t.no_snapshots), (Some(false), Some(false)));
    expect(
        &server,
        "GET",
        &format!("volume-transfers/{T}"),
        None,
        200,
        Some(&format!("{dir}/v3.57/volume-transfers-show-response.json")),
    )
    .await;
    let shown = volume_transfers::get(&client, T).await.extract().unwrap();
    assert!(shown.source_project_id.is_some() && shown.destination_project_id.is_none());
    expect(
        &server,
        "GET",
        "volume-transfers",
        None,
        200,
        Some(&format!(
            "{V3}/volume_transfer/volume-transfers-list-response.json"
        )),
    )
    .await;
    assert_eq!(
        volume_transfers::list(&client, &ListOpts::default())
            .all()
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn v2_uses_the_legacy_api() {
    let server = MockServer::start().await;
    let client = volume_v2(&server).await;
    expect_at(
        &server,
        "GET",
        &format!("/volume/v2/p1/os-volume-transfer/{T}"),
        None,
        200,
        Some(&format!("{V2}/volume-transfer-show-response.json")),
    )
    .await;
    volume_transfers::get(&client, T).await.extract().unwrap();
}

#[tokio::test]
async fn messages_list_show_delete_from_3_3() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let err = messages::list(&client, &Default::default())
        .all()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "before 3.3");
    let client = client.with_microversion("3.3");
    let id = "c506cd4b-9048-43bc-97ef-0d7dec369b42";
    expect(
        &server,
        "GET",
        "messages",
        None,
        200,
        Some(&format!("{V3}/messages-list-response.json")),
    )
    .await;
    let all = messages::list(&client, &Default::default())
        .all()
        .await
        .unwrap();
    assert!(!all.is_empty());
    expect(
        &server,
        "GET",
        &format!("messages/{id}"),
        None,
        200,
        Some(&format!("{V3}/messages-show-response.json")),
    )
    .await;
    let m = messages::get(&client, id).await.extract().unwrap();
    assert_eq!(m.event_id, "VOLUME_000002");
    expect(
        &server,
        "DELETE",
        &format!("messages/{id}"),
        None,
        204,
        None,
    )
    .await;
    messages::delete(&client, id).await.ok().unwrap();
}
