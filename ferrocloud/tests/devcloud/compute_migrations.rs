//! os-migrations against the real Nova.

use crate::support::*;
use ferrocloud::openstack;
use ferrocloud::openstack::compute::v2::migrations::{self, ListOpts};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_migrations_list() {
    let compute =
        openstack::new_compute_v2(&crate::support::fresh(admin_opts()).await, region()).unwrap();
    for m in migrations::list(&compute, &ListOpts::default())
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap()
    {
        assert!(
            m.uuid.is_none() && m.migration_type.is_none(),
            "2.59 and 2.23 fields at 2.1"
        );
    }
    let v280 = compute.with_microversion("2.80");
    let opts = ListOpts {
        limit: Some(2),
        changes_since: Some("2000-01-01T00:00:00Z".into()),
        hidden: Some(false),
        ..Default::default()
    };
    let all = migrations::list(&v280, &opts)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    for m in &all {
        assert!(m.uuid.is_some() && m.migration_type.is_some() && m.project_id.is_some());
    }
    let filtered = ListOpts {
        migration_type: Some("live-migration".into()),
        project_id: Some("no-such-project".into()),
        ..Default::default()
    };
    let none = migrations::list(&v280, &filtered)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(none.is_empty());
}
