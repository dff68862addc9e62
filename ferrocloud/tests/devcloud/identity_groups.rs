use std::panic::AssertUnwindSafe;

use crate::support::*;
use ferrocloud::openstack::identity::v3::groups::{self, CreateOpts, ListOpts, UpdateOpts};
use ferrocloud::openstack::identity::v3::users;
use ferrocloud::pagination::collect;
use ferrocloud::{ErrorKind, ServiceClient};
use futures::FutureExt;

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn group_round_trip_and_membership() {
    let identity = admin_identity().await;
    let name = unique("group");
    let g = groups::create(
        &identity,
        &CreateOpts::new(&name)
            .domain_id("default")
            .description("made by a test"),
    )
    .await
    .extract()
    .unwrap();
    let u = users::create(
        &identity,
        &users::CreateOpts::new(unique("member")).domain_id("default"),
    )
    .await
    .extract()
    .unwrap();
    let outcome = AssertUnwindSafe(exercise(&identity, &g, &u.id, &name))
        .catch_unwind()
        .await;
    users::delete(&identity, &u.id).await.ok().unwrap();
    groups::delete(&identity, &g.id).await.ok().unwrap();
    let err = groups::get(&identity, &g.id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

async fn exercise(identity: &ServiceClient, g: &groups::Group, user_id: &str, name: &str) {
    assert_eq!(g.name, name);
    assert_eq!(g.domain_id, "default");
    assert_eq!(groups::find(identity, name).await.unwrap().id, g.id);
    let listed = groups::extract_groups(
        &groups::list(
            identity,
            &ListOpts {
                name: Some(name.to_string()),
                ..Default::default()
            },
        )
        .all_pages()
        .await
        .unwrap(),
    )
    .unwrap();
    assert_eq!(listed.len(), 1);

    let upd = UpdateOpts {
        description: Some("changed".into()),
        ..Default::default()
    };
    assert_eq!(
        groups::update(identity, &g.id, &upd)
            .await
            .extract()
            .unwrap()
            .description
            .as_deref(),
        Some("changed")
    );

    assert!(!groups::is_member(identity, &g.id, user_id).await.unwrap());
    groups::add_user(identity, &g.id, user_id)
        .await
        .ok()
        .unwrap();
    assert!(groups::is_member(identity, &g.id, user_id).await.unwrap());
    let members = collect(groups::list_users(identity, &g.id, &Default::default()))
        .await
        .unwrap();
    assert_eq!(
        members.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(),
        [user_id]
    );
    let of_user = collect(users::list_groups(identity, user_id))
        .await
        .unwrap();
    assert_eq!(of_user.len(), 1);
    assert_eq!(of_user[0].id, g.id);

    groups::remove_user(identity, &g.id, user_id)
        .await
        .ok()
        .unwrap();
    assert!(!groups::is_member(identity, &g.id, user_id).await.unwrap());
    assert!(
        collect(groups::list_users(identity, &g.id, &Default::default()))
            .await
            .unwrap()
            .is_empty()
    );
}
