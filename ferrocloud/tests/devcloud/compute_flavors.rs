//! Flavor management against the real Nova: create, describe (2.55), find, delete.

use crate::support::*;
use ferrocloud::openstack::compute::v2::flavors::{
    self, AccessType, CreateOpts, ListOpts, UpdateOpts,
};
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_flavors_create_update_delete() {
    let compute = openstack::new_compute_v2(&crate::support::fresh(admin_opts()).await, region())
        .unwrap()
        .with_microversion("2.55");
    let name = unique("flavor");
    let mut opts = CreateOpts::new(&name, 128, 1, 1);
    opts.description = Some("made by a test".into());
    opts.ephemeral = Some(1);
    opts.swap = Some(64);
    let f = flavors::create(&compute, &opts).await.extract().unwrap();
    assert_eq!(f.name, name);
    assert_eq!(
        (f.ram, f.vcpus, f.disk, f.ephemeral, f.swap),
        (128, 1, 1, 1, 64)
    );
    assert!(f.is_public);
    assert_eq!(f.description.as_deref(), Some("made by a test"));
    // Nova generated a UUID.
    assert_eq!(f.id.len(), 36, "{}", f.id);

    let found = flavors::find(&compute, &name).await.unwrap();
    assert_eq!(found.id, f.id);

    let f2 = flavors::update(&compute, &f.id, &UpdateOpts::description("changed"))
        .await
        .extract()
        .unwrap();
    assert_eq!(f2.description.as_deref(), Some("changed"));
    let f3 = flavors::update(&compute, &f.id, &UpdateOpts::default())
        .await
        .extract()
        .unwrap();
    assert_eq!(f3.description, None);

    // At 2.102 flavors can be listed by name.
    let by_name = flavors::list(
        &compute.with_microversion("2.102"),
        &ListOpts {
            name: Some(name.clone()),
            access_type: Some(AccessType::None),
            ..Default::default()
        },
    )
    .all_pages()
    .await
    .unwrap()
    .extract()
    .unwrap();
    assert_eq!(by_name.len(), 1);
    assert_eq!(by_name[0].id, f.id);

    // A duplicate name is a conflict.
    let err = flavors::create(&compute, &CreateOpts::new(&name, 128, 1, 1))
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);

    flavors::delete(&compute, &f.id).await.ok().unwrap();
    let err = flavors::get(&compute, &f.id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_flavors_a_member_cannot_create_flavors() {
    let compute =
        openstack::new_compute_v2(&crate::support::fresh(member_opts()).await, region()).unwrap();
    let err = flavors::create(&compute, &CreateOpts::new(unique("nope"), 64, 1, 1))
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
}
