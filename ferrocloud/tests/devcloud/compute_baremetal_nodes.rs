//! Bare metal nodes through Nova's proxy, on a cloud without a bare metal service.

use crate::support::*;
use ferrocloud::openstack::compute::v2::baremetal_nodes;
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_baremetal_nodes_without_ironic() {
    let compute = openstack::new_compute_v2(&admin().await, region())
        .unwrap()
        .with_microversion("2.35");
    // Without Ironic, Nova fails to reach it and answers its generic 500.
    let err = baremetal_nodes::list(&compute)
        .all_pages()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ServerError, "{err}");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(500));
    assert!(err.to_string().contains("Unexpected API Error"), "{err}");
    let err = baremetal_nodes::get(&compute, "058d27fa-241b-445a-a386-08c04f96db43")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ServerError, "{err}");

    let err = baremetal_nodes::list(&compute.with_microversion("2.36"))
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
