//! A private flavor shared with the demo project, against the real Nova.

use crate::support::*;
use ferrocloud::openstack::compute::v2::flavor_access;
use ferrocloud::openstack::compute::v2::flavors::{self, CreateOpts};
use ferrocloud::openstack::identity::v3::projects;
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_flavor_access_private_flavor_for_demo() {
    let admin =
        openstack::new_compute_v2(&crate::support::fresh(admin_opts()).await, region()).unwrap();
    let demo =
        openstack::new_compute_v2(&crate::support::fresh(member_opts()).await, region()).unwrap();
    let demo_project = projects::find(&admin_identity().await, "demo")
        .await
        .unwrap();

    let mut opts = CreateOpts::new(unique("private"), 64, 1, 1);
    opts.is_public = Some(false);
    let f = flavors::create(&admin, &opts).await.extract().unwrap();
    assert!(!f.is_public);
    assert!(
        flavor_access::list(&admin, &f.id)
            .all_pages()
            .await
            .unwrap()
            .extract()
            .unwrap()
            .is_empty()
    );
    let err = flavors::get(&demo, &f.id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    let now = flavor_access::add_tenant_access(&admin, &f.id, &demo_project.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(now.len(), 1);
    assert_eq!(now[0].tenant_id, demo_project.id);
    assert_eq!(now[0].flavor_id, f.id);
    let seen = flavors::get(&demo, &f.id).await.extract().unwrap();
    assert_eq!(seen.name, f.name);
    let listed = flavors::extract_flavors(
        &flavors::list(&demo, &Default::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert!(listed.iter().any(|x| x.id == f.id));
    // Sharing twice is a conflict.
    let err = flavor_access::add_tenant_access(&admin, &f.id, &demo_project.id)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);

    let now = flavor_access::remove_tenant_access(&admin, &f.id, &demo_project.id)
        .await
        .extract()
        .unwrap();
    assert!(now.is_empty());
    let err = flavors::get(&demo, &f.id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    flavors::delete(&admin, &f.id).await.ok().unwrap();
}
