//! Pools, members (and their batch update), health monitors, L7 policies and rules.

use ferrocloud::openstack::loadbalancer::v2::common::{OperatingStatus, Protocol};
use ferrocloud::openstack::loadbalancer::v2::healthmonitors::{self, MonitorType};
use ferrocloud::openstack::loadbalancer::v2::l7policies::{self, Action};
use ferrocloud::openstack::loadbalancer::v2::l7rules::{self, CompareType, RuleType};
use ferrocloud::openstack::loadbalancer::v2::members::{self, BatchQuery, BatchUpdateOpts};
use ferrocloud::openstack::loadbalancer::v2::pools::{
    self, LbAlgorithm, PersistenceType, SessionPersistence,
};
use serde_json::json;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{expect, lb, quick, reply_json, sample};

const POOL: &str = "4029d267-3983-4224-a3d0-afb3fe16a2cd";
const BARBICAN: &str = "http://198.51.100.10:9311/v1/containers";

#[tokio::test]
async fn pools_round_trip() {
    let server = MockServer::start().await;
    let client = lb(&server).await;
    expect(
        &server,
        "POST",
        "lbaas/pools",
        Some(sample("pool-create-request.json")),
        201,
        Some("pool-create-response.json"),
    )
    .await;
    let opts = pools::CreateOpts {
        listener_id: Some("023f2e34-7806-443b-bfae-16c324569a3d".into()),
        description: Some("Super Round Robin Pool".into()),
        admin_state_up: Some(true),
        name: Some("super-pool".into()),
        session_persistence: Some(SessionPersistence::app_cookie("ChocolateChip")),
        tags: vec!["test_tag".into()],
        tls_container_ref: Some(format!("{BARBICAN}/4073846f-1d5e-42e1-a4cf-a7046419d0e6")),
        ca_tls_container_ref: Some(format!("{BARBICAN}/5f0d5540-fae6-4646-85d6-8a84883807fb")),
        crl_container_ref: Some(format!("{BARBICAN}/6faf0a01-6892-454c-aaac-650282820c0b")),
        tls_enabled: Some(true),
        tls_ciphers: Some("ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256".into()),
        tls_versions: vec!["TLSv1.2".into(), "TLSv1.3".into()],
        alpn_protocols: vec!["http/1.1".into(), "http/1.0".into()],
        ..pools::CreateOpts::new(Protocol::Http, LbAlgorithm::RoundRobin)
    };
    let pool = pools::create(&client, &opts).await.extract().unwrap();
    assert_eq!(pool.lb_algorithm, LbAlgorithm::RoundRobin);
    assert_eq!(
        pool.session_persistence.unwrap().persistence_type,
        PersistenceType::AppCookie
    );

    expect(
        &server,
        "GET",
        &format!("lbaas/pools/{POOL}"),
        None,
        200,
        Some("pool-show-response.json"),
    )
    .await;
    let got = pools::get(&client, POOL).await.extract().unwrap();
    assert_eq!(got.healthmonitor_id, None);
    assert_eq!(got.tls_enabled, Some(false));

    expect(
        &server,
        "PUT",
        &format!("lbaas/pools/{POOL}"),
        Some(sample("pool-update-request.json")),
        200,
        Some("pool-update-response.json"),
    )
    .await;
    let update: pools::UpdateOpts =
        serde_json::from_value(sample("pool-update-request.json")["pool"].clone()).unwrap();
    pools::update(&client, POOL, &update)
        .await
        .extract()
        .unwrap();

    expect(
        &server,
        "DELETE",
        &format!("lbaas/pools/{POOL}"),
        None,
        204,
        None,
    )
    .await;
    pools::delete(&client, POOL).await.ok().unwrap();
    expect(
        &server,
        "GET",
        "lbaas/pools",
        None,
        200,
        Some("pools-list-response.json"),
    )
    .await;
    let all = pools::extract_pools(
        &pools::list(&client, &Default::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all[0].id, "ddb2b28f-89e9-45d3-a329-a359c3e39e4a");
    server.verify().await;
}

#[tokio::test]
async fn members_one_by_one_and_as_a_batch() {
    let server = MockServer::start().await;
    let client = lb(&server).await;
    let m = "957a1ace-1bd2-449b-8455-820b6e4b63f3";
    let mut request = sample("member-create-request.json");
    request["member"]["weight"] = json!(20);
    request["member"]["protocol_port"] = json!(80);
    expect(
        &server,
        "POST",
        &format!("lbaas/pools/{POOL}/members"),
        Some(request),
        201,
        Some("member-create-response.json"),
    )
    .await;
    let opts = members::CreateOpts {
        name: Some("web-server-1".into()),
        weight: Some(20),
        admin_state_up: Some(true),
        subnet_id: Some("bbb35f84-35cc-4b2f-84c2-a6a29bba68aa".into()),
        monitor_port: Some(8080),
        backup: Some(false),
        tags: vec!["test_tag".into()],
        ..members::CreateOpts::new("192.0.2.16", 80)
    };
    members::create(&client, POOL, &opts)
        .await
        .extract()
        .unwrap();

    expect(
        &server,
        "GET",
        &format!("lbaas/pools/{POOL}/members/{m}"),
        None,
        200,
        Some("member-show-response.json"),
    )
    .await;
    let got = members::get(&client, POOL, m).await.extract().unwrap();
    assert_eq!(got.operating_status, OperatingStatus::NoMonitor);
    assert_eq!((got.monitor_port, got.monitor_address), (Some(8080), None));

    let mut request = sample("member-update-request.json");
    request["member"]["weight"] = json!(0);
    request["member"]["admin_state_up"] = json!(true);
    expect(
        &server,
        "PUT",
        &format!("lbaas/pools/{POOL}/members/{m}"),
        Some(request),
        200,
        Some("member-update-response.json"),
    )
    .await;
    let update = members::UpdateOpts {
        name: Some("web-server-1-2".into()),
        weight: Some(0),
        admin_state_up: Some(true),
        monitor_address: Some("192.0.2.40".into()),
        monitor_port: Some(8888),
        backup: Some(false),
        tags: Some(vec!["updated_tag".into()]),
    };
    members::update(&client, POOL, m, &update)
        .await
        .extract()
        .unwrap();

    Mock::given(method("PUT"))
        .and(path(format!(
            "/load-balancer/v2/lbaas/pools/{POOL}/members"
        )))
        .and(query_param("additive_only", "true"))
        .and(wiremock::matchers::body_json(sample(
            "member-batch-update-request.json",
        )))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    let batch: BatchUpdateOpts =
        serde_json::from_value(sample("member-batch-update-request.json")).unwrap();
    members::batch_update(
        &client,
        POOL,
        &batch,
        &BatchQuery {
            additive_only: true,
        },
    )
    .await
    .ok()
    .unwrap();

    expect(
        &server,
        "DELETE",
        &format!("lbaas/pools/{POOL}/members/{m}"),
        None,
        204,
        None,
    )
    .await;
    members::delete(&client, POOL, m).await.ok().unwrap();
    expect(
        &server,
        "GET",
        &format!("lbaas/pools/{POOL}/members"),
        None,
        200,
        Some("members-list-response.json"),
    )
    .await;
    let all = members::extract_members(
        &members::list(&client, POOL, &Default::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all[0].id, m);
    server.verify().await;
}

#[tokio::test]
async fn health_monitors() {
    let server = MockServer::start().await;
    let client = lb(&server).await;
    let hm = "8ed3c5ac-6efa-420c-bedb-99ba14e58db5";
    let mut request = sample("healthmonitor-create-request.json");
    for k in ["delay", "max_retries", "timeout"] {
        let n: u64 = request["healthmonitor"][k]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        request["healthmonitor"][k] = json!(n);
    }
    expect(
        &server,
        "POST",
        "lbaas/healthmonitors",
        Some(request),
        201,
        Some("healthmonitor-create-response.json"),
    )
    .await;
    let opts = healthmonitors::CreateOpts {
        name: Some("super-pool-health-monitor".into()),
        admin_state_up: Some(true),
        expected_codes: Some("200".into()),
        http_method: Some("GET".into()),
        url_path: Some("/".into()),
        max_retries_down: Some(3),
        tags: vec!["test_tag".into()],
        http_version: Some(1.1),
        domain_name: Some("testlab.com".into()),
        ..healthmonitors::CreateOpts::new(POOL, MonitorType::Http, 10, 5, 1)
    };
    healthmonitors::create(&client, &opts)
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "GET",
        &format!("lbaas/healthmonitors/{hm}"),
        None,
        200,
        Some("healthmonitor-show-response.json"),
    )
    .await;
    let got = healthmonitors::get(&client, hm).await.extract().unwrap();
    assert_eq!(
        (got.monitor_type, got.http_version, got.pools[0].id.as_str()),
        (MonitorType::Http, Some(1.0), POOL)
    );
    expect(
        &server,
        "PUT",
        &format!("lbaas/healthmonitors/{hm}"),
        Some(sample("healthmonitor-update-request.json")),
        200,
        Some("healthmonitor-update-response.json"),
    )
    .await;
    let update: healthmonitors::UpdateOpts = serde_json::from_value(
        sample("healthmonitor-update-request.json")["healthmonitor"].clone(),
    )
    .unwrap();
    healthmonitors::update(&client, hm, &update)
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "DELETE",
        &format!("lbaas/healthmonitors/{hm}"),
        None,
        204,
        None,
    )
    .await;
    healthmonitors::delete(&client, hm).await.ok().unwrap();
    expect(
        &server,
        "GET",
        "lbaas/healthmonitors",
        None,
        200,
        Some("healthmonitors-list-response.json"),
    )
    .await;
    assert_eq!(
        healthmonitors::extract_healthmonitors(
            &healthmonitors::list(&client, &Default::default())
                .all_pages()
                .await
                .unwrap()
        )
        .unwrap()
        .len(),
        1
    );
    server.verify().await;
}

#[tokio::test]
async fn l7_policies_and_rules() {
    let server = MockServer::start().await;
    let client = lb(&server).await;
    let p = "8a1412f0-4c32-4257-8b07-af4770b604fd";
    let r = "16621dbb-a736-4888-a57a-3ecd53df784c";
    Mock::given(method("POST"))
        .and(path("/load-balancer/v2/lbaas/l7policies"))
        .and(wiremock::matchers::body_json(sample(
            "l7policy-create-request.json",
        )))
        .respond_with(reply_json(
            201,
            &json!({"l7policy": sample("l7policy-create-response.json")["l7policy"][0]}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let opts = l7policies::CreateOpts {
        description: Some("Redirect requests to example.com".into()),
        admin_state_up: Some(true),
        redirect_url: Some("http://www.example.com".into()),
        redirect_http_code: Some(301),
        name: Some("redirect-example.com".into()),
        position: Some(1),
        tags: vec!["test_tag".into()],
        ..l7policies::CreateOpts::new(
            "023f2e34-7806-443b-bfae-16c324569a3d",
            Action::RedirectToUrl,
        )
    };
    let policy = l7policies::create(&client, &opts).await.extract().unwrap();
    assert_eq!(policy.redirect_http_code, Some(301));
    expect(
        &server,
        "GET",
        &format!("lbaas/l7policies/{p}"),
        None,
        200,
        Some("l7policy-show-response.json"),
    )
    .await;
    assert_eq!(
        l7policies::get(&client, p)
            .await
            .extract()
            .unwrap()
            .rules
            .len(),
        1
    );
    expect(
        &server,
        "PUT",
        &format!("lbaas/l7policies/{p}"),
        Some(sample("l7policy-update-request.json")),
        200,
        Some("l7policy-update-response.json"),
    )
    .await;
    let update: l7policies::UpdateOpts =
        serde_json::from_value(sample("l7policy-update-request.json")["l7policy"].clone()).unwrap();
    l7policies::update(&client, p, &update)
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "DELETE",
        &format!("lbaas/l7policies/{p}"),
        None,
        204,
        None,
    )
    .await;
    l7policies::delete(&client, p).await.ok().unwrap();
    expect(
        &server,
        "GET",
        "lbaas/l7policies",
        None,
        200,
        Some("l7policies-list-response.json"),
    )
    .await;
    l7policies::list(&client, &Default::default())
        .all_pages()
        .await
        .unwrap();

    expect(
        &server,
        "POST",
        &format!("lbaas/l7policies/{p}/rules"),
        Some(sample("l7rule-create-request.json")),
        201,
        Some("l7rule-create-response.json"),
    )
    .await;
    let rule: l7rules::CreateOpts =
        serde_json::from_value(sample("l7rule-create-request.json")["rule"].clone()).unwrap();
    assert_eq!(
        (rule.rule_type.clone(), rule.compare_type.clone()),
        (Some(RuleType::Path), Some(CompareType::Regex))
    );
    l7rules::create(&client, p, &rule).await.extract().unwrap();
    expect(
        &server,
        "GET",
        &format!("lbaas/l7policies/{p}/rules/{r}"),
        None,
        200,
        Some("l7rule-show-response.json"),
    )
    .await;
    let got = l7rules::get(&client, p, r).await.extract().unwrap();
    assert_eq!((got.key, got.invert), (None, false));
    expect(
        &server,
        "PUT",
        &format!("lbaas/l7policies/{p}/rules/{r}"),
        Some(sample("l7rule-update-request.json")),
        200,
        Some("l7rule-update-response.json"),
    )
    .await;
    let update: l7rules::UpdateOpts =
        serde_json::from_value(sample("l7rule-update-request.json")["rule"].clone()).unwrap();
    l7rules::update(&client, p, r, &update)
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "DELETE",
        &format!("lbaas/l7policies/{p}/rules/{r}"),
        None,
        204,
        None,
    )
    .await;
    l7rules::delete(&client, p, r).await.ok().unwrap();
    expect(
        &server,
        "GET",
        &format!("lbaas/l7policies/{p}/rules"),
        None,
        200,
        Some("l7rules-list-response.json"),
    )
    .await;
    l7rules::list(&client, p, &Default::default())
        .all_pages()
        .await
        .unwrap();
    server.verify().await;
    // A member waiter reaching ACTIVE.
    let server = MockServer::start().await;
    let client = lb(&server).await;
    let mut active = sample("member-show-response.json");
    active["member"]["provisioning_status"] = json!("ACTIVE");
    Mock::given(method("GET"))
        .and(path(format!(
            "/load-balancer/v2/lbaas/pools/{POOL}/members/m1"
        )))
        .respond_with(reply_json(200, &active))
        .mount(&server)
        .await;
    members::wait_for_status(&client, POOL, "m1", &quick())
        .await
        .unwrap();
}
