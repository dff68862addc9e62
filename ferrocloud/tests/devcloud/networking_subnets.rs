//! Subnets against the real Neutron: create with pools, DNS servers and routes, bulk
//! creation, gateway removal, compare-and-swap, filters, find, delete.

use crate::support::*;
use ferrocloud::openstack::networking::v2::extensions::dns::DnsPublishFixedIp;
use ferrocloud::openstack::networking::v2::networks::{self, CreateOpts as NetOpts};
use ferrocloud::openstack::networking::v2::subnets::{
    self, AllocationPool, CreateOpts, HostRoute, ListOpts, Subnet, UpdateOpts,
};
use ferrocloud::request::With;
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_subnets_crud_bulk_gateway_filters() {
    let client = openstack::new_network_v2(&fresh(member_opts()).await, region()).unwrap();
    let net = networks::create(&client, &NetOpts::new(unique("subnets")))
        .await
        .extract()
        .unwrap();

    let name = unique("subnet");
    let opts = With::new(
        CreateOpts::ipv4(&net.id, "10.77.0.0/24")
            .name(&name)
            .gateway_ip(Some("10.77.0.1"))
            .allocation_pools([AllocationPool::new("10.77.0.10", "10.77.0.99")])
            .dns_nameservers(["10.77.0.2"])
            .host_routes([HostRoute::new("10.78.0.0/16", "10.77.0.254")]),
        DnsPublishFixedIp::default().dns_publish_fixed_ip(false),
    );
    let result = subnets::create(&client, &opts).await;
    let subnet = result.extract().unwrap();
    assert_eq!(
        (subnet.name.as_str(), subnet.cidr.as_str()),
        (name.as_str(), "10.77.0.0/24")
    );
    assert_eq!(subnet.network_id, net.id);
    assert_eq!(subnet.ip_version, 4);
    assert_eq!(subnet.gateway_ip.as_deref(), Some("10.77.0.1"));
    assert_eq!(
        subnet.allocation_pools,
        [AllocationPool::new("10.77.0.10", "10.77.0.99")]
    );
    assert_eq!(subnet.dns_nameservers, ["10.77.0.2"]);
    assert_eq!(
        subnet.host_routes,
        [HostRoute::new("10.78.0.0/16", "10.77.0.254")]
    );
    assert!(subnet.enable_dhcp);
    let read = result
        .extract_into::<With<Subnet, DnsPublishFixedIp>>()
        .unwrap();
    assert_eq!(read.ext.dns_publish_fixed_ip, Some(false));

    // Remove the gateway; a stale revision changes nothing.
    let rev = subnet.revision_number;
    let updated = subnets::update_if_revision(
        &client,
        &subnet.id,
        rev,
        &UpdateOpts::default().gateway_ip(None),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(updated.gateway_ip, None);
    let err = subnets::update_if_revision(
        &client,
        &subnet.id,
        rev,
        &UpdateOpts::default().name("stale"),
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::PreconditionFailed, "{err}");

    // Bulk: two more ranges on the same network, then filters.
    let bulk = subnets::create_bulk(
        &client,
        &[
            CreateOpts::ipv4(&net.id, "10.77.1.0/24").name(format!("{name}-b1")),
            CreateOpts::ipv6(&net.id, "fd00:77::/64").name(format!("{name}-b2")),
        ],
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(bulk.len(), 2);
    assert_eq!(bulk[1].ip_version, 6);
    let on_net = subnets::list(
        &client,
        &ListOpts {
            network_id: Some(net.id.clone()),
            ..ListOpts::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(on_net.len(), 3);
    let v6 = subnets::list(
        &client,
        &ListOpts {
            network_id: Some(net.id.clone()),
            ip_version: Some(6),
            ..ListOpts::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(v6.len(), 1);
    assert_eq!(v6[0].id, bulk[1].id);
    assert_eq!(subnets::find(&client, &name).await.unwrap().id, subnet.id);

    for s in on_net {
        subnets::delete(&client, &s.id).await.ok().unwrap();
    }
    let err = subnets::get(&client, &subnet.id)
        .await
        .extract()
        .unwrap_err();
    assert!(err.is_not_found(), "{err}");
    networks::delete(&client, &net.id).await.ok().unwrap();
}
