//! Quota class sets: show and update, at each microversion.

use crate::common::*;
use ferrocloud::openstack::compute::v2::quota_class_sets::{self, QuotaClassSet, UpdateOpts};
use ferrocloud::{EndpointOpts, ErrorKind, openstack};
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/os-quota-class-sets";

#[tokio::test]
async fn samples_parse_and_round_trip() {
    for dir in ["", "v2.50/", "v2.57/"] {
        for rel in [
            "quota-classes-show-get-resp.json",
            "quota-classes-update-post-resp.json",
        ] {
            let body = sample(&format!("{S}/{dir}{rel}"));
            let q: QuotaClassSet =
                ferrocloud::request::decode(body.as_bytes(), Some("quota_class_set")).unwrap();
            assert!(q.instances > 0, "{dir}{rel}");
            assert_eq!(q.server_groups.is_some(), !dir.is_empty(), "{dir}{rel}");
            assert_eq!(q.fixed_ips.is_some(), dir.is_empty(), "{dir}{rel}");
        }
        let v = sample_json(&format!("{S}/{dir}quota-classes-update-post-req.json"));
        let o: UpdateOpts = serde_json::from_value(v["quota_class_set"].clone()).unwrap();
        assert_eq!(
            serde_json::to_value(&o).unwrap(),
            v["quota_class_set"],
            "{dir}"
        );
    }
}

#[tokio::test]
async fn show_and_update() {
    let server = MockServer::start().await;
    let p = provider(&server).await;
    let compute = openstack::new_compute_v2(&p, EndpointOpts::default())
        .unwrap()
        .with_microversion("2.57");
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-quota-class-sets/default"))
        .respond_with(ResponseTemplate::new(200).set_body_string(sample(&format!(
            "{S}/v2.57/quota-classes-show-get-resp.json"
        ))))
        .expect(1)
        .mount(&server)
        .await;
    let q = quota_class_sets::get(&compute, "default")
        .await
        .extract()
        .unwrap();
    assert_eq!(q.id.as_deref(), Some("default"));
    assert_eq!(q.server_group_members, Some(10));
    assert_eq!(q.injected_files, None);

    Mock::given(method("PUT"))
        .and(path("/compute/v2.1/os-quota-class-sets/test_class"))
        .and(body_json(sample_json(&format!(
            "{S}/v2.57/quota-classes-update-post-req.json"
        ))))
        .respond_with(ResponseTemplate::new(200).set_body_string(sample(&format!(
            "{S}/v2.57/quota-classes-update-post-resp.json"
        ))))
        .expect(1)
        .mount(&server)
        .await;
    let opts = UpdateOpts {
        instances: Some(50),
        cores: Some(50),
        ram: Some(51200),
        metadata_items: Some(128),
        key_pairs: Some(100),
        server_groups: Some(10),
        server_group_members: Some(10),
        ..Default::default()
    };
    let q = quota_class_sets::update(&compute, "test_class", &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(q.instances, 50);
    server.verify().await;

    let opts = UpdateOpts {
        security_groups: Some(1),
        ..Default::default()
    };
    let err = quota_class_sets::update(&compute.with_microversion("2.50"), "default", &opts)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("security_groups"), "{err}");
}
