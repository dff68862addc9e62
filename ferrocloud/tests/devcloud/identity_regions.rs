use crate::support::*;
use ferrocloud::ErrorKind;
use ferrocloud::openstack::identity::v3::regions::{self, CreateOpts, ListOpts, UpdateOpts};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn region_round_trip() {
    let identity = admin_identity().await;
    let parent = unique("region");
    let child = unique("subregion");
    let p = regions::create(
        &identity,
        &CreateOpts::new(&parent).description("made by a test"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(p.id, parent);
    assert!(p.parent_region_id.is_none());
    let c = regions::create(
        &identity,
        &CreateOpts::new(&child).parent_region_id(&parent),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(c.parent_region_id.as_deref(), Some(parent.as_str()));

    // The ID is taken.
    let err = regions::create(&identity, &CreateOpts::new(&parent))
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);

    let got = regions::get(&identity, &parent).await.extract().unwrap();
    assert_eq!(got.description, "made by a test");
    let children = regions::extract_regions(
        &regions::list(
            &identity,
            &ListOpts {
                parent_region_id: Some(parent.clone()),
            },
        )
        .all_pages()
        .await
        .unwrap(),
    )
    .unwrap();
    assert_eq!(
        children.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        [child.as_str()]
    );

    let upd = UpdateOpts {
        description: Some("changed".into()),
        ..Default::default()
    };
    assert_eq!(
        regions::update(&identity, &child, &upd)
            .await
            .extract()
            .unwrap()
            .description,
        "changed"
    );

    // Deleting a region (without endpoints) deletes its subregions too.
    regions::delete(&identity, &parent).await.ok().unwrap();
    for id in [&parent, &child] {
        let err = regions::get(&identity, id).await.extract().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
    }

    // Without an ID, Keystone makes one.
    let generated = regions::create(&identity, &CreateOpts::default())
        .await
        .extract()
        .unwrap();
    assert!(!generated.id.is_empty());
    regions::delete(&identity, &generated.id)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn a_region_with_endpoints_is_not_deleted() {
    let identity = admin_identity().await;
    // RegionOne holds the devcloud's endpoints.
    let err = regions::delete(&identity, "RegionOne")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden, "{err}");
}
