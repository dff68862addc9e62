use crate::common::*;
use ferrocloud::openstack::identity::v3::users::{
    self, ChangePasswordOpts, CreateOpts, ListOpts, UpdateOpts,
};
use ferrocloud::pagination::collect;
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
async fn create_get_update_delete() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("POST"))
        .and(path("/identity/v3/users"))
        .and(body_json(sample_json(&format!(
            "{S}/user-create-request.json"
        ))))
        .respond_with(reply("user-create-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    let mut opts = CreateOpts::new("James Doe")
        .domain_id("1789d1")
        .password("secretsecret");
    opts.default_project_id = Some("263fd9".into());
    opts.enabled = Some(true);
    opts.description = Some("James Doe user".into());
    opts.federated = Some(vec![users::Federated {
        idp_id: "efbab5a6acad4d108fec6c63d9609d83".into(),
        protocols: vec![users::FederatedProtocol {
            protocol_id: "mapped".into(),
            unique_id: "test@example.com".into(),
        }],
    }]);
    opts.options = Some([("ignore_password_expiry".to_string(), json!(true))].into());
    opts.extra.insert("email".into(), json!("jdoe@example.com"));
    assert!(!format!("{opts:?}").contains("secretsecret"));
    let u = users::create(&identity, &opts).await.extract().unwrap();
    assert_eq!(u.id, "ff4e51");
    assert_eq!(u.extra["email"], "jdoe@example.com");
    assert_eq!(u.federated[0].protocols[0].protocol_id, "mapped");
    assert_eq!(u.options["ignore_password_expiry"], true);
    assert!(u.password_expires_at.is_some());

    Mock::given(method("GET"))
        .and(path("/identity/v3/users/9fe1d3"))
        .respond_with(reply("user-show-response.json", 200))
        .mount(&server)
        .await;
    let u = users::get(&identity, "9fe1d3").await.extract().unwrap();
    assert_eq!(u.name, "jsmith");
    assert!(u.federated.is_empty());
    assert!(u.extra.is_empty());

    Mock::given(method("PATCH"))
        .and(path("/identity/v3/users/ff4e51"))
        .and(body_json(sample_json(&format!(
            "{S}/user-update-request.json"
        ))))
        .respond_with(reply("user-update-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let upd = UpdateOpts {
        default_project_id: Some("263fd9".into()),
        enabled: Some(true),
        options: Some([("ignore_lockout_failure_attempts".to_string(), json!(true))].into()),
        ..Default::default()
    };
    let u = users::update(&identity, "ff4e51", &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(u.name, "jamesdoe");

    Mock::given(method("DELETE"))
        .and(path("/identity/v3/users/ff4e51"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    users::delete(&identity, "ff4e51").await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn change_password() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("POST"))
        .and(path("/identity/v3/users/u1/password"))
        .and(body_json(sample_json(&format!(
            "{S}/user-password-update-request.json"
        ))))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ChangePasswordOpts::new("secretsecret", "new_secretsecret");
    assert!(!format!("{opts:?}").contains("secret"));
    users::change_password(&identity, "u1", &opts)
        .await
        .ok()
        .unwrap();
    let err = users::change_password(&identity, "u1", &ChangePasswordOpts::new("", "x"))
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("original_password"), "{err}");
    server.verify().await;
}

#[tokio::test]
async fn list_filters_groups_projects_and_find() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/users"))
        .and(query_param("domain_id", "default"))
        .and(query_param("enabled", "true"))
        .and(query_param(
            "password_expires_at",
            "lt:2016-12-08T22:02:00Z",
        ))
        .and(query_param("sort_key", "name"))
        .respond_with(reply("users-list-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        domain_id: Some("default".into()),
        enabled: Some(true),
        password_expires_at: Some("lt:2016-12-08T22:02:00Z".into()),
        sort_key: Some("name".into()),
        ..Default::default()
    };
    let all =
        users::extract_users(&users::list(&identity, &opts).all_pages().await.unwrap()).unwrap();
    assert_eq!(all.len(), 13);
    assert_eq!(all[0].name, "glance");
    assert!(all[0].password_expires_at.is_none());
    assert!(all[1].password_expires_at.is_some());

    Mock::given(method("GET"))
        .and(path("/identity/v3/users/9fe1d3/groups"))
        .respond_with(reply("user-groups-list-response.json", 200))
        .mount(&server)
        .await;
    let groups = collect(users::list_groups(&identity, "9fe1d3"))
        .await
        .unwrap();
    assert_eq!(groups.len(), 2);
    assert!(groups[0].membership_expires_at.is_none());
    assert!(groups[1].membership_expires_at.is_some());
    Mock::given(method("GET"))
        .and(path("/identity/v3/users/9fe1d3/projects"))
        .respond_with(reply("user-projects-list-response.json", 200))
        .mount(&server)
        .await;
    let projects = collect(users::list_projects(&identity, "9fe1d3"))
        .await
        .unwrap();
    assert_eq!(projects[1].parent_id.as_deref(), Some("212223"));

    Mock::given(method("GET"))
        .and(path("/identity/v3/users/demo"))
        .respond_with(ResponseTemplate::new(404).set_body_json(
            json!({"error": {"code": 404, "message": "Could not find user: demo."}}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/users"))
        .and(query_param("name", "demo"))
        .respond_with(reply("users-list-response.json", 200))
        .mount(&server)
        .await;
    let u = users::find(&identity, "demo").await.unwrap();
    assert_eq!(u.id, "7596e862b1af473c8ed6ae99d35b51e3");
    server.verify().await;
}

#[tokio::test]
async fn invalid_options_are_refused_before_sending() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let err = users::create(&identity, &CreateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("name"), "{err}");
    let mut opts = CreateOpts::new("bob");
    opts.extra.insert("password".into(), json!("hidden"));
    let err = users::create(&identity, &opts).await.ok().unwrap_err();
    assert!(err.to_string().contains("extra.password"), "{err}");
    let err = users::update(
        &identity,
        "u",
        &UpdateOpts {
            name: Some(String::new()),
            ..Default::default()
        },
    )
    .await
    .ok()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(count(&server, "POST", "/identity/v3/users").await, 0);
}
