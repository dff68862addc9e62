use crate::common::*;
use ferrocloud::openstack::identity::v3::domains::{self, CreateOpts, ListOpts, UpdateOpts};
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
        .and(path("/identity/v3/domains"))
        .and(body_json(sample_json(&format!(
            "{S}/domain-create-request.json"
        ))))
        // The reference has no response sample for a creation: it answers as a show.
        .respond_with(reply("domain-show-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    let mut opts = CreateOpts::new("myDomain").description("Domain description");
    opts.enabled = Some(true);
    let d = domains::create(&identity, &opts).await.extract().unwrap();
    assert_eq!(d.id, "default");
    assert!(d.enabled);
    assert!(d.options.is_empty());

    Mock::given(method("GET"))
        .and(path("/identity/v3/domains/default"))
        .respond_with(reply("domain-show-response.json", 200))
        .mount(&server)
        .await;
    let d = domains::get(&identity, "default").await.extract().unwrap();
    assert_eq!(d.name, "Default");
    assert_eq!(
        d.links.self_link.as_deref(),
        Some("http://example.com/identity/v3/domains/default")
    );

    Mock::given(method("PATCH"))
        .and(path("/identity/v3/domains/default"))
        .and(body_json(sample_json(&format!(
            "{S}/domain-update-request.json"
        ))))
        .respond_with(reply("domain-update-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let upd = UpdateOpts {
        description: Some("Owns users and projects on Identity API v2.".into()),
        ..Default::default()
    };
    let d = domains::update(&identity, "default", &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        d.description.as_deref(),
        Some("Owns users and projects on Identity API v2.")
    );

    Mock::given(method("DELETE"))
        .and(path("/identity/v3/domains/d1"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    domains::delete(&identity, "d1").await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn explicit_id_and_invalid_options() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("POST"))
        .and(path("/identity/v3/domains"))
        .and(body_json(json!({"domain": {"name": "shared", "explicit_domain_id": "0123abcd0123abcd0123abcd0123abcd"}})))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"domain": {
            "id": "0123abcd0123abcd0123abcd0123abcd", "name": "shared", "enabled": true,
            "description": "", "tags": [], "options": {}, "links": {"self": "http://x/v3/domains/0123abcd0123abcd0123abcd0123abcd"}}})))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts {
        explicit_domain_id: Some("0123abcd0123abcd0123abcd0123abcd".into()),
        ..CreateOpts::new("shared")
    };
    let d = domains::create(&identity, &opts).await.extract().unwrap();
    assert_eq!(d.id, "0123abcd0123abcd0123abcd0123abcd");
    assert!(d.tags.is_empty());

    let err = domains::create(&identity, &CreateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("name"), "{err}");
    let err = domains::update(
        &identity,
        "d",
        &UpdateOpts {
            name: Some(String::new()),
            ..Default::default()
        },
    )
    .await
    .ok()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(count(&server, "POST", "/identity/v3/domains").await, 1);
    server.verify().await;
}

#[tokio::test]
async fn list_and_find() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/domains"))
        .and(query_param("enabled", "true"))
        .respond_with(reply("domains-list-response.json", 200))
        .mount(&server)
        .await;
    let opts = ListOpts {
        enabled: Some(true),
        ..Default::default()
    };
    let all = domains::extract_domains(&domains::list(&identity, &opts).all_pages().await.unwrap())
        .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].name, "swift_test");

    Mock::given(method("GET"))
        .and(path("/identity/v3/domains/Default"))
        .respond_with(ResponseTemplate::new(404).set_body_json(
            json!({"error": {"code": 404, "message": "Could not find domain: Default."}}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/domains"))
        .and(query_param("name", "Default"))
        .respond_with(reply("domains-list-response.json", 200))
        .mount(&server)
        .await;
    let d = domains::find(&identity, "Default").await.unwrap();
    assert_eq!(d.id, "default");
    let err = domains::find(&identity, "").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}
