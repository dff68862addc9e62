//! Share groups, share group types and share group snapshots.

use crate::{expect_create, expect_json, expect_listing, from_sample, manila, mock, pages, sample};
use ferrocloud::openstack::sharedfilesystems::v2::{
    share_group_snapshots, share_group_types, share_groups,
};
use serde_json::{Value, json};
use wiremock::MockServer;

const T: &str = "89861c2a-10bf-4013-bdd4-3d020466aee4";
const G: &str = "f9c1f80c-2392-4e34-bd90-fc89cdc5bf93";
const S: &str = "46bf5875-58d6-4816-948f-8828423b0b9f";

/// A share group sample as Manila writes it: under `share_group`, with the snapshot
/// capability as text (the samples write `share_groups` and a boolean).
fn group(name: &str) -> Value {
    let mut g = sample(name)["share_groups"].clone();
    if g["consistent_snapshot_support"] == json!(true) {
        g["consistent_snapshot_support"] = json!("pool");
    }
    json!({ "share_group": g })
}

#[tokio::test]
async fn share_group_types_specs_and_access() {
    let (server, c) = mock("2.55").await;
    let req = sample("share-group-type-create-request.json");
    expect_json(
        &server,
        "POST",
        "share-group-types",
        "2.55",
        false,
        Some(req.clone()),
        200,
        Some(sample("share-group-type-create-response.json")),
    )
    .await;
    let opts: share_group_types::CreateOpts = from_sample(&req, "share_group_type");
    let t = share_group_types::create(&c, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (t.id.as_str(), t.is_public, t.is_default),
        (T, true, Some(false))
    );
    expect_listing(
        &server,
        "share-group-types",
        "2.55",
        false,
        "share-group-types-list-response.json",
    )
    .await;
    assert_eq!(
        share_group_types::list(&c, &Default::default())
            .await
            .extract()
            .unwrap()[0]
            .share_types
            .len(),
        1
    );
    expect_listing(
        &server,
        "share-group-types/default",
        "2.55",
        false,
        "share-group-types-default-list-response.json",
    )
    .await;
    assert_eq!(
        share_group_types::get_default(&c)
            .await
            .extract()
            .unwrap()
            .is_default,
        Some(true)
    );

    expect_listing(
        &server,
        &format!("share-group-types/{T}/group-specs"),
        "2.55",
        false,
        "share-group-types-group-specs-list-response.json",
    )
    .await;
    assert_eq!(
        share_group_types::list_group_specs(&c, T)
            .await
            .extract()
            .unwrap()["snapshot_support"],
        "True"
    );
    expect_json(
        &server,
        "POST",
        &format!("share-group-types/{T}/group-specs"),
        "2.55",
        false,
        Some(sample("share-group-type-set-request.json")),
        200,
        Some(sample("share-group-type-set-response.json")),
    )
    .await;
    let specs = [("my_group_key".to_string(), "my_group_value".to_string())].into();
    share_group_types::set_group_specs(&c, T, &specs)
        .await
        .extract()
        .unwrap();
    expect_json(
        &server,
        "DELETE",
        &format!("share-group-types/{T}/group-specs/my_group_key"),
        "2.55",
        false,
        None,
        204,
        None,
    )
    .await;
    share_group_types::delete_group_spec(&c, T, "my_group_key")
        .await
        .ok()
        .unwrap();

    expect_listing(
        &server,
        &format!("share-group-types/{T}/access"),
        "2.55",
        false,
        "share-group-types-list-access-response.json",
    )
    .await;
    assert_eq!(
        share_group_types::list_access(&c, T)
            .await
            .extract()
            .unwrap()[1]
            .project_id,
        "e1284adea3ee4d2482af5ed214f3ad90"
    );
    let action = format!("share-group-types/{T}/action");
    expect_json(
        &server,
        "POST",
        &action,
        "2.55",
        false,
        Some(sample("share-group-type-grant-access-request.json")),
        202,
        None,
    )
    .await;
    share_group_types::add_access(&c, T, "e1284adea3ee4d2482af5ed214f3ad90")
        .await
        .ok()
        .unwrap();
    expect_json(
        &server,
        "POST",
        &action,
        "2.55",
        false,
        Some(sample("share-group-type-revoke-access-request.json")),
        202,
        None,
    )
    .await;
    share_group_types::remove_access(&c, T, "818a3f48dcd644909b3fa2e45a399a27")
        .await
        .ok()
        .unwrap();
    expect_json(
        &server,
        "DELETE",
        &format!("share-group-types/{T}"),
        "2.55",
        false,
        None,
        204,
        None,
    )
    .await;
    share_group_types::delete(&c, T).await.ok().unwrap();
    server.verify().await;

    // Experimental before 2.55; refused before 2.31.
    let server = MockServer::start().await;
    let old = manila(&server, "2.31").await;
    expect_json(
        &server,
        "GET",
        "share-group-types",
        "2.31",
        true,
        None,
        200,
        Some(json!({"share_group_types": []})),
    )
    .await;
    assert!(
        share_group_types::list(&old, &Default::default())
            .await
            .extract()
            .unwrap()
            .is_empty()
    );
    let older = manila(&server, "2.30").await;
    assert!(
        share_group_types::get_default(&older)
            .await
            .extract()
            .unwrap_err()
            .to_string()
            .contains("2.31")
    );
    server.verify().await;
}

#[tokio::test]
async fn share_group_lifecycle() {
    let (server, c) = mock("2.55").await;
    let opts: share_groups::CreateOpts = expect_create(
        &server,
        ("share-groups", "2.55", false),
        "share-group-create-request.json",
        "share_group",
        group("share-group-create-response.json"),
    )
    .await;
    let g = share_groups::create(&c, &opts).await.extract().unwrap();
    assert_eq!(
        (
            g.id.as_str(),
            &g.status,
            g.consistent_snapshot_support.as_deref()
        ),
        (G, &share_groups::ShareGroupStatus::Creating, None)
    );
    expect_json(
        &server,
        "GET",
        &format!("share-groups/{G}"),
        "2.55",
        false,
        None,
        200,
        Some(group("share-group-show-response.json")),
    )
    .await;
    let shown = share_groups::get(&c, G).await.extract().unwrap();
    assert_eq!(
        (
            shown.consistent_snapshot_support.as_deref(),
            shown.name.as_deref()
        ),
        (Some("pool"), Some("share_London"))
    );
    let up = sample("share-group-update-request.json");
    expect_json(
        &server,
        "PUT",
        &format!("share-groups/{G}"),
        "2.55",
        false,
        Some(up.clone()),
        200,
        Some(group("share-group-update-response.json")),
    )
    .await;
    let up: share_groups::UpdateOpts = from_sample(&up, "share_group");
    assert_eq!(
        share_groups::update(&c, G, &up)
            .await
            .extract()
            .unwrap()
            .name
            .as_deref(),
        Some("new name")
    );
    expect_listing(
        &server,
        "share-groups",
        "2.55",
        false,
        "share-groups-list-response.json",
    )
    .await;
    let short =
        share_groups::extract_summaries(&pages(share_groups::list(&c, &Default::default())).await)
            .unwrap();
    assert_eq!(short[1].name.as_deref(), Some("Test_Share_group"));
    let mut detail = sample("share-groups-list-detailed-response.json");
    for g in detail["share_groups"].as_array_mut().unwrap() {
        g["consistent_snapshot_support"] = json!("host");
    }
    expect_json(
        &server,
        "GET",
        "share-groups/detail",
        "2.55",
        false,
        None,
        200,
        Some(detail),
    )
    .await;
    let all =
        share_groups::extract(&pages(share_groups::list_detail(&c, &Default::default())).await)
            .unwrap();
    assert_eq!(all[0].share_types, ["25747776-08e5-494f-ab40-a64b9d20d8f7"]);
    let action = format!("share-groups/{G}/action");
    expect_json(
        &server,
        "POST",
        &action,
        "2.55",
        false,
        Some(sample("share-group-reset-state-request.json")),
        202,
        None,
    )
    .await;
    share_groups::reset_status(&c, G, share_groups::ShareGroupStatus::Error)
        .await
        .ok()
        .unwrap();
    expect_json(
        &server,
        "POST",
        &action,
        "2.55",
        false,
        Some(json!({"force_delete": null})),
        202,
        None,
    )
    .await;
    share_groups::force_delete(&c, G).await.ok().unwrap();
    expect_json(
        &server,
        "DELETE",
        &format!("share-groups/{G}"),
        "2.55",
        false,
        None,
        202,
        None,
    )
    .await;
    share_groups::delete(&c, G).await.ok().unwrap();
    server.verify().await;

    let server = MockServer::start().await;
    let old = manila(&server, "2.54").await;
    expect_json(
        &server,
        "DELETE",
        &format!("share-groups/{G}"),
        "2.54",
        true,
        None,
        202,
        None,
    )
    .await;
    share_groups::delete(&old, G).await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn share_group_snapshot_lifecycle() {
    let (server, c) = mock("2.55").await;
    let opts: share_group_snapshots::CreateOpts = expect_create(
        &server,
        ("share-group-snapshots", "2.55", false),
        "share-group-snapshot-create-request.json",
        "share_group_snapshot",
        sample("share-group-snapshot-create-response.json"),
    )
    .await;
    let s = share_group_snapshots::create(&c, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (s.id.as_str(), &s.status, s.members.len()),
        (S, &share_groups::ShareGroupStatus::Creating, 0)
    );
    expect_listing(
        &server,
        &format!("share-group-snapshots/{S}"),
        "2.55",
        false,
        "share-group-snapshot-show-response.json",
    )
    .await;
    share_group_snapshots::get(&c, S).await.extract().unwrap();
    let up = sample("share-group-snapshot-update-request.json");
    expect_json(
        &server,
        "PUT",
        &format!("share-group-snapshots/{S}"),
        "2.55",
        false,
        Some(up.clone()),
        200,
        Some(sample("share-group-snapshot-update-response.json")),
    )
    .await;
    let up: share_group_snapshots::UpdateOpts = from_sample(&up, "share_group_snapshot");
    share_group_snapshots::update(&c, S, &up)
        .await
        .extract()
        .unwrap();
    let short = json!({"share_group_snapshots": sample("share-group-snapshots-list-response.json")["share_group_snapshot"]});
    expect_json(
        &server,
        "GET",
        "share-group-snapshots",
        "2.55",
        false,
        None,
        200,
        Some(short),
    )
    .await;
    let list = share_group_snapshots::extract_summaries(
        &pages(share_group_snapshots::list(&c, &Default::default())).await,
    )
    .unwrap();
    assert_eq!(list[0].id, S);
    expect_listing(
        &server,
        "share-group-snapshots/detail",
        "2.55",
        false,
        "share-group-snapshots-list-detailed-response.json",
    )
    .await;
    let all = share_group_snapshots::extract(
        &pages(share_group_snapshots::list_detail(&c, &Default::default())).await,
    )
    .unwrap();
    assert_eq!(all.len(), 2);
    expect_listing(
        &server,
        &format!("share-group-snapshots/{S}/members"),
        "2.55",
        false,
        "share-group-snapshots-list-members-response.json",
    )
    .await;
    let members = share_group_snapshots::list_members(&c, S)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (members[0].share_protocol.as_deref(), members[0].size),
        (Some("NFS"), Some(1))
    );
    let action = format!("share-group-snapshots/{S}/action");
    expect_json(
        &server,
        "POST",
        &action,
        "2.55",
        false,
        Some(sample(
            "share-group-snapshot-actions-reset-state-request.json",
        )),
        202,
        None,
    )
    .await;
    share_group_snapshots::reset_status(&c, S, share_groups::ShareGroupStatus::Error)
        .await
        .ok()
        .unwrap();
    expect_json(
        &server,
        "POST",
        &action,
        "2.55",
        false,
        Some(json!({"force_delete": null})),
        202,
        None,
    )
    .await;
    share_group_snapshots::force_delete(&c, S)
        .await
        .ok()
        .unwrap();
    expect_json(
        &server,
        "DELETE",
        &format!("share-group-snapshots/{S}"),
        "2.55",
        false,
        None,
        202,
        None,
    )
    .await;
    share_group_snapshots::delete(&c, S).await.ok().unwrap();
    server.verify().await;
}
