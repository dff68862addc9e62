//! os-hosts (until 2.42) against the real Nova.

use crate::support::*;
use ferrocloud::openstack::compute::v2::hosts::{self, ListOpts};
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_hosts_list_and_show() {
    let compute = openstack::new_compute_v2(&crate::support::fresh(admin_opts()).await, region())
        .unwrap()
        .with_microversion("2.42");
    let all = hosts::list(&compute, &ListOpts::default())
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    let host = all
        .iter()
        .find(|h| h.service == "compute")
        .expect("a compute host");
    assert_eq!(host.zone, "nova");
    let in_nova = hosts::list(
        &compute,
        &ListOpts {
            zone: Some("nova".into()),
        },
    )
    .all_pages()
    .await
    .unwrap()
    .extract()
    .unwrap();
    assert!(in_nova.iter().all(|h| h.zone == "nova"));
    let res = hosts::get(&compute, &host.host_name)
        .await
        .extract()
        .unwrap();
    let total = res
        .iter()
        .find(|r| r.resource.project == "(total)")
        .unwrap();
    assert!(total.resource.cpu > 0 && total.resource.memory_mb > 0);

    let err = hosts::list(&compute.with_microversion("2.43"), &ListOpts::default())
        .all_pages()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}
