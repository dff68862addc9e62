//! Simple tenant usage: all projects (paged from 2.40) and one project (pages merged).

use crate::common::*;
use ferrocloud::openstack::compute::v2::usage::{self, GetOpts, ListOpts, TenantUsage};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/os-simple-tenant-usage";

async fn compute(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap()
}

fn local(server: &MockServer, rel: &str) -> String {
    sample(&format!("{S}/{rel}")).replace(
        "http://openstack.example.com/v2.1/6f70656e737461636b20342065766572",
        &format!("{}/compute/v2.1", server.uri()),
    )
}

#[tokio::test]
async fn samples_parse() {
    for rel in [
        "simple-tenant-usage-get.json",
        "simple-tenant-usage-get-detail.json",
        "v2.40/simple-tenant-usage-get.json",
        "v2.40/simple-tenant-usage-get-all.json",
        "v2.40/simple-tenant-usage-get-detail.json",
    ] {
        let body = sample(&format!("{S}/{rel}"));
        let all: Vec<TenantUsage> =
            ferrocloud::request::decode(body.as_bytes(), Some("tenant_usages")).unwrap();
        assert_eq!(all[0].total_memory_mb_usage, 512.0, "{rel}");
    }
    for rel in [
        "simple-tenant-usage-get-specific.json",
        "v2.40/simple-tenant-usage-get-specific.json",
    ] {
        let body = sample(&format!("{S}/{rel}"));
        let u: TenantUsage =
            ferrocloud::request::decode(body.as_bytes(), Some("tenant_usage")).unwrap();
        assert_eq!(u.server_usages[0].flavor, "m1.tiny", "{rel}");
        assert_eq!(u.server_usages[0].ended_at, None);
    }
    // A project without usage answers an empty object.
    let u: TenantUsage =
        ferrocloud::request::decode(br#"{"tenant_usage": {}}"#, Some("tenant_usage")).unwrap();
    assert!(u.server_usages.is_empty() && u.tenant_id.is_empty());
}

#[tokio::test]
async fn list_all_projects_by_pages() {
    let server = MockServer::start().await;
    let compute = compute(&server).await.with_microversion("2.40");
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-simple-tenant-usage"))
        .and(query_param("start", "2016-10-12T18:22:04.868106"))
        .and(query_param("end", "2016-10-12T18:22:04.868106"))
        .and(query_param("detailed", "1"))
        .and(query_param("limit", "1"))
        .and(query_param_is_missing("marker"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(local(&server, "v2.40/simple-tenant-usage-get-detail.json")),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-simple-tenant-usage"))
        .and(query_param(
            "marker",
            "1f1deceb-17b5-4c04-84c7-e0d4499c8fe0",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"tenant_usages": []}"#))
        .expect(1)
        .mount(&server)
        .await;
    let t = ferrocloud::dates::parse("2016-10-12 18:22:04.868106").unwrap();
    let opts = ListOpts {
        start: Some(t),
        end: Some(t),
        detailed: true,
        limit: Some(1),
        marker: None,
    };
    let all = usage::list(&compute, &opts)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].server_usages[0].uptime, 3600);
    assert_eq!(all[0].server_usages[0].vcpus, 1);
    server.verify().await;

    let err = usage::list(&compute.with_microversion("2.39"), &opts)
        .all_pages()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("2.40"), "{err}");
}

#[tokio::test]
async fn one_project_with_pages_merged() {
    let server = MockServer::start().await;
    let compute = compute(&server).await.with_microversion("2.40");
    let p = "/compute/v2.1/os-simple-tenant-usage/6f70656e737461636b20342065766572";
    Mock::given(method("GET"))
        .and(path(p))
        .and(query_param("limit", "1"))
        .and(query_param_is_missing("marker"))
        .respond_with(ResponseTemplate::new(200).set_body_string(local(
            &server,
            "v2.40/simple-tenant-usage-get-specific.json",
        )))
        .expect(2)
        .mount(&server)
        .await;
    let second = serde_json::json!({"tenant_usage": {
        "server_usages": [{"ended_at": "2012-10-08T21:00:00", "flavor": "m1.small", "hours": 0.5,
            "instance_id": "2f2deceb-17b5-4c04-84c7-e0d4499c8fe0", "local_gb": 1, "memory_mb": 1024,
            "name": "instance-3", "started_at": "2012-10-08T20:30:00", "state": "terminated",
            "tenant_id": "6f70656e737461636b20342065766572", "uptime": 1800, "vcpus": 1}],
        "start": "2012-10-08T20:10:44.587336", "stop": "2012-10-08T21:10:44.587336",
        "tenant_id": "6f70656e737461636b20342065766572", "total_hours": 0.5,
        "total_local_gb_usage": 0.5, "total_memory_mb_usage": 512.0, "total_vcpus_usage": 0.5}});
    Mock::given(method("GET"))
        .and(path(p))
        .and(query_param(
            "marker",
            "1f1deceb-17b5-4c04-84c7-e0d4499c8fe0",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(second))
        .expect(1)
        .mount(&server)
        .await;
    let opts = GetOpts {
        limit: Some(1),
        ..Default::default()
    };
    let one = usage::get(&compute, "6f70656e737461636b20342065766572", &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(one.server_usages.len(), 1);
    let all = usage::get_all_pages(&compute, "6f70656e737461636b20342065766572", &opts)
        .await
        .unwrap();
    assert_eq!(all.server_usages.len(), 2);
    assert_eq!(all.total_hours, 1.5);
    assert_eq!(all.server_usages[1].state, "terminated");
    assert!(all.server_usages[1].ended_at.is_some());
    server.verify().await;
}
