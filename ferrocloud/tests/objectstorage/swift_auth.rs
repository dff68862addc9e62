//! Swift's own v1.0 authentication as a provider auth method.

use ferrocloud::openstack::objectstorage::v1::account;
use ferrocloud::{AuthOptions, EndpointOpts, ErrorKind, openstack};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn mount_auth(server: &MockServer, token: &str, times: u64) {
    Mock::given(method("GET"))
        .and(path("/auth/v1.0"))
        .and(header("x-auth-user", "test:tester"))
        .and(header("x-auth-key", "testing"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("x-auth-token", token)
                .insert_header("x-storage-token", token)
                .insert_header(
                    "x-storage-url",
                    format!("{}/v1/AUTH_test", server.uri()).as_str(),
                )
                .insert_header("x-auth-token-expires", "86399"),
        )
        .expect(times)
        .mount(server)
        .await;
}

#[tokio::test]
async fn a_token_and_the_storage_url_become_the_catalog() {
    let server = MockServer::start().await;
    mount_auth(&server, "AUTH_tk1", 1).await;
    Mock::given(method("HEAD"))
        .and(path("/v1/AUTH_test/"))
        .and(header("x-auth-token", "AUTH_tk1"))
        .respond_with(
            ResponseTemplate::new(204)
                .insert_header("x-account-container-count", "2")
                .insert_header("x-account-object-count", "5")
                .insert_header("x-account-bytes-used", "100"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let opts = AuthOptions::swift_v1(
        format!("{}/auth/v1.0", server.uri()),
        "test:tester",
        "testing",
    );
    assert!(
        !format!("{opts:?}").contains("testing"),
        "the key stays out of Debug"
    );
    let provider = openstack::authenticated_client(opts).await.unwrap();
    let info = provider.auth_info().unwrap();
    let left = info.expires_at.unwrap() - chrono::Utc::now();
    assert!(left > chrono::Duration::hours(23), "{left:?}");
    assert_eq!(info.user.unwrap().name.as_deref(), Some("test:tester"));
    let swift = openstack::new_object_storage_v1(&provider, EndpointOpts::default()).unwrap();
    assert_eq!(
        swift.endpoint().as_str(),
        format!("{}/v1/AUTH_test/", server.uri())
    );
    let a = account::get(&swift).await.extract().unwrap();
    assert_eq!(a.container_count, 2);
}

#[tokio::test]
async fn a_refused_token_authenticates_again_with_the_key() {
    let server = MockServer::start().await;
    mount_auth(&server, "AUTH_tk", 2).await;
    Mock::given(method("HEAD"))
        .and(path("/v1/AUTH_test/"))
        .respond_with(ResponseTemplate::new(401))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("HEAD"))
        .and(path("/v1/AUTH_test/"))
        .respond_with(
            ResponseTemplate::new(204)
                .insert_header("x-account-container-count", "0")
                .insert_header("x-account-object-count", "0")
                .insert_header("x-account-bytes-used", "0"),
        )
        .mount(&server)
        .await;
    let opts = AuthOptions::swift_v1(
        format!("{}/auth/v1.0", server.uri()),
        "test:tester",
        "testing",
    );
    let provider = openstack::authenticated_client(opts).await.unwrap();
    let swift = openstack::new_object_storage_v1(&provider, EndpointOpts::default()).unwrap();
    account::get(&swift).await.extract().unwrap();
}

#[tokio::test]
async fn a_wrong_key_is_an_auth_error_without_the_key() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/auth/v1.0"))
        .respond_with(
            ResponseTemplate::new(401).set_body_string("Unauthorized: key wrong-key-123 refused"),
        )
        .mount(&server)
        .await;
    let opts = AuthOptions::swift_v1(
        format!("{}/auth/v1.0", server.uri()),
        "test:tester",
        "wrong-key-123",
    );
    let err = openstack::authenticated_client(opts).await.unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::Unauthorized | ErrorKind::Auth),
        "{err:?}"
    );
    assert!(!err.to_string().contains("wrong-key-123"), "{err}");
    assert!(!format!("{err:?}").contains("wrong-key-123"), "{err:?}");
}

#[tokio::test]
async fn an_answer_without_a_storage_url_is_an_auth_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/auth/v1.0"))
        .respond_with(ResponseTemplate::new(200).insert_header("x-auth-token", "AUTH_tk"))
        .mount(&server)
        .await;
    let opts = AuthOptions::swift_v1(format!("{}/auth/v1.0", server.uri()), "u", "k");
    let err = openstack::authenticated_client(opts).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Auth);
    assert!(err.to_string().contains("X-Storage-Url"), "{err}");
}
