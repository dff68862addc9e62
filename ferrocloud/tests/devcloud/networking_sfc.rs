//! networking-sfc against the real Neutron (the `dummy` SFC and flow classifier
//! drivers): port pairs, port pair groups, flow classifiers, port chains and a service
//! graph linking two chains. networking-sfc requires a port pair's two ports to share a
//! `device_id`; the ports are fixtures, sent as raw requests.

use crate::support::*;
use ferrocloud::openstack::networking::v2::sfc::{
    flow_classifiers, port_chains, port_pair_groups, port_pairs, service_graphs,
};
use ferrocloud::{Operation, ServiceClient, openstack};
use serde_json::{Value, json};

static POST_NETWORKS: Operation = Operation::new("network", http::Method::POST, "/networks");
static DELETE_NETWORK: Operation =
    Operation::new("network", http::Method::DELETE, "/networks/{id}");
static POST_PORTS: Operation = Operation::new("network", http::Method::POST, "/ports");
static DELETE_PORT: Operation = Operation::new("network", http::Method::DELETE, "/ports/{id}");

async fn raw(
    net: &ServiceClient,
    op: &'static Operation,
    params: &[&str],
    body: Option<Value>,
) -> Value {
    let mut r = net.request(op, params);
    if let Some(b) = body {
        r = r.json(&b);
    }
    let resp = r.send_raw().await.unwrap();
    if resp.body().is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(resp.body()).unwrap()
    }
}

async fn port(net: &ServiceClient, network_id: &str, device_id: &str) -> String {
    let p = raw(
        net,
        &POST_PORTS,
        &[],
        Some(json!({"port": {"network_id": network_id, "device_id": device_id}})),
    )
    .await;
    p["port"]["id"].as_str().unwrap().to_string()
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_sfc_pairs_groups_classifiers_chains_graph_crud() {
    let net = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();
    let network = raw(
        &net,
        &POST_NETWORKS,
        &[],
        Some(json!({"network": {"name": unique("sfc-net")}})),
    )
    .await;
    let network_id = network["network"]["id"].as_str().unwrap().to_string();
    let (vm1, vm2) = (unique("sf1"), unique("sf2"));
    let (a_in, a_out) = (
        port(&net, &network_id, &vm1).await,
        port(&net, &network_id, &vm1).await,
    );
    let (b_in, b_out) = (
        port(&net, &network_id, &vm2).await,
        port(&net, &network_id, &vm2).await,
    );
    let client = port(&net, &network_id, &unique("client")).await;

    let pa = port_pairs::create(
        &net,
        &port_pairs::CreateOpts::new(&a_in, &a_out)
            .name(unique("pp"))
            .correlation("mpls"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        (pa.ingress.as_str(), pa.egress.as_str()),
        (a_in.as_str(), a_out.as_str())
    );
    assert_eq!(pa.service_function_parameters["correlation"], json!("mpls"));
    assert!(pa.project_id.is_some());
    let pb = port_pairs::create(
        &net,
        &port_pairs::CreateOpts::new(&b_in, &b_out)
            .name(unique("pp"))
            .correlation("mpls"),
    )
    .await
    .extract()
    .unwrap();
    let pa = port_pairs::update(
        &net,
        &pa.id,
        &port_pairs::UpdateOpts::default().description("fw"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(pa.description, "fw");
    assert_eq!(port_pairs::find(&net, &pa.name).await.unwrap().id, pa.id);

    let ga = port_pair_groups::create(
        &net,
        &port_pair_groups::CreateOpts::new([pa.id.as_str()]).name(unique("ppg")),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(ga.tap_enabled, Some(false));
    let gb = port_pair_groups::create(
        &net,
        &port_pair_groups::CreateOpts::new([pb.id.as_str()]).name(unique("ppg")),
    )
    .await
    .extract()
    .unwrap();

    let fca = flow_classifiers::create(
        &net,
        &flow_classifiers::CreateOpts::default()
            .name(unique("fc"))
            .logical_source_port(&client)
            .protocol("tcp")
            .destination_ports(80, 80),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        (fca.protocol.as_deref(), fca.ethertype.as_deref()),
        (Some("tcp"), Some("IPv4"))
    );
    assert_eq!(
        (fca.destination_port_range_min, fca.source_port_range_min),
        (Some(80), None)
    );
    let fcb = flow_classifiers::create(
        &net,
        &flow_classifiers::CreateOpts::default()
            .name(unique("fc"))
            .logical_source_port(&client)
            .protocol("udp")
            .destination_ports(53, 53),
    )
    .await
    .extract()
    .unwrap();
    let fca = flow_classifiers::update(
        &net,
        &fca.id,
        &flow_classifiers::UpdateOpts::default().description("web"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(fca.description, "web");

    let ca = port_chains::create(
        &net,
        &port_chains::CreateOpts::new([ga.id.as_str()])
            .name(unique("pc"))
            .flow_classifiers([fca.id.as_str()]),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(ca.chain_parameters["correlation"], json!("mpls"));
    assert!(ca.chain_id.is_some());
    let cb = port_chains::create(
        &net,
        &port_chains::CreateOpts::new([gb.id.as_str()])
            .name(unique("pc"))
            .flow_classifiers([fcb.id.as_str()]),
    )
    .await
    .extract()
    .unwrap();
    let listed = port_chains::list(
        &net,
        &port_chains::ListOpts {
            name: Some(ca.name.clone()),
            ..Default::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(listed.len(), 1);

    let graph = service_graphs::create(
        &net,
        &service_graphs::CreateOpts::default()
            .name(unique("sg"))
            .link(&ca.id, [cb.id.as_str()]),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(graph.port_chains[&ca.id], [cb.id.as_str()]);
    let graph = service_graphs::update(
        &net,
        &graph.id,
        &service_graphs::UpdateOpts::default().description("a to b"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(graph.description, "a to b");
    assert_eq!(
        service_graphs::get(&net, &graph.id)
            .await
            .extract()
            .unwrap()
            .port_chains
            .len(),
        1
    );

    service_graphs::delete(&net, &graph.id).await.ok().unwrap();
    let ca = port_chains::update(
        &net,
        &ca.id,
        &port_chains::UpdateOpts::default().flow_classifiers(Vec::<String>::new()),
    )
    .await
    .extract()
    .unwrap();
    assert!(ca.flow_classifiers.is_empty());
    port_chains::delete(&net, &ca.id).await.ok().unwrap();
    port_chains::delete(&net, &cb.id).await.ok().unwrap();
    flow_classifiers::delete(&net, &fca.id).await.ok().unwrap();
    flow_classifiers::delete(&net, &fcb.id).await.ok().unwrap();
    port_pair_groups::delete(&net, &ga.id).await.ok().unwrap();
    port_pair_groups::delete(&net, &gb.id).await.ok().unwrap();
    port_pairs::delete(&net, &pa.id).await.ok().unwrap();
    port_pairs::delete(&net, &pb.id).await.ok().unwrap();
    assert!(!port_pairs::get(&net, &pb.id).await.exists().unwrap());
    for p in [&a_in, &a_out, &b_in, &b_out, &client] {
        raw(&net, &DELETE_PORT, &[p], None).await;
    }
    raw(&net, &DELETE_NETWORK, &[&network_id], None).await;
}
