use crate::support::*;
use ferrocloud::ErrorKind;
use ferrocloud::openstack::identity::v3::projects::{self, CreateOpts, ListOpts, UpdateOpts};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn project_round_trip_with_tags() {
    let identity = admin_identity().await;
    let name = unique("project");
    let mut opts = CreateOpts::new(&name)
        .description("made by a test")
        .domain_id("default");
    opts.tags = Some(vec!["alpha".into()]);
    let p = projects::create(&identity, &opts).await.extract().unwrap();
    assert_eq!(p.name, name);
    assert_eq!(p.tags, ["alpha"]);

    let got = projects::get(&identity, &p.id).await.extract().unwrap();
    assert_eq!(got.description.as_deref(), Some("made by a test"));
    let found = projects::find(&identity, &name).await.unwrap();
    assert_eq!(found.id, p.id);

    let upd = UpdateOpts {
        description: Some("changed".into()),
        ..Default::default()
    };
    assert_eq!(
        projects::update(&identity, &p.id, &upd)
            .await
            .extract()
            .unwrap()
            .description
            .as_deref(),
        Some("changed")
    );

    projects::add_tag(&identity, &p.id, "beta")
        .await
        .ok()
        .unwrap();
    assert!(projects::has_tag(&identity, &p.id, "beta").await.unwrap());
    assert!(!projects::has_tag(&identity, &p.id, "gamma").await.unwrap());
    projects::replace_tags(&identity, &p.id, &["x", "y"])
        .await
        .ok()
        .unwrap();
    let mut tags = projects::list_tags(&identity, &p.id)
        .await
        .extract()
        .unwrap()
        .tags;
    tags.sort();
    assert_eq!(tags, ["x", "y"]);
    projects::delete_tag(&identity, &p.id, "x")
        .await
        .ok()
        .unwrap();
    projects::delete_tags(&identity, &p.id).await.ok().unwrap();
    assert!(
        projects::list_tags(&identity, &p.id)
            .await
            .extract()
            .unwrap()
            .tags
            .is_empty()
    );

    let listed = projects::extract_projects(
        &projects::list(
            &identity,
            &ListOpts {
                name: Some(name.clone()),
                ..Default::default()
            },
        )
        .all_pages()
        .await
        .unwrap(),
    )
    .unwrap();
    assert_eq!(listed.len(), 1);

    let off = UpdateOpts {
        enabled: Some(false),
        ..Default::default()
    };
    assert!(
        !projects::update(&identity, &p.id, &off)
            .await
            .extract()
            .unwrap()
            .enabled
    );
    projects::delete(&identity, &p.id).await.ok().unwrap();
    let err = projects::get(&identity, &p.id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(err.request_id().is_some());
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn a_member_cannot_create_projects() {
    let identity = ferrocloud::openstack::new_identity_v3(&member().await, region()).unwrap();
    let err = projects::create(&identity, &CreateOpts::new(unique("nope")))
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
}
