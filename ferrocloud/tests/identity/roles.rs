use crate::common::*;
use ferrocloud::openstack::identity::v3::roles::{self, CreateOpts, ListOpts, UpdateOpts};
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
async fn create_update_get_delete() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("POST"))
        .and(path("/identity/v3/roles"))
        .and(body_json(sample_json(&format!(
            "{S}/role-create-request.json"
        ))))
        .respond_with(reply("role-create-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    let r = roles::create(
        &identity,
        &CreateOpts::new("developer").description("My new role"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(r.id, "1e443fa8cee3482a8a2b6954dd5c8f12");
    assert_eq!(r.name, "developer");
    assert!(r.domain_id.is_none());
    assert!(r.options.is_empty());

    // A domain-specific role (the official sample of this request is not valid JSON).
    Mock::given(method("POST"))
        .and(path("/identity/v3/roles"))
        .and(body_json(json!({"role": {
            "description": "My new role",
            "domain_id": "92e782c4988642d783a95f4a87c3fdd7",
            "name": "developer"
        }})))
        .respond_with(reply("role-show-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    let r = roles::create(
        &identity,
        &CreateOpts::new("developer")
            .description("My new role")
            .domain_id("92e782c4988642d783a95f4a87c3fdd7"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        r.domain_id.as_deref(),
        Some("d07792fd66ac4ed881723ab9f1c9925f")
    );

    Mock::given(method("PATCH"))
        .and(path("/identity/v3/roles/r1"))
        .and(body_json(sample_json(&format!(
            "{S}/role-update-request.json"
        ))))
        .respond_with(reply("role-update-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let upd = UpdateOpts {
        name: Some("Developer".into()),
        description: Some("My new role".into()),
        ..Default::default()
    };
    let r = roles::update(&identity, "r1", &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(r.name, "Developer");
    assert_eq!(
        r.links.as_ref().and_then(|l| l.self_link.as_deref()),
        Some("http://example.com/identity/v3/roles/1e443fa8cee3482a8a2b6954dd5c8f12")
    );

    Mock::given(method("GET"))
        .and(path("/identity/v3/roles/1e443f"))
        .respond_with(reply("role-show-response.json", 200))
        .mount(&server)
        .await;
    let r = roles::get(&identity, "1e443f").await.extract().unwrap();
    assert_eq!(r.description.as_deref(), Some("My new role"));

    Mock::given(method("DELETE"))
        .and(path("/identity/v3/roles/r1"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    roles::delete(&identity, "r1").await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn invalid_options_are_refused_before_sending() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let err = roles::create(&identity, &CreateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("name"), "{err}");
    let upd = UpdateOpts {
        name: Some(String::new()),
        ..Default::default()
    };
    let err = roles::update(&identity, "r", &upd).await.ok().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = roles::create_inference(&identity, "", "b")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(count(&server, "POST", "/identity/v3/roles").await, 0);
    assert_eq!(count(&server, "PATCH", "/identity/v3/roles/r").await, 0);
}

#[tokio::test]
async fn list_and_find() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/roles"))
        .and(query_param("domain_id", "d1"))
        .respond_with(reply("roles-list-response.json", 200))
        .mount(&server)
        .await;
    let opts = ListOpts {
        domain_id: Some("d1".into()),
        ..Default::default()
    };
    let all =
        roles::extract_roles(&roles::list(&identity, &opts).all_pages().await.unwrap()).unwrap();
    assert_eq!(all.len(), 6);
    assert_eq!(all[3].name, "_member_");
    assert!(all[5].description.is_none());

    Mock::given(method("GET"))
        .and(path("/identity/v3/roles/Member"))
        .respond_with(ResponseTemplate::new(404).set_body_json(
            json!({"error": {"code": 404, "message": "Could not find role: Member."}}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/roles"))
        .and(query_param("name", "Member"))
        .respond_with(reply("roles-list-response.json", 200))
        .mount(&server)
        .await;
    let r = roles::find(&identity, "Member").await.unwrap();
    assert_eq!(r.id, "779a76d74f544224a7ef8762ca0de627");
    let err = roles::find(&identity, "").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn inference_rules() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let rule = "/identity/v3/roles/7ceab6/implies/97e2f5";
    Mock::given(method("PUT"))
        .and(path(rule))
        .respond_with(reply("create-role-inferences-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(rule))
        .respond_with(reply("get-role-inferences-response.json", 200))
        .mount(&server)
        .await;
    Mock::given(method("HEAD"))
        .and(path(rule))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(method("HEAD"))
        .and(path("/identity/v3/roles/7ceab6/implies/nope"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(rule))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/roles/42c764/implies"))
        .respond_with(reply("list-implied-roles-for-role-response.json", 200))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/role_inferences"))
        .respond_with(reply("role-inferences-response.json", 200))
        .mount(&server)
        .await;

    let created = roles::create_inference(&identity, "7ceab6", "97e2f5")
        .await
        .extract()
        .unwrap();
    assert_eq!(created.role_inference.prior_role.name, "prior role name");
    assert_eq!(
        created.role_inference.implies.id,
        "97e2f5d38bc94842bc3da818c16762ed"
    );
    assert!(
        created
            .links
            .self_link
            .unwrap()
            .ends_with("/implies/97e2f5d38bc94842bc3da818c16762ed")
    );
    let got = roles::get_inference(&identity, "7ceab6", "97e2f5")
        .await
        .extract()
        .unwrap();
    assert_eq!(got.role_inference.implies.name, "implied role name");
    assert!(
        roles::is_implied(&identity, "7ceab6", "97e2f5")
            .await
            .unwrap()
    );
    assert!(
        !roles::is_implied(&identity, "7ceab6", "nope")
            .await
            .unwrap()
    );
    roles::delete_inference(&identity, "7ceab6", "97e2f5")
        .await
        .ok()
        .unwrap();

    let implied = roles::list_implied(&identity, "42c764")
        .await
        .extract()
        .unwrap()
        .role_inference;
    assert_eq!(implied.prior_role.id, "42c764f0c19146728dbfe73a49cc35c3");
    let names: Vec<&str> = implied.implies.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["implied role1 name", "implied role2 name"]);

    let rules = roles::list_inferences(&identity)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(rules.len(), 2);
    assert_eq!(rules[1].implies[0].id, "872b20ad124c4c1bafaef2b1aae316ab");
    assert!(rules[1].implies[0].description.is_none());
    server.verify().await;
}
