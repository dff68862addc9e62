use crate::common::*;
use ferrocloud::openstack::identity::v3::application_credentials::{
    self, AccessRuleOpts, CreateOpts, ListOpts,
};
use ferrocloud::openstack::identity::v3::roles::RoleRef;
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use secrecy::ExposeSecret;
use serde_json::json;
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "identity/api-ref/source/v3/samples/admin";
const U: &str = "/identity/v3/users/fd786d";

async fn identity(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_identity_v3(&p, EndpointOpts::default()).unwrap()
}

fn reply(sample_name: &str, status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_string(sample(&format!("{S}/{sample_name}")))
}

fn sample_opts() -> CreateOpts {
    let mut opts = CreateOpts::new("monitoring");
    opts.secret = Some("rEaqvJka48mpv".into());
    opts.description = Some("Application credential for monitoring.".into());
    opts.expires_at = Some(ferrocloud::dates::parse("2018-02-27T18:30:59Z").unwrap());
    opts.roles = Some(vec![RoleRef::name("Reader")]);
    opts.access_rules = Some(vec![AccessRuleOpts::new(
        "monitoring",
        "GET",
        "/v2.0/metrics",
    )]);
    opts.unrestricted = Some(false);
    opts
}

#[tokio::test]
async fn create_get_delete() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("POST"))
        .and(path(format!("{U}/application_credentials")))
        .and(body_json(sample_json(&format!(
            "{S}/application-credential-create-request.json"
        ))))
        .respond_with(reply("application-credential-create-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    let opts = sample_opts();
    assert!(!format!("{opts:?}").contains("rEaqvJka48mpv"));
    let cred = application_credentials::create(&identity, "fd786d", &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(cred.id, "58d61ff8e6e34accb35874016d1dba8b");
    assert_eq!(
        cred.secret.as_ref().unwrap().expose_secret(),
        "rEaqvJka48mpv"
    );
    assert!(!format!("{cred:?}").contains("rEaqvJka48mpv"));
    assert_eq!(cred.roles[0].name, "Reader");
    assert!(cred.roles[0].domain_id.is_none());
    assert_eq!(cred.access_rules[0].id, "07d719df00f349ef8de77d542edf010c");
    assert_eq!(cred.access_rules[0].service, "monitoring");
    assert_eq!(
        cred.expires_at.unwrap(),
        ferrocloud::dates::parse("2018-02-27T18:30:59Z").unwrap()
    );
    assert!(!cred.unrestricted);
    assert_eq!(
        cred.project_id.as_deref(),
        Some("231c62fb0fbd485b995e8b060c3f0d98")
    );

    Mock::given(method("GET"))
        .and(path(format!("{U}/application_credentials/58d61f")))
        .respond_with(reply("application-credential-get-response.json", 200))
        .mount(&server)
        .await;
    let got = application_credentials::get(&identity, "fd786d", "58d61f")
        .await
        .extract()
        .unwrap();
    assert!(got.secret.is_none());
    assert_eq!(got.name, "monitoring");

    Mock::given(method("DELETE"))
        .and(path(format!("{U}/application_credentials/58d61f")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    application_credentials::delete(&identity, "fd786d", "58d61f")
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn keystone_nulls_are_accepted() {
    // What a real Keystone answers: `unrestricted` and `system` null, `user_id` set.
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("POST"))
        .and(path(format!("{U}/application_credentials")))
        .and(body_json(json!({"application_credential": {"name": "x"}})))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"application_credential": {
            "id": "a1", "name": "x", "description": null, "user_id": "fd786d",
            "project_id": "p1", "system": null, "expires_at": null, "unrestricted": null,
            "roles": [{"id": "r1", "name": "reader", "domain_id": null, "description": null, "options": {"immutable": true}}],
            "access_rules": [], "secret": "s3cr3t",
            "links": {"self": "http://k/v3/application_credentials/a1"}
        }})))
        .mount(&server)
        .await;
    let cred = application_credentials::create(&identity, "fd786d", &CreateOpts::new("x"))
        .await
        .extract()
        .unwrap();
    assert!(!cred.unrestricted);
    assert!(cred.expires_at.is_none());
    assert_eq!(cred.user_id.as_deref(), Some("fd786d"));
    assert_eq!(cred.roles[0].options["immutable"], true);
}

#[tokio::test]
async fn list_and_find() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("{U}/application_credentials")))
        .respond_with(reply("application-credential-list-response.json", 200))
        .mount(&server)
        .await;
    let all = application_credentials::extract_application_credentials(
        &application_credentials::list(&identity, "fd786d", &ListOpts::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].name, "backups");
    assert!(all[0].access_rules.is_empty());
    assert!(all.iter().all(|c| c.secret.is_none()));

    Mock::given(method("GET"))
        .and(path(format!("{U}/application_credentials/monitoring")))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{U}/application_credentials")))
        .and(query_param("name", "monitoring"))
        .respond_with(reply("application-credential-list-response.json", 200))
        .mount(&server)
        .await;
    let found = application_credentials::find(&identity, "fd786d", "monitoring")
        .await
        .unwrap();
    assert_eq!(found.id, "58d61ff8e6e34accb35874016d1dba8b");
}

#[tokio::test]
async fn access_rules() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("{U}/access_rules")))
        .respond_with(reply("access-rules-list-response.json", 200))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{U}/access_rules/07d719")))
        .respond_with(reply("access-rule-get-response.json", 200))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("{U}/access_rules/07d719")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let rules = application_credentials::list_access_rules(&identity, "fd786d")
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(rules.len(), 1);
    assert_eq!(rules[0].path, "/v2.0/metrics");
    let rule = application_credentials::get_access_rule(&identity, "fd786d", "07d719")
        .await
        .extract()
        .unwrap();
    assert_eq!(rule.method, "GET");
    assert!(rule.links.as_ref().is_some_and(|l| l.self_link.is_some()));
    application_credentials::delete_access_rule(&identity, "fd786d", "07d719")
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn invalid_options_are_refused_before_sending() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let mut cases = Vec::new();
    cases.push((CreateOpts::default(), "name"));
    let mut o = CreateOpts::new("x");
    o.secret = Some(String::new().into());
    cases.push((o, "secret"));
    let mut o = CreateOpts::new("x");
    o.roles = Some(vec![RoleRef::default()]);
    cases.push((o, "roles[0]"));
    let mut o = CreateOpts::new("x");
    o.access_rules = Some(vec![
        AccessRuleOpts::existing("a1"),
        AccessRuleOpts {
            service: Some("compute".into()),
            ..Default::default()
        },
    ]);
    cases.push((o, "access_rules[1]"));
    for (opts, field) in cases {
        let err = application_credentials::create(&identity, "u", &opts)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains(field), "{err}");
    }
    assert_eq!(
        count(
            &server,
            "POST",
            "/identity/v3/users/u/application_credentials"
        )
        .await,
        0
    );
}
