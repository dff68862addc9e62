//! Tap-as-a-Service against the real Neutron (tap-as-a-service, no agent): tap
//! services, tap flows (with a VLAN filter) and tap mirrors, CRUD.

use crate::support::*;
use ferrocloud::openstack::networking::v2::networks::{self, CreateOpts as NetOpts};
use ferrocloud::openstack::networking::v2::taas::tap_flows::{self, Direction};
use ferrocloud::openstack::networking::v2::taas::tap_mirrors::{self, Directions, MirrorType};
use ferrocloud::openstack::networking::v2::taas::tap_services;
use ferrocloud::{ErrorKind, Operation, ServiceClient, http::Method, openstack};
use serde_json::json;

// Ports belong to another module; created here with raw requests.
static CREATE_PORT: Operation = Operation::new("network", Method::POST, "/ports");
static DELETE_PORT: Operation = Operation::new("network", Method::DELETE, "/ports/{port_id}");

async fn port(client: &ServiceClient, network_id: &str) -> String {
    let resp = client
        .request(&CREATE_PORT, &[])
        .json(&json!({"port": {"network_id": network_id}}))
        .send_raw()
        .await
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(resp.body()).unwrap();
    v["port"]["id"].as_str().unwrap().to_string()
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_taas_services_flows_mirrors() {
    let client = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();
    let net = networks::create(&client, &NetOpts::new(unique("taas")))
        .await
        .extract()
        .unwrap();
    let monitor = port(&client, &net.id).await;
    let source = port(&client, &net.id).await;

    // Tap service.
    let name = unique("ts");
    let ts = tap_services::create(
        &client,
        &tap_services::CreateOpts::new(&monitor).name(&name),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(ts.port_id, monitor);
    assert_eq!(ts.description, "");
    assert!(ts.project().is_some());
    assert_eq!(tap_services::find(&client, &name).await.unwrap().id, ts.id);
    let ts = tap_services::update(
        &client,
        &ts.id,
        &tap_services::UpdateOpts::default().description("monitor"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(ts.description, "monitor");

    // Tap flow.
    let opts = tap_flows::CreateOpts::new(&ts.id, &source, Direction::Both)
        .name(unique("tf"))
        .vlan_filter("1-5,9");
    let flow = tap_flows::create(&client, &opts).await.extract().unwrap();
    assert_eq!(flow.direction, Direction::Both);
    assert_eq!(flow.vlan_filter.as_deref(), Some("1-5,9"));
    assert_eq!(flow.tap_service_id, ts.id);
    let flow = tap_flows::update(
        &client,
        &flow.id,
        &tap_flows::UpdateOpts::default().description("both ways"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(flow.description, "both ways");
    let flows = tap_flows::list(
        &client,
        &tap_flows::ListOpts {
            tap_service_id: Some(ts.id.clone()),
            ..Default::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(flows, std::slice::from_ref(&flow));

    // Tap mirror.
    let opts = tap_mirrors::CreateOpts::new(
        &source,
        "192.0.2.50",
        MirrorType::Gre,
        Directions::default().inbound(99).outbound(100),
    )
    .name(unique("tm"));
    let mirror = tap_mirrors::create(&client, &opts).await.extract().unwrap();
    assert_eq!(mirror.mirror_type, MirrorType::Gre);
    assert_eq!(
        mirror.directions,
        Directions::default().inbound(99).outbound(100)
    );
    let mirror = tap_mirrors::update(
        &client,
        &mirror.id,
        &tap_mirrors::UpdateOpts::default().description("to the collector"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(mirror.description, "to the collector");
    assert_eq!(
        tap_mirrors::get(&client, &mirror.id)
            .await
            .extract()
            .unwrap(),
        mirror
    );
    let by_name = tap_mirrors::ListOpts {
        name: Some(mirror.name.clone()),
        ..Default::default()
    };
    assert_eq!(
        tap_mirrors::list(&client, &by_name).all().await.unwrap(),
        vec![mirror.clone()]
    );

    // Clean up.
    tap_mirrors::delete(&client, &mirror.id).await.ok().unwrap();
    tap_flows::delete(&client, &flow.id).await.ok().unwrap();
    tap_services::delete(&client, &ts.id).await.ok().unwrap();
    let e = tap_services::get(&client, &ts.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    for p in [&monitor, &source] {
        client
            .request(&DELETE_PORT, &[p])
            .send()
            .await
            .ok()
            .unwrap();
    }
    networks::delete(&client, &net.id).await.ok().unwrap();
}
