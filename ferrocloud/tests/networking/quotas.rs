//! Quotas: the projects with their own limits, one project's limits, the defaults, the
//! usage, update (typed limits, -1 as unlimited, force), reset.

use crate::common::*;
use crate::{network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::quotas::{self, Limit, UpdateOpts};
use serde_json::json;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples";
const PROJECT: &str = "bab7d5c60cd041a0a36f7c4b6e1dd978";

#[tokio::test]
async fn list_projects_with_their_own_quotas() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/quotas"))
        .respond_with(reply(S, 200, "quotas/quotas-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let all = quotas::list(&client).all().await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].project_id, PROJECT);
    assert_eq!(all[0].quota.network, Limit::Max(15));
    assert_eq!(all[0].quota.subnetpool, Limit::Unlimited);
    assert_eq!(all[0].quota.router, Some(Limit::Max(10)));
    assert!(all[0].quota.other.is_empty());
}

#[tokio::test]
async fn show_and_defaults() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    for p in [
        format!("/network/v2.0/quotas/{PROJECT}"),
        format!("/network/v2.0/quotas/{PROJECT}/default"),
    ] {
        Mock::given(method("GET"))
            .and(path(p))
            .respond_with(reply(
                S,
                200,
                "quotas/quotas-list-for-project-response.json",
            ))
            .expect(1)
            .mount(&server)
            .await;
    }
    let q = quotas::get(&client, PROJECT).await.extract().unwrap();
    assert_eq!(q.port, Limit::Max(50));
    assert_eq!(q.rbac_policy, Limit::Unlimited);
    assert!(q.rbac_policy.is_unlimited());
    assert_eq!(q.floatingip, Some(Limit::Max(50)));
    assert_eq!(q.trunk, None);
    assert_eq!(q.get("security_group_rule"), Some(&Limit::Max(100)));
    assert_eq!(q.get("router"), Some(&Limit::Max(10)));
    assert_eq!(q.get("bgpvpn"), None);
    let d = quotas::get_defaults(&client, PROJECT)
        .await
        .extract()
        .unwrap();
    assert_eq!(d, q);
}

#[tokio::test]
async fn details_hold_usage_reservations_and_limits() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/quotas/{PROJECT}/details.json")))
        .respond_with(reply(
            S,
            200,
            "quota_details/quota-details-show-for-project-response.json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let d = quotas::get_details(&client, PROJECT)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (d.port.used, d.port.limit, d.port.reserved),
        (21, Limit::Max(500), 3)
    );
    assert_eq!(d.subnetpool.limit, Limit::Unlimited);
    assert!(d.subnetpool.limit.allows(1_000_000));
    assert!(!d.network.limit.allows(101));
    // This sample comes from a Neutron without the L3 plugin.
    assert_eq!(d.router, None);
    assert_eq!(d.floatingip, None);
}

#[tokio::test]
async fn update_with_typed_limits_and_reset() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    // The official request, with JSON booleans (the sample writes "True"/"False").
    let mut body = sample_json(&format!("{S}/quotas/quotas-update-request.json"));
    body["quota"]["check_limit"] = json!(true);
    body["quota"]["force"] = json!(false);
    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/quotas/{PROJECT}")))
        .and(body_json(body))
        .respond_with(reply(S, 200, "quotas/quotas-update-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/quotas/{PROJECT}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let opts = UpdateOpts::default()
        .floatingip(50u64)
        .network(10u64)
        .port(50u64)
        .rbac_policy(Limit::Unlimited)
        .router(10u64)
        .security_group(10u64)
        .security_group_rule(100u64)
        .subnet(10u64)
        .subnetpool(Limit::Unlimited)
        .check_limit(true)
        .force(false);
    let q = quotas::update(&client, PROJECT, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(q.network, Limit::Max(15));
    assert_eq!(q.subnetpool, Limit::Unlimited);
    quotas::delete(&client, PROJECT).await.ok().unwrap();

    // Refused before sending: nothing to change, a resource named twice.
    for bad in [
        UpdateOpts::default(),
        UpdateOpts::default().force(true),
        UpdateOpts::default().resource("network", 3u64),
        UpdateOpts::default()
            .network(1u64)
            .force(true)
            .check_limit(true),
    ] {
        let err = quotas::update(&client, PROJECT, &bad)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{bad:?}");
    }
}

#[tokio::test]
async fn other_resources_are_kept_by_name() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/quotas/{PROJECT}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"quota": {
            "network": 100, "subnet": 100, "subnetpool": -1, "port": 500,
            "security_group": 10, "security_group_rule": 100, "rbac_policy": 10,
            "trunk": -1, "firewall_group": 10, "widget": 7
        }})))
        .expect(1)
        .mount(&server)
        .await;
    let q = quotas::get(&client, PROJECT).await.extract().unwrap();
    assert_eq!(q.router, None);
    assert_eq!(q.trunk, Some(Limit::Unlimited));
    assert_eq!(q.firewall_group, Some(Limit::Max(10)));
    assert_eq!(q.get("widget"), Some(&Limit::Max(7)));
    assert_eq!(q.other.len(), 1);
}
