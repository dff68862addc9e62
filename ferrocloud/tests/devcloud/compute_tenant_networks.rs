//! Project networks through Nova's proxy (to the real Neutron) at 2.35.

use crate::support::*;
use ferrocloud::openstack::compute::v2::tenant_networks::{self, CreateOpts};
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_tenant_networks_list_and_get() {
    let compute = openstack::new_compute_v2(&member().await, region())
        .unwrap()
        .with_microversion("2.35");
    let nets = tenant_networks::extract_networks(
        &tenant_networks::list(&compute).all_pages().await.unwrap(),
    )
    .unwrap();
    let private = nets
        .iter()
        .find(|n| n.label == "private")
        .unwrap_or_else(|| panic!("{nets:?}"));
    // With Neutron, Nova writes the CIDR as the text "None".
    assert_eq!(private.cidr, None);

    let got = tenant_networks::get(&compute, &private.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(&got, private);
    assert_eq!(
        tenant_networks::find(&compute, "private").await.unwrap().id,
        private.id
    );
    let err = tenant_networks::get(&compute, "00000000-0000-4000-8000-000000000000")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    let err = tenant_networks::list(&compute.with_microversion("2.36"))
        .all_pages()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.status().is_none());
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_tenant_networks_create_and_delete_are_gone() {
    let compute = openstack::new_compute_v2(&crate::support::fresh(admin_opts()).await, region())
        .unwrap()
        .with_microversion("2.35");
    let opts = CreateOpts {
        label: unique("net"),
        cidr: Some("10.199.0.0/24".into()),
        ..Default::default()
    };
    let err = tenant_networks::create(&compute, &opts)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(410), "{err}");
    let err = tenant_networks::delete(&compute, "00000000-0000-4000-8000-000000000000")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(410), "{err}");
}
