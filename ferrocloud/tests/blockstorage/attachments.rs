//! Attachments against a mock Cinder answering with the official samples.

use crate::{V3, expect, volume};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::blockstorage::v3::attachments::{
    self, AttachStatus, CreateOpts, ListOpts,
};
use ferrocloud::openstack::blockstorage::v3::volume_actions::Connector;
use wiremock::MockServer;

const A: &str = "3b8b6631-1cf7-4fd7-9afb-c01e541a073c";

fn sample(name: &str) -> String {
    format!("{V3}/{name}")
}

#[tokio::test]
async fn create_update_complete_list_show_delete() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    // Refused before 3.27.
    let err = attachments::get(&client, A).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let client = client.with_microversion("3.44");

    let req = crate::common::sample_json(&format!(
        "block-storage/{}",
        sample("attachment-create-request.json")
    ));
    let opts: CreateOpts = serde_json::from_value(req["attachment"].clone()).unwrap();
    assert_eq!(
        opts.connector.as_ref().unwrap().other["mountpoint"],
        "/dev/vdb"
    );
    expect(
        &server,
        "POST",
        "attachments",
        Some(&sample("attachment-create-request.json")),
        200,
        Some(&sample("attachment-create-response.json")),
    )
    .await;
    let a = attachments::create(&client, &opts).await.extract().unwrap();
    assert_eq!((a.id.as_str(), &a.status), (A, &AttachStatus::Attaching));
    assert!(a.connection_info.is_none(), "{{}} reads as none");

    let connector: Connector = serde_json::from_value(
        crate::common::sample_json(&format!(
            "block-storage/{}",
            sample("attachment-update-request.json")
        ))["attachment"]["connector"]
            .clone(),
    )
    .unwrap();
    expect(
        &server,
        "PUT",
        &format!("attachments/{A}"),
        Some(&sample("attachment-update-request.json")),
        200,
        Some(&sample("attachment-update-response.json")),
    )
    .await;
    attachments::update(&client, A, &connector)
        .await
        .extract()
        .unwrap();

    expect(
        &server,
        "POST",
        &format!("attachments/{A}/action"),
        Some(&sample("attachment-complete.json")),
        204,
        None,
    )
    .await;
    attachments::complete(&client, A).await.ok().unwrap();

    expect(
        &server,
        "GET",
        "attachments",
        None,
        200,
        Some(&sample("attachment-list-response.json")),
    )
    .await;
    let all = attachments::list(&client, &ListOpts::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all[0].attach_mode, None);
    expect(
        &server,
        "GET",
        "attachments/detail",
        None,
        200,
        Some(&sample("attachment-list-detailed-response.json")),
    )
    .await;
    attachments::list_detail(&client, &ListOpts::default())
        .all()
        .await
        .unwrap();
    expect(
        &server,
        "GET",
        &format!("attachments/{A}"),
        None,
        200,
        Some(&sample("attachment-show-response.json")),
    )
    .await;
    let a = attachments::get(&client, A).await.extract().unwrap();
    assert_eq!(a.attach_mode.as_deref(), Some("ro"));
    expect(
        &server,
        "DELETE",
        &format!("attachments/{A}"),
        None,
        200,
        None,
    )
    .await;
    attachments::delete(&client, A).await.ok().unwrap();

    // The mode needs 3.54.
    let with_mode = CreateOpts {
        mode: Some("ro".into()),
        ..CreateOpts::new("v")
    };
    let err = attachments::create(&client, &with_mode)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}
