//! Authentication against a mock Keystone: every method and scope as sent, version
//! discovery, identity v2.0, the catalog, and errors.

mod common;

use common::*;
use ferrocloud::{AuthOptions, DomainRef, EndpointOpts, ErrorKind, Scope, openstack};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn expect_body(server: &MockServer, want: serde_json::Value) {
    Mock::given(method("POST"))
        .and(path("/identity/v3/auth/tokens"))
        .and(header("content-type", "application/json"))
        .and(body_json(want))
        .respond_with(token_response(&server.uri(), "tok", "2999-01-01T00:00:00Z"))
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn every_method_and_scope_is_sent_as_keystone_expects() {
    let cases: Vec<(AuthOptions, serde_json::Value)> = {
        let url = "PLACEHOLDER".to_string();
        vec![
            (
                AuthOptions::password(&url, "alice", "pw")
                    .user_domain_name("Default")
                    .scope(Scope::project_name(
                        "demo",
                        DomainRef::Name("Default".into()),
                    )),
                json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "alice", "domain": {"name": "Default"}, "password": "pw"}}},
                       "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}}}}),
            ),
            (
                AuthOptions::password_by_user_id(&url, "u1", "pw").scope(Scope::System),
                json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {"id": "u1", "password": "pw"}}},
                       "scope": {"system": {"all": true}}}}),
            ),
            (
                AuthOptions::token(&url, "old").scope(Scope::Domain(DomainRef::Id("d1".into()))),
                json!({"auth": {"identity": {"methods": ["token"], "token": {"id": "old"}}, "scope": {"domain": {"id": "d1"}}}}),
            ),
            (
                AuthOptions::application_credential(&url, "ac1", "acs"),
                json!({"auth": {"identity": {"methods": ["application_credential"], "application_credential": {"id": "ac1", "secret": "acs"}}}}),
            ),
            (
                AuthOptions::password_by_user_id(&url, "u1", "pw")
                    .passcode("123456")
                    .scope(Scope::Trust("t1".into())),
                json!({"auth": {"identity": {"methods": ["password", "totp"],
                        "password": {"user": {"id": "u1", "password": "pw"}},
                        "totp": {"user": {"id": "u1", "passcode": "123456"}}},
                       "scope": {"OS-TRUST:trust": {"id": "t1"}}}}),
            ),
            (
                AuthOptions::token(&url, "old").scope(Scope::Unscoped),
                json!({"auth": {"identity": {"methods": ["token"], "token": {"id": "old"}}, "scope": "unscoped"}}),
            ),
        ]
    };
    for (mut opts, want) in cases {
        let server = MockServer::start().await;
        opts.auth_url = format!("{}/identity/v3", server.uri());
        expect_body(&server, want).await;
        let provider = openstack::authenticated_client(opts).await.unwrap();
        assert_eq!(provider.token_generation(), 1);
        server.verify().await;
    }
}

#[tokio::test]
async fn token_info_and_catalog_come_from_the_response() {
    let server = MockServer::start().await;
    let provider = provider(&server).await;
    use ferrocloud::ExposeSecret;
    assert_eq!(provider.token().unwrap().expose_secret(), "tok-1");
    let info = provider.auth_info().unwrap();
    assert_eq!(
        info.project.as_ref().unwrap().name.as_deref(),
        Some("admin")
    );
    assert_eq!(info.roles[0].name.as_deref(), Some("admin"));
    assert_eq!(info.methods, vec!["password"]);
    assert_eq!(
        info.expires_at.unwrap().to_rfc3339(),
        "2999-01-01T00:00:00+00:00"
    );
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::region("RegionOne")).unwrap();
    assert_eq!(
        compute.endpoint().as_str(),
        format!("{}/compute/v2.1/", server.uri())
    );
    let internal = openstack::new_compute_v2(
        &provider,
        EndpointOpts::region("RegionOne").availability(ferrocloud::Availability::Internal),
    )
    .unwrap();
    assert!(
        internal
            .endpoint()
            .as_str()
            .ends_with("/compute/v2.1/internal/")
    );
    let network = openstack::new_network_v2(&provider, EndpointOpts::default()).unwrap();
    assert_eq!(
        network.resource_base().as_str(),
        format!("{}/network/v2.0/", server.uri())
    );
    let image = openstack::new_image_v2(&provider, EndpointOpts::default()).unwrap();
    assert_eq!(
        image.resource_base().as_str(),
        format!("{}/image/v2/", server.uri())
    );
    let volume = openstack::new_block_storage_v3(&provider, EndpointOpts::default()).unwrap();
    assert_eq!(
        volume.resource_base().as_str(),
        format!("{}/volume/v3/p1/", server.uri())
    );
    let identity = openstack::new_identity_v3(&provider, EndpointOpts::default()).unwrap();
    assert_eq!(
        identity.resource_base().as_str(),
        format!("{}/identity/v3/", server.uri())
    );
    let err =
        openstack::new_key_manager_v1(&provider, EndpointOpts::region("RegionOne")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::EndpointNotFound);
    assert!(err.to_string().contains("key-manager"), "{err}");
    assert!(err.to_string().contains("RegionOne"), "{err}");
    let err = openstack::new_compute_v2(&provider, EndpointOpts::region("Nowhere")).unwrap_err();
    assert!(err.to_string().contains("Nowhere"), "{err}");
}

#[tokio::test]
async fn version_discovery_prefers_v3() {
    let server = MockServer::start().await;
    let uri = server.uri();
    Mock::given(method("GET"))
        .and(path("/identity"))
        .respond_with(ResponseTemplate::new(300).set_body_json(json!({"versions": {"values": [
            {"id": "v2.0", "status": "deprecated", "links": [{"rel": "self", "href": format!("{uri}/identity/v2.0/")}]},
            {"id": "v3.14", "status": "stable", "links": [{"rel": "self", "href": format!("{uri}/identity/v3/")}]}
        ]}})))
        .expect(1)
        .mount(&server)
        .await;
    mount_keystone(&server, "tok").await;
    let opts =
        AuthOptions::password(format!("{uri}/identity"), "alice", "pw").user_domain_id("default");
    let provider = openstack::authenticated_client(opts).await.unwrap();
    assert_eq!(
        provider.identity_endpoint().unwrap().as_str(),
        format!("{uri}/identity/v3/")
    );
    // Re-authentication does not discover again.
    provider.authenticate(password_opts(&server)).await.unwrap();
    server.verify().await;
}

#[tokio::test]
async fn discovery_falls_back_to_v2_and_v2_authenticates() {
    let server = MockServer::start().await;
    let uri = server.uri();
    Mock::given(method("GET"))
        .and(path("/"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"versions": {"values": [
            {"id": "v2.0", "status": "stable", "links": [{"rel": "self", "href": format!("{uri}/v2.0/")}]}
        ]}})))
        .mount(&server)
        .await;
    let mut v2 =
        sample_json("identity/api-ref/source/v2-ext/samples/OS-KSEC2/authenticate-response.json");
    v2["access"]["serviceCatalog"] = json!([{"type": "compute", "name": "nova", "endpoints": [
        {"region": "RegionOne", "publicURL": format!("{uri}/nova/v2.1"), "adminURL": format!("{uri}/nova-admin/v2.1")}]}]);
    Mock::given(method("POST"))
        .and(path("/v2.0/tokens"))
        .and(body_json(json!({"auth": {"passwordCredentials": {"username": "alice", "password": "pw"}, "tenantName": "demo"}})))
        .respond_with(ResponseTemplate::new(200).set_body_json(v2))
        .expect(1)
        .mount(&server)
        .await;
    let opts = AuthOptions::password(format!("{uri}/"), "alice", "pw")
        .scope(Scope::project_name("demo", DomainRef::Id("default".into())));
    let provider = openstack::authenticated_client(opts).await.unwrap();
    assert!(provider.token().is_some());
    let admin = openstack::new_compute_v2(
        &provider,
        EndpointOpts::default().availability(ferrocloud::Availability::Admin),
    )
    .unwrap();
    assert_eq!(admin.endpoint().as_str(), format!("{uri}/nova-admin/v2.1/"));
    server.verify().await;
}

#[tokio::test]
async fn refused_credentials_are_unauthorized_with_keystones_message() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/identity/v3/auth/tokens"))
        .respond_with(
            ResponseTemplate::new(401)
                .insert_header("x-openstack-request-id", "req-401")
                .set_body_json(json!({"error": {"code": 401, "title": "Unauthorized",
                    "message": "The request you have made requires authentication."}})),
        )
        .mount(&server)
        .await;
    let err = openstack::authenticated_client(password_opts(&server))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    assert_eq!(err.request_id(), Some("req-401"));
    assert_eq!(
        err.service_message(),
        "The request you have made requires authentication."
    );
    assert!(!err.to_string().contains("s3cret-pass"));
}

#[tokio::test]
async fn a_token_response_without_subject_token_is_an_auth_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/identity/v3/auth/tokens"))
        .respond_with(
            ResponseTemplate::new(201)
                .set_body_json(token_body(&server.uri(), "2999-01-01T00:00:00Z")),
        )
        .mount(&server)
        .await;
    let err = openstack::authenticated_client(password_opts(&server))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Auth);
    let server2 = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/identity/v3/auth/tokens"))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header("x-subject-token", "t")
                .set_body_string("{not json"),
        )
        .mount(&server2)
        .await;
    let err = openstack::authenticated_client(password_opts(&server2))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
}

#[tokio::test]
async fn user_agent_has_the_prefix() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/identity/v3/auth/tokens"))
        .and(header(
            "user-agent",
            format!("tool/2.0 ferrocloud/{}", env!("CARGO_PKG_VERSION")).as_str(),
        ))
        .respond_with(token_response(&server.uri(), "t", "2999-01-01T00:00:00Z"))
        .expect(1)
        .mount(&server)
        .await;
    let p = ferrocloud::ProviderClient::builder(format!("{}/identity/v3", server.uri()))
        .user_agent_prefix("tool/2.0")
        .build()
        .unwrap();
    openstack::authenticate(&p, password_opts(&server))
        .await
        .unwrap();
    server.verify().await;
}

#[test]
fn official_token_and_catalog_samples_parse() {
    let dir = "identity/api-ref/source/v3/samples/admin";
    let mut parsed = 0;
    for name in [
        "auth-password-project-scoped-response.json",
        "auth-password-unscoped-response.json",
        "auth-password-explicit-unscoped-response.json",
        "auth-token-scoped-response.json",
        "auth-token-unscoped-response.json",
        "auth-application-credential-response.json",
    ] {
        let body = sample(&format!("{dir}/{name}"));
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        if let Some(c) = v["token"].get("catalog") {
            let cat = ferrocloud::Catalog::from_v3_json(c).unwrap();
            assert!(!cat.entries.is_empty(), "{name}");
        }
        parsed += 1;
    }
    let v = sample_json(&format!("{dir}/get-service-catalog-response.json"));
    let cat = ferrocloud::Catalog::from_v3_json(&v["catalog"]).unwrap();
    assert!(cat.locate(&["identity"], &EndpointOpts::default()).is_ok());
    let v =
        sample_json("identity/api-ref/source/v2-ext/samples/OS-KSEC2/authenticate-response.json");
    // The v2.0 sample's catalog is empty; it must still parse.
    let cat = ferrocloud::Catalog::from_v2_json(&v["access"]["serviceCatalog"]).unwrap();
    assert!(cat.entries.is_empty());
    assert_eq!(parsed, 6);
}

/// A token answer that cannot be read is an error that says which answer: method, URL,
/// status and request id.
#[tokio::test]
async fn an_unreadable_token_answer_names_the_answer() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/identity/v3/auth/tokens"))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header("x-subject-token", "tok")
                .insert_header("x-openstack-request-id", "req-tok")
                .set_body_string("<html>proxy page</html>"),
        )
        .mount(&server)
        .await;
    let err = openstack::authenticated_client(password_opts(&server))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode, "{err}");
    assert_eq!(err.status_code(), Some(201), "{err}");
    assert_eq!(err.request_id(), Some("req-tok"));
    assert!(err.to_string().contains("auth/tokens -> 201"), "{err}");
}
