//! Networks against the real Neutron: CRUD with extension attributes (provider,
//! external, MTU, port security, DNS domain), bulk creation, filters, sorting and tags
//! over several pages, compare-and-swap updates, find.

use crate::support::*;
use ferrocloud::openstack::networking::v2::common::{ListControls, SortDir};
use ferrocloud::openstack::networking::v2::extensions::{
    external::External, mtu::Mtu, port_security::PortSecurity, provider::Provider,
};
use ferrocloud::openstack::networking::v2::networks::{
    self, CreateOpts, ListOpts, Network, UpdateOpts,
};
use ferrocloud::request::With;
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_networks_crud_extensions_bulk_paging_revisions() {
    let admin = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();
    let member = openstack::new_network_v2(&fresh(member_opts()).await, region()).unwrap();

    // Create with extension attributes (provider: admin only), read them back.
    let name = unique("net");
    let opts = With::new(
        With::new(
            With::new(
                CreateOpts::new(&name).description("made by the tests"),
                Provider::vlan("public", 150),
            ),
            Mtu::default().mtu(1400u32),
        ),
        PortSecurity::default().port_security_enabled(false),
    );
    let created = networks::create(&admin, &opts).await;
    let net = created.extract().unwrap();
    assert_eq!(
        (net.name.as_str(), net.description.as_str()),
        (name.as_str(), "made by the tests")
    );
    assert_eq!(net.status, "ACTIVE");
    assert!(net.subnets.is_empty() && net.revision_number >= 1);
    let ext = created
        .extract_into::<With<With<With<Network, Provider>, Mtu>, PortSecurity>>()
        .unwrap();
    assert_eq!(ext.base.base.ext.network_type.as_deref(), Some("vlan"));
    assert_eq!(ext.base.base.ext.segmentation_id, Some(150));
    assert_eq!(ext.base.ext.mtu, Some(1400));
    assert_eq!(ext.ext.port_security_enabled, Some(false));
    let shown = networks::get(&admin, &net.id)
        .await
        .extract_into::<With<Network, External>>()
        .unwrap();
    assert_eq!(shown.ext.external, Some(false));
    assert_eq!(networks::find(&admin, &name).await.unwrap().id, net.id);

    // Compare-and-swap: the read revision updates, a stale one gets 412 and changes nothing.
    let rev = shown.revision_number;
    let updated = networks::update_if_revision(
        &admin,
        &net.id,
        rev,
        &UpdateOpts::default().description("v2"),
    )
    .await
    .extract()
    .unwrap();
    assert!(updated.revision_number > rev);
    let err = networks::update_if_revision(
        &admin,
        &net.id,
        rev,
        &UpdateOpts::default().description("v3"),
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::PreconditionFailed, "{err}");
    assert_eq!(
        networks::get(&admin, &net.id)
            .await
            .extract()
            .unwrap()
            .description,
        "v2"
    );

    // Bulk creation as a member: all or none.
    let prefix = unique("bulk");
    let opts: Vec<CreateOpts> = (0..5)
        .map(|i| CreateOpts::new(format!("{prefix}-{i}")))
        .collect();
    let bulk = networks::create_bulk(&member, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(bulk.len(), 5);

    // Every network the member sees, sorted by name, two per page (so several pages).
    let listed = networks::list(
        &member,
        &ListOpts {
            controls: ListControls::default().sort("name", SortDir::Desc).limit(2),
            ..ListOpts::default()
        },
    )
    .all()
    .await
    .unwrap();
    let mine: Vec<&str> = listed
        .iter()
        .filter(|n| n.name.starts_with(&prefix))
        .map(|n| n.name.as_str())
        .collect();
    let expected: Vec<String> = (0..5).rev().map(|i| format!("{prefix}-{i}")).collect();
    assert_eq!(mine, expected);
    let by_name = networks::list(
        &member,
        &ListOpts {
            name: Some(format!("{prefix}-3")),
            ..ListOpts::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(by_name.len(), 1);
    assert_eq!(by_name[0].id, bulk[3].id);

    for n in &bulk {
        networks::delete(&member, &n.id).await.ok().unwrap();
    }
    networks::delete(&admin, &net.id).await.ok().unwrap();
    let err = networks::get(&admin, &net.id).await.extract().unwrap_err();
    assert!(err.is_not_found(), "{err}");
}
