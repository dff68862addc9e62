//! The legacy extension listing of the real Nova.

use crate::support::*;
use ferrocloud::openstack::compute::v2::api_extensions;
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_api_extensions_list_and_get() {
    let compute =
        openstack::new_compute_v2(&crate::support::fresh(member_opts()).await, region()).unwrap();
    let all = api_extensions::list(&compute)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(all.len() > 10);
    let first = &all[0];
    let got = api_extensions::get(&compute, &first.alias)
        .await
        .extract()
        .unwrap();
    assert_eq!(&got, first);
    let err = api_extensions::get(&compute, "no-such-extension")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}
