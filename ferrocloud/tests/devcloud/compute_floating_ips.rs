//! Floating IPs and pools through Nova's proxy (to the real Neutron) at 2.35.

use crate::support::*;
use ferrocloud::openstack::compute::v2::floating_ips::{self, CreateOpts};
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_floating_ips_allocate_and_release() {
    let compute = openstack::new_compute_v2(&crate::support::fresh(member_opts()).await, region())
        .unwrap()
        .with_microversion("2.35");
    let pools = floating_ips::extract_pools(
        &floating_ips::list_pools(&compute)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert!(pools.iter().any(|p| p.name == "public"), "{pools:?}");

    let fip = floating_ips::create(&compute, &CreateOpts::from_pool("public"))
        .await
        .extract()
        .unwrap();
    assert_eq!(fip.pool, "public");
    assert!(fip.ip.parse::<std::net::IpAddr>().is_ok(), "{}", fip.ip);
    assert_eq!(fip.fixed_ip, None);
    assert_eq!(fip.instance_id, None);

    let got = floating_ips::get(&compute, &fip.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(got, fip);
    let all = floating_ips::extract_floating_ips(
        &floating_ips::list(&compute).all_pages().await.unwrap(),
    )
    .unwrap();
    assert!(all.iter().any(|f| f.id == fip.id));

    let released = floating_ips::delete(&compute, &fip.id).await;
    assert_eq!(released.status().map(|s| s.as_u16()), Some(202));
    let err = floating_ips::get(&compute, &fip.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    let err = floating_ips::create(&compute, &CreateOpts::from_pool(unique("no-such-pool")))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");

    let err = floating_ips::list_pools(&compute.with_microversion("2.36"))
        .all_pages()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.status().is_none());
    assert!(
        err.to_string().contains("removed after microversion 2.35"),
        "{err}"
    );
}
