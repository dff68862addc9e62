use crate::support::*;
use ferrocloud::ErrorKind;
use ferrocloud::openstack::identity::v3::roles::{self, CreateOpts, ListOpts, UpdateOpts};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn role_round_trip_and_inference_rules() {
    let identity = admin_identity().await;
    let prior_name = unique("role-prior");
    let prior = roles::create(
        &identity,
        &CreateOpts::new(&prior_name).description("made by a test"),
    )
    .await
    .extract()
    .unwrap();
    let implied = roles::create(&identity, &CreateOpts::new(unique("role-implied")))
        .await
        .extract()
        .unwrap();
    assert_eq!(prior.name, prior_name);
    assert!(prior.domain_id.is_none());

    let got = roles::get(&identity, &prior.id).await.extract().unwrap();
    assert_eq!(got.description.as_deref(), Some("made by a test"));
    assert_eq!(
        roles::find(&identity, &prior_name).await.unwrap().id,
        prior.id
    );
    let listed = roles::extract_roles(
        &roles::list(
            &identity,
            &ListOpts {
                name: Some(prior_name.clone()),
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
    let changed = roles::update(&identity, &prior.id, &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(changed.description.as_deref(), Some("changed"));

    // Inference rule: prior implies implied.
    assert!(
        !roles::is_implied(&identity, &prior.id, &implied.id)
            .await
            .unwrap()
    );
    let rule = roles::create_inference(&identity, &prior.id, &implied.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(rule.role_inference.prior_role.id, prior.id);
    assert_eq!(rule.role_inference.implies.id, implied.id);
    assert_eq!(rule.role_inference.implies.name, implied.name);
    let got = roles::get_inference(&identity, &prior.id, &implied.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(got.role_inference.prior_role.name, prior_name);
    assert!(
        roles::is_implied(&identity, &prior.id, &implied.id)
            .await
            .unwrap()
    );
    let list = roles::list_implied(&identity, &prior.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(list.role_inference.implies.len(), 1);
    assert_eq!(list.role_inference.implies[0].id, implied.id);
    let all = roles::list_inferences(&identity)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(
        all.iter()
            .any(|r| r.prior_role.id == prior.id && r.implies.iter().any(|i| i.id == implied.id))
    );
    roles::delete_inference(&identity, &prior.id, &implied.id)
        .await
        .ok()
        .unwrap();
    assert!(
        !roles::is_implied(&identity, &prior.id, &implied.id)
            .await
            .unwrap()
    );
    let err = roles::get_inference(&identity, &prior.id, &implied.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    roles::delete(&identity, &prior.id).await.ok().unwrap();
    roles::delete(&identity, &implied.id).await.ok().unwrap();
    let err = roles::get(&identity, &prior.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn domain_specific_role() {
    let identity = admin_identity().await;
    let name = unique("role-domain");
    let r = roles::create(&identity, &CreateOpts::new(&name).domain_id("default"))
        .await
        .extract()
        .unwrap();
    assert_eq!(r.domain_id.as_deref(), Some("default"));
    // Listed with its domain only.
    let in_domain = roles::list(
        &identity,
        &ListOpts {
            domain_id: Some("default".into()),
            ..Default::default()
        },
    )
    .all_pages()
    .await
    .unwrap()
    .extract()
    .unwrap();
    assert!(in_domain.iter().any(|x| x.id == r.id));
    let global = roles::list(&identity, &ListOpts::default())
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(global.iter().all(|x| x.id != r.id));
    assert!(global.iter().any(|x| x.name == "reader"));
    roles::delete(&identity, &r.id).await.ok().unwrap();
}
