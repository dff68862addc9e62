//! Quota sets of the demo project against the real Nova: show, detail, defaults,
//! update, revert.

use crate::support::*;
use ferrocloud::openstack::compute::v2::quota_sets::{self, UpdateOpts, UserOpts};
use ferrocloud::openstack::identity::v3::projects;
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_quota_sets_show_update_revert() {
    let admin =
        openstack::new_compute_v2(&crate::support::fresh(admin_opts()).await, region()).unwrap();
    let demo_id = projects::find(&admin_identity().await, "demo")
        .await
        .unwrap()
        .id;

    let defaults = quota_sets::get_defaults(&admin, &demo_id)
        .await
        .extract()
        .unwrap();
    assert!(defaults.instances > 0);
    let q = quota_sets::get(&admin, &demo_id).await.extract().unwrap();
    assert_eq!(q.id.as_deref(), Some(demo_id.as_str()));
    assert!(q.fixed_ips.is_some(), "network quotas before 2.36");
    let v257 = admin.with_microversion("2.57");
    let q = quota_sets::get(&v257, &demo_id).await.extract().unwrap();
    assert_eq!((q.fixed_ips, q.injected_files), (None, None));
    let d = quota_sets::get_detail(&v257, &demo_id)
        .await
        .extract()
        .unwrap();
    assert_eq!(d.key_pairs.limit, q.key_pairs);
    assert!(d.instances.in_use >= 0);

    // Change one quota, then revert to the defaults.
    let opts = UpdateOpts {
        key_pairs: Some(defaults.key_pairs + 7),
        ..Default::default()
    };
    let changed = quota_sets::update(&v257, &demo_id, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(changed.key_pairs, defaults.key_pairs + 7);
    assert_eq!(
        quota_sets::get(&v257, &demo_id)
            .await
            .extract()
            .unwrap()
            .key_pairs,
        defaults.key_pairs + 7
    );
    quota_sets::delete(&v257, &demo_id).await.ok().unwrap();
    assert_eq!(
        quota_sets::get(&v257, &demo_id)
            .await
            .extract()
            .unwrap()
            .key_pairs,
        defaults.key_pairs
    );

    // `force` (apply even below the current usage) is accepted.
    let forced = UpdateOpts {
        metadata_items: Some(defaults.metadata_items),
        force: Some(true.into()),
        ..Default::default()
    };
    quota_sets::update(&v257, &demo_id, &forced)
        .await
        .extract()
        .unwrap();
    quota_sets::delete(&v257, &demo_id).await.ok().unwrap();

    // A user-level view of the same project.
    let me = ferrocloud::openstack::new_compute_v2(
        &crate::support::fresh(member_opts()).await,
        region(),
    )
    .unwrap();
    let own = quota_sets::get(&me, &demo_id).await.extract().unwrap();
    assert_eq!(own.instances, defaults.instances);
    let user_opts = UserOpts::user("00000000000000000000000000000000");
    quota_sets::get_with(&v257, &demo_id, &user_opts)
        .await
        .extract()
        .unwrap();

    // Members cannot change quotas.
    let err = quota_sets::update(&me, &demo_id, &opts)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
}
