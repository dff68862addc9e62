//! Load balancers: create (alone and as a tree), read, update, delete, stats, status,
//! failover, listings, waiters and errors.

use ferrocloud::ErrorKind;
use ferrocloud::openstack::loadbalancer::v2::common::{
    ListControls, OperatingStatus, Protocol, ProvisioningStatus, SortDir, is_immutable_conflict,
};
use ferrocloud::openstack::loadbalancer::v2::healthmonitors::{self, MonitorType};
use ferrocloud::openstack::loadbalancer::v2::l7policies::{self, Action};
use ferrocloud::openstack::loadbalancer::v2::loadbalancers::{
    self, AdditionalVip, CreateOpts, DeleteOpts, ListOpts, UpdateOpts,
};
use ferrocloud::openstack::loadbalancer::v2::pools::LbAlgorithm;
use ferrocloud::openstack::loadbalancer::v2::{listeners, members, pools};
use serde_json::json;
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{expect, lb, quick, reply_json, sample};

const LB: &str = "8a562351-f0fb-424c-a0af-513461424ea5";

#[tokio::test]
async fn create_get_update_delete() {
    let server = MockServer::start().await;
    let client = lb(&server).await;
    expect(
        &server,
        "POST",
        "lbaas/loadbalancers",
        Some(sample("loadbalancer-create-request.json")),
        201,
        Some("loadbalancer-create-response.json"),
    )
    .await;
    let opts = CreateOpts {
        description: Some("My favorite load balancer".into()),
        admin_state_up: Some(true),
        project_id: Some("e3cd678b11784734bc366148aa37580e".into()),
        vip_address: Some("203.0.113.50".into()),
        additional_vips: vec![
            AdditionalVip {
                ip_address: Some("2001:db8::b33f".into()),
                ..AdditionalVip::on_subnet("3ca40b2e-c286-4e53-bdb9-dd01c8a0ad6d")
            },
            AdditionalVip::on_subnet("44d92b92-510f-4c05-8058-bf5a17b4d41c"),
        ],
        provider: Some("octavia".into()),
        vip_qos_policy_id: Some("ec4f78ca-8da8-4e99-8a1a-e3b94595a7a3".into()),
        availability_zone: Some("my_az".into()),
        ..CreateOpts::on_subnet("d4af86e1-0051-488c-b7a0-527f97490c9a")
            .name("best_load_balancer")
            .tag("test_tag")
    };
    let created = loadbalancers::create(&client, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(created.id, "607226db-27ef-4d41-ae89-f2a800e9c2db");
    assert_eq!(
        created.provisioning_status,
        ProvisioningStatus::PendingCreate
    );
    assert_eq!(created.operating_status, OperatingStatus::Offline);
    assert_eq!(created.additional_vips.len(), 2);
    assert_eq!(created.flavor_id, None);

    expect(
        &server,
        "GET",
        &format!("lbaas/loadbalancers/{LB}"),
        None,
        200,
        Some("loadbalancer-show-response.json"),
    )
    .await;
    let got = loadbalancers::get(&client, LB).await.extract().unwrap();
    assert_eq!(got.name, "best_load_balancer");
    assert_eq!(
        got.vip_port_id.as_deref(),
        Some("b4ca07d1-a31e-43e2-891a-7d14f419f342")
    );
    assert_eq!(got.availability_zone.as_deref(), Some("my_az"));
    assert_eq!(got.vip_vnic_type.as_deref(), Some("normal"));
    assert!(got.updated_at.is_some());

    expect(
        &server,
        "PUT",
        &format!("lbaas/loadbalancers/{LB}"),
        Some(sample("loadbalancer-update-request.json")),
        200,
        Some("loadbalancer-update-response.json"),
    )
    .await;
    let opts = UpdateOpts {
        name: Some("disabled_load_balancer".into()),
        description: Some("Temporarily disabled load balancer".into()),
        admin_state_up: Some(false),
        vip_qos_policy_id: Some("ec4f78ca-8da8-4e99-8a1a-e3b94595a7a3".into()),
        tags: Some(vec!["updated_tag".into()]),
        ..Default::default()
    };
    let updated = loadbalancers::update(&client, LB, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        updated.provisioning_status,
        ProvisioningStatus::PendingUpdate
    );
    assert!(!updated.admin_state_up);

    Mock::given(method("DELETE"))
        .and(path(format!("/load-balancer/v2/lbaas/loadbalancers/{LB}")))
        .and(query_param("cascade", "true"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    loadbalancers::delete_with(&client, LB, &DeleteOpts { cascade: true })
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn a_whole_tree_in_one_call() {
    let server = MockServer::start().await;
    let client = lb(&server).await;
    // The sample with its monitors' delay written as the integer the API takes.
    let mut request = sample("loadbalancer-full-create-request.json");
    request["loadbalancer"]["listeners"][0]["default_pool"]["healthmonitor"]["delay"] = json!(3);
    request["loadbalancer"]["pools"][0]["healthmonitor"]["delay"] = json!(3);
    expect(
        &server,
        "POST",
        "lbaas/loadbalancers",
        Some(request),
        201,
        Some("loadbalancer-full-create-response.json"),
    )
    .await;

    let monitor = |t: MonitorType| healthmonitors::CreateOpts {
        pool_id: None,
        monitor_type: Some(t),
        delay: 3,
        timeout: 1,
        max_retries: 2,
        ..Default::default()
    };
    let rr_pool = pools::CreateOpts {
        name: Some("rr_pool".into()),
        healthmonitor: Some(healthmonitors::CreateOpts {
            expected_codes: Some("200,201,202".into()),
            http_method: Some("GET".into()),
            url_path: Some("/index.html".into()),
            ..monitor(MonitorType::Http)
        }),
        members: vec![
            members::CreateOpts::new("192.0.2.16", 80),
            members::CreateOpts::new("192.0.2.19", 80),
        ],
        ..pools::CreateOpts::new(Protocol::Http, LbAlgorithm::RoundRobin)
    };
    let https_pool = pools::CreateOpts {
        name: Some("https_pool".into()),
        healthmonitor: Some(monitor(MonitorType::Https)),
        members: vec![
            members::CreateOpts::new("192.0.2.51", 80),
            members::CreateOpts::new("192.0.2.52", 80),
        ],
        ..pools::CreateOpts::new(Protocol::Https, LbAlgorithm::RoundRobin)
    };
    let opts = CreateOpts {
        description: Some("My favorite load balancer".into()),
        admin_state_up: Some(true),
        project_id: Some("e3cd678b11784734bc366148aa37580e".into()),
        flavor_id: Some(String::new()),
        vip_address: Some("203.0.113.50".into()),
        provider: Some("octavia".into()),
        vip_qos_policy_id: Some("ec4f78ca-8da8-4e99-8a1a-e3b94595a7a3".into()),
        availability_zone: Some("my_az".into()),
        listeners: vec![
            listeners::CreateOpts {
                name: Some("http_listener".into()),
                default_pool: Some(Box::new(rr_pool)),
                ..listeners::CreateOpts::in_tree(Protocol::Http, 80)
            },
            listeners::CreateOpts {
                name: Some("https_listener".into()),
                default_pool: Some(Box::new(pools::CreateOpts {
                    name: Some("https_pool".into()),
                    ..Default::default()
                })),
                tags: vec!["test_tag".into()],
                ..listeners::CreateOpts::in_tree(Protocol::Https, 443)
            },
            listeners::CreateOpts {
                name: Some("redirect_listener".into()),
                l7policies: vec![l7policies::CreateOpts {
                    listener_id: None,
                    name: Some("redirect_policy".into()),
                    redirect_url: Some("https://www.example.com/".into()),
                    admin_state_up: Some(true),
                    ..l7policies::CreateOpts::new("unused", Action::RedirectToUrl)
                }],
                ..listeners::CreateOpts::in_tree(Protocol::Http, 8080)
            },
        ],
        pools: vec![https_pool],
        ..CreateOpts::on_subnet("d4af86e1-0051-488c-b7a0-527f97490c9a")
            .name("best_load_balancer")
            .tag("test_tag")
    };
    let raw = loadbalancers::create(&client, &opts).await;
    let created = raw.extract().unwrap();
    assert_eq!(created.listeners.len(), 3);
    assert_eq!(created.pools[1].id, "b0577aff-c1f9-40c6-9a3b-7b1d2a669136");
    let tree: serde_json::Value = raw.extract_into().unwrap();
    assert_eq!(tree["pools"][0]["members"][1]["address"], "192.0.2.19");
    server.verify().await;
}

#[tokio::test]
async fn stats_status_and_failover() {
    let server = MockServer::start().await;
    let client = lb(&server).await;
    expect(
        &server,
        "GET",
        &format!("lbaas/loadbalancers/{LB}/stats"),
        None,
        200,
        Some("loadbalancer-stats-response.json"),
    )
    .await;
    let s = loadbalancers::stats(&client, LB).await.extract().unwrap();
    assert_eq!(
        (s.bytes_in, s.active_connections, s.request_errors),
        (131342840, 97258, 0)
    );

    expect(
        &server,
        "GET",
        &format!("lbaas/loadbalancers/{LB}/status"),
        None,
        200,
        Some("loadbalancer-status-response.json"),
    )
    .await;
    let tree = loadbalancers::status(&client, LB)
        .await
        .extract()
        .unwrap()
        .loadbalancer;
    assert_eq!(tree.operating_status, OperatingStatus::Degraded);
    let http = &tree.listeners[0];
    assert_eq!(
        http.pools[0].members[0].operating_status,
        OperatingStatus::Error
    );
    assert_eq!(
        http.pools[0].healthmonitor.as_ref().unwrap().monitor_type,
        MonitorType::Http
    );
    assert_eq!(
        tree.listeners[1].l7policies[0].action,
        Action::RedirectToUrl
    );
    assert_eq!(tree.listeners[1].l7policies[0].rules.len(), 1);
    // `"healthmonitor": {}` is a pool without a monitor.
    assert!(tree.pools[1].healthmonitor.is_none());
    // Octavia itself writes the monitor `health_monitor` (seen on Octavia 18).
    let real: loadbalancers::PoolStatus = serde_json::from_value(json!({
        "id": "p", "name": "web", "provisioning_status": "ACTIVE", "operating_status": "OFFLINE",
        "health_monitor": {"id": "h", "name": "", "type": "TCP",
            "provisioning_status": "ACTIVE", "operating_status": "ONLINE"},
        "members": []}))
    .unwrap();
    assert_eq!(real.healthmonitor.unwrap().monitor_type, MonitorType::Tcp);

    expect(
        &server,
        "PUT",
        &format!("lbaas/loadbalancers/{LB}/failover"),
        None,
        202,
        None,
    )
    .await;
    loadbalancers::failover(&client, LB).await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn listings_keep_their_filters_from_page_to_page() {
    let server = MockServer::start().await;
    let client = lb(&server).await;
    let mut first = sample("loadbalancers-list-response.json");
    // Octavia writes only limit, sort and marker in its links.
    first["loadbalancers_links"] = json!([{"rel": "next",
        "href": format!("{}/load-balancer/v2/lbaas/loadbalancers?limit=1&sort=name:asc&marker=x1", server.uri())}]);
    Mock::given(method("GET"))
        .and(path("/load-balancer/v2/lbaas/loadbalancers"))
        .and(query_param_is_missing("marker"))
        .and(query_param("provisioning_status", "ACTIVE"))
        .and(query_param("tags-any", "a,b"))
        .and(query_param("sort", "name:asc"))
        .and(query_param("limit", "1"))
        .respond_with(reply_json(200, &first))
        .expect(1)
        .mount(&server)
        .await;
    let mut second = sample("loadbalancers-list-response.json");
    second["loadbalancers"][0]["id"] = json!("second");
    Mock::given(method("GET"))
        .and(path("/load-balancer/v2/lbaas/loadbalancers"))
        .and(query_param("marker", "x1"))
        .and(query_param("provisioning_status", "ACTIVE"))
        .and(query_param("tags-any", "a,b"))
        .respond_with(reply_json(200, &second))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        provisioning_status: Some(ProvisioningStatus::Active),
        controls: ListControls::default()
            .limit(1)
            .sort("name", SortDir::Asc)
            .tags_any(["a", "b"]),
        ..Default::default()
    };
    let all = loadbalancers::extract_loadbalancers(
        &loadbalancers::list(&client, &opts)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].id, "second");
    assert_eq!(all[0].listeners.len(), 1);
    server.verify().await;
}

#[tokio::test]
async fn waiters_end_on_active_error_and_gone() {
    let server = MockServer::start().await;
    let client = lb(&server).await;
    let mut active = sample("loadbalancer-show-response.json");
    active["loadbalancer"]["provisioning_status"] = json!("ACTIVE");
    Mock::given(method("GET"))
        .and(path(format!("/load-balancer/v2/lbaas/loadbalancers/{LB}")))
        .respond_with(reply_json(200, &sample("loadbalancer-show-response.json")))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/load-balancer/v2/lbaas/loadbalancers/{LB}")))
        .respond_with(reply_json(200, &active))
        .mount(&server)
        .await;
    let ready = loadbalancers::wait_for_status(&client, LB, &quick())
        .await
        .unwrap();
    assert_eq!(ready.provisioning_status, ProvisioningStatus::Active);

    let server = MockServer::start().await;
    let client = lb(&server).await;
    let mut failed = sample("loadbalancer-show-response.json");
    failed["loadbalancer"]["provisioning_status"] = json!("ERROR");
    Mock::given(method("GET"))
        .and(path(format!("/load-balancer/v2/lbaas/loadbalancers/{LB}")))
        .respond_with(reply_json(200, &failed))
        .mount(&server)
        .await;
    let err = loadbalancers::wait_for_status(&client, LB, &quick())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("is ERROR"), "{err}");
    assert!(err.to_string().contains("ONLINE"), "{err}");

    let server = MockServer::start().await;
    let client = lb(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("/load-balancer/v2/lbaas/loadbalancers/{LB}")))
        .respond_with(reply_json(
            404,
            &json!({"faultcode": "Client",
            "faultstring": format!("Load Balancer {LB} not found."), "debuginfo": null}),
        ))
        .mount(&server)
        .await;
    loadbalancers::wait_for_delete(&client, LB, &quick())
        .await
        .unwrap();
}

#[tokio::test]
async fn a_busy_load_balancer_is_an_immutable_conflict() {
    let server = MockServer::start().await;
    let client = lb(&server).await;
    Mock::given(method("PUT"))
        .and(path(format!("/load-balancer/v2/lbaas/loadbalancers/{LB}")))
        .respond_with(reply_json(
            409,
            &json!({"faultcode": "Client",
            "faultstring": format!("Load Balancer {LB} is immutable and cannot be updated."),
            "debuginfo": null}),
        ))
        .mount(&server)
        .await;
    let opts = UpdateOpts {
        name: Some("x".into()),
        ..Default::default()
    };
    let err = loadbalancers::update(&client, LB, &opts)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert!(is_immutable_conflict(&err));
    assert_eq!(
        err.service_message(),
        format!("Load Balancer {LB} is immutable and cannot be updated.")
    );
    // A create without a VIP place is refused before sending.
    let err = loadbalancers::create(&client, &CreateOpts::default())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn find_by_name() {
    let server = MockServer::start().await;
    let client = lb(&server).await;
    Mock::given(method("GET"))
        .and(path(
            "/load-balancer/v2/lbaas/loadbalancers/best_load_balancer",
        ))
        .respond_with(reply_json(
            404,
            &json!({"faultcode": "Client", "faultstring": "not found", "debuginfo": null}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/load-balancer/v2/lbaas/loadbalancers"))
        .and(query_param("name", "best_load_balancer"))
        .respond_with(reply_json(200, &sample("loadbalancers-list-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let found = loadbalancers::find(&client, "best_load_balancer")
        .await
        .unwrap();
    assert_eq!(found.id, "607226db-27ef-4d41-ae89-f2a800e9c2db");
}
