//! Shares, their actions, access rules, metadata and export locations.

use std::time::Duration;

use crate::{
    MV, expect, expect_action, expect_action_sample, from_sample, manila, mock, pages, reply,
    sample,
};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::sharedfilesystems::v2::{
    export_locations, share_access, share_metadata, shares,
};
use ferrocloud::wait::WaitOpts;
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ID: &str = "011d21e2-fbc3-4e4a-9993-9ea223f73264";

#[tokio::test]
async fn create_show_update_delete() {
    let (server, c) = mock("2.90").await;
    let request = sample("share-create-request.json");
    // The sample's nulls are options left unset.
    let sent = json!({"share": {
        "share_proto": "nfs", "size": 1, "name": "share_London",
        "description": "My custom share London",
        "share_network_id": "713df749-aac0-4a54-af52-10f6c991e80c",
        "is_public": true, "metadata": request["share"]["metadata"],
        "scheduler_hints": request["share"]["scheduler_hints"],
        "mount_point_name": "my_share_London",
        "encryption_key_ref": "86babe9b-7277-4c3a-a081-6eb3eac9231d"}});
    Mock::given(method("POST"))
        .and(path("/share/v2/p1/shares"))
        .and(header(MV, "2.90"))
        .and(body_json(sent))
        .respond_with(reply(202, Some("share-create-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let opts: shares::CreateOpts = from_sample(&request, "share");
    let share = shares::create(&c, &opts).await.extract().unwrap();
    assert_eq!(share.id, ID);
    assert_eq!(share.status, None);
    assert_eq!(share.size, Some(1));
    assert_eq!(
        share.encryption_key_ref.as_deref(),
        Some("86babe9b-7277-4c3a-a081-6eb3eac9231d")
    );

    // A field of a later microversion is refused before sending.
    let old = c.with_microversion("2.64");
    let e = shares::create(&old, &opts).await.extract().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("scheduler_hints"), "{e}");

    expect(
        &server,
        "GET",
        &format!("shares/{ID}"),
        "2.90",
        None,
        200,
        Some("share-show-response.json"),
    )
    .await;
    let shown = shares::get(&c, ID).await.extract().unwrap();
    assert_eq!(shown.status, Some(shares::ShareStatus::Available));
    assert_eq!(shown.host.as_deref(), Some("manila2@generic1#GENERIC1"));
    assert_eq!(shown.metadata["aim"], "doc");
    assert_eq!(shown.access_rules_status.as_deref(), Some("active"));

    expect(
        &server,
        "PUT",
        &format!("shares/{ID}"),
        "2.90",
        Some("share-update-request.json"),
        200,
        Some("share-update-response.json"),
    )
    .await;
    let opts = shares::UpdateOpts {
        is_public: Some(true),
        display_description: Some("Changing the share description.".into()),
        ..Default::default()
    };
    let updated = shares::update(&c, ID, &opts).await.extract().unwrap();
    assert_eq!(
        updated.description.as_deref(),
        Some("Changing the share description.")
    );

    expect(
        &server,
        "DELETE",
        &format!("shares/{ID}"),
        "2.90",
        None,
        202,
        None,
    )
    .await;
    shares::delete(&c, ID).await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn delete_with_names_the_share_group() {
    let (server, c) = mock("2.31").await;
    Mock::given(method("DELETE"))
        .and(path(format!("/share/v2/p1/shares/{ID}")))
        .and(header(MV, "2.31"))
        .and(query_param("share_group_id", "a8c1a2b4"))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    let opts = shares::DeleteOpts {
        share_group_id: Some("a8c1a2b4".into()),
    };
    shares::delete_with(&c, ID, &opts).await.ok().unwrap();
    // Without options, no query.
    Mock::given(method("DELETE"))
        .and(path(format!("/share/v2/p1/shares/{ID}")))
        .and(wiremock::matchers::query_param_is_missing("share_group_id"))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    let none = shares::DeleteOpts::default();
    shares::delete_with(&c, ID, &none).await.ok().unwrap();
    server.verify().await;
    // Before 2.31 Manila has no share groups: refused before sending.
    let old = manila(&server, "2.30").await;
    let e = shares::delete_with(&old, ID, &opts).await.ok().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn list_pages_through_links_and_filters() {
    let (server, c) = mock("2.69").await;
    let mut first = sample("shares-list-detailed-response.json");
    first["shares_links"] = json!([{"rel": "next", "href": format!("{}/share/v2/p1/shares/detail?limit=1&marker=m1", server.uri())}]);
    Mock::given(method("GET"))
        .and(path("/share/v2/p1/shares/detail"))
        .and(query_param("status", "available"))
        .and(query_param("limit", "1"))
        .and(query_param("is_soft_deleted", "false"))
        .respond_with(ResponseTemplate::new(200).set_body_json(first))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/share/v2/p1/shares/detail"))
        .and(query_param("marker", "m1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"shares": []})))
        .expect(1)
        .mount(&server)
        .await;
    let opts = shares::ListOpts {
        status: Some(shares::ShareStatus::Available),
        is_soft_deleted: Some(false),
        controls: ferrocloud::openstack::sharedfilesystems::v2::common::ListControls::default()
            .limit(1),
        ..Default::default()
    };
    let all = shares::extract(&shares::list_detail(&c, &opts).all_pages().await.unwrap()).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].name.as_deref(), Some("my_share4"));
    assert_eq!(all[0].status, Some(shares::ShareStatus::Error));

    expect(
        &server,
        "GET",
        "shares",
        "2.69",
        None,
        200,
        Some("shares-list-response.json"),
    )
    .await;
    let short =
        shares::extract_summaries(&pages(shares::list(&c, &shares::ListOpts::default())).await)
            .unwrap();
    assert_eq!(short.len(), 2);
    assert_eq!(short[1].name.as_deref(), Some("Share1"));
    server.verify().await;
}

#[tokio::test]
async fn actions_use_the_names_of_the_microversion() {
    let (server, c) = mock("2.69").await;
    expect_action_sample(
        &server,
        &format!("shares/{ID}"),
        "2.69",
        "share-actions-shrink-request.json",
    )
    .await;
    shares::shrink(&c, ID, 1).await.ok().unwrap();
    expect_action_sample(
        &server,
        &format!("shares/{ID}"),
        "2.69",
        "share-actions-reset-state-request.json",
    )
    .await;
    shares::reset_status(&c, ID, shares::ShareStatus::Error)
        .await
        .ok()
        .unwrap();
    expect_action_sample(
        &server,
        &format!("shares/{ID}"),
        "2.69",
        "share-actions-force-delete-request.json",
    )
    .await;
    shares::force_delete(&c, ID).await.ok().unwrap();
    expect_action_sample(
        &server,
        &format!("shares/{ID}"),
        "2.69",
        "share-actions-revert-to-snapshot-request.json",
    )
    .await;
    shares::revert(&c, ID, "6020af24-a305-4155-9a29-55e20efcb0e8")
        .await
        .ok()
        .unwrap();
    expect_action_sample(
        &server,
        &format!("shares/{ID}"),
        "2.69",
        "share-actions-soft-delete-request.json",
    )
    .await;
    shares::soft_delete(&c, ID).await.ok().unwrap();
    expect_action_sample(
        &server,
        &format!("shares/{ID}"),
        "2.69",
        "share-actions-restore-request.json",
    )
    .await;
    shares::restore(&c, ID).await.ok().unwrap();
    expect_action_sample(
        &server,
        &format!("shares/{ID}"),
        "2.69",
        "share-actions-unmanage-request.json",
    )
    .await;
    shares::unmanage(&c, ID).await.ok().unwrap();
    expect_action(
        &server,
        &format!("shares/{ID}"),
        "2.69",
        json!({"extend": {"new_size": 2, "force": true}}),
    )
    .await;
    shares::extend(&c, ID, 2, true).await.ok().unwrap();
    server.verify().await;

    // Before 2.7: the os- names, and the old unmanage path.
    let server = MockServer::start().await;
    let old = manila(&server, "2.6").await;
    expect_action(
        &server,
        &format!("shares/{ID}"),
        "2.6",
        json!({"os-extend": {"new_size": 3}}),
    )
    .await;
    shares::extend(&old, ID, 3, false).await.ok().unwrap();
    expect_action(
        &server,
        &format!("shares/{ID}"),
        "2.6",
        json!({"os-reset_status": {"status": "available"}}),
    )
    .await;
    shares::reset_status(&old, ID, shares::ShareStatus::Available)
        .await
        .ok()
        .unwrap();
    expect_action(
        &server,
        &format!("shares/{ID}"),
        "2.6",
        json!({"os-force_delete": null}),
    )
    .await;
    shares::force_delete(&old, ID).await.ok().unwrap();
    expect(
        &server,
        "POST",
        &format!("os-share-unmanage/{ID}/unmanage"),
        "2.6",
        None,
        202,
        None,
    )
    .await;
    shares::unmanage(&old, ID).await.ok().unwrap();
    // Newer actions are refused before sending.
    let e = shares::revert(&old, ID, "s").await.ok().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let e = shares::extend(&old, ID, 3, true).await.ok().unwrap_err();
    assert!(e.to_string().contains("2.64"), "{e}");
    server.verify().await;
}

#[tokio::test]
async fn manage_at_both_paths() {
    let (server, c) = mock("2.92").await;
    expect(
        &server,
        "POST",
        "shares/manage",
        "2.92",
        Some("share-manage-request.json"),
        202,
        Some("share-manage-response.json"),
    )
    .await;
    let req = sample("share-manage-request.json");
    let opts: shares::ManageOpts = from_sample(&req, "share");
    let share = shares::manage(&c, &opts).await.extract().unwrap();
    assert_eq!(share.status, Some(shares::ShareStatus::ManageStarting));
    assert_eq!(share.size, None);

    let old = c.with_microversion("2.6");
    let legacy = shares::ManageOpts {
        share_server_id: None,
        ..opts
    };
    expect(
        &server,
        "POST",
        "os-share-manage",
        "2.6",
        None,
        200,
        Some("share-manage-response.json"),
    )
    .await;
    shares::manage(&old, &legacy).await.extract().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn waiting_fails_with_the_user_message() {
    let (server, c) = mock("2.37").await;
    let mut share = sample("share-show-response.json");
    share["share"]["status"] = json!("extending_error");
    Mock::given(method("GET"))
        .and(path(format!("/share/v2/p1/shares/{ID}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(share))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/share/v2/p1/messages"))
        .and(query_param("resource_id", ID))
        .and(query_param("limit", "1"))
        .respond_with(reply(200, Some("user-messages-list-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let opts = WaitOpts::new(Duration::from_secs(5))
        .interval(Duration::from_millis(5), Duration::from_millis(10));
    let e = shares::wait_for_status(&c, ID, shares::ShareStatus::Available, &opts)
        .await
        .unwrap_err();
    let text = e.to_string();
    assert!(text.contains("extending_error"), "{text}");
    assert!(text.contains("allocate host"), "{text}");
    // Reaching the status asked for is success.
    let ok = shares::wait_for_status(&c, ID, shares::ShareStatus::ExtendingError, &opts)
        .await
        .unwrap();
    assert!(ok.status.unwrap().is_error());
    server.verify().await;
}

#[tokio::test]
async fn errors_carry_manilas_message() {
    let (server, c) = mock("2.7").await;
    Mock::given(method("GET"))
        .and(path("/share/v2/p1/shares/nope"))
        .respond_with(ResponseTemplate::new(404).set_body_json(
            json!({"itemNotFound": {"code": 404, "message": "Share nope could not be found."}}),
        ))
        .mount(&server)
        .await;
    let e = shares::get(&c, "nope").await.extract().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert!(e.to_string().contains("could not be found"), "{e}");
    // find: not an ID, then by name.
    Mock::given(method("GET"))
        .and(path("/share/v2/p1/shares/detail"))
        .and(query_param("name", "nope"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"shares": []})))
        .mount(&server)
        .await;
    let e = shares::find(&c, "nope").await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn access_rules() {
    let (server, c) = mock("2.88").await;
    expect(
        &server,
        "POST",
        &format!("shares/{ID}/action"),
        "2.88",
        Some("share-actions-grant-access-request.json"),
        200,
        Some("share-actions-grant-access-response.json"),
    )
    .await;
    let req = sample("share-actions-grant-access-request.json");
    let opts: share_access::GrantOpts = from_sample(&req, "allow_access");
    let rule = share_access::grant(&c, ID, &opts).await.extract().unwrap();
    assert_eq!(rule.id, "a25b2df3-90bd-4add-afa6-5f0dbbd50452");
    assert_eq!(rule.metadata["key1"], "value1");

    expect_action_sample(
        &server,
        &format!("shares/{ID}"),
        "2.88",
        "share-actions-revoke-access-request.json",
    )
    .await;
    let body = share_access::RevokeOpts {
        access_id: rule.id.clone(),
        unrestrict: Some(true),
    };
    share_access::revoke(&c, ID, &body).await.ok().unwrap();

    Mock::given(method("GET"))
        .and(path("/share/v2/p1/share-access-rules"))
        .and(query_param("share_id", ID))
        .respond_with(reply(200, Some("share-access-rules-list-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let rules = share_access::list(&c, ID, &Default::default())
        .await
        .extract()
        .unwrap();
    assert_eq!(rules[0].state, Some(share_access::AccessState::Error));
    assert_eq!(rules[1].state, Some(share_access::AccessState::Active));

    expect(
        &server,
        "GET",
        "share-access-rules/507bf114",
        "2.88",
        None,
        200,
        Some("share-access-rules-show-response.json"),
    )
    .await;
    let one = share_access::get(&c, "507bf114").await.extract().unwrap();
    assert_eq!(
        one.share_id.as_deref(),
        Some("fb213952-2352-41b4-ad7b-2c4c69d13eef")
    );

    expect(
        &server,
        "PUT",
        "share-access-rules/507bf114",
        "2.88",
        Some("share-access-rules-update-request.json"),
        200,
        Some("share-access-rules-update-response.json"),
    )
    .await;
    assert_eq!(
        share_access::update(&c, "507bf114", "ro")
            .await
            .extract()
            .unwrap()
            .access_level,
        "ro"
    );

    expect(
        &server,
        "PUT",
        "share-access-rules/507bf114/metadata",
        "2.88",
        Some("share-access-rules-update-metadata-request.json"),
        200,
        Some("share-access-rules-update-metadata-response.json"),
    )
    .await;
    let items = sample("share-access-rules-update-metadata-request.json")["metadata"].clone();
    let items = serde_json::from_value(items).unwrap();
    assert_eq!(
        share_access::set_metadata(&c, "507bf114", &items)
            .await
            .extract()
            .unwrap()
            .len(),
        3
    );
    expect(
        &server,
        "DELETE",
        "share-access-rules/507bf114/metadata/aim",
        "2.88",
        None,
        200,
        None,
    )
    .await;
    share_access::delete_metadata(&c, "507bf114", "aim")
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn access_rules_before_2_45_and_secrets() {
    let (server, c) = mock("2.44").await;
    expect(
        &server,
        "POST",
        &format!("shares/{ID}/action"),
        "2.44",
        Some("share-actions-list-access-rules-request.json"),
        200,
        Some("share-actions-list-access-rules-response.json"),
    )
    .await;
    let rules = share_access::list(&c, ID, &Default::default())
        .await
        .extract()
        .unwrap();
    assert_eq!(rules.len(), 2);
    assert_eq!(rules[1].access_to, "0.0.0.0/0");
    // Grant metadata needs 2.45.
    let opts = share_access::GrantOpts {
        metadata: Some([("a".to_string(), "b".to_string())].into()),
        ..share_access::GrantOpts::new("ip", "10.0.0.1", "ro")
    };
    assert_eq!(
        share_access::grant(&c, ID, &opts)
            .await
            .ok()
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidInput
    );
    server.verify().await;

    // A CephX key never prints.
    let rule: share_access::AccessRule = serde_json::from_value(json!({
        "id": "r", "access_type": "cephx", "access_to": "alice", "access_level": "rw",
        "state": "active", "access_key": "AQBsecretkey=="}))
    .unwrap();
    let shown = format!("{rule:?}");
    assert!(!shown.contains("AQBsecretkey"), "{shown}");
    use ferrocloud::ExposeSecret;
    assert_eq!(rule.access_key.unwrap().expose_secret(), "AQBsecretkey==");
}

#[tokio::test]
async fn waiting_for_an_access_rule() {
    let (server, c) = mock("2.45").await;
    let mut applying = sample("share-access-rules-show-response.json");
    applying["access"]["state"] = json!("queuing_to_apply");
    Mock::given(method("GET"))
        .and(path("/share/v2/p1/share-access-rules/r1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(applying))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    let mut active = sample("share-access-rules-show-response.json");
    active["access"]["state"] = json!("active");
    Mock::given(method("GET"))
        .and(path("/share/v2/p1/share-access-rules/r1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(active))
        .mount(&server)
        .await;
    let opts = WaitOpts::new(Duration::from_secs(5))
        .interval(Duration::from_millis(5), Duration::from_millis(10));
    let rule = share_access::wait_for_active(&c, "r1", &opts)
        .await
        .unwrap();
    assert_eq!(rule.state, Some(share_access::AccessState::Active));
    // An error state ends the wait.
    expect(
        &server,
        "GET",
        "share-access-rules/r2",
        "2.45",
        None,
        200,
        Some("share-access-rules-show-response.json"),
    )
    .await;
    let e = share_access::wait_for_active(&c, "r2", &opts)
        .await
        .unwrap_err();
    assert!(e.to_string().contains("is error"), "{e}");
}

#[tokio::test]
async fn metadata_and_export_locations() {
    let (server, c) = mock("2.87").await;
    expect(
        &server,
        "GET",
        &format!("shares/{ID}/metadata"),
        "2.87",
        None,
        200,
        Some("share-show-metadata-response.json"),
    )
    .await;
    assert_eq!(
        share_metadata::list(&c, ID).await.extract().unwrap()["project"],
        "my_app"
    );
    expect(
        &server,
        "POST",
        &format!("shares/{ID}/metadata"),
        "2.87",
        Some("share-set-metadata-request.json"),
        200,
        Some("share-set-metadata-response.json"),
    )
    .await;
    let items = [("key1".to_string(), "value1".to_string())].into();
    assert_eq!(
        share_metadata::set(&c, ID, &items)
            .await
            .extract()
            .unwrap()
            .len(),
        5
    );
    expect(
        &server,
        "PUT",
        &format!("shares/{ID}/metadata"),
        "2.87",
        Some("share-update-null-metadata-request.json"),
        200,
        Some("share-update-null-metadata-response.json"),
    )
    .await;
    assert_eq!(
        share_metadata::replace(&c, ID, None)
            .await
            .extract()
            .unwrap(),
        None
    );
    expect(
        &server,
        "GET",
        &format!("shares/{ID}/metadata/project"),
        "2.87",
        None,
        200,
        Some("share-show-metadata-item-response.json"),
    )
    .await;
    assert_eq!(
        share_metadata::get_item(&c, ID, "project")
            .await
            .extract()
            .unwrap()
            .value,
        "my_app"
    );
    expect(
        &server,
        "DELETE",
        &format!("shares/{ID}/metadata/project"),
        "2.87",
        None,
        200,
        None,
    )
    .await;
    share_metadata::delete_item(&c, ID, "project")
        .await
        .ok()
        .unwrap();

    expect(
        &server,
        "GET",
        &format!("shares/{ID}/export_locations"),
        "2.87",
        None,
        200,
        Some("export-location-list-response.json"),
    )
    .await;
    let locations = export_locations::list(&c, ID).await.extract().unwrap();
    assert_eq!(locations.len(), 2);
    assert_eq!(locations[1].is_admin_only, Some(true));
    expect(
        &server,
        "GET",
        &format!("shares/{ID}/export_locations/6921e862"),
        "2.87",
        None,
        200,
        Some("export-location-show-response.json"),
    )
    .await;
    let one = export_locations::get(&c, ID, "6921e862")
        .await
        .extract()
        .unwrap();
    assert!(one.path.starts_with("10.0.0.3:/shares/"));
    server.verify().await;
}
