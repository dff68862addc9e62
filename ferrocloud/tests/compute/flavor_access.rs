//! Flavor access: list, add and remove a project.

use crate::common::*;
use ferrocloud::openstack::compute::v2::flavor_access;
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/flavor-access";

async fn compute(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap()
}

fn reply(rel: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/{rel}")))
}

#[tokio::test]
async fn list_add_remove() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/flavors/10/os-flavor-access"))
        .respond_with(reply("flavor-access-list-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let all = flavor_access::list(&compute, "10")
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].flavor_id, "10");
    assert_eq!(all[0].tenant_id, "6f70656e737461636b20342065766572");

    Mock::given(method("POST"))
        .and(path("/compute/v2.1/flavors/10/action"))
        .and(body_json(sample_json(&format!(
            "{S}/flavor-access-add-tenant-req.json"
        ))))
        .respond_with(reply("flavor-access-add-tenant-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let now = flavor_access::add_tenant_access(&compute, "10", "fake_tenant")
        .await
        .extract()
        .unwrap();
    assert_eq!(now.len(), 1);

    Mock::given(method("POST"))
        .and(path("/compute/v2.1/flavors/10/action"))
        .and(body_json(sample_json(&format!(
            "{S}/flavor-access-remove-tenant-req.json"
        ))))
        .respond_with(reply("flavor-access-remove-tenant-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let now = flavor_access::remove_tenant_access(&compute, "10", "fake_tenant")
        .await
        .extract()
        .unwrap();
    assert!(now.is_empty());
    server.verify().await;
}

#[tokio::test]
async fn an_empty_project_is_refused() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    let err = flavor_access::add_tenant_access(&compute, "10", "")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("tenant"), "{err}");
    assert_eq!(
        count(&server, "POST", "/compute/v2.1/flavors/10/action").await,
        0
    );
}
