//! Network segment ranges against the real Neutron (admin): the default ranges made
//! from ML2's configuration, and a project's range created, shown, updated (If-Match
//! too), found and deleted.
//!
//! Neutron allocates a project's tenant networks from the ranges reserved for it first,
//! and refuses to delete a range in use (409): the range here is reserved for a project
//! ID no one uses, so that networks other tests create concurrently stay out of it.

use crate::support::*;
use ferrocloud::openstack::networking::v2::network_segment_ranges::{
    self, CreateOpts, ListOpts, UpdateOpts,
};
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_network_segment_ranges_defaults_and_crud() {
    let admin = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let project = format!("{:032x}", nanos);

    // The default ranges: ML2's `public:100:200` VLANs and `1:1000` VNIs, shared, with
    // no name, project or update time.
    let defaults = network_segment_ranges::list(
        &admin,
        &ListOpts {
            default: Some(true),
            ..ListOpts::default()
        },
    )
    .all()
    .await
    .unwrap();
    let vlan = defaults
        .iter()
        .find(|r| r.network_type == "vlan")
        .expect("a default VLAN range");
    assert_eq!(vlan.physical_network.as_deref(), Some("public"));
    assert_eq!((vlan.minimum, vlan.maximum), (100, 200));
    assert!(vlan.shared && vlan.project_id.is_none());
    assert_eq!(
        vlan.available.len() + vlan.used.len(),
        (vlan.maximum - vlan.minimum + 1) as usize
    );
    let vxlan = defaults
        .iter()
        .find(|r| r.network_type == "vxlan")
        .expect("a default VXLAN range");
    assert_eq!(vxlan.physical_network, None);

    // A VXLAN range reserved for a project.
    let name = unique("range");
    let opts = CreateOpts::tunnel("vxlan", 5000, 5009)
        .name(&name)
        .description("by the tests")
        .project_id(&project);
    let range = network_segment_ranges::create(&admin, &opts)
        .await
        .extract()
        .unwrap();
    assert!(!range.default && !range.shared);
    assert_eq!(range.project_id.as_deref(), Some(project.as_str()));
    assert_eq!(range.available, (5000..=5009).collect::<Vec<u32>>());
    assert!(range.used.is_empty() && range.updated_at.is_some());
    assert_eq!(
        network_segment_ranges::get(&admin, &range.id)
            .await
            .extract()
            .unwrap(),
        range
    );
    assert_eq!(
        network_segment_ranges::find(&admin, &name)
            .await
            .unwrap()
            .id,
        range.id
    );

    let grown = network_segment_ranges::update_if_revision(
        &admin,
        &range.id,
        range.revision_number,
        &UpdateOpts::default().maximum(5019).description("v2"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!((grown.maximum, grown.available.len()), (5019, 20));
    let err = network_segment_ranges::update_if_revision(
        &admin,
        &range.id,
        range.revision_number,
        &UpdateOpts::default().name("stale"),
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::PreconditionFailed, "{err}");

    // Default ranges cannot be changed.
    let err = network_segment_ranges::update(&admin, &vlan.id, &UpdateOpts::default().name("x"))
        .await
        .extract()
        .unwrap_err();
    assert!(err.status().is_some_and(|s| s.is_client_error()), "{err}");

    network_segment_ranges::delete(&admin, &range.id)
        .await
        .ok()
        .unwrap();
    let err = network_segment_ranges::get(&admin, &range.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
}
