//! The read-only listings against the real Neutron: the extensions the devcloud loads,
//! availability zones (none without agents), and the IP availability of a new network.

use crate::support::*;
use ferrocloud::openstack;
use ferrocloud::openstack::networking::v2::networks::{self, CreateOpts as NetOpts};
use ferrocloud::openstack::networking::v2::subnets::{self, CreateOpts};
use ferrocloud::openstack::networking::v2::{
    api_extensions, availability_zones, network_ip_availability,
};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_extensions_zones_and_ip_availability() {
    let admin = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();

    let loaded = api_extensions::list(&admin).all().await.unwrap();
    for alias in [
        "trunk",
        "qos",
        "port-security",
        "network-ip-availability",
        "revision-if-match",
    ] {
        assert!(
            loaded.iter().any(|e| e.alias == alias),
            "{alias} not in {loaded:?}"
        );
    }
    let trunk = api_extensions::get(&admin, "trunk")
        .await
        .extract()
        .unwrap();
    assert!(!trunk.description.is_empty());
    assert!(
        !api_extensions::is_loaded(&admin, "no-such-extension")
            .await
            .unwrap()
    );

    // No DHCP or L3 agents run here, so no zone has a resource in it.
    let zones = availability_zones::list(&admin, &Default::default())
        .all()
        .await
        .unwrap();
    assert!(
        zones
            .iter()
            .all(|z| z.resource == "network" || z.resource == "router")
    );

    let net = networks::create(&admin, &NetOpts::new(unique("ipavail")))
        .await
        .extract()
        .unwrap();
    let v4 = subnets::create(&admin, &CreateOpts::ipv4(&net.id, "10.79.0.0/24"))
        .await
        .extract()
        .unwrap();
    let v6 = subnets::create(&admin, &CreateOpts::ipv6(&net.id, "fd00:79::/64"))
        .await
        .extract()
        .unwrap();
    let a = network_ip_availability::get(&admin, &net.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(a.network_id, net.id);
    assert_eq!(a.subnet_ip_availability.len(), 2);
    let s4 = a
        .subnet_ip_availability
        .iter()
        .find(|s| s.subnet_id == v4.id)
        .unwrap();
    // A /24 less the network, broadcast and gateway addresses.
    assert_eq!((s4.ip_version, s4.total_ips, s4.used_ips), (4, 253, 0));
    let s6 = a
        .subnet_ip_availability
        .iter()
        .find(|s| s.subnet_id == v6.id)
        .unwrap();
    // A /64 less the gateway address: 2^64 - 1, and with the IPv4 subnet the network's
    // total passes u64::MAX.
    assert_eq!((s6.ip_version, s6.total_ips), (6, (1u128 << 64) - 1));
    assert_eq!(a.total_ips, s4.total_ips + s6.total_ips);
    assert!(a.total_ips > u128::from(u64::MAX));
    let listed = network_ip_availability::list(
        &admin,
        &network_ip_availability::ListOpts {
            network_id: Some(net.id.clone()),
            ..Default::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(listed.len(), 1);

    for s in [&v4.id, &v6.id] {
        subnets::delete(&admin, s).await.ok().unwrap();
    }
    networks::delete(&admin, &net.id).await.ok().unwrap();
}
