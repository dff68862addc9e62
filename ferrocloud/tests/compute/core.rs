//! Servers and flavors basics, find, waiters and microversions.

use crate::common::*;
use ferrocloud::openstack::compute::v2::extensions::diskconfig::{
    DiskConfig, ServerWithDiskConfig,
};
use ferrocloud::openstack::compute::v2::extensions::extendedstatus::ExtendedStatus;
use ferrocloud::openstack::compute::v2::{flavors, servers};
use ferrocloud::{EndpointOpts, openstack};
use serde::Deserialize;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SAMPLES: &str = "compute/doc/api_samples";

async fn answer(server: &MockServer, p: &str, sample_path: &str) {
    Mock::given(method("GET"))
        .and(path(p))
        .and(header("x-auth-token", "tok-1"))
        .and(header("accept", "application/json"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("x-openstack-request-id", "req-abc")
                .set_body_string(sample(&format!("{SAMPLES}/{sample_path}"))),
        )
        .mount(server)
        .await;
}

#[tokio::test]
async fn get_server_and_its_extensions_from_one_response() {
    let server = MockServer::start().await;
    let provider = provider(&server).await;
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::region("RegionOne")).unwrap();
    answer(
        &server,
        "/compute/v2.1/servers/0e44cc9c",
        "servers/server-get-resp.json",
    )
    .await;
    let result = servers::get(&compute, "0e44cc9c").await;
    let s = result.extract().unwrap();
    assert_eq!(s.id, "0e44cc9c-e052-415d-afbf-469b0d384170");
    assert_eq!(s.name.as_deref(), Some("new-server-test"));
    assert_eq!(s.status, "ACTIVE");
    assert_eq!(
        s.image.as_ref().unwrap().id,
        "70a599e0-31e7-49b7-b260-868f441e862b"
    );
    assert_eq!(s.flavor.as_ref().unwrap().id.as_deref(), Some("1"));
    assert_eq!(s.addresses["private"][0].addr, "192.168.1.30");
    assert_eq!(
        s.addresses["private"][0].mac_addr.as_deref(),
        Some("00:0c:29:0d:11:74")
    );
    assert_eq!(s.metadata["My Server Name"], "Apache1");
    assert_eq!(s.created.to_rfc3339(), "2013-09-03T04:01:32+00:00");
    assert_eq!(result.request_id(), Some("req-abc"));
    assert_eq!(result.status().unwrap().as_u16(), 200);
    let dc: ServerWithDiskConfig = result.extract_into().unwrap();
    assert_eq!(dc.disk_config, Some(DiskConfig::Auto));
    assert_eq!(dc.server, s);
    #[derive(Deserialize)]
    struct WithStatus {
        #[serde(flatten)]
        server: servers::Server,
        #[serde(flatten)]
        status: ExtendedStatus,
    }
    let ws: WithStatus = result.extract_into().unwrap();
    assert_eq!(ws.status.vm_state.as_deref(), Some("active"));
    assert_eq!(ws.status.power_state, Some(1));
    assert_eq!(ws.server.name.as_deref(), Some("new-server-test"));
}

#[tokio::test]
async fn servers_at_later_microversions() {
    let server = MockServer::start().await;
    let provider = provider(&server).await;
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default())
        .unwrap()
        .with_microversion("2.100");
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/x"))
        .and(header("x-openstack-nova-api-version", "2.100"))
        .and(header("openstack-api-version", "compute 2.100"))
        .respond_with(ResponseTemplate::new(200).set_body_string(sample(&format!(
            "{SAMPLES}/servers/v2.100/server-get-resp.json"
        ))))
        .expect(1)
        .mount(&server)
        .await;
    let s = servers::get(&compute, "x").await.extract().unwrap();
    let flavor = s.flavor.as_ref().unwrap();
    assert_eq!(flavor.original_name.as_deref(), Some("m1.tiny"));
    assert_eq!(flavor.vcpus, Some(1));
    assert_eq!(s.locked, Some(false));
    assert_eq!(s.tags, Some(vec![]));
    assert_eq!(s.pinned_availability_zone.as_deref(), Some("us-west"));
    assert!(s.scheduler_hints.unwrap().contains_key("same_host"));
    server.verify().await;
}

#[tokio::test]
async fn list_simple_and_detail() {
    let server = MockServer::start().await;
    let provider = provider(&server).await;
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
    // The sample's next link points to openstack.example.com: serve it back here instead.
    let body = sample(&format!("{SAMPLES}/servers/servers-details-resp.json")).replace(
        "http://openstack.example.com/v2.1/6f70656e737461636b20342065766572",
        &format!("{}/compute/v2.1", server.uri()),
    );
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/detail"))
        .and(wiremock::matchers::query_param_is_missing("marker"))
        .respond_with(ResponseTemplate::new(200).set_body_string(body))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/detail"))
        .and(wiremock::matchers::query_param(
            "marker",
            "f5dc173b-6804-445a-a6d8-c705dad5b5eb",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"servers": []}"#))
        .mount(&server)
        .await;
    let all = servers::extract_servers(
        &servers::list(&compute, &Default::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].status, "ACTIVE");
    assert_eq!(
        count(&server, "GET", "/compute/v2.1/servers/detail").await,
        2
    );

    answer(
        &server,
        "/compute/v2.1/servers",
        "servers/servers-list-status-resp.json",
    )
    .await;
    let mut refs = Vec::new();
    servers::list_simple(&compute, &Default::default())
        .each_page(|p| {
            refs.extend(p.extract()?);
            Ok::<_, ferrocloud::Error>(false)
        })
        .await
        .unwrap();
    assert_eq!(refs[0].name.as_deref(), Some("new-server-test"));
}

#[tokio::test]
async fn flavors_old_and_new_shapes() {
    let server = MockServer::start().await;
    let provider = provider(&server).await;
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
    answer(
        &server,
        "/compute/v2.1/flavors/1",
        "flavors/flavor-get-resp.json",
    )
    .await;
    let f = flavors::get(&compute, "1").await.extract().unwrap();
    assert_eq!(
        (f.name.as_str(), f.vcpus, f.ram, f.disk, f.swap),
        ("m1.tiny", 1, 512, 1, 0)
    );
    assert_eq!(f.rxtx_factor, Some(1.0));
    assert!(f.is_public);
    assert_eq!(f.disabled, Some(false));
    answer(
        &server,
        "/compute/v2.1/flavors/7",
        "flavors/v2.102/flavor-get-resp.json",
    )
    .await;
    let f = flavors::get(&compute, "7").await.extract().unwrap();
    assert_eq!(f.description.as_deref(), Some("test description"));
    assert_eq!(f.extra_specs.unwrap()["hw:numa_nodes"], "1");
    assert_eq!(f.rxtx_factor, None);
    answer(
        &server,
        "/compute/v2.1/flavors/detail",
        "flavors/flavors-detail-resp.json",
    )
    .await;
    let all = flavors::extract_flavors(
        &flavors::list(&compute, &Default::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert!(all.len() >= 5, "{}", all.len());
    answer(
        &server,
        "/compute/v2.1/flavors",
        "flavors/flavors-list-resp.json",
    )
    .await;
    let refs = flavors::list_simple(&compute, &Default::default())
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(refs.len(), all.len());
}

#[tokio::test]
async fn not_found_carries_novas_message() {
    let server = MockServer::start().await;
    let provider = provider(&server).await;
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/missing"))
        .respond_with(ResponseTemplate::new(404)
            .insert_header("x-compute-request-id", "req-404")
            .set_body_string(r#"{"itemNotFound": {"code": 404, "message": "Instance missing could not be found."}}"#))
        .mount(&server)
        .await;
    let result = servers::get(&compute, "missing").await;
    let err = result.extract().unwrap_err();
    assert!(err.is_not_found());
    assert_eq!(
        err.service_message(),
        "Instance missing could not be found."
    );
    assert_eq!(result.request_id(), Some("req-404"));
}

#[tokio::test]
async fn find_by_id_then_by_name() {
    use serde_json::json;
    let server = MockServer::start().await;
    let provider = provider(&server).await;
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
    answer(
        &server,
        "/compute/v2.1/flavors/1",
        "flavors/flavor-get-resp.json",
    )
    .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/flavors/m1.small"))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({"itemNotFound": {"message": "Flavor m1.small could not be found.", "code": 404}})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/flavors/dup"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/flavors/none"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    let flavor = |id: &str, name: &str| {
        json!({"id": id, "name": name, "vcpus": 1, "ram": 512, "disk": 1, "swap": 0,
            "OS-FLV-EXT-DATA:ephemeral": 0, "os-flavor-access:is_public": true, "links": []})
    };
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/flavors/detail"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"flavors": [
            flavor("2", "m1.small"), flavor("3", "dup"), flavor("4", "dup"), flavor("5", "m1.small.x")]})))
        .mount(&server)
        .await;
    assert_eq!(flavors::find(&compute, "1").await.unwrap().name, "m1.tiny");
    assert_eq!(flavors::find(&compute, "m1.small").await.unwrap().id, "2");
    let err = flavors::find(&compute, "dup").await.unwrap_err();
    assert_eq!(err.kind(), ferrocloud::ErrorKind::Ambiguous);
    assert!(err.to_string().contains("3, 4"), "{err}");
    let err = flavors::find(&compute, "none").await.unwrap_err();
    assert_eq!(err.kind(), ferrocloud::ErrorKind::NotFound);
    assert!(err.to_string().contains("\"none\""), "{err}");

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/web.1"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/detail"))
        .and(wiremock::matchers::query_param("name", "^web\\.1$"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "servers": [sample_json(&format!("{SAMPLES}/servers/server-get-resp.json"))["server"]]}))
        )
        .mount(&server)
        .await;
    let err = servers::find(&compute, "web.1").await.unwrap_err();
    // The listed server is named new-server-test, not web.1: no exact match.
    assert_eq!(err.kind(), ferrocloud::ErrorKind::NotFound);
    assert_eq!(
        count(&server, "GET", "/compute/v2.1/servers/detail").await,
        1
    );
}

mod waiters_and_microversions {
    use super::*;
    use ferrocloud::ErrorKind;
    use ferrocloud::wait::WaitOpts;
    use serde_json::json;
    use std::time::Duration;

    fn with_status(status: &str) -> serde_json::Value {
        let mut v = sample_json(&format!("{SAMPLES}/servers/server-get-resp.json"));
        v["server"]["status"] = json!(status);
        if status == "ERROR" {
            v["server"]["fault"] = json!({"code": 500, "created": "2024-01-01T00:00:00Z", "message": "No valid host was found."});
        }
        v
    }

    fn fast(timeout_ms: u64) -> WaitOpts {
        WaitOpts::new(Duration::from_millis(timeout_ms))
            .interval(Duration::from_millis(5), Duration::from_millis(20))
    }

    #[tokio::test]
    async fn wait_for_active_then_for_deletion() {
        let server = MockServer::start().await;
        let provider = provider(&server).await;
        let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
        Mock::given(method("GET"))
            .and(path("/compute/v2.1/servers/s1"))
            .respond_with(ResponseTemplate::new(200).set_body_json(with_status("BUILD")))
            .up_to_n_times(3)
            .with_priority(1)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/compute/v2.1/servers/s1"))
            .respond_with(ResponseTemplate::new(200).set_body_json(with_status("ACTIVE")))
            .up_to_n_times(1)
            .with_priority(2)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/compute/v2.1/servers/s1"))
            .respond_with(ResponseTemplate::new(404))
            .with_priority(3)
            .mount(&server)
            .await;
        let mut seen = Vec::new();
        let s = servers::wait_for_status_with(&compute, "s1", "ACTIVE", &fast(5000), |s| {
            seen.push(s.status.clone())
        })
        .await
        .unwrap();
        assert_eq!(s.status, "ACTIVE");
        assert_eq!(seen, ["BUILD", "BUILD", "BUILD", "ACTIVE"]);
        servers::wait_for_delete(&compute, "s1", &fast(5000))
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn error_state_carries_the_fault_and_timeouts_say_so() {
        let server = MockServer::start().await;
        let provider = provider(&server).await;
        let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
        Mock::given(method("GET"))
            .and(path("/compute/v2.1/servers/bad"))
            .respond_with(ResponseTemplate::new(200).set_body_json(with_status("ERROR")))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/compute/v2.1/servers/slow"))
            .respond_with(ResponseTemplate::new(200).set_body_json(with_status("BUILD")))
            .mount(&server)
            .await;
        let err = servers::wait_for_status(&compute, "bad", "ACTIVE", &fast(5000))
            .await
            .unwrap_err();
        assert!(
            err.to_string().contains("No valid host was found."),
            "{err}"
        );
        let err = servers::wait_for_status(&compute, "slow", "ACTIVE", &fast(60))
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Timeout);
        assert!(err.to_string().contains("slow"), "{err}");
        // Cancel-safe: a dropped waiter leaves the client usable.
        let long = fast(10_000);
        let w = servers::wait_for_status(&compute, "slow", "ACTIVE", &long);
        let _ = tokio::time::timeout(Duration::from_millis(30), w).await;
        assert_eq!(
            servers::get(&compute, "slow")
                .await
                .extract()
                .unwrap()
                .status,
            "BUILD"
        );
    }

    #[tokio::test]
    async fn negotiation_picks_the_highest_common_version() {
        let server = MockServer::start().await;
        let provider = provider(&server).await;
        let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
        Mock::given(method("GET"))
            .and(path("/compute/v2.1/"))
            .respond_with(ResponseTemplate::new(200).set_body_string(sample(&format!(
                "{SAMPLES}/versions/v21-version-get-resp.json"
            ))))
            .mount(&server)
            .await;
        let c = compute.negotiate_microversion("2.100").await.unwrap();
        assert_eq!(c.microversion(), Some("2.100"));
        let c = compute.negotiate_microversion("2.200").await.unwrap();
        assert_eq!(c.microversion(), Some("2.104"));
        let err = compute.negotiate_microversion("1.0").await.unwrap_err();
        assert!(err.to_string().contains("2.1"), "{err}");
    }

    #[tokio::test]
    async fn an_operation_newer_than_the_client_is_refused_before_sending() {
        static TOPOLOGY: ferrocloud::Operation = ferrocloud::Operation::new(
            "compute",
            ferrocloud::http::Method::GET,
            "/servers/{server_id}/topology",
        )
        .since("2.78");
        let server = MockServer::start().await;
        let provider = provider(&server).await;
        let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
        Mock::given(method("GET"))
            .and(path("/compute/v2.1/servers/s/topology"))
            .respond_with(ResponseTemplate::new(200).set_body_string("{}"))
            .mount(&server)
            .await;
        let err = compute
            .request(&TOPOLOGY, &["s"])
            .send_raw()
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains("2.78"), "{err}");
        let err = compute
            .with_microversion("2.77")
            .request(&TOPOLOGY, &["s"])
            .send_raw()
            .await
            .unwrap_err();
        assert!(err.to_string().contains("2.77"), "{err}");
        assert_eq!(
            count(&server, "GET", "/compute/v2.1/servers/s/topology").await,
            0
        );
        compute
            .with_microversion("2.79")
            .request(&TOPOLOGY, &["s"])
            .send_raw()
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn an_operation_removed_in_a_later_microversion_is_refused() {
    static PROXY: ferrocloud::Operation =
        ferrocloud::Operation::new("compute", ferrocloud::http::Method::GET, "/images")
            .until("2.35");
    let server = MockServer::start().await;
    let provider = provider(&server).await;
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/images"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{}"))
        .mount(&server)
        .await;
    compute.request(&PROXY, &[]).send_raw().await.unwrap();
    compute
        .with_microversion("2.35")
        .request(&PROXY, &[])
        .send_raw()
        .await
        .unwrap();
    let err = compute
        .with_microversion("2.36")
        .request(&PROXY, &[])
        .send_raw()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ferrocloud::ErrorKind::InvalidInput);
    assert!(
        err.to_string().contains("removed after microversion 2.35"),
        "{err}"
    );
    assert_eq!(count(&server, "GET", "/compute/v2.1/images").await, 2);
}
