//! Server NUMA topology (2.78+).

use crate::common::*;
use ferrocloud::openstack::compute::v2::topology;
use ferrocloud::{EndpointOpts, ErrorKind, openstack};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn show_and_the_microversion() {
    let server = MockServer::start().await;
    let p = provider(&server).await;
    let c = openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap();
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/s1/topology"))
        .respond_with(ResponseTemplate::new(200).set_body_string(sample(
            "compute/doc/api_samples/os-server-topology/v2.78/servers-topology-resp.json",
        )))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/s2/topology"))
        .respond_with(
            ResponseTemplate::new(200).set_body_string(r#"{"nodes": [], "pagesize_kb": null}"#),
        )
        .mount(&server)
        .await;
    let c78 = c.with_microversion("2.78");
    let t = topology::get(&c78, "s1").await.extract().unwrap();
    assert_eq!(t.pagesize_kb, Some(4));
    assert_eq!(t.nodes.len(), 2);
    assert_eq!(t.nodes[1].memory_mb, 2048);
    assert_eq!(t.nodes[1].host_node, Some(1));
    assert_eq!(t.nodes[1].vcpu_set, [2, 3]);
    assert_eq!(t.nodes[1].siblings, [[2, 3]]);
    assert_eq!(t.nodes[1].cpu_pinning.as_ref().unwrap()["3"], 8);
    // What a server without a NUMA topology shows (as Nova's fake driver answers).
    let t = topology::get(&c78, "s2").await.extract().unwrap();
    assert!(t.nodes.is_empty() && t.pagesize_kb.is_none());

    let e = topology::get(&c, "s1").await.extract().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("2.78"), "{e}");
}
