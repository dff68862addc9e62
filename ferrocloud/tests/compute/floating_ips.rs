//! Floating IPs and pools through the compute API (proxy to Neutron, until 2.35).

use crate::common::*;
use ferrocloud::openstack::compute::v2::floating_ips::{self, CreateOpts};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SAMPLES: &str = "compute/doc/api_samples";
const FIP: &str = "8baeddb4-45e2-4c36-8cb7-d79439a5f67c";

async fn setup() -> (MockServer, ServiceClient) {
    let server = MockServer::start().await;
    let provider = provider(&server).await;
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
    (server, compute)
}

fn answer(status: u16, file: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_string(sample(&format!("{SAMPLES}/{file}")))
}

#[tokio::test]
async fn pools_and_listing() {
    let (server, compute) = setup().await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-floating-ip-pools"))
        .respond_with(answer(
            200,
            "os-floating-ip-pools/floatingippools-list-resp.json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let pools = floating_ips::extract_pools(
        &floating_ips::list_pools(&compute)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    let names: Vec<&str> = pools.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["pool1", "pool2"]);

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-floating-ips"))
        .respond_with(answer(200, "os-floating-ips/floating-ips-list-resp.json"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-floating-ips"))
        .respond_with(answer(
            200,
            "os-floating-ips/floating-ips-list-empty-resp.json",
        ))
        .mount(&server)
        .await;
    let fips = floating_ips::extract_floating_ips(
        &floating_ips::list(&compute).all_pages().await.unwrap(),
    )
    .unwrap();
    assert_eq!(fips.len(), 2);
    assert_eq!(fips[1].ip, "172.24.4.78");
    assert_eq!(fips[1].pool, "public");
    assert_eq!(fips[1].fixed_ip, None);
    assert_eq!(fips[1].instance_id, None);
    let none = floating_ips::list(&compute)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(none.is_empty());
    server.verify().await;
}

#[tokio::test]
async fn allocate_show_release() {
    let (server, compute) = setup().await;
    let compute = compute.with_microversion("2.35");
    Mock::given(method("POST"))
        .and(path("/compute/v2.1/os-floating-ips"))
        .and(header("x-openstack-nova-api-version", "2.35"))
        .and(body_json(sample_json(&format!(
            "{SAMPLES}/os-floating-ips/floating-ips-create-req.json"
        ))))
        .respond_with(answer(200, "os-floating-ips/floating-ips-create-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let fip = floating_ips::create(&compute, &CreateOpts::from_pool("public"))
        .await
        .extract()
        .unwrap();
    assert_eq!(fip.id, FIP);
    assert_eq!(fip.ip, "172.24.4.17");

    // Without a pool, the body is an empty object (the cloud's default pool).
    Mock::given(method("POST"))
        .and(path("/compute/v2.1/os-floating-ips"))
        .and(body_json(json!({})))
        .respond_with(ResponseTemplate::new(404).set_body_json(
            json!({"itemNotFound": {"code": 404, "message": "No more floating IPs available."}}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let err = floating_ips::create(&compute, &CreateOpts::default())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(err.to_string().contains("No more floating IPs"), "{err}");

    Mock::given(method("GET"))
        .and(path(format!("/compute/v2.1/os-floating-ips/{FIP}")))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"floating_ip": {
            "fixed_ip": "10.0.0.3", "id": FIP, "instance_id": "3912f2b4",
            "ip": "172.24.4.17", "pool": "public"}})),
        )
        .mount(&server)
        .await;
    let got = floating_ips::get(&compute, FIP).await.extract().unwrap();
    assert_eq!(got.fixed_ip.as_deref(), Some("10.0.0.3"));
    assert_eq!(got.instance_id.as_deref(), Some("3912f2b4"));

    Mock::given(method("DELETE"))
        .and(path(format!("/compute/v2.1/os-floating-ips/{FIP}")))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    floating_ips::delete(&compute, FIP).await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn the_official_get_sample() {
    let (server, compute) = setup().await;
    Mock::given(method("GET"))
        .and(path(format!("/compute/v2.1/os-floating-ips/{FIP}")))
        .respond_with(answer(200, "os-floating-ips/floating-ips-get-resp.json"))
        .mount(&server)
        .await;
    let got = floating_ips::get(&compute, FIP).await.extract().unwrap();
    assert_eq!(got.pool, "public");
    assert_eq!(got.fixed_ip, None);
}

#[tokio::test]
async fn bad_input_and_2_36_are_refused_before_sending() {
    let (server, compute) = setup().await;
    let err = floating_ips::create(&compute, &CreateOpts::from_pool(""))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("pool"), "{err}");

    let new = compute.with_microversion("2.36");
    for err in [
        floating_ips::list_pools(&new)
            .all_pages()
            .await
            .unwrap_err(),
        floating_ips::list(&new).all_pages().await.unwrap_err(),
        floating_ips::create(&new, &CreateOpts::from_pool("public"))
            .await
            .extract()
            .unwrap_err(),
        floating_ips::get(&new, FIP).await.extract().unwrap_err(),
        floating_ips::delete(&new, FIP).await.ok().unwrap_err(),
    ] {
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
        assert!(
            err.to_string().contains("removed after microversion 2.35"),
            "{err}"
        );
    }
    assert!(
        server
            .received_requests()
            .await
            .unwrap()
            .iter()
            .all(|r| !r.url.path().starts_with("/compute"))
    );
}
