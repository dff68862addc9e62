//! Limits as the demo user, and of the demo project as an administrator.

use crate::support::*;
use ferrocloud::openstack;
use ferrocloud::openstack::compute::v2::limits::{self, GetOpts};
use ferrocloud::openstack::identity::v3::projects;

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_limits_as_demo_and_for_demo() {
    let demo =
        openstack::new_compute_v2(&crate::support::fresh(member_opts()).await, region()).unwrap();
    let mine = limits::get(&demo, &GetOpts::default())
        .await
        .extract()
        .unwrap();
    assert!(mine.absolute.max_total_instances > 0);
    assert!(mine.absolute.total_instances_used >= 0);
    assert!(mine.absolute.max_image_meta.is_some());
    let v257 = limits::get(&demo.with_microversion("2.57"), &GetOpts::default())
        .await
        .extract()
        .unwrap();
    assert_eq!(v257.absolute.max_personality, None);
    assert_eq!(v257.absolute.max_total_floating_ips, None);
    assert_eq!(
        v257.absolute.max_total_instances,
        mine.absolute.max_total_instances
    );

    let admin =
        openstack::new_compute_v2(&crate::support::fresh(admin_opts()).await, region()).unwrap();
    let demo_id = projects::find(&admin_identity().await, "demo")
        .await
        .unwrap()
        .id;
    let theirs = limits::get(
        &admin,
        &GetOpts {
            tenant_id: Some(demo_id),
            ..Default::default()
        },
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        theirs.absolute.max_total_instances,
        mine.absolute.max_total_instances
    );
}
