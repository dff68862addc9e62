//! Trunks against the real Neutron (trunk plugin with an agentless no-op driver):
//! create with a subport, trunk details on the parent port, add, get and remove
//! subports, update, compare-and-swap, find, delete.

use std::panic::AssertUnwindSafe;

use crate::networking_ports::remove_network;
use crate::support::*;
use ferrocloud::openstack::networking::v2::extensions::trunk_details::TrunkDetails;
use ferrocloud::openstack::networking::v2::networks::{self, CreateOpts as NetOpts};
use ferrocloud::openstack::networking::v2::ports::{self, CreateOpts as PortOpts, Port};
use ferrocloud::openstack::networking::v2::subnets::{self, CreateOpts as SubnetOpts};
use ferrocloud::openstack::networking::v2::trunks::{
    self, CreateOpts, ListOpts, Subport, UpdateOpts,
};
use ferrocloud::request::With;
use ferrocloud::{ErrorKind, ServiceClient, openstack};
use futures::FutureExt;

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_trunks_subports_details_update_find_delete() {
    let client = openstack::new_network_v2(&fresh(member_opts()).await, region()).unwrap();
    let net = networks::create(&client, &NetOpts::new(unique("trunks")))
        .await
        .extract()
        .unwrap();
    let outcome = AssertUnwindSafe(scenario(&client, &net.id))
        .catch_unwind()
        .await;
    // Trunks go first: a trunk's parent port cannot be deleted.
    let opts = ListOpts::default();
    if let Ok(all) = trunks::list(&client, &opts).all().await {
        for trunk in all {
            if let Ok(parent) = ports::get(&client, &trunk.port_id).await.extract()
                && parent.network_id == net.id
            {
                let _ = trunks::delete(&client, &trunk.id).await.ok();
            }
        }
    }
    remove_network(&client, &net.id).await;
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

async fn port(client: &ServiceClient, net_id: &str, name: &str) -> Port {
    ports::create(client, &PortOpts::new(net_id).name(name))
        .await
        .extract()
        .unwrap()
}

async fn scenario(client: &ServiceClient, net_id: &str) {
    subnets::create(client, &SubnetOpts::ipv4(net_id, "10.92.0.0/24"))
        .await
        .extract()
        .unwrap();
    let parent = port(client, net_id, "parent").await;
    let child1 = port(client, net_id, "child1").await;
    let child2 = port(client, net_id, "child2").await;

    let name = unique("trunk");
    let trunk = trunks::create(
        client,
        &CreateOpts::new(&parent.id)
            .name(&name)
            .description("two vlans")
            .sub_ports([Subport::vlan(&child1.id, 101)]),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(trunk.port_id, parent.id);
    assert_eq!(trunk.sub_ports, [Subport::vlan(&child1.id, 101)]);
    assert!(trunk.admin_state_up);
    // The parent port is not bound: the trunk stays DOWN.
    assert_eq!(trunk.status, "DOWN");

    // The parent port shows its trunk; the subport's MAC address comes with it.
    let shown = ports::get(client, &parent.id)
        .await
        .extract_into::<With<Port, TrunkDetails>>()
        .unwrap();
    let details = shown.ext.trunk_details.as_ref().unwrap();
    assert_eq!(details.trunk_id, trunk.id);
    assert_eq!(details.sub_ports[0].port_id, child1.id);
    assert_eq!(details.sub_ports[0].segmentation_id, 101);
    assert_eq!(details.sub_ports[0].mac_address, child1.mac_address);
    let plain = ports::get(client, &child2.id)
        .await
        .extract_into::<With<Port, TrunkDetails>>()
        .unwrap();
    assert_eq!(plain.ext.trunk_details, None);

    // Subports: add, get, remove; a VLAN in use is refused.
    let added = trunks::add_subports(client, &trunk.id, &[Subport::vlan(&child2.id, 102)])
        .await
        .extract()
        .unwrap();
    assert_eq!(added.sub_ports.len(), 2);
    let mut listed = trunks::get_subports(client, &trunk.id)
        .await
        .extract()
        .unwrap();
    listed.sort_by_key(|s| s.segmentation_id);
    assert_eq!(
        listed,
        [
            Subport::vlan(&child1.id, 101),
            Subport::vlan(&child2.id, 102)
        ]
    );
    let err = trunks::add_subports(client, &trunk.id, &[Subport::vlan(&parent.id, 101)])
        .await
        .extract()
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::BadRequest | ErrorKind::Conflict),
        "{err}"
    );
    let removed = trunks::remove_subports(client, &trunk.id, &[child1.id.as_str()])
        .await
        .extract()
        .unwrap();
    assert_eq!(removed.sub_ports, [Subport::vlan(&child2.id, 102)]);

    // Update, and a stale revision.
    let current = trunks::get(client, &trunk.id).await.extract().unwrap();
    let updated = trunks::update_if_revision(
        client,
        &trunk.id,
        current.revision_number,
        &UpdateOpts::default()
            .name(format!("{name}-2"))
            .admin_state_up(false),
    )
    .await
    .extract()
    .unwrap();
    assert!(!updated.admin_state_up);
    let err = trunks::update_if_revision(
        client,
        &trunk.id,
        current.revision_number,
        &UpdateOpts::default().name("stale"),
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::PreconditionFailed, "{err}");
    // A trunk that is down refuses subport changes.
    let err = trunks::add_subports(client, &trunk.id, &[Subport::vlan(&child1.id, 103)])
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");

    let found = trunks::find(client, &format!("{name}-2")).await.unwrap();
    assert_eq!(found.id, trunk.id);
    let by_parent = ListOpts {
        port_id: Some(parent.id.clone()),
        ..ListOpts::default()
    };
    assert_eq!(
        trunks::list(client, &by_parent).all().await.unwrap().len(),
        1
    );

    trunks::update(
        client,
        &trunk.id,
        &UpdateOpts::default().admin_state_up(true),
    )
    .await
    .ok()
    .unwrap();
    trunks::delete(client, &trunk.id).await.ok().unwrap();
    let err = trunks::get(client, &trunk.id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}
