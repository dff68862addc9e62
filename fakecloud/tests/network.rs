//! Neutron in the fake: the devcloud's seeded networks and policy, address allocation
//! from subnets, routers and floating IPs, security groups, paging, tags, revisions and
//! quotas, through the SDK.

use fakecloud::FakeCloud;
use ferrocloud::openstack::networking::v2::common::{ListControls, SortDir};
use ferrocloud::openstack::networking::v2::extensions::external::External;
use ferrocloud::openstack::networking::v2::ports::{self, FixedIpOpts};
use ferrocloud::openstack::networking::v2::security_group_rules::{
    self, CreateOpts as RuleOpts, Protocol, RuleSpec,
};
use ferrocloud::openstack::networking::v2::{
    floating_ips, networks, quotas, routers, security_groups, subnets, tags,
};
use ferrocloud::request::With;
use ferrocloud::{ErrorKind, ServiceClient, openstack};

async fn network(cloud: &FakeCloud, user: &str) -> ServiceClient {
    let p = cloud.provider(user).await.unwrap();
    openstack::new_network_v2(&p, Default::default()).unwrap()
}

async fn net_with_subnet(c: &ServiceClient, name: &str, cidr: &str) -> (String, String) {
    let net = networks::create(c, &networks::CreateOpts::new(name))
        .await
        .extract()
        .unwrap();
    let subnet = subnets::create(c, &subnets::CreateOpts::ipv4(&net.id, cidr))
        .await
        .extract()
        .unwrap();
    (net.id, subnet.id)
}

#[tokio::test]
async fn the_seed_and_who_sees_what() {
    let cloud = FakeCloud::start().await.unwrap();
    let demo = network(&cloud, "demo").await;
    let admin = network(&cloud, "admin").await;
    let seen: Vec<String> = networks::list(&demo, &Default::default())
        .all()
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.name)
        .collect();
    assert!(seen.contains(&"public".to_string()) && seen.contains(&"private".to_string()));
    // The admin's own network stays hidden from the member.
    let hidden = networks::create(&admin, &networks::CreateOpts::new("admin-only"))
        .await
        .extract()
        .unwrap();
    let e = networks::get(&demo, &hidden.id)
        .await
        .extract()
        .unwrap_err();
    assert!(e.is_not_found(), "{e}");
    // A member may not make an external network.
    let opts = With::new(networks::CreateOpts::new("ext"), External::new(true));
    let e = networks::create(&demo, &opts).await.extract().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Forbidden, "{e}");
    // router1 has the private subnet's gateway.
    let r = routers::find(&demo, "router1").await.unwrap();
    assert_eq!(
        r.external_gateway_info.unwrap().external_fixed_ips[0].ip_address,
        "172.24.4.2"
    );
}

#[tokio::test]
async fn ports_take_addresses_from_the_pools_until_none_is_left() {
    let cloud = FakeCloud::start().await.unwrap();
    let c = network(&cloud, "demo").await;
    // A /29: .1 is the gateway, .2 to .6 the pool.
    let (net, subnet) = net_with_subnet(&c, "small", "10.99.0.0/29").await;
    let mut got = Vec::new();
    for _ in 0..5 {
        let p = ports::create(&c, &ports::CreateOpts::new(&net))
            .await
            .extract()
            .unwrap();
        assert!(p.mac_address.starts_with("fa:16:3e:"), "{}", p.mac_address);
        got.push(p.fixed_ips[0].ip_address.clone());
    }
    assert_eq!(
        got,
        [
            "10.99.0.2",
            "10.99.0.3",
            "10.99.0.4",
            "10.99.0.5",
            "10.99.0.6"
        ]
    );
    let e = ports::create(&c, &ports::CreateOpts::new(&net))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict, "{e}");
    // An address in use is refused; a subnet with ports is not deleted.
    let taken =
        ports::CreateOpts::new(&net).fixed_ips([FixedIpOpts::address(&subnet, "10.99.0.3")]);
    let e = ports::create(&c, &taken).await.extract().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict, "{e}");
    let e = subnets::delete(&c, &subnet).await.ok().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict, "{e}");
    // A bad CIDR is the client's error.
    let e = subnets::create(&c, &subnets::CreateOpts::ipv4(&net, "10.999.0.0/24"))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadRequest, "{e}");
}

#[tokio::test]
async fn a_floating_ip_follows_the_router_to_its_port() {
    let cloud = FakeCloud::start().await.unwrap();
    let c = network(&cloud, "demo").await;
    let public = networks::find(&c, "public").await.unwrap().id;
    let (net, subnet) = net_with_subnet(&c, "inner", "10.98.0.0/24").await;
    let port = ports::create(&c, &ports::CreateOpts::new(&net))
        .await
        .extract()
        .unwrap();
    let fip = floating_ips::create(&c, &floating_ips::CreateOpts::new(&public))
        .await
        .extract()
        .unwrap();
    assert!(fip.floating_ip_address.starts_with("172.24.4."));
    // No router joins the subnet to the public network yet.
    let e = floating_ips::associate(&c, &fip.id, &port.id)
        .await
        .extract()
        .unwrap_err();
    assert!(e.is_not_found(), "{e}");
    let router = routers::create(
        &c,
        &routers::CreateOpts::new("edge").external_gateway_info(routers::GatewayOpts::new(&public)),
    )
    .await
    .extract()
    .unwrap();
    routers::add_interface(&c, &router.id, &routers::InterfaceOpts::subnet(&subnet))
        .await
        .extract()
        .unwrap();
    let on = floating_ips::associate(&c, &fip.id, &port.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(on.router_id.as_deref(), Some(router.id.as_str()));
    assert_eq!(
        on.fixed_ip_address.as_deref(),
        Some(port.fixed_ips[0].ip_address.as_str())
    );
    // The router keeps its interface while it has one.
    let e = routers::delete(&c, &router.id).await.ok().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict, "{e}");
    let off = floating_ips::disassociate(&c, &fip.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(off.port_id, None);
}

#[tokio::test]
async fn security_groups_rules_and_duplicates() {
    let cloud = FakeCloud::start().await.unwrap();
    let c = network(&cloud, "demo").await;
    let default = security_groups::find(&c, "default").await.unwrap();
    assert_eq!(default.security_group_rules.len(), 4);
    let sg = security_groups::create(&c, &security_groups::CreateOpts::new("web"))
        .await
        .extract()
        .unwrap();
    let ssh = || {
        RuleOpts::new(
            &sg.id,
            RuleSpec::ingress().protocol(Protocol::Tcp).ports(22, 22),
        )
    };
    security_group_rules::create(&c, &ssh())
        .await
        .extract()
        .unwrap();
    let e = security_group_rules::create(&c, &ssh())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict, "{e}");
    let nobody = "00000000-0000-4000-8000-000000000000";
    let unknown = RuleOpts::new(&sg.id, RuleSpec::ingress().remote_group_id(nobody));
    let e = security_group_rules::create(&c, &unknown)
        .await
        .extract()
        .unwrap_err();
    assert!(e.is_not_found(), "{e}");
    let e = security_groups::delete(&c, &default.id)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict, "{e}");
}

#[tokio::test]
async fn pages_tags_revisions_and_quotas() {
    let cloud = FakeCloud::start().await.unwrap();
    let c = network(&cloud, "demo").await;
    let admin = network(&cloud, "admin").await;
    let mut ids = Vec::new();
    for name in ["pg-a", "pg-b", "pg-c"] {
        let n = networks::create(&c, &networks::CreateOpts::new(name))
            .await
            .extract()
            .unwrap();
        ids.push(n.id);
    }
    tags::replace_all(&c, &tags::ResourceType::Networks, &ids[1], &["blue"])
        .await
        .ok()
        .unwrap();
    let opts = networks::ListOpts {
        controls: ListControls::default().sort("name", SortDir::Desc).limit(1),
        ..Default::default()
    };
    let names: Vec<String> = networks::list(&c, &opts)
        .all()
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.name)
        .filter(|n| n.starts_with("pg-"))
        .collect();
    assert_eq!(names, ["pg-c", "pg-b", "pg-a"]);
    let blue = networks::ListOpts {
        controls: ListControls::default().tags(["blue"]),
        ..Default::default()
    };
    let found = networks::list(&c, &blue).all().await.unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, ids[1]);
    // A stale revision is refused.
    let rev = found[0].revision_number;
    let upd = networks::UpdateOpts::default().description("x");
    networks::update_if_revision(&c, &ids[1], rev, &upd)
        .await
        .extract()
        .unwrap();
    let e = networks::update_if_revision(&c, &ids[1], rev, &upd)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::PreconditionFailed, "{e}");
    // Quotas: the limit holds.
    let demo = cloud
        .state(|s| s.project_by_name("demo").map(|p| p.id.clone()))
        .unwrap();
    let used = networks::list(&c, &Default::default())
        .all()
        .await
        .unwrap()
        .iter()
        .filter(|n| n.project_id == demo)
        .count();
    quotas::update(
        &admin,
        &demo,
        &quotas::UpdateOpts::default().network(used as u64),
    )
    .await
    .extract()
    .unwrap();
    let e = networks::create(&c, &networks::CreateOpts::new("one-too-many"))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict, "{e}");
}
