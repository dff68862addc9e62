use crate::common::*;
use ferrocloud::openstack::identity::v3::federation::{self, SamlAssertionOpts};
use ferrocloud::{
    EndpointOpts, ErrorKind, ExposeSecret, ProviderClient, SecretString, ServiceClient, openstack,
};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const A: &str = "identity/api-ref/source/v3-ext/federation";

async fn identity(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_identity_v3(&p, EndpointOpts::default()).unwrap()
}

/// A client that never authenticated: what federated authentication starts from.
fn anonymous(server: &MockServer) -> ServiceClient {
    let p = ProviderClient::builder(format!("{}/identity/v3", server.uri()))
        .build()
        .unwrap();
    ServiceClient::new(
        p,
        "identity",
        &format!("{}/identity", server.uri()),
        Some("v3"),
    )
    .unwrap()
}

#[tokio::test]
async fn authenticate_with_an_oidc_access_token() {
    let server = MockServer::start().await;
    let identity = anonymous(&server);
    Mock::given(method("GET"))
        .and(path(
            "/identity/v3/OS-FEDERATION/identity_providers/myidp/protocols/openid/auth",
        ))
        .and(header("authorization", "Bearer eyJ-access"))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header("x-subject-token", "gAAAA-federated")
                .insert_header("x-openstack-request-id", "req-fed")
                .set_body_string(sample(&format!(
                    "{A}/auth/samples/unscoped-token-response.json"
                ))),
        )
        .expect(1)
        .mount(&server)
        .await;
    let access = SecretString::from("eyJ-access".to_string());
    let auth = federation::authenticate_with_bearer(&identity, "myidp", "openid", &access)
        .await
        .unwrap();
    assert_eq!(auth.subject_token.expose_secret(), "gAAAA-federated");
    assert_eq!(auth.token.methods, ["mapped"]);
    assert_eq!(
        auth.token.user.name.as_deref(),
        Some("username@example.com")
    );
    let fed = auth.token.user.federation.as_ref().unwrap();
    assert_eq!(fed.identity_provider, "ACME");
    assert_eq!(fed.groups.len(), 2);
    assert_eq!(auth.request_id.as_deref(), Some("req-fed"));
    assert!(!format!("{auth:?}").contains("gAAAA-federated"));
    // No Keystone token was sent (nor asked for).
    let reqs = server.received_requests().await.unwrap();
    assert_eq!(reqs.len(), 1);
    assert!(reqs[0].headers.get("x-auth-token").is_none());
    server.verify().await;
}

#[tokio::test]
async fn authenticate_refusals_and_missing_token() {
    let server = MockServer::start().await;
    let identity = anonymous(&server);
    Mock::given(method("GET"))
        .and(path(
            "/identity/v3/OS-FEDERATION/identity_providers/myidp/protocols/saml2/auth",
        ))
        .respond_with(ResponseTemplate::new(401).set_body_string(
            r#"{"error":{"code":401,"message":"Could not find Identity Provider identifier in environment","title":"Unauthorized"}}"#,
        ))
        .mount(&server)
        .await;
    let err = federation::authenticate(&identity, "myidp", "saml2")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    assert!(err.to_string().contains("Identity Provider"), "{err}");

    Mock::given(method("GET"))
        .and(path(
            "/identity/v3/OS-FEDERATION/identity_providers/myidp/protocols/mapped/auth",
        ))
        .respond_with(ResponseTemplate::new(201).set_body_string(sample(&format!(
            "{A}/auth/samples/unscoped-token-response.json"
        ))))
        .mount(&server)
        .await;
    let err = federation::authenticate(&identity, "myidp", "mapped")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert!(err.to_string().contains("X-Subject-Token"), "{err}");

    let err = federation::authenticate_with_bearer(
        &identity,
        "myidp",
        "openid",
        &SecretString::from(String::new()),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn websso_both_entry_points() {
    let server = MockServer::start().await;
    let identity = anonymous(&server);
    let page = "<html><form action=\"https://horizon.example.com/auth/websso/\"></form></html>";
    Mock::given(method("GET"))
        .and(path("/identity/v3/auth/OS-FEDERATION/websso/openid"))
        .and(query_param(
            "origin",
            "https://horizon.example.com/auth/websso/",
        ))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "text/html")
                .set_body_string(page),
        )
        .expect(1)
        .mount(&server)
        .await;
    // Keystone serves `protocols` (plural) here, whatever the reference writes.
    Mock::given(method("GET"))
        .and(path(
            "/identity/v3/auth/OS-FEDERATION/identity_providers/myidp/protocols/openid/websso",
        ))
        .and(query_param(
            "origin",
            "https://horizon.example.com/auth/websso/",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_string(page))
        .expect(1)
        .mount(&server)
        .await;
    let origin = "https://horizon.example.com/auth/websso/";
    let r = federation::websso(&identity, "openid", origin)
        .await
        .unwrap();
    assert!(String::from_utf8_lossy(r.body()).contains("<form"));
    federation::websso_for_idp(&identity, "myidp", "openid", origin)
        .await
        .unwrap();
    let err = federation::websso(&identity, "openid", "")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("origin"), "{err}");
    server.verify().await;
}

#[tokio::test]
async fn saml_and_ecp_assertions() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let xml = sample(&format!(
        "{A}/assertion/samples/saml-assertion-response.xml"
    ));
    for (p, req) in [
        (
            "/identity/v3/auth/OS-FEDERATION/saml2",
            "saml-assertion-request.json",
        ),
        (
            "/identity/v3/auth/OS-FEDERATION/saml2/ecp",
            "ecp-saml-assertion-request.json",
        ),
    ] {
        Mock::given(method("POST"))
            .and(path(p))
            .and(body_json(sample_json(&format!("{A}/assertion/samples/{req}"))))
            .respond_with(
                ResponseTemplate::new(200)
                    .insert_header("content-type", "text/xml")
                    .insert_header("x-sp-url", "https://sp.example.com/Shibboleth.sso/SAML2/ECP")
                    .insert_header("x-auth-url", "https://sp.example.com/v3/OS-FEDERATION/identity_providers/us/protocols/saml2/auth")
                    .set_body_string(xml.clone()),
            )
            .expect(1)
            .mount(&server)
            .await;
    }
    let opts = SamlAssertionOpts::new("--token_id--", "--sp_id--");
    let a = federation::create_saml_assertion(&identity, &opts)
        .await
        .unwrap();
    assert_eq!(a.assertion.expose_secret(), xml);
    assert_eq!(
        a.sp_url.as_deref(),
        Some("https://sp.example.com/Shibboleth.sso/SAML2/ECP")
    );
    assert!(a.auth_url.unwrap().ends_with("/saml2/auth"));
    assert!(!format!("{opts:?}").contains("--token_id--"));
    let e = federation::create_ecp_assertion(&identity, &opts)
        .await
        .unwrap();
    assert!(!format!("{e:?}").contains('<'));

    let err = federation::create_saml_assertion(&identity, &SamlAssertionOpts::new("t", ""))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("service_provider"), "{err}");
    server.verify().await;
}

#[tokio::test]
async fn metadata_and_scope_targets() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let xml = sample(&format!("{A}/assertion/samples/metadata-response.xml"));
    Mock::given(method("GET"))
        .and(path("/identity/v3/OS-FEDERATION/saml2/metadata"))
        .respond_with(ResponseTemplate::new(200).set_body_string(xml.clone()))
        .mount(&server)
        .await;
    assert!(
        federation::metadata(&identity)
            .await
            .unwrap()
            .contains("EntityDescriptor")
    );

    Mock::given(method("GET"))
        .and(path("/identity/v3/OS-FEDERATION/projects"))
        .respond_with(ResponseTemplate::new(200).set_body_string(sample(&format!(
            "{A}/projects-domains/samples/project-list-response.json"
        ))))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/OS-FEDERATION/domains"))
        .respond_with(ResponseTemplate::new(200).set_body_string(sample(&format!(
            "{A}/projects-domains/samples/domain-list-response.json"
        ))))
        .mount(&server)
        .await;
    let projects = federation::extract_projects(
        &federation::list_projects(&identity)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(projects.len(), 2);
    assert_eq!(projects[1].name, "another project");
    let domains = federation::extract_domains(
        &federation::list_domains(&identity)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(domains[0].name, "my domain");
}
