//! Project networks through the compute API (proxy to Neutron, until 2.35).

use crate::common::*;
use ferrocloud::openstack::compute::v2::tenant_networks::{self, CreateOpts};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use serde_json::json;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SAMPLES: &str = "compute/doc/api_samples/os-tenant-networks";

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
async fn list_get_and_find() {
    let (server, compute) = setup().await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-tenant-networks"))
        .respond_with(answer(200, "networks-list-res.json"))
        .mount(&server)
        .await;
    let nets = tenant_networks::extract_networks(
        &tenant_networks::list(&compute).all_pages().await.unwrap(),
    )
    .unwrap();
    assert_eq!(nets.len(), 1);
    assert_eq!(nets[0].label, "private");
    // Nova writes the text "None" for the CIDR of a Neutron network.
    assert_eq!(nets[0].cidr, None);

    Mock::given(method("GET"))
        .and(path(
            "/compute/v2.1/os-tenant-networks/5bbcc3c4-1da2-4437-a48a-66f15b1b13f9",
        ))
        .respond_with(answer(200, "networks-post-res.json"))
        .mount(&server)
        .await;
    let n = tenant_networks::get(&compute, "5bbcc3c4-1da2-4437-a48a-66f15b1b13f9")
        .await
        .extract()
        .unwrap();
    assert_eq!(n.cidr.as_deref(), Some("172.0.0.0/24"));
    assert_eq!(n.label, "public");

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-tenant-networks/private"))
        .respond_with(
            ResponseTemplate::new(404).set_body_json(
                json!({"itemNotFound": {"code": 404, "message": "Network not found"}}),
            ),
        )
        .mount(&server)
        .await;
    let found = tenant_networks::find(&compute, "private").await.unwrap();
    assert_eq!(found.id, "3cb9bc59-5699-4588-a4b1-b87f96708bc6");
}

#[tokio::test]
async fn create_and_delete_send_the_official_request() {
    let (server, compute) = setup().await;
    Mock::given(method("POST"))
        .and(path("/compute/v2.1/os-tenant-networks"))
        .and(body_json(sample_json(&format!(
            "{SAMPLES}/networks-post-req.json"
        ))))
        .respond_with(answer(200, "networks-post-res.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts {
        label: "public".into(),
        cidr: Some("172.0.0.0/24".into()),
        vlan_start: Some(1),
        num_networks: Some(1),
        network_size: Some(255),
        ..Default::default()
    };
    let n = tenant_networks::create(&compute, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(n.id, "5bbcc3c4-1da2-4437-a48a-66f15b1b13f9");

    // What Nova answers since 21.0.0 (Ussuri).
    Mock::given(method("DELETE"))
        .and(path("/compute/v2.1/os-tenant-networks/n1"))
        .respond_with(ResponseTemplate::new(410).set_body_json(json!({"computeFault": {
            "code": 410, "message": "This resource is no longer available. No forwarding address is given."}})))
        .expect(1)
        .mount(&server)
        .await;
    let err = tenant_networks::delete(&compute, "n1")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(410));
    assert!(err.to_string().contains("no longer available"), "{err}");
    server.verify().await;
}

#[tokio::test]
async fn bad_input_and_2_36_are_refused_before_sending() {
    let (server, compute) = setup().await;
    let cases = [
        (CreateOpts::default(), "label"),
        (
            CreateOpts {
                label: "x".into(),
                ..Default::default()
            },
            "cidr, cidr_v6",
        ),
        (
            CreateOpts {
                label: "x".into(),
                cidr: Some("10.0.0.0/24".into()),
                cidr_v6: Some("fd00::/64".into()),
                ..Default::default()
            },
            "cidr, cidr_v6",
        ),
        (
            CreateOpts {
                label: "x".into(),
                cidr: Some("10.0.0.0/24".into()),
                network_size: Some(0),
                ..Default::default()
            },
            "network_size",
        ),
    ];
    for (opts, field) in cases {
        let err = tenant_networks::create(&compute, &opts)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains(field), "{err}");
    }

    let new = compute.with_microversion("2.36");
    for err in [
        tenant_networks::list(&new).all_pages().await.unwrap_err(),
        tenant_networks::get(&new, "n").await.extract().unwrap_err(),
        tenant_networks::delete(&new, "n").await.ok().unwrap_err(),
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
