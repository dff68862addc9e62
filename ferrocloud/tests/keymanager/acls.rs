//! ACLs of secrets and containers.

use ferrocloud::ErrorKind;
use ferrocloud::openstack::keymanager::v1::acls::{self, AclOpts, Target};
use serde_json::json;
use wiremock::MockServer;

use crate::{barbican, expect, href, sent};

const ID: &str = "48d24158-b4b4-45b8-9669-d9f0ef793c23";

#[tokio::test]
async fn secret_acls() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    let target = Target::secret(href(&server, &format!("secrets/{ID}")));
    let acl_ref = json!({"acl_ref": href(&server, &format!("secrets/{ID}/acl"))});

    expect(
        &server,
        "GET",
        &format!("secrets/{ID}/acl"),
        None,
        200,
        Some(json!({"read": {"updated": "2015-05-12T20:08:47.644264",
            "created": "2015-05-12T19:23:44.019168", "users": ["u1", "u2"],
            "project-access": false}})),
    )
    .await;
    let acl = acls::get(&client, &target).await.extract().unwrap();
    assert!(!acl.read.project_access);
    assert_eq!(acl.read.users, ["u1", "u2"]);
    assert!(acl.read.created.is_some());

    expect(
        &server,
        "PUT",
        &format!("secrets/{ID}/acl"),
        Some(json!({"read": {"users": ["u1", "u2"], "project-access": false}})),
        200,
        Some(acl_ref.clone()),
    )
    .await;
    let r = acls::set(
        &client,
        &target,
        &AclOpts::users(["u1", "u2"]).project_access(false),
    )
    .await
    .extract()
    .unwrap();
    assert!(r.acl_ref.ends_with(&format!("/secrets/{ID}/acl")));

    expect(
        &server,
        "PATCH",
        &format!("secrets/{ID}/acl"),
        Some(json!({"read": {"users": []}})),
        200,
        Some(acl_ref),
    )
    .await;
    acls::update(&client, &target, &AclOpts::users(Vec::<String>::new()))
        .await
        .extract()
        .unwrap();

    expect(
        &server,
        "DELETE",
        &format!("secrets/{ID}/acl"),
        None,
        200,
        None,
    )
    .await;
    acls::delete(&client, &target).await.ok().unwrap();
}

#[tokio::test]
async fn container_acls() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    let target = Target::container("74bbd3fd");
    // No ACL of its own: the default.
    expect(
        &server,
        "GET",
        "containers/74bbd3fd/acl",
        None,
        200,
        Some(json!({"read": {"project-access": true}})),
    )
    .await;
    let acl = acls::get(&client, &target).await.extract().unwrap();
    assert!(acl.read.project_access);
    assert!(acl.read.users.is_empty());
    assert_eq!(acl.read.created, None);

    expect(
        &server,
        "PATCH",
        "containers/74bbd3fd/acl",
        Some(json!({"read": {"project-access": false}})),
        200,
        Some(json!({"acl_ref": href(&server, "containers/74bbd3fd/acl")})),
    )
    .await;
    acls::update(&client, &target, &AclOpts::default().project_access(false))
        .await
        .extract()
        .unwrap();

    expect(
        &server,
        "PUT",
        "containers/74bbd3fd/acl",
        Some(json!({"read": {"users": ["u3"]}})),
        200,
        Some(json!({"acl_ref": href(&server, "containers/74bbd3fd/acl")})),
    )
    .await;
    acls::set(&client, &target, &AclOpts::users(["u3"]))
        .await
        .extract()
        .unwrap();

    expect(
        &server,
        "DELETE",
        "containers/74bbd3fd/acl",
        None,
        404,
        None,
    )
    .await;
    let err = acls::delete(&client, &target).await.ok().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    let before = sent(&server).await;
    let err = acls::get(&client, &Target::container(href(&server, "secrets/x")))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = acls::set(&client, &target, &AclOpts::users([""]))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(sent(&server).await, before);
}
