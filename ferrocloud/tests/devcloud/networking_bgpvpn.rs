//! BGP VPNs against the real Neutron (networking-bgpvpn with its dummy driver): CRUD,
//! network and router associations. The devcloud loads neither `bgpvpn-routes-control`
//! nor `bgpvpn-vni`: port associations, local_pref and vni are tested on the mock
//! server only. (With a driver that serves `bgpvpn-routes-control`, Neutron 28 routes no
//! BGP VPN port associations — 404 — and refuses local IP port associations, whose
//! collection has the same name.)

use crate::support::*;
use ferrocloud::openstack::networking::v2::bgpvpn::{
    bgpvpns, network_associations, router_associations,
};
use ferrocloud::openstack::networking::v2::networks::{self, CreateOpts as NetOpts};
use ferrocloud::{ErrorKind, Operation, ServiceClient, http::Method, openstack};
use serde_json::json;

// Routers belong to another module; created here with raw requests.
static CREATE_ROUTER: Operation = Operation::new("network", Method::POST, "/routers");
static DELETE_ROUTER: Operation = Operation::new("network", Method::DELETE, "/routers/{router_id}");

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
