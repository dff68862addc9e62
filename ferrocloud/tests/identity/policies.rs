use crate::common::*;
use ferrocloud::openstack::identity::v3::policies::{self, CreateOpts, ListOpts, UpdateOpts};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use serde_json::json;
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "identity/api-ref/source/v3/samples/admin";

async fn identity(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_identity_v3(&p, EndpointOpts::default()).unwrap()
}

fn reply(sample_name: &str, status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_string(sample(&format!("{S}/{sample_name}")))
}

#[tokio::test]
async fn crud_and_list() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("POST"))
        .and(path("/identity/v3/policies"))
        .and(body_json(sample_json(&format!(
            "{S}/policy-create-request.json"
        ))))
        .respond_with(reply("policy-show-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts::new("application/json", "{'foobar_user': 'role:compute-user'}");
    let p = policies::create(&identity, &opts).await.extract().unwrap();
    assert_eq!(p.id, "717273");
    // The reference shows the document as an object; Keystone sends text.
    assert_eq!(p.blob["foobar_user"][0], "role:compute-user");
    assert!(p.blob_text().is_none());

    Mock::given(method("GET"))
        .and(path("/identity/v3/policies/717273"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"policy": {
            "id": "717273", "type": "application/json", "blob": "{\"a\": \"b\"}",
            "links": {"self": "http://x/v3/policies/717273"}}})))
        .mount(&server)
        .await;
    let p = policies::get(&identity, "717273").await.extract().unwrap();
    assert_eq!(p.blob_text(), Some("{\"a\": \"b\"}"));
    assert_eq!(p.media_type, "application/json");

    Mock::given(method("PATCH"))
        .and(path("/identity/v3/policies/717273"))
        .and(body_json(json!({"policy": {"blob": "{\"a\": \"c\"}"}})))
        .respond_with(reply("policy-update-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let upd = UpdateOpts {
        blob: Some(json!("{\"a\": \"c\"}")),
        ..Default::default()
    };
    policies::update(&identity, "717273", &upd)
        .await
        .extract()
        .unwrap();

    Mock::given(method("GET"))
        .and(path("/identity/v3/policies"))
        .and(query_param("type", "application/json"))
        .respond_with(reply("policies-list-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        media_type: Some("application/json".into()),
    };
    let all =
        policies::extract_policies(&policies::list(&identity, &opts).all_pages().await.unwrap())
            .unwrap();
    assert_eq!(all.len(), 2);

    Mock::given(method("DELETE"))
        .and(path("/identity/v3/policies/717273"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    policies::delete(&identity, "717273").await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn a_document_must_be_text() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    // The reference's update sample sends an object: Keystone answers 400.
    let sample_update: UpdateOpts = serde_json::from_value(
        sample_json(&format!("{S}/policy-update-request.json"))["policy"].clone(),
    )
    .unwrap();
    let err = policies::update(&identity, "p", &sample_update)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("blob"), "{err}");
    let err = policies::create(&identity, &CreateOpts::new("", "x"))
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("type"), "{err}");
    assert_eq!(count(&server, "POST", "/identity/v3/policies").await, 0);
}
