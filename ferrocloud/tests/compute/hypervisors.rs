//! Hypervisors at each microversion: integer IDs, 2.28 `cpu_info`, 2.33 paging, 2.53
//! UUIDs and filters, 2.88 without the resource figures; statistics, uptime, search and
//! servers.

use crate::common::*;
use ferrocloud::openstack::compute::v2::hypervisors::{
    self, GetOpts, Hypervisor, HypervisorRef, ListOpts,
};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/os-hypervisors";

async fn compute(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap()
}

fn reply(rel: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/{rel}")))
}

#[tokio::test]
async fn every_sample_parses() {
    let list = [
        "hypervisors-list-resp.json",
        "hypervisors-search-resp.json",
        "hypervisors-with-servers-resp.json",
        "hypervisors-without-servers-resp.json",
        "v2.28/hypervisors-list-resp.json",
        "v2.28/hypervisors-search-resp.json",
        "v2.28/hypervisors-with-servers-resp.json",
        "v2.33/hypervisors-list-resp.json",
        "v2.53/hypervisors-list-resp.json",
        "v2.53/hypervisors-search-resp.json",
        "v2.53/hypervisors-with-servers-resp.json",
        "v2.53/hypervisors-without-servers-resp.json",
        "v2.88/hypervisors-list-resp.json",
        "v2.88/hypervisors-search-resp.json",
        "v2.88/hypervisors-with-servers-resp.json",
    ];
    for rel in list {
        let body = sample(&format!("{S}/{rel}"));
        let hs: Vec<HypervisorRef> =
            ferrocloud::request::decode(body.as_bytes(), Some("hypervisors")).unwrap();
        assert!(!hs[0].id.is_empty(), "{rel}");
    }
    let detail = [
        "hypervisors-detail-resp.json",
        "v2.28/hypervisors-detail-resp.json",
        "v2.33/hypervisors-detail-resp.json",
        "v2.53/hypervisors-detail-resp.json",
        "v2.53/hypervisors-detail-with-servers-resp.json",
        "v2.88/hypervisors-detail-resp.json",
        "v2.88/hypervisors-detail-with-servers-resp.json",
    ];
    for rel in detail {
        let body = sample(&format!("{S}/{rel}"));
        let hs: Vec<Hypervisor> =
            ferrocloud::request::decode(body.as_bytes(), Some("hypervisors")).unwrap();
        assert!(!hs[0].service.host.is_empty(), "{rel}");
    }
    for rel in [
        "hypervisors-show-resp.json",
        "v2.28/hypervisors-show-resp.json",
        "v2.53/hypervisors-show-resp.json",
        "v2.53/hypervisors-show-with-servers-resp.json",
        "v2.88/hypervisors-show-resp.json",
        "v2.88/hypervisors-show-with-servers-resp.json",
    ] {
        let body = sample(&format!("{S}/{rel}"));
        let h: Hypervisor =
            ferrocloud::request::decode(body.as_bytes(), Some("hypervisor")).unwrap();
        assert_eq!(h.hypervisor_type, "fake", "{rel}");
    }
    for rel in [
        "hypervisors-statistics-resp.json",
        "v2.28/hypervisors-statistics-resp.json",
        "v2.53/hypervisors-statistics-resp.json",
    ] {
        let body = sample(&format!("{S}/{rel}"));
        let s: hypervisors::HypervisorStatistics =
            ferrocloud::request::decode(body.as_bytes(), Some("hypervisor_statistics")).unwrap();
        assert_eq!(s.count, 1, "{rel}");
    }
}

#[tokio::test]
async fn base_version_integer_ids_text_cpu_info() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-hypervisors/detail"))
        .respond_with(reply("hypervisors-detail-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let hs = hypervisors::list_detail(&compute, &ListOpts::default())
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    let h = &hs[0];
    assert_eq!(h.id, "1");
    assert_eq!(h.service.id, "2");
    assert_eq!(h.hypervisor_version, "1000");
    assert_eq!(h.vcpus, Some(2));
    assert_eq!(h.memory_mb_used, Some(512));
    assert_eq!(h.cpu_info_object().unwrap()["topology"]["sockets"], 4);

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-hypervisors/statistics"))
        .respond_with(reply("hypervisors-statistics-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let st = hypervisors::statistics(&compute).await.extract().unwrap();
    assert_eq!((st.count, st.vcpus, st.free_ram_mb), (1, 2, Some(7680)));

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-hypervisors/1/uptime"))
        .respond_with(reply("hypervisors-uptime-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let up = hypervisors::uptime(&compute, "1").await.extract().unwrap();
    assert!(up.uptime.unwrap().contains("load average"));

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-hypervisors/fake/search"))
        .respond_with(reply("hypervisors-search-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let found = hypervisors::search(&compute, "fake")
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(found[0].hypervisor_hostname, "fake-mini");

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-hypervisors/fake/servers"))
        .respond_with(reply("hypervisors-with-servers-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let with = hypervisors::servers(&compute, "fake")
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    let servers = with[0].servers.as_ref().unwrap();
    assert_eq!(servers.len(), 2);
    assert_eq!(servers[1].uuid, "bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb");
    server.verify().await;
}

#[tokio::test]
async fn uuids_filters_and_paging_at_2_53() {
    let server = MockServer::start().await;
    let compute = compute(&server).await.with_microversion("2.53");
    let first = sample(&format!("{S}/v2.53/hypervisors-detail-resp.json")).replace(
        "http://openstack.example.com/v2.1/6f70656e737461636b20342065766572",
        &format!("{}/compute/v2.1", server.uri()),
    );
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-hypervisors/detail"))
        .and(header("x-openstack-nova-api-version", "2.53"))
        .and(query_param("limit", "1"))
        .and(query_param("hypervisor_hostname_pattern", "host"))
        .and(query_param("with_servers", "true"))
        .and(query_param_is_missing("marker"))
        .respond_with(ResponseTemplate::new(200).set_body_string(first))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-hypervisors/detail"))
        .and(query_param(
            "marker",
            "1bb62a04-c576-402c-8147-9e89757a09e3",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"hypervisors": []}"#))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        limit: Some(1),
        hypervisor_hostname_pattern: Some("host".into()),
        with_servers: Some(true),
        ..Default::default()
    };
    let hs = hypervisors::list_detail(&compute, &opts)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(hs.len(), 1);
    assert_eq!(hs[0].id, "1bb62a04-c576-402c-8147-9e89757a09e3");
    assert_eq!(hs[0].service.id, "62f62f6e-a713-4cbe-87d3-3ecf8a1e0f8d");
    assert_eq!(hs[0].cpu_info_object().unwrap()["vendor"], "Intel");

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-hypervisors"))
        .and(query_param("with_servers", "true"))
        .respond_with(reply("v2.53/hypervisors-with-servers-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        with_servers: Some(true),
        ..Default::default()
    };
    let hs = hypervisors::list(&compute, &opts)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(hs[0].servers.as_ref().unwrap()[0].name, "test_server1");

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-hypervisors/b1e43b5f"))
        .and(query_param("with_servers", "true"))
        .respond_with(reply("v2.53/hypervisors-show-with-servers-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let h = hypervisors::get_with(
        &compute,
        "b1e43b5f",
        &GetOpts {
            with_servers: Some(true),
        },
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(h.servers.unwrap().len(), 2);

    // search and servers are gone from 2.53.
    let err = hypervisors::search(&compute, "x")
        .all_pages()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    server.verify().await;
}

#[tokio::test]
async fn at_2_88_figures_statistics_and_uptime_are_gone() {
    let server = MockServer::start().await;
    let compute = compute(&server).await.with_microversion("2.88");
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-hypervisors/a68a56ab"))
        .respond_with(reply("v2.88/hypervisors-show-with-servers-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let h = hypervisors::get(&compute, "a68a56ab")
        .await
        .extract()
        .unwrap();
    assert_eq!(h.vcpus, None);
    assert_eq!(h.cpu_info, None);
    assert_eq!(h.uptime, None);
    assert_eq!(h.host_ip.as_deref(), Some("192.168.1.135"));

    let err = hypervisors::statistics(&compute)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = hypervisors::uptime(&compute, "a68a56ab")
        .await
        .extract()
        .unwrap_err();
    assert!(err.to_string().contains("2.87"), "{err}");
    assert_eq!(
        count(&server, "GET", "/compute/v2.1/os-hypervisors/statistics").await,
        0
    );
    server.verify().await;
}

#[tokio::test]
async fn filters_newer_than_the_client_are_refused() {
    let server = MockServer::start().await;
    let compute = compute(&server).await.with_microversion("2.33");
    let opts = ListOpts {
        with_servers: Some(true),
        ..Default::default()
    };
    let err = hypervisors::list(&compute, &opts)
        .all_pages()
        .await
        .unwrap_err();
    assert!(err.to_string().contains("with_servers"), "{err}");
    let opts = ListOpts {
        limit: Some(1),
        ..Default::default()
    };
    let err = hypervisors::list(&compute.with_microversion("2.32"), &opts)
        .all_pages()
        .await
        .unwrap_err();
    assert!(err.to_string().contains("limit"), "{err}");
    let err = hypervisors::get_with(
        &compute,
        "1",
        &GetOpts {
            with_servers: Some(true),
        },
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        count(&server, "GET", "/compute/v2.1/os-hypervisors").await,
        0
    );
}
