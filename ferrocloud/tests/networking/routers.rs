//! Routers: CRUD with the external gateway and extension attributes, interfaces by
//! subnet and by port, extra routes, several external gateways, compare-and-swap
//! updates, find, the status waiter, and the L3 agent scheduling calls (which need an L3
//! agent, so they are tested here only).

use std::time::Duration;

use crate::common::*;
use crate::{expect, network, reply, request};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::extensions::{
    availability_zones::AvailabilityZones, dvr::Distributed, l3_conntrack_helper::ConntrackHelpers,
    l3_flavors::FlavorId, l3_ha::Ha, l3_multihoming::ExternalGateways,
};
use ferrocloud::openstack::networking::v2::l3_agent_scheduler;
use ferrocloud::openstack::networking::v2::routers::{
    self, CreateOpts, FixedIpOpts, GatewayOpts, InterfaceOpts, ListOpts, Route, Router, UpdateOpts,
};
use ferrocloud::request::With;
use ferrocloud::wait::WaitOpts;
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/routers";
const A: &str = "network/api-ref/source/v2/samples/agents";
const ROUTER: &str = "f8a44de0-fc8e-45df-93c7-f79bf3b01c95";

#[tokio::test]
async fn create_with_a_gateway_and_read_extension_attributes() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("POST"))
        .and(path("/network/v2.0/routers"))
        .and(body_json(sample_json(&format!(
            "{S}/router-create-request.json"
        ))))
        .respond_with(reply("", 201, &format!("{S}/router-create-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let gateway = GatewayOpts::new("ae34051f-aa6c-4c75-abf5-50dc9ac99ef3")
        .enable_snat(true)
        .external_fixed_ips([FixedIpOpts::on_subnet(
            "b930d7f6-ceb7-40a0-8b81-a425dd994ccf",
            "172.24.4.6",
        )]);
    let opts = CreateOpts::new("router1")
        .external_gateway_info(gateway)
        .admin_state_up(true);
    let result = routers::create(&client, &opts).await;
    let router = result.extract().unwrap();
    assert_eq!(
        (router.id.as_str(), router.name.as_str()),
        (ROUTER, "router1")
    );
    assert_eq!(router.status, "ACTIVE");
    let gw = router.external_gateway_info.unwrap();
    assert_eq!(gw.enable_snat, Some(true));
    assert_eq!(gw.external_fixed_ips[0].ip_address, "172.24.4.6");
    assert_eq!(router.revision_number, 1);
    let ext = result
        .extract_into::<With<With<With<With<Router, Ha>, Distributed>, FlavorId>, AvailabilityZones>>()
        .unwrap();
    assert_eq!(
        ext.ext.availability_zones.as_deref(),
        Some(&["nova".to_string()][..])
    );
    assert_eq!(
        ext.base.ext.flavor_id.as_deref(),
        Some("f7b14d9a-b0dc-4fbe-bb14-a0f4970a69e0")
    );
    assert_eq!(ext.base.base.ext.distributed, Some(false));
    assert_eq!(ext.base.base.base.ext.ha, Some(false));
}

#[tokio::test]
async fn create_refuses_a_gateway_without_network_before_sending() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let opts = CreateOpts::new("r").external_gateway_info(GatewayOpts::new(""));
    let err = routers::create(&client, &opts).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let opts = CreateOpts::new("r")
        .external_gateway_info(GatewayOpts::new("n").external_fixed_ips([FixedIpOpts::default()]));
    assert!(routers::create(&client, &opts).await.extract().is_err());
    assert_eq!(count(&server, "POST", "/network/v2.0/routers").await, 0);
}

#[tokio::test]
async fn list_show_find_and_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/routers"))
        .and(query_param("admin_state_up", "true"))
        .respond_with(reply("", 200, &format!("{S}/routers-list-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        admin_state_up: Some(true),
        ..ListOpts::default()
    };
    let pager = routers::list(&client, &opts);
    let page = pager.all_pages().await.unwrap();
    let all = routers::extract_routers(&page).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(
        all[0].routes,
        vec![Route::new("179.24.1.0/24", "172.24.3.99")]
    );
    let helpers = page
        .extract_into::<With<Router, ConntrackHelpers>>()
        .unwrap();
    let h = helpers[0].ext.conntrack_helpers.as_ref().unwrap();
    assert_eq!((h[1].helper.as_str(), h[1].port), ("ftp", 21));

    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/routers/{ROUTER}")))
        .respond_with(reply("", 200, &format!("{S}/router-show-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let shown = routers::find(&client, ROUTER).await.unwrap();
    assert_eq!(
        shown
            .external_gateway_info
            .unwrap()
            .external_fixed_ips
            .len(),
        2
    );

    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/routers/{ROUTER}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    routers::delete(&client, ROUTER).await.ok().unwrap();
}

#[tokio::test]
async fn update_with_if_match_and_clearing_the_gateway() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    // The official request sample puts `routes` inside external_gateway_info, which
    // Neutron refuses: the SDK sends routes at the router level.
    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/routers/{ROUTER}")))
        .and(header("If-Match", "revision_number=2"))
        .and(body_json(json!({"router": {
            "distributed": false,
            "external_gateway_info": {
                "network_id": "ae34051f-aa6c-4c75-abf5-50dc9ac99ef3",
                "enable_snat": true,
                "external_fixed_ips": [{"ip_address": "172.24.4.6", "subnet_id": "b930d7f6-ceb7-40a0-8b81-a425dd994ccf"}]},
            "routes": [{"destination": "179.24.1.0/24", "nexthop": "172.24.3.99"}]}})))
        .respond_with(reply("", 200, &format!("{S}/router-update-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let opts = With::new(
        UpdateOpts::default()
            .external_gateway_info(
                GatewayOpts::new("ae34051f-aa6c-4c75-abf5-50dc9ac99ef3")
                    .enable_snat(true)
                    .external_fixed_ips([FixedIpOpts::on_subnet(
                        "b930d7f6-ceb7-40a0-8b81-a425dd994ccf",
                        "172.24.4.6",
                    )]),
            )
            .routes([Route::new("179.24.1.0/24", "172.24.3.99")]),
        Distributed::default().distributed(false),
    );
    let updated = routers::update_if_revision(&client, ROUTER, 2, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(updated.revision_number, 3);
    assert_eq!(updated.routes.len(), 1);

    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/routers/{ROUTER}")))
        .and(body_json(
            json!({"router": {"external_gateway_info": null}}),
        ))
        .respond_with(reply("", 200, &format!("{S}/router-update-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    routers::update(
        &client,
        ROUTER,
        &UpdateOpts::default().clear_external_gateway(),
    )
    .await
    .ok()
    .unwrap();
}

#[tokio::test]
async fn interfaces_by_subnet_and_by_port() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let id = "915a14a6-867b-4af7-83d1-70efceb146f9";
    let subnet = "a2f1f29d-571b-4533-907f-5803ab96ead1";
    let port = "2dc46bcc-d1f2-4077-b99e-91ee28afaff0";
    expect(
        &server,
        "PUT",
        format!("/network/v2.0/routers/{id}/add_router_interface"),
        Some(request(S, "router-add-interface-request.json")),
        reply(S, 200, "router-add-interface-response.json"),
    )
    .await;
    let added = routers::add_interface(&client, id, &InterfaceOpts::subnet(subnet))
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (added.port_id.as_str(), added.subnet_id.as_str()),
        (port, subnet)
    );
    assert_eq!(added.subnet_ids, vec![subnet.to_string()]);

    Mock::given(method("PUT"))
        .and(path(format!(
            "/network/v2.0/routers/{id}/add_router_interface"
        )))
        .and(body_json(sample_json(&format!(
            "{S}/router-add-interface-request-with-port.json"
        ))))
        .respond_with(reply(
            "",
            200,
            &format!("{S}/router-add-interface-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let by_port = routers::add_interface(&client, id, &InterfaceOpts::port(port))
        .await
        .extract()
        .unwrap();
    assert_eq!(by_port.network_id, "91c013e2-d65a-474e-9177-c3e1799ca726");

    expect(
        &server,
        "PUT",
        format!("/network/v2.0/routers/{id}/remove_router_interface"),
        Some(request(S, "router-remove-interface-request.json")),
        reply(S, 200, "router-remove-interface-response.json"),
    )
    .await;
    let removed = routers::remove_interface(&client, id, &InterfaceOpts::subnet(subnet))
        .await
        .extract()
        .unwrap();
    assert_eq!(removed.port_id, "a5b7d209-dc02-4c46-a51f-805eadd3de64");
    Mock::given(method("PUT"))
        .and(path(format!(
            "/network/v2.0/routers/{id}/remove_router_interface"
        )))
        .and(body_json(sample_json(&format!(
            "{S}/router-remove-interface-request-with-port.json"
        ))))
        .respond_with(reply(
            "",
            200,
            &format!("{S}/router-remove-interface-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    routers::remove_interface(&client, id, &InterfaceOpts::port(port))
        .await
        .ok()
        .unwrap();

    // Neither a subnet nor a port: refused before sending.
    let err = routers::add_interface(&client, id, &InterfaceOpts::default())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn extra_routes_added_and_removed() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let id = "64e339bb-1a6c-47bd-9ee7-a0cf81a35172";
    let routes = [
        Route::new("10.0.3.0/24", "10.0.0.13"),
        Route::new("10.0.4.0/24", "10.0.0.14"),
    ];
    expect(
        &server,
        "PUT",
        format!("/network/v2.0/routers/{id}/add_extraroutes"),
        Some(request(S, "router-add-extraroutes-request.json")),
        reply(S, 200, "router-add-extraroutes-response.json"),
    )
    .await;
    let added = routers::add_extra_routes(&client, id, &routes)
        .await
        .extract()
        .unwrap();
    assert_eq!(added.routes.len(), 4);
    assert_eq!(added.routes[3], routes[1]);
    expect(
        &server,
        "PUT",
        format!("/network/v2.0/routers/{id}/remove_extraroutes"),
        Some(request(S, "router-remove-extraroutes-request.json")),
        reply(S, 200, "router-remove-extraroutes-response.json"),
    )
    .await;
    let removed = routers::remove_extra_routes(&client, id, &routes)
        .await
        .extract()
        .unwrap();
    assert_eq!(removed.name, "router1");
    assert_eq!(removed.routes.len(), 2);
    assert!(
        routers::add_extra_routes(&client, id, &[])
            .await
            .extract()
            .is_err()
    );
}

#[tokio::test]
async fn several_external_gateways() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let id = "47c32c39-1c09-47de-8d50-ec57a96db5e7";
    let ext = "8edec774-ebb9-11eb-9b09-371108ef5905";
    expect(
        &server,
        "PUT",
        format!("/network/v2.0/routers/{id}/add_external_gateways"),
        Some(request(S, "router-add-external-gateways-request.json")),
        reply(S, 200, "router-add-external-gateways-response.json"),
    )
    .await;
    let gw = GatewayOpts::new(ext)
        .enable_snat(false)
        .external_fixed_ips([FixedIpOpts::on_subnet(
            "b189c314-ebb9-11eb-939c-9bde3f3867cb",
            "192.0.2.2",
        )]);
    let result = routers::add_external_gateways(&client, id, &[gw]).await;
    let with = result
        .extract_into::<With<Router, ExternalGateways>>()
        .unwrap();
    let gateways = with.ext.external_gateways.as_ref().unwrap();
    assert_eq!(gateways.len(), 2);
    assert_eq!(gateways[1].network_id, ext);
    assert_eq!(with.ext.enable_default_route_ecmp, Some(false));

    expect(
        &server,
        "PUT",
        format!("/network/v2.0/routers/{id}/update_external_gateways"),
        Some(request(S, "router-update-external-gateways-request.json")),
        reply(S, 200, "router-update-external-gateways-response.json"),
    )
    .await;
    let updated =
        routers::update_external_gateways(&client, id, &[GatewayOpts::new(ext).enable_snat(true)])
            .await
            .extract_into::<With<Router, ExternalGateways>>()
            .unwrap();
    assert_eq!(
        updated.ext.external_gateways.unwrap()[1].enable_snat,
        Some(true)
    );

    expect(
        &server,
        "PUT",
        format!("/network/v2.0/routers/{id}/remove_external_gateways"),
        Some(request(S, "router-remove-external-gateways-request.json")),
        reply(S, 200, "router-remove-external-gateways-response.json"),
    )
    .await;
    let removed = routers::remove_external_gateways(&client, id, &[GatewayOpts::new(ext)])
        .await
        .extract_into::<With<Router, ExternalGateways>>()
        .unwrap();
    assert_eq!(removed.ext.external_gateways.unwrap().len(), 1);
    assert!(
        routers::remove_external_gateways(&client, id, &[])
            .await
            .extract()
            .is_err()
    );
}

fn router_with_status(status: &str) -> serde_json::Value {
    let mut v = sample_json(&format!("{S}/router-show-response.json"));
    v["router"]["status"] = json!(status);
    v
}

#[tokio::test]
async fn wait_for_status_polls_until_active_and_stops_on_error() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/routers/{ROUTER}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(router_with_status("ALLOCATING")))
        .up_to_n_times(2)
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/routers/{ROUTER}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(router_with_status("ACTIVE")))
        .expect(1)
        .mount(&server)
        .await;
    let opts = WaitOpts::new(Duration::from_secs(5))
        .interval(Duration::from_millis(5), Duration::from_millis(10));
    let router = routers::wait_for_status(&client, ROUTER, "ACTIVE", &opts)
        .await
        .unwrap();
    assert_eq!(router.status, "ACTIVE");

    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/routers/{ROUTER}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(router_with_status("ERROR")))
        .expect(1)
        .mount(&server)
        .await;
    let err = routers::wait_for_status(&client, ROUTER, "ACTIVE", &opts)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("ERROR"), "{err}");
}

#[tokio::test]
async fn l3_agent_scheduling_mock_only_needs_an_l3_agent() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let agent = "b64f5c61-2210-41a6-869f-b51d7914511e";
    let router = "43e66290-79a4-415d-9eb9-7ff7919839e1";
    // The official listing sample leaves out the timestamps Neutron sends: add them.
    let mut routers_on_agent = sample_json(&format!("{A}/agent-l3-routers-list-response.json"));
    for r in routers_on_agent["routers"].as_array_mut().unwrap() {
        r["created_at"] = json!("2018-03-19T19:17:04Z");
        r["updated_at"] = json!("2018-03-19T19:17:22Z");
    }
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/agents/{agent}/l3-routers")))
        .respond_with(ResponseTemplate::new(200).set_body_json(routers_on_agent))
        .expect(1)
        .mount(&server)
        .await;
    let hosted = l3_agent_scheduler::list_routers_on_agent(&client, agent)
        .all()
        .await
        .unwrap();
    assert_eq!(
        hosted.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        ["router2", "router1"]
    );

    Mock::given(method("POST"))
        .and(path(format!("/network/v2.0/agents/{agent}/l3-routers")))
        .and(body_json(sample_json(&format!(
            "{A}/agent-l3-router-add-request.json"
        ))))
        .respond_with(ResponseTemplate::new(201))
        .expect(1)
        .mount(&server)
        .await;
    l3_agent_scheduler::add_router(&client, agent, router)
        .await
        .ok()
        .unwrap();

    Mock::given(method("DELETE"))
        .and(path(format!(
            "/network/v2.0/agents/{agent}/l3-routers/{router}"
        )))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    l3_agent_scheduler::remove_router(&client, agent, router)
        .await
        .ok()
        .unwrap();

    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/routers/{router}/l3-agents")))
        .respond_with(reply(
            "",
            200,
            &format!("{A}/router-l3-agent-list-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let agents = l3_agent_scheduler::list_agents_hosting_router(&client, router)
        .all()
        .await
        .unwrap();
    assert_eq!(agents.len(), 1);
    assert_eq!(
        (agents[0].id.as_str(), agents[0].host.as_str()),
        (agent, "mkm-instance01")
    );
    assert!(agents[0].alive && agents[0].ha_state.is_none());
    assert_eq!(agents[0].configurations["agent_mode"], "legacy");
}
