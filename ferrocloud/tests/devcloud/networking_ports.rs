//! Ports against the real Neutron (ML2 with the no-op mechanism driver): create with a
//! fixed IP, a binding host and extension attributes, the status waiter, bulk creation,
//! fixed-IP filters, sorting and pagination over several pages, compare-and-swap
//! updates, find, delete.

use std::panic::AssertUnwindSafe;
use std::time::Duration;

use crate::support::*;
use ferrocloud::openstack::networking::v2::common::{ListControls, SortDir};
use ferrocloud::openstack::networking::v2::extensions::{
    binding::{Binding, VnicType},
    data_plane_status::DataPlaneStatus,
    ip_allocation::IpAllocation,
    port_security::PortSecurity,
    uplink_status_propagation::PropagateUplinkStatus,
};
use ferrocloud::openstack::networking::v2::networks::{self, CreateOpts as NetOpts};
use ferrocloud::openstack::networking::v2::ports::{
    self, AddressPair, CreateOpts, ExtraDhcpOpt, FixedIpFilter, FixedIpOpts, ListOpts, Port,
    UpdateOpts,
};
use ferrocloud::openstack::networking::v2::subnets::{self, CreateOpts as SubnetOpts};
use ferrocloud::request::With;
use ferrocloud::wait::WaitOpts;
use ferrocloud::{ErrorKind, ServiceClient, openstack};
use futures::FutureExt;

/// Deletes every port of the network, then the network.
pub async fn remove_network(client: &ServiceClient, network_id: &str) {
    let opts = ListOpts {
        network_id: Some(network_id.to_string()),
        ..ListOpts::default()
    };
    if let Ok(left) = ports::list(client, &opts).all().await {
        for port in left
            .iter()
            .filter(|p| !p.device_owner.starts_with("network:"))
        {
            let _ = ports::delete(client, &port.id).await.ok();
        }
    }
    networks::delete(client, network_id).await.ok().unwrap();
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_ports_crud_extensions_filters_pages_bulk_find() {
    let client = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();
    let net = networks::create(&client, &NetOpts::new(unique("ports")))
        .await
        .extract()
        .unwrap();
    let outcome = AssertUnwindSafe(scenario(&client, &net.id))
        .catch_unwind()
        .await;
    remove_network(&client, &net.id).await;
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

async fn scenario(client: &ServiceClient, net_id: &str) {
    let subnet = subnets::create(client, &SubnetOpts::ipv4(net_id, "10.91.0.0/24"))
        .await
        .extract()
        .unwrap();

    // One port with a chosen address, a binding host and extension attributes.
    let name = unique("port");
    let opts = With::new(
        With::new(
            CreateOpts::new(net_id)
                .name(&name)
                .description("web")
                .fixed_ips([FixedIpOpts::address(&subnet.id, "10.91.0.10")])
                .allowed_address_pairs([AddressPair::new("10.91.0.200")])
                .extra_dhcp_opts([ExtraDhcpOpt::new("mtu", "1400")]),
            Binding::default()
                .host_id("devcloud-host-a")
                .vnic_type(VnicType::Normal),
        ),
        PropagateUplinkStatus::default().propagate_uplink_status(false),
    );
    let result = ports::create(client, &opts).await;
    let port = result.extract().unwrap();
    assert_eq!(
        (port.name.as_str(), port.description.as_str()),
        (name.as_str(), "web")
    );
    assert_eq!(port.network_id, net_id);
    assert_eq!(port.fixed_ips.len(), 1);
    assert_eq!(port.fixed_ips[0].ip_address, "10.91.0.10");
    assert_eq!(port.fixed_ips[0].subnet_id, subnet.id);
    assert_eq!(port.allowed_address_pairs[0].ip_address, "10.91.0.200");
    // Neutron fills in the port's own MAC address.
    assert_eq!(
        port.allowed_address_pairs[0].mac_address.as_deref(),
        Some(port.mac_address.as_str())
    );
    assert_eq!(port.extra_dhcp_opts[0].opt_name, "mtu");
    assert_eq!(port.extra_dhcp_opts[0].ip_version, Some(4));
    assert_eq!(port.security_groups.len(), 1, "the project's default group");
    type Read =
        With<With<With<With<Port, Binding>, PropagateUplinkStatus>, IpAllocation>, PortSecurity>;
    let read = result.extract_into::<Read>().unwrap();
    let binding = &read.base.base.base.ext;
    assert_eq!(binding.host_id.as_deref(), Some("devcloud-host-a"));
    assert_eq!(binding.vnic_type, Some(VnicType::Normal));
    // The no-op mechanism driver binds every port as an OVS one.
    assert_eq!(binding.vif_type.as_deref(), Some("ovs"));
    assert_eq!(binding.profile, Some(Some(Default::default())));
    assert_eq!(read.base.base.ext.propagate_uplink_status, Some(false));
    assert_eq!(read.base.ext.ip_allocation.as_deref(), Some("immediate"));
    assert_eq!(read.ext.port_security_enabled, Some(true));
    let shown = ports::get(client, &port.id)
        .await
        .extract_into::<With<Port, DataPlaneStatus>>()
        .unwrap();
    assert_eq!(shown.ext.data_plane_status, None);

    // A bound port of the no-op driver goes ACTIVE.
    let opts = WaitOpts::new(Duration::from_secs(60))
        .interval(Duration::from_millis(200), Duration::from_secs(2));
    let active = ports::wait_for_status(client, &port.id, "ACTIVE", &opts)
        .await
        .unwrap();
    assert_eq!(active.id, port.id);

    // Five more in one request; all or none.
    let prefix = unique("bulk");
    let bulk: Vec<CreateOpts> = (0..5)
        .map(|i| CreateOpts::new(net_id).name(format!("{prefix}-{i}")))
        .collect();
    let created = ports::create_bulk(client, &bulk).await.extract().unwrap();
    assert_eq!(created.len(), 5);
    let bad = [
        CreateOpts::new(net_id).name(format!("{prefix}-x")),
        CreateOpts::new("00000000-0000-4000-8000-000000000000"),
    ];
    let err = ports::create_bulk(client, &bad)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    let all = ListOpts {
        network_id: Some(net_id.to_string()),
        ..ListOpts::default()
    };
    assert_eq!(ports::list(client, &all).all().await.unwrap().len(), 6);

    // Sorted by name, descending, two per page: three pages.
    let opts = ListOpts {
        network_id: Some(net_id.to_string()),
        controls: ListControls::default()
            .sort("name", SortDir::Desc)
            .limit(2)
            .filter("description", ""),
        ..ListOpts::default()
    };
    let mut pages = 0;
    let mut names = Vec::new();
    ports::list(client, &opts)
        .each_page(|page| -> ferrocloud::Result<bool> {
            pages += 1;
            names.extend(ports::extract_ports(&page)?.into_iter().map(|p| p.name));
            Ok(true)
        })
        .await
        .unwrap();
    let expected: Vec<String> = (0..5).rev().map(|i| format!("{prefix}-{i}")).collect();
    assert_eq!(names, expected);
    assert_eq!(pages, 3);

    // Fixed-IP filters: by address, by subnet and address fragment.
    let by_ip = ListOpts {
        fixed_ips: vec![FixedIpFilter::IpAddress("10.91.0.10".into())],
        ..ListOpts::default()
    };
    let found = ports::list(client, &by_ip).all().await.unwrap();
    assert_eq!(
        found.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        [port.id.as_str()]
    );
    let by_substr = ListOpts {
        network_id: Some(net_id.to_string()),
        fixed_ips: vec![
            FixedIpFilter::SubnetId(subnet.id.clone()),
            FixedIpFilter::IpAddressSubstr("10.91.0.1".into()),
        ],
        ..ListOpts::default()
    };
    let found = ports::list(client, &by_substr).all().await.unwrap();
    assert!(found.iter().any(|p| p.id == port.id));
    assert!(
        found
            .iter()
            .all(|p| p.fixed_ips[0].ip_address.starts_with("10.91.0.1"))
    );
    let by_host = ListOpts {
        host_id: Some("devcloud-host-a".into()),
        network_id: Some(net_id.to_string()),
        ..ListOpts::default()
    };
    assert_eq!(ports::list(client, &by_host).all().await.unwrap().len(), 1);

    // Compare-and-swap: a stale revision changes nothing.
    let rev = port.revision_number;
    let latest = ports::get(client, &port.id).await.extract().unwrap();
    let updated = ports::update_if_revision(
        client,
        &port.id,
        latest.revision_number,
        &With::new(
            UpdateOpts::default()
                .name(format!("{name}-renamed"))
                .security_groups(Vec::<String>::new())
                // Neutron refuses address pairs on a port without port security (409).
                .allowed_address_pairs([]),
            PortSecurity::default().port_security_enabled(false),
        ),
    )
    .await
    .extract()
    .unwrap();
    assert!(updated.security_groups.is_empty());
    assert!(updated.allowed_address_pairs.is_empty());
    assert!(updated.revision_number > rev);
    let err =
        ports::update_if_revision(client, &port.id, rev, &UpdateOpts::default().name("stale"))
            .await
            .extract()
            .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::PreconditionFailed, "{err}");

    // Find by name and by ID.
    let found = ports::find(client, &format!("{name}-renamed"))
        .await
        .unwrap();
    assert_eq!(found.id, port.id);
    assert_eq!(ports::find(client, &port.id).await.unwrap().id, port.id);

    ports::delete(client, &port.id).await.ok().unwrap();
    let err = ports::get(client, &port.id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}
