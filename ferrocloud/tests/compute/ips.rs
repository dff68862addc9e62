//! Server addresses by network.

use crate::common::*;
use ferrocloud::openstack::compute::v2::ips;
use ferrocloud::{EndpointOpts, ErrorKind, openstack};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/server-ips";

#[tokio::test]
async fn list_and_show_by_network() {
    let server = MockServer::start().await;
    let compute =
        openstack::new_compute_v2(&provider(&server).await, EndpointOpts::default()).unwrap();
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/srv-1/ips"))
        .and(header("x-auth-token", "tok-1"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(sample(&format!("{S}/server-ips-resp.json"))),
        )
        .expect(1)
        .mount(&server)
        .await;
    let all = ips::list(&compute, "srv-1").await.extract().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all["private"][0].addr, "192.168.1.30");
    assert_eq!(all["private"][0].version, 4);

    // The label is one path segment: it is percent-encoded.
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/srv-1/ips/my%20net"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(sample(&format!("{S}/server-ips-network-resp.json"))),
        )
        .expect(1)
        .mount(&server)
        .await;
    let one = ips::get(&compute, "srv-1", "my net")
        .await
        .extract()
        .unwrap();
    assert_eq!(one["private"][0].addr, "192.168.1.30");

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/srv-1/ips/public"))
        .respond_with(ResponseTemplate::new(404).set_body_string(
            r#"{"itemNotFound": {"code": 404, "message": "Network public could not be found."}}"#,
        ))
        .mount(&server)
        .await;
    let err = ips::get(&compute, "srv-1", "public")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(
        err.to_string()
            .contains("Network public could not be found")
    );

    let err = ips::get(&compute, "srv-1", "").await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    server.verify().await;
}
