//! networking-sfc: port pairs, port pair groups, flow classifiers, port chains and
//! service graphs against a mock Neutron answering with the official samples (served
//! under `/v2.0/sfc`, with underscores, as networking-sfc serves them).

use crate::{expect, network, reply, request};
use ferrocloud::openstack::networking::v2::sfc::{
    flow_classifiers, port_chains, port_pair_groups, port_pairs, service_graphs,
};
use serde_json::json;
use wiremock::{MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples";

#[tokio::test]
async fn port_pairs_and_groups_crud() {
    let server = MockServer::start().await;
    let c = network(&server).await;
    expect(
        &server,
        "POST",
        "/network/v2.0/sfc/port_pairs",
        Some(request(S, "sfc-port-pairs/port-pair-create-req.json")),
        reply(S, 201, "sfc-port-pairs/port-pair-create-resp.json"),
    )
    .await;
    let mut opts = port_pairs::CreateOpts::new(
        "dace4513-24fc-4fae-af4b-321c5e2eb3d1",
        "aef3478a-4a56-2a6e-cd3a-9dee4e2ec345",
    )
    .name("SF1")
    .description("Firewall SF instance");
    opts.tenant_id = Some("d382007aa9904763a801f68ecf065cf5".into());
    let pp = port_pairs::create(&c, &opts).await.extract().unwrap();
    assert_eq!(pp.id, "78dcd363-fc23-aeb6-f44b-56dc5e2fb3ae");
    let id = pp.id.as_str();
    expect(
        &server,
        "GET",
        "/network/v2.0/sfc/port_pairs",
        None,
        reply(S, 200, "sfc-port-pairs/port-pair-list-resp.json"),
    )
    .await;
    assert_eq!(
        port_pairs::list(&c, &Default::default())
            .all()
            .await
            .unwrap()[0]
            .name,
        "SF1"
    );
    expect(
        &server,
        "GET",
        format!("/network/v2.0/sfc/port_pairs/{id}"),
        None,
        reply(S, 200, "sfc-port-pairs/port-pair-get-resp.json"),
    )
    .await;
    assert_eq!(
        port_pairs::get(&c, id).await.extract().unwrap().egress,
        "aef3478a-4a56-2a6e-cd3a-9dee4e2ec345"
    );
    expect(
        &server,
        "PUT",
        format!("/network/v2.0/sfc/port_pairs/{id}"),
        Some(json!({"port_pair": {"name": "SF1", "description": "Firewall SF instance"}})),
        reply(S, 200, "sfc-port-pairs/port-pair-update-resp.json"),
    )
    .await;
    let u = port_pairs::UpdateOpts::default()
        .name("SF1")
        .description("Firewall SF instance");
    port_pairs::update(&c, id, &u).await.extract().unwrap();
    expect(
        &server,
        "DELETE",
        format!("/network/v2.0/sfc/port_pairs/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    port_pairs::delete(&c, id).await.ok().unwrap();

    expect(
        &server,
        "POST",
        "/network/v2.0/sfc/port_pair_groups",
        Some(request(
            S,
            "sfc-port-pair-groups/port-pair-group-create-req.json",
        )),
        reply(
            S,
            201,
            "sfc-port-pair-groups/port-pair-group-create-resp.json",
        ),
    )
    .await;
    let mut opts = port_pair_groups::CreateOpts::new(["78dcd363-fc23-aeb6-f44b-56dc5e2fb3ae"])
        .name("Firewall_PortPairGroup")
        .description("Group of Firewall SF instances");
    opts.tenant_id = Some("d382007aa9904763a801f68ecf065cf5".into());
    let g = port_pair_groups::create(&c, &opts).await.extract().unwrap();
    let id = g.id.as_str();
    expect(
        &server,
        "GET",
        "/network/v2.0/sfc/port_pair_groups",
        None,
        reply(
            S,
            200,
            "sfc-port-pair-groups/port-pair-group-list-resp.json",
        ),
    )
    .await;
    assert_eq!(
        port_pair_groups::list(&c, &Default::default())
            .all()
            .await
            .unwrap()[0]
            .port_pairs
            .len(),
        1
    );
    expect(
        &server,
        "GET",
        format!("/network/v2.0/sfc/port_pair_groups/{id}"),
        None,
        reply(S, 200, "sfc-port-pair-groups/port-pair-group-get-resp.json"),
    )
    .await;
    assert_eq!(
        port_pair_groups::get(&c, id)
            .await
            .extract()
            .unwrap()
            .tap_enabled,
        None
    );
    expect(
        &server,
        "PUT",
        format!("/network/v2.0/sfc/port_pair_groups/{id}"),
        Some(json!({"port_pair_group": {"port_pairs": ["78dcd363-fc23-aeb6-f44b-56dc5e2fb3ae"]}})),
        reply(
            S,
            200,
            "sfc-port-pair-groups/port-pair-group-update-resp.json",
        ),
    )
    .await;
    let u = port_pair_groups::UpdateOpts::default()
        .port_pairs(["78dcd363-fc23-aeb6-f44b-56dc5e2fb3ae"]);
    port_pair_groups::update(&c, id, &u)
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "DELETE",
        format!("/network/v2.0/sfc/port_pair_groups/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    port_pair_groups::delete(&c, id).await.ok().unwrap();
}

#[tokio::test]
async fn flow_classifiers_and_chains_crud() {
    let server = MockServer::start().await;
    let c = network(&server).await;
    // The sample sends source_ip_prefix as null: the same as leaving it out.
    let mut body = request(S, "sfc-classifiers/flow-classifier-create-req.json");
    body["flow_classifier"]
        .as_object_mut()
        .unwrap()
        .remove("source_ip_prefix");
    expect(
        &server,
        "POST",
        "/network/v2.0/sfc/flow_classifiers",
        Some(body),
        reply(S, 201, "sfc-classifiers/flow-classifier-create-resp.json"),
    )
    .await;
    let mut opts = flow_classifiers::CreateOpts::default()
        .name("FC1")
        .description("Flow rule for classifying TCP traffic")
        .protocol("TCP")
        .source_ports(22, 4000)
        .destination_ports(80, 80)
        .destination_ip_prefix("22.12.34.45");
    opts.tenant_id = Some("1814726e2d22407b8ca76db5e567dcf1".into());
    let fc = flow_classifiers::create(&c, &opts).await.extract().unwrap();
    assert_eq!(
        (fc.source_port_range_min, fc.source_ip_prefix.clone()),
        (Some(22), None)
    );
    let id = fc.id.as_str();
    expect(
        &server,
        "GET",
        "/network/v2.0/sfc/flow_classifiers",
        None,
        reply(S, 200, "sfc-classifiers/flow-classifier-list-resp.json"),
    )
    .await;
    assert_eq!(
        flow_classifiers::list(&c, &Default::default())
            .all()
            .await
            .unwrap()[0]
            .source_port_range_min,
        Some(100)
    );
    expect(
        &server,
        "GET",
        format!("/network/v2.0/sfc/flow_classifiers/{id}"),
        None,
        reply(S, 200, "sfc-classifiers/flow-classifier-get-resp.json"),
    )
    .await;
    assert_eq!(
        flow_classifiers::get(&c, id)
            .await
            .extract()
            .unwrap()
            .protocol
            .as_deref(),
        Some("TCP")
    );
    expect(
        &server,
        "PUT",
        format!("/network/v2.0/sfc/flow_classifiers/{id}"),
        Some(json!({"flow_classifier": {"name": "FC1"}})),
        reply(S, 200, "sfc-classifiers/flow-classifier-update-resp.json"),
    )
    .await;
    flow_classifiers::update(&c, id, &flow_classifiers::UpdateOpts::default().name("FC1"))
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "DELETE",
        format!("/network/v2.0/sfc/flow_classifiers/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    flow_classifiers::delete(&c, id).await.ok().unwrap();

    expect(
        &server,
        "POST",
        "/network/v2.0/sfc/port_chains",
        Some(request(S, "sfc-chains/port-chain-create-req.json")),
        reply(S, 201, "sfc-chains/port-chain-create-resp.json"),
    )
    .await;
    let mut opts = port_chains::CreateOpts::new([
        "4512d643-24fc-4fae-af4b-321c5e2eb3d1",
        "4a634d49-76dc-4fae-af4b-321c5e23d651",
    ])
    .name("PC1")
    .description("Port chain with Firewall and IPS SFs")
    .flow_classifiers([
        "4a334cd4-fe9c-4fae-af4b-321c5e2eb051",
        "105a4b0a-73d6-11e5-b392-2c27d72acb4c",
    ]);
    opts.tenant_id = Some("d382007aa9904763a801f68ecf065cf5".into());
    let pc = port_chains::create(&c, &opts).await.extract().unwrap();
    let id = pc.id.as_str();
    expect(
        &server,
        "GET",
        "/network/v2.0/sfc/port_chains",
        None,
        reply(S, 200, "sfc-chains/port-chain-list-resp.json"),
    )
    .await;
    assert_eq!(
        port_chains::list(&c, &Default::default())
            .all()
            .await
            .unwrap()[0]
            .flow_classifiers
            .len(),
        2
    );
    expect(
        &server,
        "GET",
        format!("/network/v2.0/sfc/port_chains/{id}"),
        None,
        reply(S, 200, "sfc-chains/port-chain-get-resp.json"),
    )
    .await;
    assert_eq!(
        port_chains::get(&c, id)
            .await
            .extract()
            .unwrap()
            .port_pair_groups
            .len(),
        2
    );
    expect(
        &server,
        "PUT",
        format!("/network/v2.0/sfc/port_chains/{id}"),
        Some(json!({"port_chain": {"flow_classifiers": []}})),
        reply(S, 200, "sfc-chains/port-chain-update-resp.json"),
    )
    .await;
    port_chains::update(
        &c,
        id,
        &port_chains::UpdateOpts::default().flow_classifiers(Vec::<String>::new()),
    )
    .await
    .extract()
    .unwrap();
    expect(
        &server,
        "DELETE",
        format!("/network/v2.0/sfc/port_chains/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    port_chains::delete(&c, id).await.ok().unwrap();
}

#[tokio::test]
async fn service_graphs_crud() {
    let server = MockServer::start().await;
    let c = network(&server).await;
    let body = request(S, "sfc-service-graphs/service-graph-create-req.json");
    expect(
        &server,
        "POST",
        "/network/v2.0/sfc/service_graphs",
        Some(body.clone()),
        reply(S, 201, "sfc-service-graphs/service-graph-create-resp.json"),
    )
    .await;
    let mut opts = service_graphs::CreateOpts::default()
        .name("graph")
        .description("one graph that uses 6 port chains");
    for (from, to) in body["service_graph"]["port_chains"].as_object().unwrap() {
        opts = opts.link(
            from.as_str(),
            to.as_array().unwrap().iter().map(|v| v.as_str().unwrap()),
        );
    }
    let g = service_graphs::create(&c, &opts).await.extract().unwrap();
    assert_eq!(g.port_chains.len(), 4);
    let id = g.id.as_str();
    expect(
        &server,
        "GET",
        "/network/v2.0/sfc/service_graphs",
        None,
        reply(S, 200, "sfc-service-graphs/service-graph-list-resp.json"),
    )
    .await;
    assert_eq!(
        service_graphs::list(&c, &Default::default())
            .all()
            .await
            .unwrap()
            .len(),
        2
    );
    expect(
        &server,
        "GET",
        format!("/network/v2.0/sfc/service_graphs/{id}"),
        None,
        reply(S, 200, "sfc-service-graphs/service-graph-get-resp.json"),
    )
    .await;
    assert_eq!(
        service_graphs::get(&c, id)
            .await
            .extract()
            .unwrap()
            .project_id,
        "0b18a09b22ef49a5be0bf51d68ed1962"
    );
    expect(
        &server,
        "PUT",
        format!("/network/v2.0/sfc/service_graphs/{id}"),
        Some(request(
            S,
            "sfc-service-graphs/service-graph-update-req.json",
        )),
        reply(S, 200, "sfc-service-graphs/service-graph-update-resp.json"),
    )
    .await;
    let u = service_graphs::UpdateOpts::default()
        .name("new-name")
        .description("and new description, the port_chains dictionary can't be updated");
    assert_eq!(
        service_graphs::update(&c, id, &u)
            .await
            .extract()
            .unwrap()
            .name,
        "new-name"
    );
    expect(
        &server,
        "DELETE",
        format!("/network/v2.0/sfc/service_graphs/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    service_graphs::delete(&c, id).await.ok().unwrap();
}
