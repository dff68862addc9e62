//! Availability zones: the plain and the detailed listings.

use crate::common::*;
use ferrocloud::openstack::compute::v2::availability_zones;
use ferrocloud::{EndpointOpts, openstack};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/os-availability-zone";

#[tokio::test]
async fn list_and_detail() {
    let server = MockServer::start().await;
    let p = provider(&server).await;
    let compute = openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap();
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-availability-zone"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(sample(&format!("{S}/availability-zone-list-resp.json"))),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-availability-zone/detail"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(sample(&format!("{S}/availability-zone-detail-resp.json"))),
        )
        .expect(1)
        .mount(&server)
        .await;
    let zones = availability_zones::list(&compute)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(zones.len(), 1);
    assert_eq!(zones[0].zone_name, "nova");
    assert!(zones[0].zone_state.available);
    assert!(zones[0].hosts.is_none());

    let zones = availability_zones::list_detail(&compute)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(zones.len(), 2);
    assert_eq!(zones[0].zone_name, "internal");
    let hosts = zones[1].hosts.as_ref().unwrap();
    let svc = &hosts["compute"]["nova-compute"];
    assert!(svc.active && svc.available);
    assert!(svc.updated_at.is_none());
    server.verify().await;
}
