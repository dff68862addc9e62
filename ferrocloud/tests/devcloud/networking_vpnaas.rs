//! VPNaaS against the real Neutron (neutron-vpnaas, no VPN agent): IKE and IPsec
//! policies, endpoint groups, a VPN service on a router with a gateway, and an IPsec
//! site connection. Without an agent the service and the connection stay
//! `PENDING_CREATE`, which neutron-vpnaas refuses to update (400): that is asserted.

use crate::support::*;
use ferrocloud::openstack::networking::v2::vpnaas::{
    EncryptionAlgorithm, Lifetime, Pfs, endpoint_groups, ike_policies, ipsec_policies, services,
    site_connections,
};
use ferrocloud::{ExposeSecret, Operation, ServiceClient, openstack};
use serde_json::{Value, json};

// Routers, networks and ports are fixtures here, sent as raw requests.
static POST_NETWORKS: Operation = Operation::new("network", http::Method::POST, "/networks");
static DELETE_NETWORK: Operation =
    Operation::new("network", http::Method::DELETE, "/networks/{id}");
static POST_SUBNETS: Operation = Operation::new("network", http::Method::POST, "/subnets");
static GET_NETWORKS: Operation = Operation::new("network", http::Method::GET, "/networks");
static POST_ROUTERS: Operation = Operation::new("network", http::Method::POST, "/routers");
static DELETE_ROUTER: Operation = Operation::new("network", http::Method::DELETE, "/routers/{id}");
static ROUTER_ADD: Operation = Operation::new(
    "network",
    http::Method::PUT,
    "/routers/{id}/add_router_interface",
);
static ROUTER_REMOVE: Operation = Operation::new(
    "network",
    http::Method::PUT,
    "/routers/{id}/remove_router_interface",
);

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

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_vpnaas_policies_groups_service_connection_crud() {
    let net = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();

    let ike = ike_policies::create(
        &net,
        &ike_policies::CreateOpts::new(unique("ike"))
            .encryption_algorithm(EncryptionAlgorithm::Aes256)
            .lifetime(Lifetime::seconds(7200)),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        (ike.encryption_algorithm.clone(), ike.lifetime),
        (EncryptionAlgorithm::Aes256, Lifetime::seconds(7200))
    );
    assert_eq!(ike.pfs, Pfs::Group5);
    let ike = ike_policies::update(
        &net,
        &ike.id,
        &ike_policies::UpdateOpts::default().pfs(Pfs::Group14),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(ike.pfs, Pfs::Group14);
    let ipsec = ipsec_policies::create(&net, &ipsec_policies::CreateOpts::new(unique("ipsec")))
        .await
        .extract()
        .unwrap();
    assert_eq!(
        ipsec.transform_protocol,
        ipsec_policies::TransformProtocol::Esp
    );
    assert_eq!(
        ipsec_policies::find(&net, &ipsec.name).await.unwrap().id,
        ipsec.id
    );

    // A router with a gateway and an interface on a new subnet.
    let public = raw(&net, &GET_NETWORKS, &[], None).await;
    let public_id = public["networks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["router:external"] == json!(true))
        .expect("an external network")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let network = raw(
        &net,
        &POST_NETWORKS,
        &[],
        Some(json!({"network": {"name": unique("vpn-net")}})),
    )
    .await;
    let network_id = network["network"]["id"].as_str().unwrap().to_string();
    let subnet = raw(
        &net,
        &POST_SUBNETS,
        &[],
        Some(
            json!({"subnet": {"network_id": network_id, "cidr": "10.199.0.0/24", "ip_version": 4}}),
        ),
    )
    .await;
    let subnet_id = subnet["subnet"]["id"].as_str().unwrap().to_string();
    let router = raw(
        &net,
        &POST_ROUTERS,
        &[],
        Some(json!({"router": {"name": unique("vpn-rtr"),
        "external_gateway_info": {"network_id": public_id}}})),
    )
    .await;
    let router_id = router["router"]["id"].as_str().unwrap().to_string();
    raw(
        &net,
        &ROUTER_ADD,
        &[&router_id],
        Some(json!({"subnet_id": subnet_id})),
    )
    .await;

    let locals = endpoint_groups::create(
        &net,
        &endpoint_groups::CreateOpts::new(
            endpoint_groups::EndpointType::Subnet,
            [subnet_id.as_str()],
        )
        .name(unique("locals")),
    )
    .await
    .extract()
    .unwrap();
    let peers = endpoint_groups::create(
        &net,
        &endpoint_groups::CreateOpts::new(endpoint_groups::EndpointType::Cidr, ["10.2.0.0/24"])
            .name(unique("peers")),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(peers.endpoint_type, endpoint_groups::EndpointType::Cidr);
    let peers = endpoint_groups::update(
        &net,
        &peers.id,
        &endpoint_groups::UpdateOpts::default().description("the branch"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(peers.description, "the branch");

    let service = services::create(
        &net,
        &services::CreateOpts::new(&router_id).name(unique("vpn")),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(service.status, "PENDING_CREATE");
    assert!(service.external_v4_ip.is_some() && service.subnet_id.is_none());
    assert_eq!(
        services::get(&net, &service.id)
            .await
            .extract()
            .unwrap()
            .router_id,
        router_id
    );
    let err = services::update(
        &net,
        &service.id,
        &services::UpdateOpts::default().description("x"),
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(err.status_code(), Some(400), "{err}");

    let conn = site_connections::create(
        &net,
        &site_connections::CreateOpts::new(
            &service.id,
            &ike.id,
            &ipsec.id,
            "172.24.4.233",
            "172.24.4.233",
            "s3cret-psk",
        )
        .endpoint_groups(&locals.id, &peers.id)
        .name(unique("conn")),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(conn.psk.expose_secret(), "s3cret-psk");
    assert!(!format!("{conn:?}").contains("s3cret-psk"));
    assert_eq!(
        (conn.mtu, conn.dpd.timeout, conn.status.as_str()),
        (1500, 120, "PENDING_CREATE")
    );
    let listed = site_connections::list(
        &net,
        &site_connections::ListOpts {
            vpnservice_id: Some(service.id.clone()),
            ..Default::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(listed.len(), 1);
    let err = site_connections::update(
        &net,
        &conn.id,
        &site_connections::UpdateOpts::default().mtu(1400),
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(err.status_code(), Some(400), "{err}");
    // A policy in use can be neither changed nor deleted.
    let err = ike_policies::delete(&net, &ike.id).await.ok().unwrap_err();
    assert_eq!(err.status_code(), Some(409), "{err}");

    site_connections::delete(&net, &conn.id).await.ok().unwrap();
    services::delete(&net, &service.id).await.ok().unwrap();
    endpoint_groups::delete(&net, &locals.id)
        .await
        .ok()
        .unwrap();
    endpoint_groups::delete(&net, &peers.id).await.ok().unwrap();
    ike_policies::delete(&net, &ike.id).await.ok().unwrap();
    ipsec_policies::delete(&net, &ipsec.id).await.ok().unwrap();
    raw(
        &net,
        &ROUTER_REMOVE,
        &[&router_id],
        Some(json!({"subnet_id": subnet_id})),
    )
    .await;
    raw(&net, &DELETE_ROUTER, &[&router_id], None).await;
    raw(&net, &DELETE_NETWORK, &[&network_id], None).await;
}
