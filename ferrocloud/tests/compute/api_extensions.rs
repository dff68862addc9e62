//! The legacy extension listing.

use crate::common::*;
use ferrocloud::openstack::compute::v2::api_extensions;
use ferrocloud::{EndpointOpts, openstack};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/extension-info";

#[tokio::test]
async fn list_and_get() {
    let server = MockServer::start().await;
    let p = provider(&server).await;
    let compute = openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap();
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/extensions"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(sample(&format!("{S}/extensions-list-resp.json"))),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/extensions/os-agents"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(sample(&format!("{S}/extensions-get-resp.json"))),
        )
        .expect(1)
        .mount(&server)
        .await;
    let all = api_extensions::list(&compute)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(all.len() > 10);
    assert_eq!(all[0].alias, "NMN");
    let ext = api_extensions::get(&compute, "os-agents")
        .await
        .extract()
        .unwrap();
    assert_eq!(ext.name, "Agents");
    assert_eq!(ext.updated.to_rfc3339(), "2014-12-03T00:00:00+00:00");
    server.verify().await;

    let body = sample(&format!("{S}/extensions-list-resp-v21-compatible.json"));
    let compat: Vec<api_extensions::Extension> =
        ferrocloud::request::decode(body.as_bytes(), Some("extensions")).unwrap();
    assert!(!compat.is_empty());
}
