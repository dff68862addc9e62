//! Limits at each microversion, and the query options.

use crate::common::*;
use ferrocloud::openstack::compute::v2::limits::{self, GetOpts, Limits};
use ferrocloud::{EndpointOpts, ErrorKind, openstack};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/limits";

#[tokio::test]
async fn samples_parse() {
    for (rel, image_meta, floating) in [
        ("limit-get-resp.json", Some(128), Some(-1)),
        ("v2.36/limit-get-resp.json", Some(128), None),
        ("v2.39/limit-get-resp.json", None, None),
        ("v2.57/limit-get-resp.json", None, None),
    ] {
        let body = sample(&format!("{S}/{rel}"));
        let l: Limits = ferrocloud::request::decode(body.as_bytes(), Some("limits")).unwrap();
        assert_eq!(l.absolute.max_total_cores, 20, "{rel}");
        assert_eq!(l.absolute.max_total_ram_size, 51200, "{rel}");
        assert_eq!(l.absolute.max_image_meta, image_meta, "{rel}");
        assert_eq!(l.absolute.max_total_floating_ips, floating, "{rel}");
        assert!(l.rate.is_empty());
    }
}

#[tokio::test]
async fn get_for_a_project() {
    let server = MockServer::start().await;
    let p = provider(&server).await;
    let compute = openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap();
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/limits"))
        .and(query_param("tenant_id", "p1"))
        .and(query_param("reserved", "1"))
        .respond_with(
            ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/limit-get-resp.json"))),
        )
        .expect(1)
        .mount(&server)
        .await;
    let opts = GetOpts {
        tenant_id: Some("p1".into()),
        reserved: Some(true),
    };
    let l = limits::get(&compute, &opts).await.extract().unwrap();
    assert_eq!(l.absolute.max_personality, Some(5));
    assert_eq!(l.absolute.total_ram_used, 0);
    server.verify().await;

    let err = limits::get(&compute.with_microversion("2.75"), &opts)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("reserved"), "{err}");
}
