//! Flavor extra specs: list, create, show, update, delete.

use crate::common::*;
use ferrocloud::openstack::compute::v2::flavor_extra_specs::{self, ExtraSpecs};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/flavor-extra-specs";

async fn compute(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap()
}

fn reply(rel: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/{rel}")))
}

#[tokio::test]
async fn extra_specs_round_trip() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    Mock::given(method("POST"))
        .and(path("/compute/v2.1/flavors/1/os-extra_specs"))
        .and(body_json(sample_json(&format!(
            "{S}/flavor-extra-specs-create-req.json"
        ))))
        .respond_with(reply("flavor-extra-specs-create-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let specs = ExtraSpecs::from_iter([("hw:cpu_policy", "shared"), ("hw:numa_nodes", "1")]);
    let created = flavor_extra_specs::create(&compute, "1", &specs)
        .await
        .extract()
        .unwrap();
    assert_eq!(created, specs);

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/flavors/1/os-extra_specs"))
        .respond_with(reply("flavor-extra-specs-list-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let all = flavor_extra_specs::list(&compute, "1")
        .await
        .extract()
        .unwrap();
    assert_eq!(all.value("hw:cpu_policy"), Some("shared"));

    Mock::given(method("GET"))
        .and(path(
            "/compute/v2.1/flavors/1/os-extra_specs/hw%3Anuma_nodes",
        ))
        .respond_with(reply("flavor-extra-specs-get-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let one = flavor_extra_specs::get(&compute, "1", "hw:numa_nodes")
        .await
        .extract()
        .unwrap();
    assert_eq!(one.value("hw:numa_nodes"), Some("1"));

    Mock::given(method("PUT"))
        .and(path(
            "/compute/v2.1/flavors/1/os-extra_specs/hw%3Anuma_nodes",
        ))
        .and(body_json(sample_json(&format!(
            "{S}/flavor-extra-specs-update-req.json"
        ))))
        .respond_with(reply("flavor-extra-specs-update-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let upd = flavor_extra_specs::update(&compute, "1", "hw:numa_nodes", "2")
        .await
        .extract()
        .unwrap();
    assert_eq!(upd.value("hw:numa_nodes"), Some("2"));

    Mock::given(method("DELETE"))
        .and(path(
            "/compute/v2.1/flavors/1/os-extra_specs/hw%3Anuma_nodes",
        ))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    flavor_extra_specs::delete(&compute, "1", "hw:numa_nodes")
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn bad_specs_are_refused() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    let err = flavor_extra_specs::create(&compute, "1", &ExtraSpecs::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("extra_specs"), "{err}");
    let long = "x".repeat(256);
    let err = flavor_extra_specs::update(&compute, "1", "k", &long)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        count(&server, "PUT", "/compute/v2.1/flavors/1/os-extra_specs/k").await,
        0
    );
}
