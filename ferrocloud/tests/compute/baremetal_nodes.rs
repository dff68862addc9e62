//! Bare metal nodes through the compute API (proxy to Ironic, until 2.35).

use crate::common::*;
use ferrocloud::openstack::compute::v2::baremetal_nodes;
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SAMPLES: &str = "compute/doc/api_samples/os-baremetal-nodes";

async fn setup() -> (MockServer, ServiceClient) {
    let server = MockServer::start().await;
    let provider = provider(&server).await;
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
    (server, compute)
}

#[tokio::test]
async fn list_and_get() {
    let (server, compute) = setup().await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-baremetal-nodes"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(sample(&format!("{SAMPLES}/baremetal-node-list-resp.json"))),
        )
        .mount(&server)
        .await;
    let nodes =
        baremetal_nodes::extract_nodes(&baremetal_nodes::list(&compute).all_pages().await.unwrap())
            .unwrap();
    assert_eq!(nodes.len(), 2);
    assert_eq!(nodes[1].id, "e2025409-f3ce-4d6a-9788-c565cf3b1b1c");
    assert_eq!(nodes[0].host, "IRONIC MANAGED");
    assert_eq!(nodes[0].task_state, "active");
    assert_eq!(
        (
            nodes[0].cpus.as_str(),
            nodes[0].memory_mb.as_str(),
            nodes[0].disk_gb.as_str()
        ),
        ("2", "1024", "10")
    );
    assert_eq!(nodes[0].instance_uuid, None);

    let id = "058d27fa-241b-445a-a386-08c04f96db43";
    Mock::given(method("GET"))
        .and(path(format!("/compute/v2.1/os-baremetal-nodes/{id}")))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(sample(&format!("{SAMPLES}/baremetal-node-get-resp.json"))),
        )
        .mount(&server)
        .await;
    let node = baremetal_nodes::get(&compute, id).await.extract().unwrap();
    assert_eq!(
        node.instance_uuid.as_deref(),
        Some("1ea4e53e-149a-4f02-9515-590c9fb2315a")
    );
    assert!(node.interfaces.is_empty());

    // Ironic may hold the sizes as numbers; a node's ports are listed when shown.
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-baremetal-nodes/n2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"node": {
            "id": "n2", "interfaces": [{"address": "52:54:00:12:34:56"}], "host": "IRONIC MANAGED",
            "task_state": "available", "cpus": 4, "memory_mb": 8192, "disk_gb": "0",
            "instance_uuid": null}})))
        .mount(&server)
        .await;
    let node = baremetal_nodes::get(&compute, "n2")
        .await
        .extract()
        .unwrap();
    assert_eq!(node.cpus, "4");
    assert_eq!(node.memory_mb, "8192");
    assert_eq!(
        node.interfaces[0].address.as_deref(),
        Some("52:54:00:12:34:56")
    );
}

#[tokio::test]
async fn nova_without_ironic_answers_an_error() {
    let (server, compute) = setup().await;
    // What Nova answers when no bare metal service is configured.
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-baremetal-nodes"))
        .respond_with(ResponseTemplate::new(500).set_body_json(json!({"computeFault": {
            "code": 500,
            "message": "Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.\n<class 'keystoneauth1.exceptions.auth_plugins.MissingAuthPlugin'>"}})))
        .mount(&server)
        .await;
    let err = baremetal_nodes::list(&compute)
        .all_pages()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ServerError);
    assert!(err.to_string().contains("Unexpected API Error"), "{err}");

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-baremetal-nodes/missing"))
        .respond_with(
            ResponseTemplate::new(404).set_body_json(json!({"itemNotFound": {
            "code": 404, "message": "Node missing could not be found."}})),
        )
        .mount(&server)
        .await;
    let err = baremetal_nodes::get(&compute, "missing")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn refused_at_2_36_before_sending() {
    let (server, compute) = setup().await;
    let new = compute.with_microversion("2.36");
    for err in [
        baremetal_nodes::list(&new).all_pages().await.unwrap_err(),
        baremetal_nodes::get(&new, "n").await.extract().unwrap_err(),
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
