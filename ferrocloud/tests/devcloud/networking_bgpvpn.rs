//! BGP VPNs against the real Neutron (networking-bgpvpn with its DB-only driver that
//! serves `bgpvpn-routes-control`): CRUD, network and router associations (with
//! `advertise_extra_routes`), local preferences. Neutron 28 does not route port
//! associations (404, asserted below) and the devcloud does not load `bgpvpn-vni`: those
//! are tested on the mock server only.

use crate::support::*;
use ferrocloud::openstack::networking::v2::bgpvpn::{
    bgpvpns, network_associations, port_associations, router_associations,
};
use ferrocloud::openstack::networking::v2::networks::{self, CreateOpts as NetOpts};
use ferrocloud::{ErrorKind, Operation, ServiceClient, http::Method, openstack};
use serde_json::json;

// Routers belong to another module; created here with raw requests.
static CREATE_ROUTER: Operation = Operation::new("network", Method::POST, "/routers");
static DELETE_ROUTER: Operation = Operation::new("network", Method::DELETE, "/routers/{router_id}");
static CREATE_PORT: Operation = Operation::new("network", Method::POST, "/ports");
static DELETE_PORT: Operation = Operation::new("network", Method::DELETE, "/ports/{port_id}");

async fn port(client: &ServiceClient, network_id: &str) -> String {
    let resp = client
        .request(&CREATE_PORT, &[])
        .json(&json!({"port": {"name": unique("bgpvpn-port"), "network_id": network_id}}))
        .send_raw()
        .await
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(resp.body()).unwrap();
    v["port"]["id"].as_str().unwrap().to_string()
}

async fn router(client: &ServiceClient) -> String {
    let resp = client
        .request(&CREATE_ROUTER, &[])
        .json(&json!({"router": {"name": unique("bgpvpn-router")}}))
        .send_raw()
        .await
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(resp.body()).unwrap();
    v["router"]["id"].as_str().unwrap().to_string()
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_bgpvpn_crud_and_associations() {
    let client = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();

    let name = unique("vpn");
    let opts = bgpvpns::CreateOpts::new(&name)
        .route_targets(["64512:1444"])
        .import_targets(["64512:1555"])
        .route_distinguishers(["64512:1777"]);
    let vpn = bgpvpns::create(&client, &opts).await.extract().unwrap();
    assert_eq!(vpn.kind, bgpvpns::BgpvpnType::L3);
    assert_eq!(vpn.route_targets, ["64512:1444"]);
    assert_eq!(vpn.import_targets, ["64512:1555"]);
    assert!(vpn.export_targets.is_empty() && vpn.networks.is_empty());
    assert!(vpn.project_id.is_some());
    assert_eq!(bgpvpns::find(&client, &name).await.unwrap().id, vpn.id);

    // An empty list clears a field; the others stay.
    let update = bgpvpns::UpdateOpts::default()
        .import_targets(Vec::<String>::new())
        .export_targets(["64512:1666"]);
    let updated = bgpvpns::update(&client, &vpn.id, &update)
        .await
        .extract()
        .unwrap();
    assert!(updated.import_targets.is_empty());
    assert_eq!(updated.export_targets, ["64512:1666"]);
    assert_eq!(updated.route_targets, ["64512:1444"]);

    // Network association.
    let net = networks::create(&client, &NetOpts::new(unique("bgpvpn-net")))
        .await
        .extract()
        .unwrap();
    let na = network_associations::create(
        &client,
        &vpn.id,
        &network_associations::CreateOpts::new(&net.id),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(na.network_id, net.id);
    assert_eq!(
        network_associations::get(&client, &vpn.id, &na.id)
            .await
            .extract()
            .unwrap(),
        na
    );
    let all = network_associations::list(&client, &vpn.id, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all, std::slice::from_ref(&na));
    let by_net = bgpvpns::list(
        &client,
        &bgpvpns::ListOpts {
            networks: Some(net.id.clone()),
            ..Default::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(by_net.len(), 1);
    assert_eq!(by_net[0].networks, std::slice::from_ref(&net.id));

    // Router association (without bgpvpn-routes-control, no advertise_extra_routes).
    let router_id = router(&client).await;
    let ra = router_associations::create(
        &client,
        &vpn.id,
        &router_associations::CreateOpts::new(&router_id),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(ra.router_id, router_id);
    let all = router_associations::list(&client, &vpn.id, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all, std::slice::from_ref(&ra));
    assert_eq!(
        router_associations::get(&client, &vpn.id, &ra.id)
            .await
            .extract()
            .unwrap(),
        ra
    );

    // Clean up.
    router_associations::delete(&client, &vpn.id, &ra.id)
        .await
        .ok()
        .unwrap();
    network_associations::delete(&client, &vpn.id, &na.id)
        .await
        .ok()
        .unwrap();
    let e = network_associations::get(&client, &vpn.id, &na.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    bgpvpns::delete(&client, &vpn.id).await.ok().unwrap();
    client
        .request(&DELETE_ROUTER, &[&router_id])
        .send()
        .await
        .ok()
        .unwrap();
    networks::delete(&client, &net.id).await.ok().unwrap();
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_bgpvpn_routes_control_port_and_router_associations() {
    let client = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();
    let opts = bgpvpns::CreateOpts::new(unique("vpn-rc"))
        .route_targets(["64512:2444"])
        .local_pref(150);
    let vpn = bgpvpns::create(&client, &opts).await.extract().unwrap();
    assert_eq!(vpn.local_pref, Some(150));

    // A router association advertises the router's extra routes, then stops. The
    // DB driver ignores `advertise_extra_routes` on create (it starts true); update sets it.
    let router_id = router(&client).await;
    let ra = router_associations::create(
        &client,
        &vpn.id,
        &router_associations::CreateOpts::new(&router_id).advertise_extra_routes(false),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(ra.advertise_extra_routes, Some(true));
    let ra = router_associations::update(
        &client,
        &vpn.id,
        &ra.id,
        &router_associations::UpdateOpts::default().advertise_extra_routes(false),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(ra.advertise_extra_routes, Some(false));
    assert_eq!(
        router_associations::get(&client, &vpn.id, &ra.id)
            .await
            .extract()
            .unwrap(),
        ra
    );

    // Port associations: Neutron 28 loads `bgpvpn-routes-control`, but its pecan router
    // finds no controller for the `port_associations` sub-resource ("No controller found
    // for: port_associations", 404), so they are tested on the mock server only. This
    // asserts that answer, to notice when it changes.
    let net = networks::create(&client, &NetOpts::new(unique("bgpvpn-net")))
        .await
        .extract()
        .unwrap();
    let port_id = port(&client, &net.id).await;
    let create = port_associations::CreateOpts::new(&port_id)
        .routes([port_associations::Route::prefix("203.0.113.0/24").local_pref(111)]);
    let e = port_associations::create(&client, &vpn.id, &create)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound, "{e}");
    let e = port_associations::list(&client, &vpn.id, &Default::default())
        .all()
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound, "{e}");

    // Clean up.
    router_associations::delete(&client, &vpn.id, &ra.id)
        .await
        .ok()
        .unwrap();
    bgpvpns::delete(&client, &vpn.id).await.ok().unwrap();
    for (op, id) in [(&DELETE_PORT, &port_id), (&DELETE_ROUTER, &router_id)] {
        client.request(op, &[id]).send().await.ok().unwrap();
    }
    networks::delete(&client, &net.id).await.ok().unwrap();
}
