use crate::common::*;
use ferrocloud::openstack::identity::v3::tokens::{
    self, AuthOutcome, AuthRequest, CreateOpts, ValidateOpts,
};
use ferrocloud::{
    AuthOptions, DomainRef, EndpointOpts, ErrorKind, ExposeSecret, Scope, SecretString,
    ServiceClient, openstack,
};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const AUTH: &str = "identity/api-ref/source/v3/samples/auth";
const ADMIN: &str = "identity/api-ref/source/v3/samples/admin";
const TOKENS: &str = "/identity/v3/auth/tokens";
const USER: &str = "ee4dfb6e5540447cb3741905149d9b6e";

async fn identity(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_identity_v3(&p, EndpointOpts::default()).unwrap()
}

fn issued(sample_path: &str, subject: &str) -> ResponseTemplate {
    ResponseTemplate::new(201)
        .insert_header("x-subject-token", subject)
        .insert_header("x-openstack-request-id", "req-issued")
        .set_body_string(sample(sample_path))
}

fn request(opts: &AuthOptions) -> AuthRequest {
    AuthRequest::from_options(opts).unwrap()
}

#[tokio::test]
async fn create_project_scoped_token_with_password() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("POST"))
        .and(path(TOKENS))
        .and(body_json(sample_json(&format!(
            "{AUTH}/requests/project-id-password.json"
        ))))
        .respond_with(issued(
            &format!("{AUTH}/responses/project-scoped-password.json"),
            "subject-1",
        ))
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    let auth = request(
        &AuthOptions::password_by_user_id("", USER, "devstacker")
            .scope(Scope::project_id("a6944d763bf64ee6a275f1263fae0352")),
    );
    let t = tokens::create(&identity, &auth, &CreateOpts::default())
        .await
        .unwrap();
    assert_eq!(t.subject_token.expose_secret(), "subject-1");
    assert_eq!(t.request_id.as_deref(), Some("req-issued"));
    assert!(!format!("{t:?}").contains("subject-1"));
    let tok = &t.token;
    assert_eq!(tok.methods, ["password"]);
    assert_eq!(tok.user.id, USER);
    assert_eq!(tok.user.domain.as_ref().unwrap().id, "default");
    assert!(tok.user.password_expires_at.is_some());
    assert_eq!(
        tok.project.as_ref().unwrap().id,
        "a6944d763bf64ee6a275f1263fae0352"
    );
    assert_eq!(tok.is_domain, Some(false));
    assert_eq!(tok.roles[0].name.as_deref(), Some("admin"));
    assert_eq!(tok.audit_ids, ["3T2dc1CGQxyJsHdDu1xkcw"]);
    assert_eq!(
        tok.scope(),
        Scope::ProjectId("a6944d763bf64ee6a275f1263fae0352".into())
    );
    assert!(tok.expires_at > tok.issued_at);
    let catalog =
        ferrocloud::openstack::identity::v3::auth::to_catalog(tok.catalog.as_deref().unwrap())
            .unwrap();
    assert_eq!(
        catalog
            .locate(&["identity"], &EndpointOpts::region("RegionOne"))
            .unwrap(),
        "http://example.com/identity"
    );
    server.verify().await;
}

#[tokio::test]
async fn create_explicitly_unscoped_token_without_catalog() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("POST"))
        .and(path(TOKENS))
        .and(query_param("nocatalog", "true"))
        .and(body_json(sample_json(&format!(
            "{ADMIN}/auth-token-explicit-unscoped-request.json"
        ))))
        .respond_with(issued(
            &format!("{ADMIN}/auth-token-unscoped-response.json"),
            "subject-2",
        ))
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    let auth = request(&AuthOptions::token("", "'$OS_TOKEN'").scope(Scope::Unscoped));
    let opts = CreateOpts {
        nocatalog: true,
        ..Default::default()
    };
    let t = tokens::create(&identity, &auth, &opts).await.unwrap();
    assert_eq!(t.token.methods, ["token"]);
    assert!(t.token.catalog.is_none());
    assert!(t.token.roles.is_empty());
    assert_eq!(t.token.scope(), Scope::Unscoped);
    server.verify().await;
}

#[tokio::test]
async fn every_request_sample_reads_and_renders_back() {
    let cases = [
        format!("{AUTH}/requests/system-password.json"),
        format!("{AUTH}/requests/domain-id-password.json"),
        format!("{AUTH}/requests/domain-name-password.json"),
        format!("{AUTH}/requests/project-name-password.json"),
        format!("{AUTH}/requests/project-id-totp.json"),
        format!("{AUTH}/requests/system-token.json"),
        format!("{AUTH}/requests/domain-name-token.json"),
        format!("{AUTH}/requests/project-name-token.json"),
        format!("{ADMIN}/auth-password-unscoped-request-with-domain.json"),
        format!("{ADMIN}/auth-password-explicit-unscoped-request.json"),
        format!("{ADMIN}/auth-application-credential-id-request.json"),
        format!("{ADMIN}/auth-application-credential-name-request.json"),
        "identity/api-ref/source/v3-ext/samples/OS-TRUST/trust-auth-request.json".to_string(),
    ];
    for case in cases {
        let want = sample_json(&case);
        let req: AuthRequest = serde_json::from_value(want["auth"].clone()).unwrap();
        assert_eq!(serde_json::to_value(&req).unwrap(), want["auth"], "{case}");
        let shown = format!("{req:?}");
        for secret in [
            "devstacker",
            "rEaqvJka48mpv",
            "123456",
            "$OS_TOKEN",
            "e80b74",
        ] {
            assert!(!shown.contains(secret), "{case}: {shown}");
        }
    }
    let req: AuthRequest = serde_json::from_value(
        sample_json(&format!("{AUTH}/requests/domain-name-password.json"))["auth"].clone(),
    )
    .unwrap();
    assert_eq!(
        req.scope,
        Some(Scope::Domain(DomainRef::Name("Default".into())))
    );
    let bad = serde_json::from_value::<AuthRequest>(json!({
        "identity": {"methods": ["token"], "token": {"id": "t"}},
        "scope": {"project": {"id": "p"}, "domain": {"id": "d"}}
    }));
    assert!(bad.is_err());
}

#[tokio::test]
async fn multi_factor_receipt_then_token() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    // Password alone: Keystone wants a second factor and says so with a receipt.
    Mock::given(method("POST"))
        .and(path(TOKENS))
        .and(body_json(sample_json(&format!(
            "{AUTH}/requests/project-id-password.json"
        ))))
        .respond_with(
            ResponseTemplate::new(401)
                .insert_header("openstack-auth-receipt", "receipt-1")
                .set_body_string(sample(&format!(
                    "{AUTH}/responses/auth-receipt-password.json"
                ))),
        )
        .with_priority(1)
        .mount(&server)
        .await;
    // The passcode with the receipt: the token.
    Mock::given(method("POST"))
        .and(path(TOKENS))
        .and(header("openstack-auth-receipt", "receipt-1"))
        .and(body_json(sample_json(&format!(
            "{AUTH}/requests/project-id-totp.json"
        ))))
        .respond_with(issued(
            &format!("{AUTH}/responses/project-scoped-password-totp.json"),
            "subject-3",
        ))
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;

    let scope = Scope::project_id("a6944d763bf64ee6a275f1263fae0352");
    let first =
        request(&AuthOptions::password_by_user_id("", USER, "devstacker").scope(scope.clone()));
    let receipt = match tokens::create_multi_factor(&identity, &first, &CreateOpts::default())
        .await
        .unwrap()
    {
        AuthOutcome::Receipt(r) => r,
        AuthOutcome::Token(_) => panic!("expected a receipt"),
    };
    assert_eq!(receipt.receipt.expose_secret(), "receipt-1");
    assert_eq!(receipt.details.methods, ["password"]);
    assert_eq!(receipt.details.user.id, USER);
    assert_eq!(receipt.required_auth_methods, [["totp", "password"]]);
    assert!(!format!("{receipt:?}").contains("receipt-1"));

    let second = request(&AuthOptions {
        user_id: Some(USER.into()),
        passcode: Some("123456".into()),
        scope: Some(scope),
        ..Default::default()
    });
    let opts = CreateOpts {
        receipt: Some(receipt.receipt.clone()),
        ..Default::default()
    };
    let outcome = tokens::create_multi_factor(&identity, &second, &opts)
        .await
        .unwrap();
    let AuthOutcome::Token(t) = outcome else {
        panic!("expected a token")
    };
    assert_eq!(t.token.methods, ["password", "totp"]);
    assert_eq!(t.subject_token.expose_secret(), "subject-3");

    // Without the multi-factor handling, a receipt is an authentication error.
    let err = tokens::create(&identity, &first, &CreateOpts::default())
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(401));
    server.verify().await;
}

#[tokio::test]
async fn wrong_credentials_are_an_error_not_a_receipt() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("POST"))
        .and(path(TOKENS))
        .and(body_json(json!({"auth": {"identity": {"methods": ["password"],
            "password": {"user": {"id": "u1", "password": "wrong"}}}}})))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({"error": {
            "code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}})))
        .with_priority(1)
        .mount(&server)
        .await;
    let auth = request(&AuthOptions::password_by_user_id("", "u1", "wrong"));
    let err = tokens::create_multi_factor(&identity, &auth, &CreateOpts::default())
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(401));
    assert!(err.to_string().contains("requires authentication"), "{err}");
    assert!(!err.to_string().contains("wrong"));
    // Refused credentials are sent once: no re-authentication and replay, which would
    // count twice against a lockout limit.
    let err = tokens::create(&identity, &auth, &CreateOpts::default())
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(401));
    let posts = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| {
            r.method.as_str() == "POST"
                && r.url.path() == TOKENS
                && r.body_json::<serde_json::Value>()
                    .is_ok_and(|b| b.to_string().contains("wrong"))
        })
        .count();
    assert_eq!(posts, 2, "one attempt per call");
}

#[tokio::test]
async fn a_token_answer_without_the_subject_token_is_an_error() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("POST"))
        .and(path(TOKENS))
        .and(body_json(
            json!({"auth": {"identity": {"methods": ["token"], "token": {"id": "t0"}}}}),
        ))
        .respond_with(
            ResponseTemplate::new(201)
                .set_body_string(sample(&format!("{AUTH}/responses/unscoped-password.json"))),
        )
        .with_priority(1)
        .mount(&server)
        .await;
    let err = tokens::create(
        &identity,
        &request(&AuthOptions::token("", "t0")),
        &CreateOpts::default(),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert!(err.to_string().contains("X-Subject-Token"), "{err}");
}

#[tokio::test]
async fn invalid_requests_are_refused_before_sending() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let before = count(&server, "POST", TOKENS).await;
    let cases = [
        (json!({"identity": {"methods": []}}), "methods"),
        (
            json!({"identity": {"methods": ["password"]}}),
            "identity.password",
        ),
        (
            json!({"identity": {"methods": ["password"], "password": {"user": {"name": "alice", "password": "p"}}}}),
            "identity.password.user.domain",
        ),
        (
            json!({"identity": {"methods": ["token"], "token": {"id": ""}}}),
            "identity.token.id",
        ),
        (
            json!({"identity": {"methods": ["token"], "token": {"id": "t"}, "password": {"user": {"id": "u", "password": "p"}}}}),
            "identity.password",
        ),
        (
            json!({"identity": {"methods": ["application_credential"], "application_credential": {"name": "ac", "secret": "s"}}}),
            "identity.application_credential.user",
        ),
    ];
    for (body, field) in cases {
        let auth: AuthRequest = serde_json::from_value(body.clone()).unwrap();
        let err = tokens::create(&identity, &auth, &CreateOpts::default())
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{body}");
        assert!(err.to_string().contains(field), "{body}: {err}");
    }
    assert_eq!(count(&server, "POST", TOKENS).await, before);
}

#[tokio::test]
async fn validate_check_and_revoke() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path(TOKENS))
        .and(header("x-subject-token", "good"))
        .and(header("x-auth-token", "tok-1"))
        .and(query_param("nocatalog", "true"))
        .and(query_param("allow_expired", "true"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("x-subject-token", "good")
                .set_body_string(sample(&format!(
                    "{AUTH}/responses/domain-scoped-password.json"
                ))),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(TOKENS))
        .and(header("x-subject-token", "gone"))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({"error": {
            "code": 404, "title": "Not Found", "message": "Failed to validate token"}})))
        .mount(&server)
        .await;
    Mock::given(method("HEAD"))
        .and(path(TOKENS))
        .and(header("x-subject-token", "good"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    Mock::given(method("HEAD"))
        .and(path(TOKENS))
        .and(header("x-subject-token", "gone"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(TOKENS))
        .and(header("x-subject-token", "good"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;

    let good = SecretString::from("good");
    let gone = SecretString::from("gone");
    let opts = ValidateOpts {
        nocatalog: true,
        allow_expired: true,
    };
    let t = tokens::validate(&identity, &good, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(t.domain.as_ref().unwrap().name.as_deref(), Some("Default"));
    assert_eq!(t.scope(), Scope::Domain(DomainRef::Id("default".into())));
    let err = tokens::validate(&identity, &gone, &ValidateOpts::default())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    assert!(tokens::check(&identity, &good, false).await.unwrap());
    assert!(!tokens::check(&identity, &gone, false).await.unwrap());
    tokens::revoke(&identity, &good).await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn every_token_sample_reads() {
    for (file, check) in [
        (
            "v3/samples/auth/responses/unscoped-password.json",
            "unscoped",
        ),
        (
            "v3/samples/auth/responses/system-scoped-token.json",
            "system",
        ),
        (
            "v3/samples/admin/auth-application-credential-response.json",
            "app",
        ),
        (
            "v3-ext/samples/OS-TRUST/trust-auth-trust-response.json",
            "trust",
        ),
        (
            "v3-ext/federation/auth/samples/scoped-token-response.json",
            "federated",
        ),
    ] {
        let body = sample_json(&format!("identity/api-ref/source/{file}"));
        let t: tokens::Token = serde_json::from_value(body["token"].clone()).unwrap();
        match check {
            "unscoped" => assert_eq!(t.scope(), Scope::Unscoped),
            "system" => assert_eq!(t.scope(), Scope::System),
            "app" => {
                let ac = t.application_credential.as_ref().unwrap();
                assert!(ac.restricted);
                assert_eq!(ac.name.as_deref(), Some("monitoring"));
            }
            "trust" => {
                let tr = t.trust.as_ref().unwrap();
                assert_eq!(tr.trustor_user.as_ref().unwrap().id, "bd263c");
                assert_eq!(t.scope(), Scope::Trust("fe0aef".into()));
            }
            _ => {
                let f = t.user.federation.as_ref().unwrap();
                assert_eq!(f.identity_provider, "ACME");
                assert_eq!(f.protocol, "SAML");
                assert_eq!(f.groups.len(), 2);
            }
        }
    }
    // Keystone writes the identity provider and protocol as objects.
    let t: tokens::TokenUser = serde_json::from_value(json!({"id": "u", "OS-FEDERATION": {
        "identity_provider": {"id": "idp"}, "protocol": {"id": "mapped"}, "groups": []}}))
    .unwrap();
    assert_eq!(t.federation.unwrap().identity_provider, "idp");
}
