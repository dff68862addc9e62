use crate::common::*;
use ferrocloud::openstack::identity::v3::oauth2::{self, ClientCredentials};
use ferrocloud::{ErrorKind, ExposeSecret, ProviderClient, SecretString, ServiceClient};
use serde_json::json;
use wiremock::matchers::{body_string, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "identity/api-ref/source/v3-ext/samples/OS-OAUTH2";
const TOKEN: &str = "/identity/v3/OS-OAUTH2/token";

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
async fn client_secret_basic() {
    let server = MockServer::start().await;
    let identity = anonymous(&server);
    Mock::given(method("POST"))
        .and(path(TOKEN))
        .and(header("content-type", "application/x-www-form-urlencoded"))
        // base64("12d31647289c45e1b69e57273fce78b4:s3cr/t+=")
        .and(header(
            "authorization",
            "Basic MTJkMzE2NDcyODljNDVlMWI2OWU1NzI3M2ZjZTc4YjQ6czNjci90Kz0=",
        ))
        .and(body_string(
            sample(&format!("{S}/token-create-request.txt")).trim(),
        ))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(sample(&format!("{S}/token-create-response.json"))),
        )
        .expect(1)
        .mount(&server)
        .await;
    let creds = ClientCredentials::secret(
        "12d31647289c45e1b69e57273fce78b4",
        SecretString::from("s3cr/t+=".to_string()),
    );
    assert!(!format!("{creds:?}").contains("s3cr"));
    let t = oauth2::create_token(&identity, &creds)
        .await
        .extract()
        .unwrap();
    assert!(t.access_token.expose_secret().starts_with("gAAAAABhi1cM"));
    assert_eq!(t.token_type, "Bearer");
    assert_eq!(t.expires_in, 3600);
    assert!(!format!("{t:?}").contains("gAAAA"));
    let reqs = server.received_requests().await.unwrap();
    assert!(reqs[0].headers.get("x-auth-token").is_none());
    server.verify().await;
}

#[tokio::test]
async fn mutual_tls_sends_no_secret() {
    let server = MockServer::start().await;
    let identity = anonymous(&server);
    Mock::given(method("POST"))
        .and(path(TOKEN))
        .and(body_string("grant_type=client_credentials&client_id=u-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"access_token": "gAAAA-mtls", "token_type": "Bearer", "expires_in": 3600}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    oauth2::create_token(&identity, &ClientCredentials::mutual_tls("u-1"))
        .await
        .extract()
        .unwrap();
    let reqs = server.received_requests().await.unwrap();
    assert!(reqs[0].headers.get("authorization").is_none());
    server.verify().await;
}

#[tokio::test]
async fn refusals() {
    let server = MockServer::start().await;
    let identity = anonymous(&server);
    let err = oauth2::create_token(&identity, &ClientCredentials::mutual_tls(""))
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("client_id"), "{err}");
    assert_eq!(count(&server, "POST", TOKEN).await, 0);

    Mock::given(method("POST"))
        .and(path(TOKEN))
        .respond_with(ResponseTemplate::new(401).set_body_json(
            json!({"error": "invalid_client", "error_description": "Client authentication failed."}),
        ))
        .mount(&server)
        .await;
    let creds = ClientCredentials::secret("ac", SecretString::from("wrong".to_string()));
    let err = oauth2::create_token(&identity, &creds)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
}
