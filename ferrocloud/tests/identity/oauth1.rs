use std::collections::BTreeMap;

use crate::common::*;
use ferrocloud::openstack::identity::v3::oauth1::{
    self, ConsumerCredentials, CreateConsumerOpts, OAuthRequest, OAuthToken, SignatureMethod,
    UpdateConsumerOpts,
};
use ferrocloud::openstack::identity::v3::roles::RoleRef;
use ferrocloud::{
    EndpointOpts, ErrorKind, ExposeSecret, ProviderClient, SecretString, ServiceClient, openstack,
};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const S: &str = "identity/api-ref/source/v3-ext/samples/OS-OAUTH1";

async fn identity(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_identity_v3(&p, EndpointOpts::default()).unwrap()
}

/// The consumer's client: no Keystone token.
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

fn reply(name: &str, status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_string(sample(&format!("{S}/{name}")))
}

fn consumer(m: SignatureMethod) -> ConsumerCredentials {
    ConsumerCredentials::new("7fea2d", SecretString::from("secretsecret".to_string()))
        .signature_method(m)
}

/// The parameters of an `Authorization: OAuth ...` header, decoded.
fn oauth_params(req: &Request) -> BTreeMap<String, String> {
    let h = req.headers.get("authorization").unwrap().to_str().unwrap();
    let rest = h.strip_prefix("OAuth ").expect("an OAuth header");
    rest.split(", ")
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap();
            let v = v.trim_matches('"');
            let decoded: String = url::form_urlencoded::parse(format!("x={v}").as_bytes())
                .next()
                .unwrap()
                .1
                .into_owned();
            (k.to_string(), decoded)
        })
        .collect()
}

#[tokio::test]
async fn consumers() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("POST"))
        .and(path("/identity/v3/OS-OAUTH1/consumers"))
        .and(body_json(sample_json(&format!(
            "{S}/consumer-create-request.json"
        ))))
        .respond_with(reply("consumer-create-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/OS-OAUTH1/consumers"))
        .respond_with(reply("consumers-list-response.json", 200))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/OS-OAUTH1/consumers/7fea2d"))
        .respond_with(reply("consumer-show-response.json", 200))
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(path("/identity/v3/OS-OAUTH1/consumers/7fea2d"))
        .and(body_json(sample_json(&format!(
            "{S}/consumer-update-request.json"
        ))))
        .respond_with(reply("consumer-update-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/identity/v3/OS-OAUTH1/consumers/7fea2d"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;

    let c = oauth1::create_consumer(
        &identity,
        &CreateConsumerOpts {
            description: Some("My consumer".into()),
        },
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(c.id, "7fea2d");
    assert_eq!(c.secret.as_ref().unwrap().expose_secret(), "secretsecret");
    assert!(!format!("{c:?}").contains("secretsecret"));

    let all =
        oauth1::extract_consumers(&oauth1::list_consumers(&identity).all_pages().await.unwrap())
            .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].description, None);
    assert!(all[1].secret.is_none());
    let c = oauth1::get_consumer(&identity, "7fea2d")
        .await
        .extract()
        .unwrap();
    assert_eq!(c.description.as_deref(), Some("My consumer"));
    let c = oauth1::update_consumer(
        &identity,
        "7fea2d",
        &UpdateConsumerOpts {
            description: Some("My new consumer".into()),
        },
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(c.description.as_deref(), Some("My new consumer"));
    oauth1::delete_consumer(&identity, "7fea2d")
        .await
        .ok()
        .unwrap();

    let err = oauth1::update_consumer(&identity, "7fea2d", &UpdateConsumerOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("description"), "{err}");
    server.verify().await;
}

#[tokio::test]
async fn request_token_is_signed_with_hmac_sha1() {
    let server = MockServer::start().await;
    let app = anonymous(&server);
    Mock::given(method("POST"))
        .and(path("/identity/v3/OS-OAUTH1/request_token"))
        .and(header("requested-project-id", "b9fca3"))
        .respond_with(
            reply("request-token-create-response.txt", 201)
                .insert_header("content-type", "application/x-www-form-urlencoded"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let c = consumer(SignatureMethod::HmacSha1);
    let t = oauth1::create_request_token(&app, &c, "b9fca3")
        .await
        .unwrap();
    assert_eq!(t.key, "29971f");
    assert_eq!(t.secret.expose_secret(), "238eb8");
    assert_eq!(
        t.expires_at.unwrap().to_rfc3339(),
        "2013-09-11T06:07:51.501805+00:00"
    );

    let reqs = server.received_requests().await.unwrap();
    let req = &reqs[0];
    assert!(req.headers.get("x-auth-token").is_none());
    let p = oauth_params(req);
    assert_eq!(p["oauth_consumer_key"], "7fea2d");
    assert_eq!(p["oauth_callback"], "oob");
    assert_eq!(p["oauth_signature_method"], "HMAC-SHA1");
    assert_eq!(p["oauth_version"], "1.0");
    assert_eq!(p["oauth_timestamp"].len(), 10);
    assert!(p["oauth_nonce"].chars().all(|c| c.is_ascii_hexdigit()));
    assert!(!p.contains_key("oauth_token"));
    // The signature is over the URL the request went to (wiremock's own copy of the URL
    // lacks the port).
    let url: url::Url = format!("{}{}", server.uri(), req.url.path())
        .parse()
        .unwrap();
    let ts: u64 = p["oauth_timestamp"].parse().unwrap();
    let expected = OAuthRequest {
        callback: Some("oob"),
        ..OAuthRequest::new(&http::Method::POST, &url, &c, &p["oauth_nonce"], ts)
    }
    .authorization_header();
    assert_eq!(
        req.headers.get("authorization").unwrap().to_str().unwrap(),
        expected.expose_secret()
    );
    assert!(!p["oauth_signature"].contains("secretsecret"));
}

#[tokio::test]
async fn authorize_then_access_token_then_authenticate() {
    let server = MockServer::start().await;
    let user = identity(&server).await;
    Mock::given(method("PUT"))
        .and(path("/identity/v3/OS-OAUTH1/authorize/29971f"))
        .and(body_json(sample_json(&format!(
            "{S}/authorize-request-token-request.json"
        ))))
        .respond_with(reply("authorize-request-token-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let v = oauth1::authorize_request_token(
        &user,
        "29971f",
        &[RoleRef::id("a3b29b"), RoleRef::id("49993e")],
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(v.oauth_verifier.expose_secret(), "8171");
    assert!(!format!("{v:?}").contains("8171"));

    let app_server = MockServer::start().await;
    let app = anonymous(&app_server);
    Mock::given(method("POST"))
        .and(path("/identity/v3/OS-OAUTH1/access_token"))
        .respond_with(reply("access-token-create-response.txt", 201))
        .expect(1)
        .mount(&app_server)
        .await;
    let mut token = token_body(&app_server.uri(), "2999-01-01T00:00:00Z");
    token["token"]["methods"] = json!(["oauth1"]);
    token["token"]["OS-OAUTH1"] = json!({"access_token_id": "accd36", "consumer_id": "7fea2d"});
    Mock::given(method("POST"))
        .and(path("/identity/v3/auth/tokens"))
        .and(body_json(
            json!({"auth": {"identity": {"methods": ["oauth1"], "oauth1": {}}}}),
        ))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header("x-subject-token", "gAAAA-delegated")
                .set_body_json(token),
        )
        .expect(1)
        .mount(&app_server)
        .await;

    let c = consumer(SignatureMethod::Plaintext);
    let request_token = OAuthToken::new("29971f", SecretString::from("238eb8".to_string()));
    let access = oauth1::create_access_token(&app, &c, &request_token, &v.oauth_verifier)
        .await
        .unwrap();
    assert_eq!(access.key, "accd36");
    assert_eq!(access.secret.expose_secret(), "aa47da");
    let created = oauth1::authenticate(&app, &c, &access).await.unwrap();
    assert_eq!(created.subject_token.expose_secret(), "gAAAA-delegated");
    assert_eq!(
        created.token.oauth1.as_ref().unwrap().access_token_id,
        "accd36"
    );

    let reqs = app_server.received_requests().await.unwrap();
    let p = oauth_params(&reqs[0]);
    assert_eq!(p["oauth_token"], "29971f");
    assert_eq!(p["oauth_verifier"], "8171");
    assert_eq!(p["oauth_signature_method"], "PLAINTEXT");
    assert_eq!(p["oauth_signature"], "secretsecret&238eb8");
    let p = oauth_params(&reqs[1]);
    assert_eq!(p["oauth_token"], "accd36");
    assert_eq!(p["oauth_signature"], "secretsecret&aa47da");
    assert!(!p.contains_key("oauth_verifier"));
    app_server.verify().await;
    server.verify().await;
}

#[tokio::test]
async fn access_tokens_of_a_user() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let base = "/identity/v3/users/ce9e07/OS-OAUTH1/access_tokens";
    Mock::given(method("GET"))
        .and(path(base))
        .respond_with(reply("access-tokens-list-response.json", 200))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{base}/6be26a")))
        .respond_with(reply("access-token-show-response.json", 200))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{base}/6be26a/roles")))
        .respond_with(reply("access-token-roles-list-response.json", 200))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{base}/6be26a/roles/5ad150")))
        .respond_with(reply("access-token-role-show-response.json", 200))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("{base}/6be26a")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;

    let all = oauth1::extract_access_tokens(
        &oauth1::list_access_tokens(&identity, "ce9e07")
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all[0].project_id, "b9fca3");
    let t = oauth1::get_access_token(&identity, "ce9e07", "6be26a")
        .await
        .extract()
        .unwrap();
    assert_eq!(t.consumer_id, "7fea2d");
    assert_eq!(t.authorizing_user_id, "ce9e07");
    assert!(t.expires_at.is_some());
    assert!(t.links.roles.unwrap().ends_with("/6be26a/roles"));
    let roles = oauth1::extract_roles(
        &oauth1::list_access_token_roles(&identity, "ce9e07", "6be26a")
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(roles[1].name, "Member");
    let r = oauth1::get_access_token_role(&identity, "ce9e07", "6be26a", "5ad150")
        .await
        .extract()
        .unwrap();
    assert_eq!(r.name, "admin");
    oauth1::revoke_access_token(&identity, "ce9e07", "6be26a")
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn bad_input_and_bad_answers() {
    let server = MockServer::start().await;
    let app = anonymous(&server);
    let c = consumer(SignatureMethod::HmacSha1);
    let err = oauth1::create_request_token(&app, &c, "")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("project_id"), "{err}");
    let err = oauth1::authorize_request_token(&app, "rt", &[RoleRef::default()])
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("roles[0]"), "{err}");
    let err = oauth1::authorize_request_token(&app, "rt", &[])
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("roles"), "{err}");
    assert!(server.received_requests().await.unwrap().is_empty());

    Mock::given(method("POST"))
        .and(path("/identity/v3/OS-OAUTH1/request_token"))
        .respond_with(ResponseTemplate::new(201).set_body_string("oauth_token=only"))
        .mount(&server)
        .await;
    let err = oauth1::create_request_token(&app, &c, "p")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);

    Mock::given(method("POST"))
        .and(path("/identity/v3/OS-OAUTH1/access_token"))
        .respond_with(ResponseTemplate::new(401).set_body_json(
            json!({"error": {"code": 401, "message": "Provided verifier does not match stored verifier", "title": "Unauthorized"}}),
        ))
        .mount(&server)
        .await;
    let rt = OAuthToken::new("rt", SecretString::from("s".to_string()));
    let err = oauth1::create_access_token(&app, &c, &rt, &SecretString::from("bad".to_string()))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    assert!(err.to_string().contains("verifier"), "{err}");
}
