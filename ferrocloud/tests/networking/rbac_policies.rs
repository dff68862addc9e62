//! RBAC policies: create, list with typed filters, show, update, delete, unknown kinds
//! and refused policies.

use crate::common::*;
use crate::{network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::rbac_policies::{
    self, Action, CreateOpts, EVERY_PROJECT, ListOpts, ObjectType, UpdateOpts,
};
use serde_json::json;
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/rbac_policy";
const NET: &str = "1f32f072-4d17-4811-b619-3623d018bd40";

#[tokio::test]
async fn create_update_show_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("POST"))
        .and(path("/network/v2.0/rbac-policies"))
        .and(body_json(sample_json(&format!(
            "{S}/rbac-policy-create-request.json"
        ))))
        .respond_with(reply(S, 201, "rbac-policy-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts::new(
        ObjectType::Network,
        NET,
        Action::AccessAsShared,
        "0670b690f27e47a58b6a479d26004715",
    );
    let policy = rbac_policies::create(&client, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(policy.id, "2cf7523a-93b5-4e69-9360-6c6bf986bb7c");
    assert_eq!(
        (policy.object_type, policy.action),
        (ObjectType::Network, Action::AccessAsShared)
    );
    assert_eq!(policy.target_tenant, "0670b690f27e47a58b6a479d26004715");

    let id = "6d4c666e-1aad-465e-b670-4d112b760137";
    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/rbac-policies/{id}")))
        .and(body_json(sample_json(&format!(
            "{S}/rbac-policy-update-request.json"
        ))))
        .respond_with(reply(S, 200, "rbac-policy-update-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let updated = rbac_policies::update(&client, id, &UpdateOpts::new(EVERY_PROJECT))
        .await
        .extract()
        .unwrap();
    assert_eq!(updated.target_tenant, EVERY_PROJECT);
    assert_eq!(updated.action, Action::AccessAsExternal);

    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/rbac-policies/{id}")))
        .respond_with(reply(S, 200, "rbac-policy-show-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(
        rbac_policies::get(&client, id).await.extract().unwrap(),
        updated
    );

    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/rbac-policies/{id}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    rbac_policies::delete(&client, id).await.ok().unwrap();
}

#[tokio::test]
async fn list_with_typed_filters_and_unknown_kinds() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let mut listed = sample_json(&format!("{S}/rbac-policies-list-response.json"));
    let mut other = listed["rbac_policies"][0].clone();
    other["object_type"] = json!("bgpvpn");
    other["action"] = json!("access_as_readonly");
    listed["rbac_policies"].as_array_mut().unwrap().push(other);
    Mock::given(method("GET"))
        .and(path("/network/v2.0/rbac-policies"))
        .and(query_param("object_type", "network"))
        .and(query_param("object_id", NET))
        .and(query_param("action", "access_as_external"))
        .respond_with(ResponseTemplate::new(200).set_body_json(listed))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        object_type: Some(ObjectType::Network),
        object_id: Some(NET.into()),
        action: Some(Action::AccessAsExternal),
        ..ListOpts::default()
    };
    let all = rbac_policies::list(&client, &opts).all().await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].target_tenant, "*");
    assert_eq!(all[1].object_type, ObjectType::Other("bgpvpn".into()));
    assert_eq!(all[1].action, Action::Other("access_as_readonly".into()));
}

#[tokio::test]
async fn refused_policies_send_nothing() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let bad = [
        CreateOpts::new(ObjectType::Network, "", Action::AccessAsShared, "*"),
        CreateOpts::new(ObjectType::Network, NET, Action::AccessAsShared, ""),
        CreateOpts::new(ObjectType::QosPolicy, "q", Action::AccessAsExternal, "*"),
    ];
    for opts in &bad {
        let err = rbac_policies::create(&client, opts)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{opts:?}");
    }
    let err = rbac_policies::update(&client, "p", &UpdateOpts::new(""))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(
        server
            .received_requests()
            .await
            .unwrap()
            .iter()
            .all(|r| !r.url.path().contains("rbac"))
    );
}
