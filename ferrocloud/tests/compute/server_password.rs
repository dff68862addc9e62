//! The encrypted admin password of a server.

use crate::common::*;
use ferrocloud::openstack::compute::v2::server_password;
use ferrocloud::{EndpointOpts, ExposeSecret, openstack};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn get_is_secret_and_clear() {
    let server = MockServer::start().await;
    let compute =
        openstack::new_compute_v2(&provider(&server).await, EndpointOpts::default()).unwrap();
    let body = sample("compute/doc/api_samples/os-server-password/get-password-resp.json");
    let expected = sample_json("compute/doc/api_samples/os-server-password/get-password-resp.json")
        ["password"]
        .as_str()
        .unwrap()
        .to_string();
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/srv-1/os-server-password"))
        .respond_with(ResponseTemplate::new(200).set_body_string(body))
        .expect(1)
        .mount(&server)
        .await;
    let p = server_password::get(&compute, "srv-1")
        .await
        .extract()
        .unwrap();
    let secret = p.password.as_ref().unwrap();
    assert_eq!(secret.expose_secret(), expected);
    let debug = format!("{p:?}");
    assert!(!debug.contains(&expected[..20]), "{debug}");

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/srv-2/os-server-password"))
        .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"password": ""}"#))
        .mount(&server)
        .await;
    let p = server_password::get(&compute, "srv-2")
        .await
        .extract()
        .unwrap();
    assert!(p.password.is_none());

    Mock::given(method("DELETE"))
        .and(path("/compute/v2.1/servers/srv-1/os-server-password"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    server_password::clear(&compute, "srv-1")
        .await
        .ok()
        .unwrap();
    server.verify().await;
}
