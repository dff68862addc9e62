//! Routers, floating IPs, port forwardings, conntrack helpers, local IPs and the
//! auto-allocated topology against the real Neutron (its router service plugin, with no
//! L3 agent: routers stay ACTIVE, floating IPs DOWN). Ports are created with test-local
//! operations, subnet pools too. The L3 agent scheduling calls need an L3 agent: those are
//! tested with the mock server only.

use crate::support::*;
use ferrocloud::openstack::networking::v2::extensions::{
    dvr::Distributed, external::External, l3_conntrack_helper::ConntrackHelpers, l3_ha::Ha,
    l3_ndp_proxy::EnableNdpProxy,
};
use ferrocloud::openstack::networking::v2::local_ips::{self, AssociationOpts, IpMode};
use ferrocloud::openstack::networking::v2::{
    address_scopes, auto_allocated_topology, conntrack_helpers, floating_ip_pools, floating_ips,
    ndp_proxies, networks, port_forwardings, routers, subnet_pools, subnets,
};
use ferrocloud::request::With;
use ferrocloud::wait::WaitOpts;
use ferrocloud::{Operation, ServiceClient, openstack};
use serde_json::{Value, json};

static CREATE_PORT: Operation = Operation::new("network", http::Method::POST, "/ports");
static DELETE_PORT: Operation = Operation::new("network", http::Method::DELETE, "/ports/{port_id}");
static CREATE_POOL: Operation = Operation::new("network", http::Method::POST, "/subnetpools");
static DELETE_POOL: Operation = Operation::new(
    "network",
    http::Method::DELETE,
    "/subnetpools/{subnetpool_id}",
);

/// A port on `network_id`: its ID and fixed address.
async fn create_port(client: &ServiceClient, network_id: &str) -> (String, String) {
    let body: Value = client
        .request(&CREATE_PORT, &[])
        .body(&json!({"port": {"network_id": network_id, "name": unique("port")}}))
        .send()
        .await
        .extract_into()
        .unwrap();
    let port = &body["port"];
    (
        port["id"].as_str().unwrap().to_string(),
        port["fixed_ips"][0]["ip_address"]
            .as_str()
            .unwrap()
            .to_string(),
    )
}

/// A network (external or not) with one IPv4 subnet: their IDs.
async fn network_with_subnet(
    client: &ServiceClient,
    external: bool,
    cidr: &str,
) -> (String, String) {
    let opts = With::new(
        networks::CreateOpts::new(unique("net")),
        External::new(external),
    );
    let net = networks::create(client, &opts).await.extract().unwrap();
    let subnet = subnets::create(
        client,
        &subnets::CreateOpts::ipv4(&net.id, cidr).name(unique("subnet")),
    )
    .await
    .extract()
    .unwrap();
    (net.id, subnet.id)
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_routers_gateway_interfaces_routes_floating_ips_forwardings_helpers() {
    let admin = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();
    let (ext_net, ext_subnet) = network_with_subnet(&admin, true, "198.51.100.0/24").await;
    let (int_net, int_subnet) = network_with_subnet(&admin, false, "10.231.0.0/24").await;

    // A router with a gateway on the external network.
    let name = unique("router");
    let opts = routers::CreateOpts::new(&name)
        .description("made by the tests")
        .external_gateway_info(routers::GatewayOpts::new(&ext_net).enable_snat(true));
    let created = routers::create(&admin, &opts).await;
    let router = created.extract().unwrap();
    let gw = router.external_gateway_info.clone().unwrap();
    assert_eq!(
        (gw.network_id.as_str(), gw.enable_snat),
        (ext_net.as_str(), Some(true))
    );
    assert_eq!(gw.external_fixed_ips[0].subnet_id, ext_subnet);
    assert!(
        gw.external_fixed_ips[0]
            .ip_address
            .starts_with("198.51.100.")
    );
    let ext =
        created
            .extract_into::<With<
                With<With<With<routers::Router, Ha>, Distributed>, EnableNdpProxy>,
                ConntrackHelpers,
            >>()
            .unwrap();
    assert_eq!(ext.base.base.base.ext.ha, Some(false));
    assert_eq!(ext.base.base.ext.distributed, Some(false));
    assert_eq!(ext.base.ext.enable_ndp_proxy, Some(false));
    assert_eq!(ext.ext.conntrack_helpers.as_deref(), Some(&[][..]));
    let waited = routers::wait_for_status(&admin, &router.id, "ACTIVE", &WaitOpts::default())
        .await
        .unwrap();
    assert_eq!(waited.id, router.id);
    assert_eq!(routers::find(&admin, &name).await.unwrap().id, router.id);
    let listed = routers::list(
        &admin,
        &routers::ListOpts {
            name: Some(name.clone()),
            ..Default::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(listed.len(), 1);

    // With a gateway, Neutron bumps the revision while handling any update, before it
    // checks If-Match: even the current revision gets 412.
    let current = routers::get(&admin, &router.id).await.extract().unwrap();
    let refused = routers::update_if_revision(
        &admin,
        &router.id,
        current.revision_number,
        &routers::UpdateOpts::default().description("renamed"),
    )
    .await
    .extract()
    .unwrap_err();
    assert!(refused.is_precondition_failed(), "{refused}");

    // An interface on the internal subnet, extra routes through it.
    let iface = routers::add_interface(
        &admin,
        &router.id,
        &routers::InterfaceOpts::subnet(&int_subnet),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        (iface.id.as_str(), iface.network_id.as_str()),
        (router.id.as_str(), int_net.as_str())
    );
    assert_eq!(iface.subnet_ids, vec![int_subnet.clone()]);
    let route = routers::Route::new("10.232.0.0/24", "10.231.0.5");
    let added = routers::add_extra_routes(&admin, &router.id, std::slice::from_ref(&route)).await;
    assert_eq!(added.extract().unwrap().routes, vec![route.clone()]);
    // Neutron answers with the whole router, though the reference documents three fields.
    assert_eq!(
        added
            .extract_into::<routers::Router>()
            .unwrap()
            .routes
            .len(),
        1
    );
    let removed = routers::remove_extra_routes(&admin, &router.id, std::slice::from_ref(&route))
        .await
        .extract()
        .unwrap();
    assert!(removed.routes.is_empty());
    let replaced = routers::update(
        &admin,
        &router.id,
        &routers::UpdateOpts::default().routes([route.clone()]),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(replaced.routes, vec![route]);
    routers::update(
        &admin,
        &router.id,
        &routers::UpdateOpts::default().routes([]),
    )
    .await
    .ok()
    .unwrap();
    // A second gateway needs external-gateway-multihoming, which this Neutron lacks.
    assert!(
        routers::add_external_gateways(&admin, &router.id, &[routers::GatewayOpts::new(&ext_net)])
            .await
            .extract()
            .is_err()
    );

    // Floating IP pools list the external subnet.
    let pools = floating_ip_pools::list(&admin).all().await.unwrap();
    assert!(
        pools
            .iter()
            .any(|p| p.subnet_id == ext_subnet && p.network_id == ext_net)
    );

    // A floating IP associated with a port behind the router, then disassociated.
    let (port, fixed_ip) = create_port(&admin, &int_net).await;
    let fip = floating_ips::create(
        &admin,
        &floating_ips::CreateOpts::new(&ext_net)
            .port_id(&port)
            .description("fip"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(fip.port_id.as_deref(), Some(port.as_str()));
    assert_eq!(fip.fixed_ip_address.as_deref(), Some(fixed_ip.as_str()));
    assert_eq!(fip.router_id.as_deref(), Some(router.id.as_str()));
    // No L3 agent: the floating IP stays DOWN.
    let down = floating_ips::wait_for_status(&admin, &fip.id, "DOWN", &WaitOpts::default())
        .await
        .unwrap();
    assert_eq!(down.floating_ip_address, fip.floating_ip_address);
    assert_eq!(
        floating_ips::find(&admin, &fip.floating_ip_address)
            .await
            .unwrap()
            .id,
        fip.id
    );
    let by_net = floating_ips::list(
        &admin,
        &floating_ips::ListOpts {
            floating_network_id: Some(ext_net.clone()),
            ..Default::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(by_net.len(), 1);
    let off = floating_ips::disassociate(&admin, &fip.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (off.port_id, off.fixed_ip_address, off.router_id),
        (None, None, None)
    );
    let on = floating_ips::associate(&admin, &fip.id, &port)
        .await
        .extract()
        .unwrap();
    assert_eq!(on.port_id.as_deref(), Some(port.as_str()));
    floating_ips::disassociate(&admin, &fip.id)
        .await
        .ok()
        .unwrap();

    // Port forwardings on the same floating IP, to the port.
    let opts = port_forwardings::CreateOpts::new("tcp", &port, &fixed_ip)
        .ports(22, 2222)
        .description("ssh");
    let pf = port_forwardings::create(&admin, &fip.id, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!((pf.internal_port, pf.external_port), (Some(22), Some(2222)));
    assert_eq!(pf.description.as_deref(), Some("ssh"));
    let pf = port_forwardings::update(
        &admin,
        &fip.id,
        &pf.id,
        &port_forwardings::UpdateOpts::default().external_port(2200),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(pf.external_port, Some(2200));
    let pfs = port_forwardings::list(&admin, &fip.id, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(pfs.len(), 1);
    assert_eq!(
        port_forwardings::get(&admin, &fip.id, &pf.id)
            .await
            .extract()
            .unwrap(),
        pf
    );
    port_forwardings::delete(&admin, &fip.id, &pf.id)
        .await
        .ok()
        .unwrap();
    floating_ips::delete(&admin, &fip.id).await.ok().unwrap();

    // Conntrack helpers, also listed on the router.
    let helper = conntrack_helpers::create(
        &admin,
        &router.id,
        &conntrack_helpers::CreateOpts::new("tcp", 21, "ftp"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!((helper.helper.as_str(), helper.port), ("ftp", 21));
    let on_router = routers::get(&admin, &router.id)
        .await
        .extract_into::<With<routers::Router, ConntrackHelpers>>()
        .unwrap();
    assert_eq!(on_router.ext.conntrack_helpers.unwrap()[0].port, 21);
    let helper = conntrack_helpers::update(
        &admin,
        &router.id,
        &helper.id,
        &conntrack_helpers::UpdateOpts::default().port(2121),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(helper.port, 2121);
    let listed = conntrack_helpers::list(&admin, &router.id, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(listed, vec![helper.clone()]);
    assert_eq!(
        conntrack_helpers::get(&admin, &router.id, &helper.id)
            .await
            .extract()
            .unwrap(),
        helper
    );
    conntrack_helpers::delete(&admin, &router.id, &helper.id)
        .await
        .ok()
        .unwrap();

    // Clean up: interface (by port), port, gateway, router, networks.
    routers::remove_interface(
        &admin,
        &router.id,
        &routers::InterfaceOpts::port(&iface.port_id),
    )
    .await
    .ok()
    .unwrap();
    admin
        .request(&DELETE_PORT, &[&port])
        .send()
        .await
        .ok()
        .unwrap();
    let cleared = routers::update(
        &admin,
        &router.id,
        &routers::UpdateOpts::default().clear_external_gateway(),
    )
    .await
    .extract()
    .unwrap();
    assert!(cleared.external_gateway_info.is_none());
    // Without a gateway, compare-and-swap works: the read revision passes, a stale one
    // gets 412.
    let renamed = routers::update_if_revision(
        &admin,
        &router.id,
        cleared.revision_number,
        &routers::UpdateOpts::default().description("renamed"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(renamed.description, "renamed");
    let stale = routers::update_if_revision(
        &admin,
        &router.id,
        cleared.revision_number,
        &routers::UpdateOpts::default().description("stale"),
    )
    .await
    .extract()
    .unwrap_err();
    assert!(stale.is_precondition_failed(), "{stale}");
    routers::delete(&admin, &router.id).await.ok().unwrap();
    routers::wait_for_delete(&admin, &router.id, &WaitOpts::default())
        .await
        .unwrap();
    networks::delete(&admin, &int_net).await.ok().unwrap();
    networks::delete(&admin, &ext_net).await.ok().unwrap();
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_routers_local_ips_and_port_associations() {
    let admin = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();
    let (net, _subnet) = network_with_subnet(&admin, false, "10.233.0.0/24").await;
    let name = unique("lip");
    let opts = local_ips::CreateOpts::on_network(&net)
        .name(&name)
        .ip_mode(IpMode::Translate);
    let lip = local_ips::create(&admin, &opts).await.extract().unwrap();
    assert_eq!(
        (lip.network_id.as_str(), lip.ip_mode),
        (net.as_str(), IpMode::Translate)
    );
    assert!(lip.local_ip_address.starts_with("10.233.0."));
    assert_eq!(local_ips::find(&admin, &name).await.unwrap().id, lip.id);
    let updated = local_ips::update(
        &admin,
        &lip.id,
        &local_ips::UpdateOpts::default().description("lip"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(updated.description, "lip");
    assert_eq!(
        local_ips::get(&admin, &lip.id).await.extract().unwrap(),
        updated
    );
    let listed = local_ips::list(
        &admin,
        &local_ips::ListOpts {
            network_id: Some(net.clone()),
            ..Default::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(listed.len(), 1);

    let (port, fixed_ip) = create_port(&admin, &net).await;
    let assoc = local_ips::create_port_association(&admin, &lip.id, &AssociationOpts::new(&port))
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (assoc.fixed_port_id.as_str(), assoc.fixed_ip.as_str()),
        (port.as_str(), fixed_ip.as_str())
    );
    assert_eq!(assoc.local_ip_address, lip.local_ip_address);
    let all = local_ips::list_port_associations(&admin, &lip.id, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all, vec![assoc]);
    local_ips::delete_port_association(&admin, &lip.id, &port)
        .await
        .ok()
        .unwrap();
    local_ips::delete(&admin, &lip.id).await.ok().unwrap();
    admin
        .request(&DELETE_PORT, &[&port])
        .send()
        .await
        .ok()
        .unwrap();
    networks::delete(&admin, &net).await.ok().unwrap();
}

/// NDP proxies need what Neutron checks before creating one: a router with
/// `enable_ndp_proxy`, whose gateway network has an IPv6 subnet in an address scope, and
/// an internal IPv6 subnet of the same scope on one of its interfaces.
#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_routers_ndp_proxies_on_an_ipv6_address_scope() {
    let admin = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();
    let scope = address_scopes::create(&admin, &address_scopes::CreateOpts::ipv6(unique("scope6")))
        .await
        .extract()
        .unwrap();
    let pool = subnet_pools::create(
        &admin,
        &subnet_pools::CreateOpts::new(unique("pool6"), ["2001:db8:77::/48"])
            .default_prefixlen(64)
            .address_scope_id(&scope.id),
    )
    .await
    .extract()
    .unwrap();
    let v6_network = |external: bool| {
        let admin = admin.clone();
        let pool = pool.id.clone();
        async move {
            let opts = With::new(
                networks::CreateOpts::new(unique("net6")),
                External::new(external),
            );
            let net = networks::create(&admin, &opts).await.extract().unwrap();
            let subnet =
                subnets::create(&admin, &subnets::CreateOpts::from_pool(&net.id, 6, &pool))
                    .await
                    .extract()
                    .unwrap();
            (net.id, subnet.id)
        }
    };
    let (ext_net, _) = v6_network(true).await;
    let (int_net, int_subnet) = v6_network(false).await;

    let opts = With::new(
        routers::CreateOpts::new(unique("router6"))
            .external_gateway_info(routers::GatewayOpts::new(&ext_net)),
        EnableNdpProxy::default().enable_ndp_proxy(true),
    );
    let created = routers::create(&admin, &opts).await;
    let router = created.extract().unwrap();
    let enabled: With<routers::Router, EnableNdpProxy> = created.extract_into().unwrap();
    assert_eq!(enabled.ext.enable_ndp_proxy, Some(true));
    routers::add_interface(
        &admin,
        &router.id,
        &routers::InterfaceOpts::subnet(&int_subnet),
    )
    .await
    .extract()
    .unwrap();
    let (port, address) = create_port(&admin, &int_net).await;
    assert!(address.starts_with("2001:db8:77:"), "{address}");

    // Without an address, Neutron picks the port's address on the router's subnet.
    let name = unique("ndp");
    let proxy = ndp_proxies::create(
        &admin,
        &ndp_proxies::CreateOpts::new(&router.id, &port).name(&name),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        (
            proxy.router_id.as_str(),
            proxy.port_id.as_str(),
            proxy.ip_address.as_str()
        ),
        (router.id.as_str(), port.as_str(), address.as_str())
    );
    assert_eq!(ndp_proxies::find(&admin, &name).await.unwrap().id, proxy.id);
    let updated = ndp_proxies::update(
        &admin,
        &proxy.id,
        &ndp_proxies::UpdateOpts::default().description("reachable from outside"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(updated.description, "reachable from outside");
    assert_eq!(
        ndp_proxies::get(&admin, &proxy.id).await.extract().unwrap(),
        updated
    );
    let on_router = ndp_proxies::ListOpts {
        router_id: Some(router.id.clone()),
        ..Default::default()
    };
    assert_eq!(
        ndp_proxies::list(&admin, &on_router).all().await.unwrap(),
        vec![updated.clone()]
    );
    // While a proxy uses it, the router's interface cannot go.
    let e = routers::remove_interface(
        &admin,
        &router.id,
        &routers::InterfaceOpts::subnet(&int_subnet),
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(e.status_code(), Some(409), "{e}");

    // Clean up.
    ndp_proxies::delete(&admin, &proxy.id).await.ok().unwrap();
    admin
        .request(&DELETE_PORT, &[&port])
        .send()
        .await
        .ok()
        .unwrap();
    routers::remove_interface(
        &admin,
        &router.id,
        &routers::InterfaceOpts::subnet(&int_subnet),
    )
    .await
    .extract()
    .unwrap();
    routers::delete(&admin, &router.id).await.ok().unwrap();
    networks::delete(&admin, &int_net).await.ok().unwrap();
    networks::delete(&admin, &ext_net).await.ok().unwrap();
    subnet_pools::delete(&admin, &pool.id).await.ok().unwrap();
    address_scopes::delete(&admin, &scope.id)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_routers_auto_allocated_topology() {
    let admin = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();
    // A default external network and a default subnet pool make auto-allocation possible.
    let opts = With::new(
        networks::CreateOpts::new(unique("default-ext")),
        External::new(true).is_default(true),
    );
    let ext = networks::create(&admin, &opts).await.extract().unwrap();
    subnets::create(
        &admin,
        &subnets::CreateOpts::ipv4(&ext.id, "198.51.101.0/24"),
    )
    .await
    .ok()
    .unwrap();
    let pool: Value = admin
        .request(&CREATE_POOL, &[])
        .body(
            &json!({"subnetpool": {"name": unique("pool"), "prefixes": ["10.234.0.0/16"],
            "default_prefixlen": 26, "is_default": true, "shared": true}}),
        )
        .send()
        .await
        .extract_into()
        .unwrap();
    let pool_id = pool["subnetpool"]["id"].as_str().unwrap().to_string();
    let project = ext.project_id.clone();

    let checked = auto_allocated_topology::validate(&admin, &project)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (checked.id.as_str(), checked.project_id.as_str()),
        ("dry-run=pass", project.as_str())
    );
    let topology = auto_allocated_topology::get(&admin, &project)
        .await
        .extract()
        .unwrap();
    let net = networks::get(&admin, &topology.id).await.extract().unwrap();
    assert_eq!(
        (net.project_id.as_str(), net.subnets.len()),
        (project.as_str(), 1)
    );
    // A second request answers the same network.
    assert_eq!(
        auto_allocated_topology::get(&admin, &project)
            .await
            .extract()
            .unwrap()
            .id,
        topology.id
    );
    auto_allocated_topology::delete(&admin, &project)
        .await
        .ok()
        .unwrap();
    assert!(
        networks::get(&admin, &topology.id)
            .await
            .extract()
            .unwrap_err()
            .is_not_found()
    );

    admin
        .request(&DELETE_POOL, &[&pool_id])
        .send()
        .await
        .ok()
        .unwrap();
    networks::delete(&admin, &ext.id).await.ok().unwrap();
}
