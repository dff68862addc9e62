use crate::common::*;
use ferrocloud::openstack::identity::v3::identity_providers::{
    self, CreateOpts, ListOpts, ProtocolOpts, UpdateOpts,
};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "identity/api-ref/source/v3-ext/federation/identity-provider/samples";
const IDP: &str = "/identity/v3/OS-FEDERATION/identity_providers";

async fn identity(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_identity_v3(&p, EndpointOpts::default()).unwrap()
}

fn reply(name: &str, status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_string(sample(&format!("{S}/{name}")))
}

#[tokio::test]
async fn register_show_update_delete() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("PUT"))
        .and(path(format!("{IDP}/ACME")))
        .and(body_json(sample_json(&format!(
            "{S}/register-request.json"
        ))))
        .respond_with(reply("register-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts {
        domain_id: Some("1789d1".into()),
        description: Some("Stores ACME identities.".into()),
        remote_ids: Some(vec!["acme_id_1".into(), "acme_id_2".into()]),
        enabled: Some(true),
        ..Default::default()
    };
    let idp = identity_providers::create(&identity, "ACME", &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(idp.id, "ACME");
    assert_eq!(idp.remote_ids, ["acme_id_1", "acme_id_2"]);
    assert!(idp.enabled);
    assert_eq!(
        idp.links.protocols.as_deref(),
        Some("http://example.com/identity/v3/OS-FEDERATION/identity_providers/ACME/protocols")
    );

    Mock::given(method("GET"))
        .and(path(format!("{IDP}/ACME")))
        .respond_with(reply("get-response.json", 200))
        .mount(&server)
        .await;
    let idp = identity_providers::get(&identity, "ACME")
        .await
        .extract()
        .unwrap();
    assert!(!idp.enabled);
    assert_eq!(idp.authorization_ttl, None);
    assert_eq!(idp.domain_id, "1789d1");

    Mock::given(method("PATCH"))
        .and(path(format!("{IDP}/ACME")))
        .and(body_json(sample_json(&format!("{S}/update-request.json"))))
        .respond_with(reply("update-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let upd = UpdateOpts {
        remote_ids: Some(vec!["beta_id_1".into(), "beta_id_2".into()]),
        enabled: Some(true),
        ..Default::default()
    };
    let idp = identity_providers::update(&identity, "ACME", &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(idp.description.as_deref(), Some("Beta dev idp"));

    Mock::given(method("DELETE"))
        .and(path(format!("{IDP}/ACME")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    identity_providers::delete(&identity, "ACME")
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn list_with_filters() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path(IDP))
        .and(query_param("enabled", "true"))
        .and(query_param("id", "ACME"))
        .respond_with(reply("list-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        id: Some("ACME".into()),
        enabled: Some(true),
    };
    let all = identity_providers::extract_identity_providers(
        &identity_providers::list(&identity, &opts)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].id, "ACME-contractors");
    assert_eq!(all[1].remote_ids, ["sore_id_1", "store_id_2"]);
    server.verify().await;
}

#[tokio::test]
async fn protocols() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let one = format!("{IDP}/ACME/protocols/saml2");
    Mock::given(method("PUT"))
        .and(path(&one))
        .and(body_json(sample_json(&format!(
            "{S}/add-protocol-request.json"
        ))))
        .respond_with(reply("add-protocol-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(&one))
        .respond_with(reply("get-protocol-response.json", 200))
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(path(&one))
        .and(body_json(sample_json(&format!(
            "{S}/update-protocol-request.json"
        ))))
        .respond_with(reply("update-protocol-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{IDP}/ACME/protocols")))
        .respond_with(reply("list-protocol-response.json", 200))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(&one))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;

    let opts = ProtocolOpts::new("xyz234");
    let p = identity_providers::create_protocol(&identity, "ACME", "saml2", &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!((p.id.as_str(), p.mapping_id.as_str()), ("saml2", "xyz234"));
    assert_eq!(
        p.links.identity_provider.as_deref(),
        Some("http://example.com/identity/v3/OS-FEDERATION/identity_providers/ACME")
    );
    let p = identity_providers::get_protocol(&identity, "ACME", "saml2")
        .await
        .extract()
        .unwrap();
    assert_eq!(p.mapping_id, "xyz234");
    identity_providers::update_protocol(&identity, "ACME", "saml2", &opts)
        .await
        .ok()
        .unwrap();
    let all = identity_providers::extract_protocols(
        &identity_providers::list_protocols(&identity, "ACME")
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all.len(), 1);
    identity_providers::delete_protocol(&identity, "ACME", "saml2")
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn invalid_options_are_refused_before_sending() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let err = identity_providers::update(&identity, "ACME", &UpdateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("remote_ids"), "{err}");

    let long = CreateOpts {
        remote_ids: Some(vec!["x".repeat(65)]),
        ..Default::default()
    };
    let err = identity_providers::create(&identity, "ACME", &long)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("remote_ids[0]"), "{err}");

    let err =
        identity_providers::create_protocol(&identity, "ACME", "saml2", &ProtocolOpts::default())
            .await
            .ok()
            .unwrap_err();
    assert!(err.to_string().contains("mapping_id"), "{err}");

    let err = identity_providers::get(&identity, "")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(
        server
            .received_requests()
            .await
            .unwrap()
            .iter()
            .all(|r| r.url.path().ends_with("/auth/tokens"))
    );
}
