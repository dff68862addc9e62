//! Diagnostics against the real Nova: the fake driver's canned figures, in the
//! standard form from 2.48 and the driver's own keys before.

use crate::compute_servers::*;
use ferrocloud::ErrorKind;
use ferrocloud::openstack::compute::v2::diagnostics;

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn both_forms_from_the_fake_driver() {
    let provider = admin_provider().await;
    let compute = compute_for(&provider).await;
    let opts = admin_server_opts(&provider, "diag").await;
    with_server(&compute, opts, |compute, server, _| async move {
        let d = diagnostics::get(&compute, &server.id)
            .await
            .extract()
            .unwrap();
        assert_eq!(d.state.as_deref(), Some("running"));
        assert!(d.driver.is_some());
        assert!(d.num_cpus.is_some());
        assert!(d.memory_details.is_some());
        assert!(d.other.is_empty(), "{:?}", d.other);
        let old = diagnostics::get(&compute.with_microversion("2.47"), &server.id)
            .await
            .extract()
            .unwrap();
        assert!(old.driver.is_none());
        assert!(!old.other.is_empty());
        // Members may not see them (policy: admin).
        let e = diagnostics::get(&member_compute().await, &server.id)
            .await
            .extract()
            .unwrap_err();
        assert!(
            matches!(e.kind(), ErrorKind::Forbidden | ErrorKind::NotFound),
            "{e}"
        );
    })
    .await;
}
