//! Share types, their extra specs and access.

use crate::{expect, expect_action_sample, manila, mock, sample};
use ferrocloud::openstack::sharedfilesystems::v2::share_types;
use wiremock::MockServer;

const ID: &str = "7fa1342b-de9d-4d89-bdc8-af67795c0e52";

#[tokio::test]
async fn share_types_and_specs() {
    let (server, c) = mock("2.50").await;
    expect(
        &server,
        "POST",
        "types",
        "2.50",
        Some("share-type-create-request.json"),
        200,
        Some("share-type-create-response.json"),
    )
    .await;
    let opts: share_types::CreateOpts =
        serde_json::from_value(sample("share-type-create-request.json")["share_type"].clone())
            .unwrap();
    let t = share_types::create(&c, &opts).await.extract().unwrap();
    assert_eq!(
        (t.id.as_str(), t.is_public, t.is_default),
        (ID, Some(true), Some(false))
    );
    assert_eq!(t.extra_specs["snapshot_support"], "True");

    expect(
        &server,
        "GET",
        "types",
        "2.50",
        None,
        200,
        Some("share-types-list-response.json"),
    )
    .await;
    let all = share_types::list(&c, &Default::default())
        .await
        .extract()
        .unwrap();
    assert_eq!(all[0].name, "default");
    expect(
        &server,
        "GET",
        "types/default",
        "2.50",
        None,
        200,
        Some("share-types-default-list-response.json"),
    )
    .await;
    assert_eq!(
        share_types::get_default(&c)
            .await
            .extract()
            .unwrap()
            .is_default,
        Some(true)
    );
    expect(
        &server,
        "GET",
        &format!("types/{ID}"),
        "2.50",
        None,
        200,
        Some("share-type-show-response.json"),
    )
    .await;
    share_types::get(&c, ID).await.extract().unwrap();
    expect(
        &server,
        "PUT",
        &format!("types/{ID}"),
        "2.50",
        Some("share-type-update-request.json"),
        200,
        Some("share-type-update-response.json"),
    )
    .await;
    let up: share_types::UpdateOpts =
        serde_json::from_value(sample("share-type-update-request.json")["share_type"].clone())
            .unwrap();
    assert_eq!(
        share_types::update(&c, ID, &up)
            .await
            .extract()
            .unwrap()
            .name,
        "testing"
    );

    expect(
        &server,
        "GET",
        &format!("types/{ID}/extra_specs"),
        "2.50",
        None,
        200,
        Some("share-types-extra-specs-list-response.json"),
    )
    .await;
    assert_eq!(
        share_types::list_extra_specs(&c, ID)
            .await
            .extract()
            .unwrap()["replication_type"],
        "readable"
    );
    expect(
        &server,
        "POST",
        &format!("types/{ID}/extra_specs"),
        "2.50",
        Some("share-type-set-request.json"),
        200,
        Some("share-type-set-response.json"),
    )
    .await;
    let specs = [("my_key".to_string(), "my_value".to_string())].into();
    share_types::set_extra_specs(&c, ID, &specs)
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "DELETE",
        &format!("types/{ID}/extra_specs/my_key"),
        "2.50",
        None,
        202,
        None,
    )
    .await;
    share_types::delete_extra_spec(&c, ID, "my_key")
        .await
        .ok()
        .unwrap();

    expect(
        &server,
        "GET",
        &format!("types/{ID}/share_type_access"),
        "2.50",
        None,
        200,
        Some("share-types-list-access-response.json"),
    )
    .await;
    assert_eq!(
        share_types::list_access(&c, ID)
            .await
            .extract()
            .unwrap()
            .len(),
        2
    );
    expect_action_sample(
        &server,
        &format!("types/{ID}"),
        "2.50",
        "share-type-grant-access-request.json",
    )
    .await;
    share_types::add_access(&c, ID, "e1284adea3ee4d2482af5ed214f3ad90")
        .await
        .ok()
        .unwrap();
    expect_action_sample(
        &server,
        &format!("types/{ID}"),
        "2.50",
        "share-type-revoke-access-request.json",
    )
    .await;
    share_types::remove_access(&c, ID, "818a3f48dcd644909b3fa2e45a399a27")
        .await
        .ok()
        .unwrap();
    expect(
        &server,
        "DELETE",
        &format!("types/{ID}"),
        "2.50",
        None,
        202,
        None,
    )
    .await;
    share_types::delete(&c, ID).await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn find_by_name_and_old_public_flag() {
    let (server, c) = mock("2.50").await;
    expect(&server, "GET", "types/default", "2.50", None, 404, None).await;
    expect(
        &server,
        "GET",
        "types",
        "2.50",
        None,
        200,
        Some("share-types-list-response.json"),
    )
    .await;
    let t = share_types::find(&c, "default").await.unwrap();
    assert_eq!(t.id, "420e6a31-3f3d-4ed7-9d11-59450372182a");
    server.verify().await;

    let server = MockServer::start().await;
    let old = manila(&server, "2.6").await;
    let expected = serde_json::json!({"share_type": {"name": "gold",
        "extra_specs": {"driver_handles_share_servers": false},
        "os-share-type-access:is_public": false}});
    wiremock::Mock::given(wiremock::matchers::method("POST"))
        .and(wiremock::matchers::path("/share/v2/p1/types"))
        .and(wiremock::matchers::body_json(expected))
        .respond_with(crate::reply(200, Some("share-type-create-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let opts = share_types::CreateOpts {
        is_public: Some(false),
        ..share_types::CreateOpts::new("gold", false)
    };
    share_types::create(&old, &opts).await.extract().unwrap();
    server.verify().await;
}
