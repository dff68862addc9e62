//! Volume actions against a mock Cinder: each request equals its official sample.

use std::collections::BTreeMap;

use crate::{V2, V3, expect, expect_at, volume, volume_v2};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::blockstorage::v2;
use ferrocloud::openstack::blockstorage::v3::volume_actions::{
    self, AttachOpts, AttachStatus, Connector, DiskFormat, ForceDetachOpts, ImageVisibility,
    MigrateCompletionOpts, MigrateOpts, MigrationPolicy, MigrationStatus, ReimageOpts,
    ResetStatusOpts, RetypeOpts, UploadImageOpts,
};
use ferrocloud::openstack::blockstorage::v3::volumes::VolumeStatus;
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ID: &str = "5aa119a8-d25b-45a7-8d1b-88e127885635";
const ACTION: &str = "volumes/5aa119a8-d25b-45a7-8d1b-88e127885635/action";

fn sample(name: &str) -> String {
    format!("{V3}/{name}")
}

fn node2() -> Connector {
    Connector {
        platform: Some("x86_64".into()),
        host: Some("node2".into()),
        do_local_attach: Some(false),
        ip: Some("192.168.13.101".into()),
        os_type: Some("linux2".into()),
        multipath: Some(false),
        initiator: Some("iqn.1994-05.com.redhat:d16cbb5d31e5".into()),
        ..Default::default()
    }
}

#[tokio::test]
async fn actions_without_answers_send_their_samples() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let post = |req: &'static str| {
        let server = &server;
        async move { expect(server, "POST", ACTION, Some(&sample(req)), 202, None).await }
    };

    post("volume-extend-request.json").await;
    volume_actions::extend(&client, ID, 3).await.ok().unwrap();

    post("volume-os-extend_volume_completion-request.json").await;
    volume_actions::extend_volume_completion(&client, ID, false)
        .await
        .ok()
        .unwrap();

    post("volume-status-reset-request.json").await;
    let reset = ResetStatusOpts {
        status: Some(VolumeStatus::Available),
        attach_status: Some(AttachStatus::Detached),
        migration_status: Some(MigrationStatus::Migrating),
    };
    volume_actions::reset_status(&client, ID, &reset)
        .await
        .ok()
        .unwrap();

    post("volume-image-metadata-unset-request.json").await;
    volume_actions::unset_image_metadata(&client, ID, "ramdisk_id")
        .await
        .ok()
        .unwrap();

    post("volume-attach-request.json").await;
    let attach = AttachOpts::server("95D9EF50-507D-11E5-B970-0800200C9A66", "/dev/vdc");
    volume_actions::attach(&client, ID, &attach)
        .await
        .ok()
        .unwrap();

    post("volume-detach-request.json").await;
    volume_actions::detach(&client, ID, Some("d8777f54-84cf-4809-a679-468ffed56cf1"))
        .await
        .ok()
        .unwrap();

    post("volume-unmanage-request.json").await;
    volume_actions::unmanage(&client, ID).await.ok().unwrap();

    post("volume-force-detach-request.json").await;
    let force = ForceDetachOpts {
        attachment_id: Some("d8777f54-84cf-4809-a679-468ffed56cf1".into()),
        connector: Some(Connector {
            initiator: Some("iqn.2012-07.org.fake:01".into()),
            ..Default::default()
        }),
    };
    volume_actions::force_detach(&client, ID, &force)
        .await
        .ok()
        .unwrap();

    post("volume-os-retype-request.json").await;
    let retype = RetypeOpts::new("dedup-tier-replicaton").migration_policy(MigrationPolicy::Never);
    volume_actions::retype(&client, ID, &retype)
        .await
        .ok()
        .unwrap();

    post("volume-os-migrate_volume-request.json").await;
    volume_actions::migrate(&client, ID, &MigrateOpts::host("node1@lvm"))
        .await
        .ok()
        .unwrap();

    post("volume-force-delete-request.json").await;
    volume_actions::force_delete(&client, ID)
        .await
        .ok()
        .unwrap();

    post("volume-reserve-request.json").await;
    volume_actions::reserve(&client, ID).await.ok().unwrap();

    post("volume-unreserve-request.json").await;
    volume_actions::unreserve(&client, ID).await.ok().unwrap();

    post("volume-begin-detaching-request.json").await;
    volume_actions::begin_detaching(&client, ID)
        .await
        .ok()
        .unwrap();

    post("volume-roll-detaching-request.json").await;
    volume_actions::roll_detaching(&client, ID)
        .await
        .ok()
        .unwrap();

    post("volume-terminate-connection-request.json").await;
    volume_actions::terminate_connection(&client, ID, &node2())
        .await
        .ok()
        .unwrap();

    post("volume-readonly-update-request.json").await;
    volume_actions::update_readonly_flag(&client, ID, true)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn microversioned_actions_send_their_header() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let e = volume_actions::revert(&client, ID, "s")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let reimage = ReimageOpts {
        image_id: "71543ced-a8af-45b6-a5c4-a46282108a90".into(),
        reimage_reserved: Some(false),
    };
    let e = volume_actions::reimage(&client.with_microversion("3.67"), ID, &reimage)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(sent_to_cinder(&server).await, 0);

    for (req, v) in [
        ("volume-revert-to-snapshot-request.json", "3.40"),
        ("volume-os-reimage-request.json", "3.68"),
    ] {
        Mock::given(method("POST"))
            .and(path(format!("/volume/v3/p1/{ACTION}")))
            .and(header(
                "openstack-api-version",
                format!("volume {v}").as_str(),
            ))
            .and(body_json(crate::common::sample_json(&format!(
                "block-storage/{}",
                sample(req)
            ))))
            .respond_with(ResponseTemplate::new(202))
            .expect(1)
            .mount(&server)
            .await;
    }
    volume_actions::revert(
        &client.with_microversion("3.40"),
        ID,
        "5aa119a8-d25b-45a7-8d1b-88e127885635",
    )
    .await
    .ok()
    .unwrap();
    volume_actions::reimage(&client.with_microversion("3.68"), ID, &reimage)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn image_metadata_set_show_and_answers() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    expect(
        &server,
        "POST",
        ACTION,
        Some(&sample("volume-image-metadata-set-request.json")),
        200,
        Some(&sample("volume-image-metadata-update-response.json")),
    )
    .await;
    let items: BTreeMap<String, String> = [
        ("image_id", "521752a6-acf6-4b2d-bc7a-119f9148cd8c"),
        ("image_name", "image"),
        ("kernel_id", "155d900f-4e14-4e4c-a73d-069cbf4541e6"),
        ("ramdisk_id", "somedisk"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let all = volume_actions::set_image_metadata(&client, ID, &items)
        .await
        .extract()
        .unwrap();
    assert_eq!(all["min_ram"], "0");

    expect(
        &server,
        "POST",
        ACTION,
        Some(&sample("image-metadata-show-request.json")),
        200,
        Some(&sample("image-metadata-show-response.json")),
    )
    .await;
    let shown = volume_actions::show_image_metadata(&client, ID)
        .await
        .extract()
        .unwrap();
    assert_eq!(shown["key1"], "value1");

    let mut bad = BTreeMap::new();
    bad.insert(String::new(), "v".to_string());
    let e = volume_actions::set_image_metadata(&client, ID, &bad)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let e = volume_actions::unset_image_metadata(&client, ID, "")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn actions_with_answers() {
    let server = MockServer::start().await;
    let client = volume(&server).await;

    // upload to image, with visibility and protection (3.1).
    Mock::given(method("POST"))
        .and(path(format!("/volume/v3/p1/{ACTION}")))
        .and(header("openstack-api-version", "volume 3.1"))
        .and(body_json(crate::common::sample_json(&format!(
            "block-storage/{}",
            sample("volume_actions/volume-upload-to-image-request.json")
        ))))
        .respond_with(crate::reply(
            202,
            Some(&sample(
                "volume_actions/volume-upload-to-image-response.json",
            )),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let opts = UploadImageOpts::new("test")
        .force(false)
        .disk_format(DiskFormat::Raw)
        .container_format("bare")
        .visibility(ImageVisibility::Private)
        .protected(false);
    let e = volume_actions::upload_to_image(&client, ID, &opts)
        .await
        .ok()
        .unwrap_err();
    assert!(e.to_string().contains("3.1"), "{e}");
    let image = volume_actions::upload_to_image(&client.with_microversion("3.1"), ID, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(image.image_id, "de75b74e-7f0d-4b59-a263-bd87bfc313bd");
    assert_eq!(image.status, VolumeStatus::Uploading);
    assert_eq!(image.visibility, Some(ImageVisibility::Private));

    // initialize connection: the connection info, with credentials hidden from Debug.
    let info = json!({"connection_info": {
        "driver_volume_type": "iscsi",
        "data": {"target_iqn": "iqn.2010-10.org.openstack:volume-1", "target_lun": 1,
                 "auth_method": "CHAP", "auth_username": "u", "auth_password": "pa55word"},
        "enforce_multipath": false}});
    Mock::given(method("POST"))
        .and(path(format!("/volume/v3/p1/{ACTION}")))
        .and(body_json(crate::common::sample_json(&format!(
            "block-storage/{}",
            sample("volume-initialize-connection-request.json")
        ))))
        .respond_with(ResponseTemplate::new(200).set_body_json(info))
        .expect(1)
        .mount(&server)
        .await;
    let conn = volume_actions::initialize_connection(&client, ID, &node2())
        .await
        .extract()
        .unwrap();
    assert_eq!(conn.driver_volume_type, "iscsi");
    assert_eq!(conn.data["target_lun"], 1);
    assert_eq!(conn.enforce_multipath, Some(false));
    let shown = format!("{conn:?}");
    assert!(
        !shown.contains("pa55word") && shown.contains("target_iqn"),
        "{shown}"
    );

    // migration completion: the volume that stays.
    Mock::given(method("POST"))
        .and(path(format!("/volume/v3/p1/{ACTION}")))
        .and(body_json(crate::common::sample_json(&format!(
            "block-storage/{}",
            sample("volume-os-migrate_volume_completion-request.json")
        ))))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"save_volume_id": ID})))
        .expect(1)
        .mount(&server)
        .await;
    let done = volume_actions::migrate_volume_completion(
        &client,
        ID,
        &MigrateCompletionOpts {
            new_volume: "2b955850-f177-45f7-9f49-ecb2c256d161".into(),
            error: Some(false),
        },
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(done.save_volume_id, ID);

    // set bootable: the sample's "True" is sent as a JSON boolean.
    Mock::given(method("POST"))
        .and(path(format!("/volume/v3/p1/{ACTION}")))
        .and(body_json(json!({"os-set_bootable": {"bootable": true}})))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    volume_actions::set_bootable(&client, ID, true)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn bad_options_are_refused_before_sending() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let no_target = AttachOpts {
        mountpoint: "/dev/vdb".into(),
        ..Default::default()
    };
    let e = volume_actions::attach(&client, ID, &no_target)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let e = volume_actions::reset_status(&client, ID, &ResetStatusOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let e = volume_actions::migrate(&client, ID, &MigrateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let to_cluster = MigrateOpts {
        cluster: Some("c@b".into()),
        ..Default::default()
    };
    let e = volume_actions::migrate(&client.with_microversion("3.15"), ID, &to_cluster)
        .await
        .ok()
        .unwrap_err();
    assert!(e.to_string().contains("3.16"), "{e}");
    let e = volume_actions::retype(&client, ID, &RetypeOpts::new(""))
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let e = volume_actions::extend(&client, ID, 0)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let e = volume_actions::upload_to_image(&client, ID, &UploadImageOpts::new(""))
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(sent_to_cinder(&server).await, 0);
}

#[tokio::test]
async fn v2_actions_use_the_v2_endpoint() {
    let server = MockServer::start().await;
    let client = volume_v2(&server).await;
    let at = format!("/volume/v2/p1/{ACTION}");
    expect_at(
        &server,
        "POST",
        &at,
        Some(&format!("{V2}/volume-extend-request.json")),
        202,
        None,
    )
    .await;
    v2::volume_actions::extend(&client, ID, 3)
        .await
        .ok()
        .unwrap();
    expect_at(
        &server,
        "POST",
        &at,
        Some(&format!("{V2}/image-metadata-show-request.json")),
        200,
        Some(&format!("{V2}/image-metadata-show-response.json")),
    )
    .await;
    let shown = v2::volume_actions::show_image_metadata(&client, ID)
        .await
        .extract()
        .unwrap();
    assert_eq!(shown["key2"], "value2");
    expect_at(
        &server,
        "POST",
        &at,
        Some(&format!(
            "{V2}/volume-os-migrate_volume_completion-request.json"
        )),
        200,
        None,
    )
    .await;
    let e = v2::volume_actions::migrate_volume_completion(
        &client,
        ID,
        &MigrateCompletionOpts {
            new_volume: "2b955850-f177-45f7-9f49-ecb2c256d161".into(),
            error: Some(false),
        },
    )
    .await
    .extract()
    .unwrap_err();
    // An empty answer is not a completion.
    assert_eq!(e.kind(), ErrorKind::Decode);
}

/// How many requests reached the mock Cinder (besides Keystone's).
async fn sent_to_cinder(server: &MockServer) -> usize {
    let reqs = server.received_requests().await.unwrap();
    reqs.iter()
        .filter(|r| r.url.path().starts_with("/volume/"))
        .count()
}
