//! `/info` at the service root and the list_endpoints middleware.

use ferrocloud::openstack::objectstorage::v1::capabilities;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::{sample, swift};

#[tokio::test]
async fn info_is_read_at_the_service_root() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("GET"))
        .and(path("/swift/info"))
        .respond_with(
            ResponseTemplate::new(200).set_body_string(sample("capabilities-list-response.json")),
        )
        .expect(1)
        .mount(&server)
        .await;
    let info = capabilities::get(&client).await.extract().unwrap();
    assert_eq!(info.swift.version, "1.11.0");
    assert_eq!(info.middleware["slo"]["max_manifest_segments"], 1000);
    assert!(info.middleware.contains_key("tempurl"));
}

#[tokio::test]
async fn endpoints_of_the_account_a_container_and_an_object() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    for p in [
        "/swift/endpoints/v2/AUTH_p1",
        "/swift/endpoints/v2/AUTH_p1/c",
        "/swift/endpoints/v2/AUTH_p1/c/dir/obj",
    ] {
        Mock::given(method("GET"))
            .and(path(p))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_string(sample("endpoints-list-response-headers.json")),
            )
            .expect(1)
            .mount(&server)
            .await;
    }
    let e = capabilities::endpoints(&client, None, None)
        .await
        .extract()
        .unwrap();
    assert_eq!(e.endpoints.len(), 7);
    assert_eq!(e.headers["X-Backend-Storage-Policy-Index"], "2");
    capabilities::endpoints(&client, Some("c"), None)
        .await
        .extract()
        .unwrap();
    capabilities::endpoints(&client, Some("c"), Some("dir/obj"))
        .await
        .extract()
        .unwrap();
    let err = capabilities::endpoints(&client, None, Some("o"))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ferrocloud::ErrorKind::InvalidInput);
}
