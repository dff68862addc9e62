//! Quota sets: show, detail, defaults, update (with force and per user), revert.

use crate::common::*;
use ferrocloud::openstack::compute::v2::quota_sets::{
    self, QuotaSet, QuotaSetDetail, UpdateOpts, UserOpts,
};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{body_json, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/os-quota-sets";

async fn compute(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap()
}

fn reply(rel: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/{rel}")))
}

#[tokio::test]
async fn every_sample_parses_and_every_request_round_trips() {
    for dir in ["", "v2.36/", "v2.57/"] {
        for rel in [
            "quotas-show-get-resp.json",
            "quotas-show-defaults-get-resp.json",
            "user-quotas-show-get-resp.json",
            "quotas-update-post-resp.json",
            "quotas-update-force-post-resp.json",
            "user-quotas-update-post-resp.json",
        ] {
            let body = sample(&format!("{S}/{dir}{rel}"));
            let q: QuotaSet =
                ferrocloud::request::decode(body.as_bytes(), Some("quota_set")).unwrap();
            assert!(q.instances > 0, "{dir}{rel}");
            assert_eq!(q.fixed_ips.is_some(), dir.is_empty(), "{dir}{rel}");
            assert_eq!(q.injected_files.is_some(), dir != "v2.57/", "{dir}{rel}");
        }
        let body = sample(&format!("{S}/{dir}quotas-show-detail-get-resp.json"));
        let d: QuotaSetDetail =
            ferrocloud::request::decode(body.as_bytes(), Some("quota_set")).unwrap();
        assert_eq!(d.cores.limit, 20);
        for rel in [
            "quotas-update-post-req.json",
            "quotas-update-force-post-req.json",
            "user-quotas-update-post-req.json",
        ] {
            let v = sample_json(&format!("{S}/{dir}{rel}"));
            let o: UpdateOpts = serde_json::from_value(v["quota_set"].clone()).unwrap();
            assert_eq!(
                serde_json::to_value(&o).unwrap(),
                v["quota_set"],
                "{dir}{rel}"
            );
        }
    }
}

#[tokio::test]
async fn show_detail_defaults() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-quota-sets/fake_tenant"))
        .and(query_param_is_missing("user_id"))
        .respond_with(reply("quotas-show-get-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let q = quota_sets::get(&compute, "fake_tenant")
        .await
        .extract()
        .unwrap();
    assert_eq!(q.id.as_deref(), Some("fake_tenant"));
    assert_eq!((q.cores, q.ram, q.security_groups), (20, 51200, Some(-1)));

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-quota-sets/fake_tenant"))
        .and(query_param("user_id", "fake_user"))
        .respond_with(reply("user-quotas-show-get-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    quota_sets::get_with(&compute, "fake_tenant", &UserOpts::user("fake_user"))
        .await
        .extract()
        .unwrap();

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-quota-sets/fake_tenant/detail"))
        .and(query_param_is_missing("user_id"))
        .respond_with(reply("quotas-show-detail-get-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let d = quota_sets::get_detail(&compute, "fake_tenant")
        .await
        .extract()
        .unwrap();
    assert_eq!(d.ram.limit, 51200);
    assert_eq!(d.fixed_ips.unwrap().limit, -1);

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-quota-sets/fake_tenant/detail"))
        .and(query_param("user_id", "u"))
        .respond_with(reply("quotas-show-detail-get-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    quota_sets::get_detail_with(&compute, "fake_tenant", &UserOpts::user("u"))
        .await
        .extract()
        .unwrap();

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-quota-sets/fake_tenant/defaults"))
        .respond_with(reply("quotas-show-defaults-get-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let q = quota_sets::get_defaults(&compute, "fake_tenant")
        .await
        .extract()
        .unwrap();
    assert_eq!(q.instances, 10);
    server.verify().await;
}

#[tokio::test]
async fn update_force_per_user_and_revert() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    Mock::given(method("PUT"))
        .and(path("/compute/v2.1/os-quota-sets/fake_tenant"))
        .and(body_json(sample_json(&format!(
            "{S}/quotas-update-post-req.json"
        ))))
        .respond_with(reply("quotas-update-post-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = UpdateOpts {
        cores: Some(45),
        ..Default::default()
    };
    let q = quota_sets::update(&compute, "fake_tenant", &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(q.cores, 45);
    assert_eq!(q.id, None);

    Mock::given(method("PUT"))
        .and(path("/compute/v2.1/os-quota-sets/fake_tenant"))
        .and(query_param("user_id", "fake_user"))
        .and(body_json(sample_json(&format!(
            "{S}/user-quotas-update-post-req.json"
        ))))
        .respond_with(reply("user-quotas-update-post-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let v = sample_json(&format!("{S}/user-quotas-update-post-req.json"));
    let opts: UpdateOpts = serde_json::from_value(v["quota_set"].clone()).unwrap();
    assert!(opts.force.as_ref().unwrap().as_bool().unwrap());
    quota_sets::update_with(&compute, "fake_tenant", &opts, &UserOpts::user("fake_user"))
        .await
        .extract()
        .unwrap();

    Mock::given(method("PUT"))
        .and(path("/compute/v2.1/os-quota-sets/p"))
        .and(body_json(
            serde_json::json!({"quota_set": {"force": true, "instances": 45}}),
        ))
        .respond_with(reply("quotas-update-force-post-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = UpdateOpts {
        instances: Some(45),
        force: Some(true.into()),
        ..Default::default()
    };
    quota_sets::update(&compute, "p", &opts)
        .await
        .extract()
        .unwrap();

    Mock::given(method("DELETE"))
        .and(path("/compute/v2.1/os-quota-sets/fake_tenant"))
        .and(query_param_is_missing("user_id"))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    quota_sets::delete(&compute, "fake_tenant")
        .await
        .ok()
        .unwrap();
    Mock::given(method("DELETE"))
        .and(path("/compute/v2.1/os-quota-sets/fake_tenant"))
        .and(query_param("user_id", "fake_user"))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    quota_sets::delete_with(&compute, "fake_tenant", &UserOpts::user("fake_user"))
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn bad_or_removed_quotas_are_refused() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    let opts = UpdateOpts {
        cores: Some(-2),
        ..Default::default()
    };
    let err = quota_sets::update(&compute, "p", &opts)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("cores"), "{err}");
    let opts = UpdateOpts {
        force: Some(quota_sets::Flag::Text("maybe".into())),
        ..Default::default()
    };
    let err = quota_sets::update(&compute, "p", &opts)
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("force"), "{err}");
    let opts = UpdateOpts {
        floating_ips: Some(10),
        ..Default::default()
    };
    let err = quota_sets::update(&compute.with_microversion("2.36"), "p", &opts)
        .await
        .ok()
        .unwrap_err();
    assert!(
        err.to_string().contains("floating_ips") && err.to_string().contains("2.35"),
        "{err}"
    );
    let opts = UpdateOpts {
        injected_files: Some(1),
        ..Default::default()
    };
    let err = quota_sets::update(&compute.with_microversion("2.57"), "p", &opts)
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("injected_files"), "{err}");
    assert_eq!(
        count(&server, "PUT", "/compute/v2.1/os-quota-sets/p").await,
        0
    );
}
