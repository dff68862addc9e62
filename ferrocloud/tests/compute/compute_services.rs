//! Compute services: listing at each microversion, the legacy host/binary calls, the
//! 2.53 update by ID, delete.

use crate::common::*;
use ferrocloud::openstack::compute::v2::compute_services::{self, ListOpts, Service, UpdateOpts};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/os-services";

async fn compute(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap()
}

fn reply(rel: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/{rel}")))
}

#[tokio::test]
async fn list_at_each_microversion() {
    for (rel, first_id) in [
        ("services-list-get-resp.json", Some("1")),
        ("v2.11/services-list-get-resp.json", Some("1")),
        (
            "v2.53/services-list-get-resp.json",
            Some("c4726392-27de-4ff9-b2e0-5aa1d08a520f"),
        ),
        ("v2.69/services-list-get-resp.json", None),
    ] {
        let body = sample(&format!("{S}/{rel}"));
        let all: Vec<Service> =
            ferrocloud::request::decode(body.as_bytes(), Some("services")).unwrap();
        assert_eq!(all[0].id.as_deref(), first_id, "{rel}");
        assert!(!all[0].binary.is_empty(), "{rel}");
    }
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-services"))
        .and(query_param("binary", "nova-compute"))
        .and(query_param("host", "host1"))
        .respond_with(reply("v2.11/services-list-get-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        binary: Some("nova-compute".into()),
        host: Some("host1".into()),
    };
    let all = compute_services::list(&compute, &opts)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(all.len(), 4);
    assert_eq!(all[1].disabled_reason.as_deref(), Some("test2"));
    assert_eq!(all[1].forced_down, Some(false));
    assert_eq!(all[1].zone.as_deref(), Some("nova"));
    assert!(all[0].updated_at.is_some());
    server.verify().await;
}

#[tokio::test]
async fn legacy_calls_by_host_and_binary() {
    let server = MockServer::start().await;
    let compute = compute(&server).await.with_microversion("2.11");
    for (p, req, resp) in [
        (
            "/compute/v2.1/os-services/enable",
            "v2.11/service-enable-put-req.json",
            "v2.11/service-enable-put-resp.json",
        ),
        (
            "/compute/v2.1/os-services/disable",
            "v2.11/service-disable-put-req.json",
            "v2.11/service-disable-put-resp.json",
        ),
        (
            "/compute/v2.1/os-services/disable-log-reason",
            "v2.11/service-disable-log-put-req.json",
            "v2.11/service-disable-log-put-resp.json",
        ),
        (
            "/compute/v2.1/os-services/force-down",
            "v2.11/service-force-down-put-req.json",
            "v2.11/service-force-down-put-resp.json",
        ),
    ] {
        Mock::given(method("PUT"))
            .and(path(p))
            .and(body_json(sample_json(&format!("{S}/{req}"))))
            .respond_with(reply(resp))
            .expect(1)
            .mount(&server)
            .await;
    }
    let s = compute_services::enable_by_host(&compute, "host1", "nova-compute")
        .await
        .extract()
        .unwrap();
    assert_eq!(s.status.as_deref(), Some("enabled"));
    let s = compute_services::disable_by_host(&compute, "host1", "nova-compute")
        .await
        .extract()
        .unwrap();
    assert_eq!(s.status.as_deref(), Some("disabled"));
    let s =
        compute_services::disable_log_reason_by_host(&compute, "host1", "nova-compute", "test2")
            .await
            .extract()
            .unwrap();
    assert_eq!(s.disabled_reason.as_deref(), Some("test2"));
    let s = compute_services::force_down_by_host(&compute, "host1", "nova-compute", true)
        .await
        .extract()
        .unwrap();
    assert_eq!(s.forced_down, Some(true));
    server.verify().await;

    // Before 2.11 there is no force-down; from 2.53 the legacy calls are gone.
    let err = compute_services::force_down_by_host(
        &compute.with_microversion("2.10"),
        "h",
        "nova-compute",
        true,
    )
    .await
    .ok()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err =
        compute_services::enable_by_host(&compute.with_microversion("2.53"), "h", "nova-compute")
            .await
            .ok()
            .unwrap_err();
    assert!(err.to_string().contains("2.52"), "{err}");
    let err = compute_services::disable_log_reason_by_host(&compute, "h", "nova-compute", "")
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("disabled_reason"), "{err}");
}

#[tokio::test]
async fn update_by_id_at_2_53_and_delete() {
    let server = MockServer::start().await;
    let compute = compute(&server).await.with_microversion("2.53");
    let id = "e81d66a4-ddd3-4aba-8a84-171d1cb4d339";
    for (req, resp, opts) in [
        (
            "v2.53/service-disable-log-put-req.json",
            "v2.53/service-disable-log-put-resp.json",
            UpdateOpts::disable("maintenance"),
        ),
        (
            "v2.53/service-disable-put-req.json",
            "v2.53/service-disable-put-resp.json",
            UpdateOpts::disable(""),
        ),
        (
            "v2.53/service-enable-put-req.json",
            "v2.53/service-enable-put-resp.json",
            UpdateOpts::enable(),
        ),
        (
            "v2.53/service-force-down-put-req.json",
            "v2.53/service-force-down-put-resp.json",
            UpdateOpts::forced_down(true),
        ),
    ] {
        let mock = Mock::given(method("PUT"))
            .and(path(format!("/compute/v2.1/os-services/{id}")))
            .and(body_json(sample_json(&format!("{S}/{req}"))))
            .respond_with(reply(resp))
            .expect(1)
            .mount_as_scoped(&server)
            .await;
        let s = compute_services::update(&compute, id, &opts)
            .await
            .extract()
            .unwrap();
        assert_eq!(s.id.as_deref(), Some(id));
        assert_eq!(s.binary, "nova-compute");
        drop(mock);
    }

    Mock::given(method("DELETE"))
        .and(path(format!("/compute/v2.1/os-services/{id}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    compute_services::delete(&compute, id).await.ok().unwrap();
    server.verify().await;

    let err = compute_services::update(&compute, id, &UpdateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let bad = UpdateOpts {
        disabled_reason: Some("why".into()),
        ..Default::default()
    };
    let err = compute_services::update(&compute, id, &bad)
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("disabled_reason"), "{err}");
    let err = compute_services::update(
        &compute.with_microversion("2.52"),
        id,
        &UpdateOpts::enable(),
    )
    .await
    .ok()
    .unwrap_err();
    assert!(err.to_string().contains("2.53"), "{err}");
}
