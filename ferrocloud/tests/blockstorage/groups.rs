//! Group types and their specs, generic volume groups, group snapshots, consistency
//! groups and cgsnapshots against a mock Cinder answering with the official samples.

use crate::{V2, V3, expect, expect_at, volume, volume_v2};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::blockstorage::v3::group_snapshots::{self, GroupSnapshotStatus};
use ferrocloud::openstack::blockstorage::v3::group_type_specs as specs;
use ferrocloud::openstack::blockstorage::v3::group_types::{self, CreateOpts as TypeOpts};
use ferrocloud::openstack::blockstorage::v3::groups::{
    self, CreateFromSrcOpts, CreateOpts, FailoverOpts, GroupStatus, UpdateOpts,
};
use ferrocloud::openstack::blockstorage::v3::{cgsnapshots, consistency_groups};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer};

const GROUP: &str = "6f519a48-3183-46cf-a32f-41815f813986";
const TYPE: &str = "6685584b-1eac-4da6-b5c3-555430cf68ff";

fn s(name: &str) -> Option<String> {
    Some(format!("{V3}/{name}"))
}

#[tokio::test]
async fn group_types_and_their_specs() {
    let server = MockServer::start().await;
    let client = volume(&server).await.with_microversion("3.11");
    expect(
        &server,
        "POST",
        "group_types",
        s("group-type-create-request.json").as_deref(),
        202,
        s("group-type-show-response.json").as_deref(),
    )
    .await;
    let opts = TypeOpts::new("grp-type-001")
        .description("group type 0001")
        .group_spec("consistent_group_snapshot_enabled", "<is> False");
    let t = group_types::create(&client, &opts).await.extract().unwrap();
    assert_eq!(
        t.group_specs["consistent_group_snapshot_enabled"],
        "<is> False"
    );
    expect(
        &server,
        "GET",
        &format!("group_types/{TYPE}"),
        None,
        200,
        s("group-type-show-response.json").as_deref(),
    )
    .await;
    group_types::get(&client, TYPE).await.extract().unwrap();
    expect(
        &server,
        "GET",
        "group_types/default",
        None,
        200,
        s("group-type-default-response.json").as_deref(),
    )
    .await;
    group_types::get_default(&client).await.extract().unwrap();
    expect(
        &server,
        "PUT",
        &format!("group_types/{TYPE}"),
        s("group-type-update-request.json").as_deref(),
        200,
        s("group-type-show-response.json").as_deref(),
    )
    .await;
    let update = group_types::UpdateOpts {
        name: Some("grp-type-001".into()),
        description: Some("group type 0001".into()),
        is_public: Some(true),
    };
    group_types::update(&client, TYPE, &update)
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "GET",
        "group_types",
        None,
        200,
        s("group-types-list-response.json").as_deref(),
    )
    .await;
    let all = group_types::list(&client, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all[1].name, "group_type2");
    expect(
        &server,
        "DELETE",
        &format!("group_types/{TYPE}"),
        None,
        202,
        None,
    )
    .await;
    group_types::delete(&client, TYPE).await.ok().unwrap();
    let err = group_types::update(&client, TYPE, &Default::default())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);

    let base = format!("group_types/{TYPE}/group_specs");
    expect(
        &server,
        "POST",
        &base,
        s("group-type-specs-create-request.json").as_deref(),
        202,
        s("group-type-specs-create-response.json").as_deref(),
    )
    .await;
    let sent = specs::Metadata::from([
        ("key1".to_string(), "value1".to_string()),
        ("key2".to_string(), "value2".to_string()),
    ]);
    specs::set(&client, TYPE, &sent).await.extract().unwrap();
    expect(
        &server,
        "GET",
        &base,
        None,
        200,
        s("group-type-specs-list-response.json").as_deref(),
    )
    .await;
    assert_eq!(
        specs::list(&client, TYPE).await.extract().unwrap()["key1"],
        "value1"
    );
    expect(
        &server,
        "GET",
        &format!("{base}/key1"),
        None,
        200,
        s("group-type-specs-show-response.json").as_deref(),
    )
    .await;
    assert_eq!(
        specs::get_item(&client, TYPE, "key1")
            .await
            .extract()
            .unwrap()
            .value,
        "value1"
    );
    expect(
        &server,
        "PUT",
        &format!("{base}/key1"),
        s("group-type-specs-update-request.json").as_deref(),
        200,
        s("group-type-specs-update-response.json").as_deref(),
    )
    .await;
    specs::set_item(&client, TYPE, "key1", "value1")
        .await
        .extract()
        .unwrap();
    expect(&server, "DELETE", &format!("{base}/key1"), None, 202, None).await;
    specs::delete_item(&client, TYPE, "key1")
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn group_types_need_3_11() {
    let server = MockServer::start().await;
    let client = volume(&server).await.with_microversion("3.10");
    let err = group_types::get_default(&client)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("3.11"), "{err}");
}

#[tokio::test]
async fn groups_and_their_actions() {
    let server = MockServer::start().await;
    let client = volume(&server).await.with_microversion("3.38");
    expect(
        &server,
        "POST",
        "groups",
        s("group-create-request.json").as_deref(),
        202,
        s("group-create-response.json").as_deref(),
    )
    .await;
    let opts = CreateOpts::new(
        "29514915-5208-46ab-9ece-1cc4688ad0c1",
        [
            "4e9e6d23-eed0-426d-b90a-28f87a94b6fe",
            "c4daaf47-c530-4901-b28e-f5f0a359c4e6",
        ],
    )
    .name("first_group")
    .description("first group")
    .availability_zone("az0");
    let made = groups::create(&client, &opts).await.extract().unwrap();
    assert_eq!(made.name.as_deref(), Some("first_group"));

    // The sample names both sources (one null): the SDK sends the one given.
    Mock::given(method("POST"))
        .and(path("/volume/v3/p1/groups/action"))
        .and(body_json(serde_json::json!({"create-from-src": {
            "name": "first_group", "description": "first group",
            "group_snapshot_id": "6f519a48-3183-46cf-a32f-41815f813986"}})))
        .respond_with(crate::reply(
            202,
            s("group-create-from-src-response.json").as_deref(),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let from = CreateFromSrcOpts::from_group_snapshot(GROUP)
        .name("first_group")
        .description("first group");
    groups::create_from_src(&client, &from)
        .await
        .extract()
        .unwrap();
    let both = CreateFromSrcOpts {
        source_group_id: Some("x".into()),
        ..from
    };
    assert_eq!(
        groups::create_from_src(&client, &both)
            .await
            .extract()
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidInput
    );

    expect(
        &server,
        "GET",
        &format!("groups/{GROUP}"),
        None,
        200,
        s("group-show-response.json").as_deref(),
    )
    .await;
    let g = groups::get(&client, GROUP).await.extract().unwrap();
    assert_eq!(g.status, GroupStatus::Available);
    assert_eq!(g.volumes.unwrap().len(), 1);
    assert_eq!(g.group_snapshot_id, Some(None));
    expect(
        &server,
        "GET",
        "groups",
        None,
        200,
        s("groups-list-response.json").as_deref(),
    )
    .await;
    groups::list(&client, &Default::default())
        .all()
        .await
        .unwrap();
    expect(
        &server,
        "GET",
        "groups/detail",
        None,
        200,
        s("groups-list-detailed-response.json").as_deref(),
    )
    .await;
    groups::list_detail(&client, &Default::default())
        .all()
        .await
        .unwrap();

    expect(
        &server,
        "PUT",
        &format!("groups/{GROUP}"),
        s("group-update-request.json").as_deref(),
        202,
        None,
    )
    .await;
    let update = UpdateOpts::default()
        .name("my_group")
        .description("My group")
        .add_volume("volume-uuid-1")
        .add_volume("volume-uuid-2")
        .remove_volume("volume-uuid-8")
        .remove_volume("volume-uuid-9");
    groups::update(&client, GROUP, &update).await.ok().unwrap();
    assert_eq!(
        groups::update(&client, GROUP, &UpdateOpts::default())
            .await
            .ok()
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidInput
    );

    let action = format!("groups/{GROUP}/action");
    for (sample, status) in [
        ("group-delete-request.json", 202),
        ("group-reset-status-request.json", 202),
        ("group-replication-enable.json", 202),
        ("group-replication-disable.json", 202),
        ("group-replication-failover.json", 202),
    ] {
        expect(&server, "POST", &action, s(sample).as_deref(), status, None).await;
    }
    groups::delete(&client, GROUP, false).await.ok().unwrap();
    groups::reset_status(&client, GROUP, GroupStatus::Available)
        .await
        .ok()
        .unwrap();
    groups::enable_replication(&client, GROUP)
        .await
        .ok()
        .unwrap();
    groups::disable_replication(&client, GROUP)
        .await
        .ok()
        .unwrap();
    let failover = FailoverOpts {
        allow_attached_volume: true,
        secondary_backend_id: Some("vendor-id-1".into()),
    };
    groups::failover_replication(&client, GROUP, &failover)
        .await
        .ok()
        .unwrap();
    Mock::given(method("POST"))
        .and(path(format!("/volume/v3/p1/{action}")))
        .and(header("openstack-api-version", "volume 3.38"))
        .and(body_json(crate::common::sample_json(&format!(
            "block-storage/{V3}/group-replication-list-targets.json"
        ))))
        .respond_with(crate::reply(
            200,
            s("group-replication-target.json").as_deref(),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let targets = groups::list_replication_targets(&client, GROUP)
        .await
        .extract()
        .unwrap();
    assert_eq!(targets.0[0]["backend_id"], "vendor-id-1");
}

#[tokio::test]
async fn group_snapshots() {
    let server = MockServer::start().await;
    let client = volume(&server).await.with_microversion("3.19");
    expect(
        &server,
        "POST",
        "group_snapshots",
        s("group-snapshots-create-request.json").as_deref(),
        202,
        s("group-snapshots-create-response.json").as_deref(),
    )
    .await;
    let opts = group_snapshots::CreateOpts::new("6f519a48-3183-46cf-a32f-41815f814546")
        .name("first_group_snapshot")
        .description("first group snapshot");
    let made = group_snapshots::create(&client, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        made.group_type_id.as_deref(),
        Some("58737af7-786b-48b7-ab7c-2447e74b0ef4")
    );
    expect(
        &server,
        "GET",
        &format!("group_snapshots/{GROUP}"),
        None,
        200,
        s("group-snapshots-show-response.json").as_deref(),
    )
    .await;
    let shown = group_snapshots::get(&client, GROUP)
        .await
        .extract()
        .unwrap();
    assert_eq!(shown.status, GroupSnapshotStatus::Available);
    expect(
        &server,
        "GET",
        "group_snapshots",
        None,
        200,
        s("group-snapshots-list-response.json").as_deref(),
    )
    .await;
    group_snapshots::list(&client, &Default::default())
        .all()
        .await
        .unwrap();
    expect(
        &server,
        "GET",
        "group_snapshots/detail",
        None,
        200,
        s("group-snapshots-list-detailed-response.json").as_deref(),
    )
    .await;
    group_snapshots::list_detail(&client, &Default::default())
        .all()
        .await
        .unwrap();
    expect(
        &server,
        "POST",
        &format!("group_snapshots/{GROUP}/action"),
        s("group-snapshot-reset-status-request.json").as_deref(),
        202,
        None,
    )
    .await;
    group_snapshots::reset_status(&client, GROUP, GroupSnapshotStatus::Available)
        .await
        .ok()
        .unwrap();
    expect(
        &server,
        "DELETE",
        &format!("group_snapshots/{GROUP}"),
        None,
        202,
        None,
    )
    .await;
    group_snapshots::delete(&client, GROUP).await.ok().unwrap();
}

#[tokio::test]
async fn consistency_groups_and_cgsnapshots_in_v3_and_v2() {
    for v2 in [false, true] {
        let server = MockServer::start().await;
        let (client, dir, base) = if v2 {
            (volume_v2(&server).await, V2, "/volume/v2/p1")
        } else {
            (volume(&server).await, V3, "/volume/v3/p1")
        };
        let sample = |name: &str| Some(format!("{dir}/{name}"));
        let at = |rel: &str| format!("{base}/{rel}");
        // Cinder answers a creation with the summary view (the sample shows the detail).
        Mock::given(method("POST"))
            .and(path(at("consistencygroups")))
            .and(body_json(crate::common::sample_json(&format!(
                "block-storage/{dir}/consistency-group-create-request.json"
            ))))
            .respond_with(wiremock::ResponseTemplate::new(202).set_body_json(
                serde_json::json!({"consistencygroup": {"id": GROUP, "name": "firstcg"}}),
            ))
            .expect(1)
            .mount(&server)
            .await;
        let opts = consistency_groups::CreateOpts::new(["type1", "type2"])
            .name("firstcg")
            .description("first consistency group")
            .availability_zone("az0");
        assert_eq!(
            consistency_groups::create(&client, &opts)
                .await
                .extract()
                .unwrap()
                .id,
            GROUP
        );
        expect_at(
            &server,
            "GET",
            &at(&format!("consistencygroups/{GROUP}")),
            None,
            200,
            sample("consistency-group-show-response.json").as_deref(),
        )
        .await;
        let cg = consistency_groups::get(&client, GROUP)
            .await
            .extract()
            .unwrap();
        assert_eq!(cg.status, GroupStatus::Available);
        expect_at(
            &server,
            "GET",
            &at("consistencygroups"),
            None,
            200,
            sample("consistency-groups-list-response.json").as_deref(),
        )
        .await;
        consistency_groups::list(&client, &Default::default())
            .all()
            .await
            .unwrap();
        expect_at(
            &server,
            "GET",
            &at("consistencygroups/detail"),
            None,
            200,
            sample("consistency-groups-list-detailed-response.json").as_deref(),
        )
        .await;
        consistency_groups::list_detail(&client, &Default::default())
            .all()
            .await
            .unwrap();
        expect_at(
            &server,
            "PUT",
            &at(&format!("consistencygroups/{GROUP}/update")),
            sample("consistency-group-update-request.json").as_deref(),
            202,
            None,
        )
        .await;
        let update = UpdateOpts::default()
            .name("my_cg")
            .description("My consistency group")
            .add_volume("volume-uuid-1")
            .add_volume("volume-uuid-2")
            .remove_volume("volume-uuid-8")
            .remove_volume("volume-uuid-9");
        consistency_groups::update(&client, GROUP, &update)
            .await
            .ok()
            .unwrap();
        expect_at(
            &server,
            "POST",
            &at(&format!("consistencygroups/{GROUP}/delete")),
            sample("consistency-group-delete-request.json").as_deref(),
            202,
            None,
        )
        .await;
        consistency_groups::delete(&client, GROUP, false)
            .await
            .ok()
            .unwrap();
        Mock::given(method("POST"))
            .and(path(at("consistencygroups/create_from_src")))
            .and(body_json(serde_json::json!({"consistencygroup-from-src": {"name": "firstcg", "cgsnapshot_id": GROUP}})))
            .respond_with(wiremock::ResponseTemplate::new(202).set_body_json(serde_json::json!({"consistencygroup": {"id": "c2", "name": "firstcg"}})))
            .expect(1)
            .mount(&server)
            .await;
        let from = consistency_groups::CreateFromSrcOpts {
            cgsnapshot_id: Some(GROUP.into()),
            name: Some("firstcg".into()),
            ..Default::default()
        };
        consistency_groups::create_from_src(&client, &from)
            .await
            .extract()
            .unwrap();

        Mock::given(method("POST"))
            .and(path(at("cgsnapshots")))
            .and(body_json(serde_json::json!({"cgsnapshot": {"consistencygroup_id": "6f519a48-3183-46cf-a32f-41815f814546", "name": "firstcg", "description": "first consistency group"}})))
            .respond_with(crate::reply(202, sample("cgsnapshots-create-response.json").as_deref()))
            .expect(1)
            .mount(&server)
            .await;
        let opts = cgsnapshots::CreateOpts::new("6f519a48-3183-46cf-a32f-41815f814546")
            .name("firstcg")
            .description("first consistency group");
        cgsnapshots::create(&client, &opts).await.extract().unwrap();
        expect_at(
            &server,
            "GET",
            &at(&format!("cgsnapshots/{GROUP}")),
            None,
            200,
            sample("cgsnapshots-show-response.json").as_deref(),
        )
        .await;
        let snap = cgsnapshots::get(&client, GROUP).await.extract().unwrap();
        assert_eq!(snap.status, GroupSnapshotStatus::Available);
        expect_at(
            &server,
            "GET",
            &at("cgsnapshots"),
            None,
            200,
            sample("cgsnapshots-list-response.json").as_deref(),
        )
        .await;
        cgsnapshots::list(&client, &Default::default())
            .all()
            .await
            .unwrap();
        expect_at(
            &server,
            "GET",
            &at("cgsnapshots/detail"),
            None,
            200,
            sample("cgsnapshots-list-detailed-response.json").as_deref(),
        )
        .await;
        cgsnapshots::list_detail(&client, &Default::default())
            .all()
            .await
            .unwrap();
        expect_at(
            &server,
            "DELETE",
            &at(&format!("cgsnapshots/{GROUP}")),
            None,
            202,
            None,
        )
        .await;
        cgsnapshots::delete(&client, GROUP).await.ok().unwrap();
    }
}
