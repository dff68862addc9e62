//! The default quota class against the real Nova.

use crate::support::*;
use ferrocloud::openstack;
use ferrocloud::openstack::compute::v2::quota_class_sets::{self, UpdateOpts};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_quota_class_sets_show_and_rewrite() {
    let compute =
        openstack::new_compute_v2(&crate::support::fresh(admin_opts()).await, region()).unwrap();
    let old = quota_class_sets::get(&compute, "default")
        .await
        .extract()
        .unwrap();
    assert_eq!(old.id.as_deref(), Some("default"));
    assert!(old.server_groups.is_none(), "server groups appear at 2.50");
    assert!(old.fixed_ips.is_some());

    let v257 = compute.with_microversion("2.57");
    let q = quota_class_sets::get(&v257, "default")
        .await
        .extract()
        .unwrap();
    assert!(q.server_groups.is_some());
    assert_eq!((q.fixed_ips, q.injected_files), (None, None));

    // Write the same value back: the defaults stay as they are for everyone else.
    let opts = UpdateOpts {
        instances: Some(q.instances),
        ..Default::default()
    };
    let after = quota_class_sets::update(&v257, "default", &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(after.instances, q.instances);
    assert_eq!(after.cores, q.cores);
}
