//! Simple tenant usage of the demo project against the real Nova.

use crate::support::*;
use ferrocloud::openstack;
use ferrocloud::openstack::compute::v2::usage::{self, GetOpts, ListOpts};
use ferrocloud::openstack::identity::v3::projects;

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_usage_of_the_demo_project() {
    let admin =
        openstack::new_compute_v2(&crate::support::fresh(admin_opts()).await, region()).unwrap();
    let demo_id = projects::find(&admin_identity().await, "demo")
        .await
        .unwrap()
        .id;
    let start = chrono::Utc::now() - chrono::Duration::days(2);
    let end = chrono::Utc::now() + chrono::Duration::hours(1);

    let opts = GetOpts {
        start: Some(start),
        end: Some(end),
        ..Default::default()
    };
    let one = usage::get(&admin, &demo_id, &opts).await.extract().unwrap();
    // A project without usage answers an empty object.
    assert!(one.tenant_id.is_empty() || one.tenant_id == demo_id);

    let v240 = admin.with_microversion("2.40");
    let paged = GetOpts {
        limit: Some(1),
        ..opts.clone()
    };
    let merged = usage::get_all_pages(&v240, &demo_id, &paged).await.unwrap();
    if !one.server_usages.is_empty() {
        assert!(!merged.server_usages.is_empty());
    }
    for s in &merged.server_usages {
        assert_eq!(s.tenant_id, demo_id);
        assert!(s.started_at.timestamp() > 0);
    }

    let list_opts = ListOpts {
        start: Some(start),
        end: Some(end),
        detailed: true,
        limit: Some(1),
        ..Default::default()
    };
    let all = usage::list(&v240, &list_opts)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    for u in &all {
        assert!(u.start.is_some() && u.stop.is_some());
    }

    // The demo user sees its own project's usage.
    let demo =
        openstack::new_compute_v2(&crate::support::fresh(member_opts()).await, region()).unwrap();
    usage::get(&demo, &demo_id, &opts).await.extract().unwrap();
}
