//! OpenID Connect authentication: a mock identity provider (discovery document and token
//! endpoint) and a mock Keystone federation endpoint.

mod common;

use common::*;
use ferrocloud::auth::oidc::{OidcGrant, OidcOptions, OidcTokenType};
use ferrocloud::{AuthOptions, ErrorKind, Scope, openstack};
use serde_json::json;
use wiremock::matchers::{body_json, body_string, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const FED: &str = "/identity/v3/OS-FEDERATION/identity_providers/myidp/protocols/openid/auth";

async fn idp(server: &MockServer) {
    Mock::given(method("GET"))
        .and(path("/idp/.well-known/openid-configuration"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "issuer": format!("{}/idp", server.uri()),
            "token_endpoint": format!("{}/idp/token", server.uri())})))
        .mount(server)
        .await;
}

async fn federation(server: &MockServer, bearer: &str) {
    Mock::given(method("GET"))
        .and(path(FED))
        .and(header("authorization", format!("Bearer {bearer}").as_str()))
        .respond_with(token_response(
            &server.uri(),
            "unscoped-tok",
            "2999-01-01T00:00:00Z",
        ))
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn password_grant_through_discovery_then_rescoped() {
    let server = MockServer::start().await;
    idp(&server).await;
    Mock::given(method("POST"))
        .and(path("/idp/token"))
        .and(header("authorization", "Basic Y2xpOnNlYw=="))
        .and(header("content-type", "application/x-www-form-urlencoded"))
        .and(body_string(
            "grant_type=password&username=alice&password=p%40ss&scope=openid+profile",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "access_token": "idp-access", "id_token": "idp-id", "token_type": "Bearer"})))
        .expect(1)
        .mount(&server)
        .await;
    federation(&server, "idp-access").await;
    Mock::given(method("POST"))
        .and(path("/identity/v3/auth/tokens"))
        .and(body_json(
            json!({"auth": {"identity": {"methods": ["token"], "token": {"id": "unscoped-tok"}},
            "scope": {"project": {"id": "p1"}}}}),
        ))
        .respond_with(token_response(
            &server.uri(),
            "scoped-tok",
            "2999-01-01T00:00:00Z",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let mut oidc = OidcOptions::new("myidp", "openid", OidcGrant::password("alice", "p@ss"))
        .client("cli", Some("sec"))
        .discovery_endpoint(format!(
            "{}/idp/.well-known/openid-configuration",
            server.uri()
        ));
    oidc.scope = "openid profile".into();
    let opts = AuthOptions::oidc(format!("{}/identity/v3", server.uri()), oidc)
        .scope(Scope::project_id("p1"));
    let provider = openstack::authenticated_client(opts).await.unwrap();
    use ferrocloud::ExposeSecret;
    assert_eq!(provider.token().unwrap().expose_secret(), "scoped-tok");
    server.verify().await;
}

#[tokio::test]
async fn client_credentials_with_id_token_and_no_scope() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/idp/token"))
        .and(body_string("grant_type=client_credentials&scope=openid"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"access_token": "a", "id_token": "the-id-token"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    federation(&server, "the-id-token").await;
    let mut oidc = OidcOptions::new("myidp", "openid", OidcGrant::ClientCredentials)
        .client("cli", Some("sec"))
        .access_token_endpoint(format!("{}/idp/token", server.uri()));
    oidc.token_type = OidcTokenType::IdToken;
    let provider = openstack::authenticated_client(AuthOptions::oidc(
        format!("{}/identity/v3", server.uri()),
        oidc,
    ))
    .await
    .unwrap();
    use ferrocloud::ExposeSecret;
    assert_eq!(provider.token().unwrap().expose_secret(), "unscoped-tok");
    server.verify().await;
}

#[tokio::test]
async fn access_token_grant_and_errors() {
    let server = MockServer::start().await;
    federation(&server, "given-token").await;
    let oidc = OidcOptions::new(
        "myidp",
        "openid",
        OidcGrant::AccessToken("given-token".to_string().into()),
    );
    openstack::authenticated_client(AuthOptions::oidc(
        format!("{}/identity/v3", server.uri()),
        oidc,
    ))
    .await
    .unwrap();

    // The identity provider refuses the password: its error, no secret in it.
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/idp/token"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({
            "error": "invalid_grant", "error_description": "Invalid user credentials"})))
        .mount(&server)
        .await;
    let oidc = OidcOptions::new(
        "myidp",
        "openid",
        OidcGrant::password("alice", "wrong-pass-123"),
    )
    .client("cli", None)
    .access_token_endpoint(format!("{}/idp/token", server.uri()));
    let err = openstack::authenticated_client(AuthOptions::oidc(
        format!("{}/identity/v3", server.uri()),
        oidc,
    ))
    .await
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    assert!(!format!("{err} {err:?}").contains("wrong-pass-123"));

    // Keystone refuses the bearer token.
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(FED))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({"error": {"code": 401, "message": "The request you have made requires authentication."}})))
        .mount(&server)
        .await;
    let oidc = OidcOptions::new(
        "myidp",
        "openid",
        OidcGrant::AccessToken("t".to_string().into()),
    );
    let err = openstack::authenticated_client(AuthOptions::oidc(
        format!("{}/identity/v3", server.uri()),
        oidc,
    ))
    .await
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);

    // Incomplete settings are refused before any request.
    let oidc = OidcOptions::new("myidp", "openid", OidcGrant::ClientCredentials);
    let err = openstack::authenticated_client(AuthOptions::oidc(
        format!("{}/identity/v3", server.uri()),
        oidc,
    ))
    .await
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[test]
fn from_the_environment() {
    let vars = |pairs: &'static [(&str, &str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    };
    let o = ferrocloud::auth::env::auth_options_from(vars(&[
        ("OS_AUTH_URL", "http://k:5000/v3"),
        ("OS_AUTH_TYPE", "v3oidcpassword"),
        ("OS_IDENTITY_PROVIDER", "idp"),
        ("OS_PROTOCOL", "openid"),
        ("OS_CLIENT_ID", "cli"),
        ("OS_CLIENT_SECRET", "sec"),
        (
            "OS_DISCOVERY_ENDPOINT",
            "https://idp/.well-known/openid-configuration",
        ),
        ("OS_USERNAME", "alice"),
        ("OS_PASSWORD", "pw"),
        ("OS_PROJECT_ID", "p1"),
    ]))
    .unwrap();
    let oidc = o.oidc.as_ref().unwrap();
    assert_eq!(oidc.identity_provider, "idp");
    assert!(matches!(oidc.grant, OidcGrant::Password { .. }));
    assert_eq!(o.scope, Some(Scope::project_id("p1")));
    let err = ferrocloud::auth::env::auth_options_from(vars(&[
        ("OS_AUTH_URL", "http://k:5000/v3"),
        ("OS_AUTH_TYPE", "v3oidcaccesstoken"),
        ("OS_IDENTITY_PROVIDER", "idp"),
        ("OS_PROTOCOL", "openid"),
    ]))
    .unwrap_err();
    assert!(err.to_string().contains("OS_ACCESS_TOKEN"), "{err}");
}

#[test]
fn from_clouds_yaml() {
    let cfg = ferrocloud::config::CloudConfig::from_value(
        "fed",
        json!({"auth_type": "v3oidcclientcredentials", "auth": {
            "auth_url": "http://k:5000/v3", "identity_provider": "idp", "protocol": "openid",
            "client_id": "cli", "client_secret": "sec-123", "access_token_endpoint": "https://idp/token",
            "openid_scope": "openid email", "project_id": "p1"}}),
    )
    .unwrap();
    let opts = cfg.auth.auth_options().unwrap();
    let oidc = opts.oidc.as_ref().unwrap();
    assert!(matches!(oidc.grant, OidcGrant::ClientCredentials));
    assert_eq!(oidc.scope, "openid email");
    assert_eq!(opts.scope, Some(Scope::project_id("p1")));
    assert!(!format!("{cfg:?}").contains("sec-123"));
    let err = ferrocloud::config::CloudConfig::from_value(
        "fed",
        json!({"auth_type": "v3oidcpassword", "auth": {"auth_url": "http://k:5000/v3", "identity_provider": "idp", "protocol": "openid"}}),
    )
    .unwrap_err();
    assert!(err.to_string().contains("auth.username"), "{err}");
}
