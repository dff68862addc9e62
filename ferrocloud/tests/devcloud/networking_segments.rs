//! Segments against the real Neutron: a network's own segment, a VLAN segment on the
//! `public` physical network (ML2: `public:100:200`), show, find, If-Match update,
//! filters, delete.

use crate::support::*;
use ferrocloud::openstack::networking::v2::networks;
use ferrocloud::openstack::networking::v2::segments::{self, CreateOpts, ListOpts, UpdateOpts};
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_segments_crud_on_a_network() {
    let admin = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();
    let net = networks::create(&admin, &networks::CreateOpts::new(unique("seg-net")))
        .await
        .extract()
        .unwrap();
    let of_net = ListOpts {
        network_id: Some(net.id.clone()),
        ..ListOpts::default()
    };

    // The network's own segment: a tenant (VXLAN) segment, without name or description.
    let own = segments::list(&admin, &of_net).all().await.unwrap();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].network_type, "vxlan");
    assert_eq!(
        (own[0].name.as_deref(), own[0].physical_network.as_deref()),
        (None, None)
    );
    assert!(own[0].segmentation_id.is_some());

    // A VLAN segment; Neutron picks a free VLAN ID from public's range.
    let name = unique("seg");
    let opts = CreateOpts::new(&net.id, "vlan")
        .physical_network("public")
        .name(&name)
        .description("by the tests");
    let seg = segments::create(&admin, &opts).await.extract().unwrap();
    assert_eq!(seg.network_id, net.id);
    assert_eq!(seg.physical_network.as_deref(), Some("public"));
    let vlan = seg.segmentation_id.unwrap();
    assert!((100..=200).contains(&vlan), "{vlan}");
    assert_eq!(segments::get(&admin, &seg.id).await.extract().unwrap(), seg);
    assert_eq!(segments::find(&admin, &name).await.unwrap().id, seg.id);
    let vlans = segments::list(
        &admin,
        &ListOpts {
            network_type: Some("vlan".into()),
            ..of_net.clone()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(vlans, std::slice::from_ref(&seg));

    let updated = segments::update_if_revision(
        &admin,
        &seg.id,
        seg.revision_number,
        &UpdateOpts::default().description("v2"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(updated.description.as_deref(), Some("v2"));
    let err = segments::update_if_revision(
        &admin,
        &seg.id,
        seg.revision_number,
        &UpdateOpts::default().name("stale"),
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::PreconditionFailed, "{err}");
    let renamed = segments::update(&admin, &seg.id, &UpdateOpts::default().name("renamed"))
        .await
        .extract()
        .unwrap();
    assert_eq!(renamed.name.as_deref(), Some("renamed"));

    // Members may not create segments.
    let member = openstack::new_network_v2(&fresh(member_opts()).await, region()).unwrap();
    let err = segments::create(
        &member,
        &CreateOpts::new(&net.id, "vlan").physical_network("public"),
    )
    .await
    .extract()
    .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::Forbidden | ErrorKind::NotFound),
        "{err}"
    );

    segments::delete(&admin, &seg.id).await.ok().unwrap();
    let err = segments::get(&admin, &seg.id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    networks::delete(&admin, &net.id).await.ok().unwrap();
}
