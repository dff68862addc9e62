use crate::support::*;
use ferrocloud::ErrorKind;
use ferrocloud::openstack::identity::v3::domains::{self, CreateOpts, ListOpts, UpdateOpts};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn domain_round_trip() {
    let identity = admin_identity().await;
    let name = unique("domain");
    let d = domains::create(
        &identity,
        &CreateOpts::new(&name).description("made by a test"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(d.name, name);
    assert!(d.enabled);

    let got = domains::get(&identity, &d.id).await.extract().unwrap();
    assert_eq!(got.description.as_deref(), Some("made by a test"));
    assert_eq!(domains::find(&identity, &name).await.unwrap().id, d.id);
    let listed = domains::extract_domains(
        &domains::list(
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

    let upd = UpdateOpts {
        description: Some("changed".into()),
        ..Default::default()
    };
    let d2 = domains::update(&identity, &d.id, &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(d2.description.as_deref(), Some("changed"));

    // An enabled domain cannot be deleted.
    let err = domains::delete(&identity, &d.id).await.ok().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
    let off = UpdateOpts {
        enabled: Some(false),
        ..Default::default()
    };
    assert!(
        !domains::update(&identity, &d.id, &off)
            .await
            .extract()
            .unwrap()
            .enabled
    );
    let disabled = domains::extract_domains(
        &domains::list(
            &identity,
            &ListOpts {
                enabled: Some(false),
                ..Default::default()
            },
        )
        .all_pages()
        .await
        .unwrap(),
    )
    .unwrap();
    assert!(disabled.iter().any(|x| x.id == d.id));
    domains::delete(&identity, &d.id).await.ok().unwrap();
    let err = domains::get(&identity, &d.id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn a_domain_with_an_explicit_id() {
    let identity = admin_identity().await;
    // 32 hex digits (the form Keystone accepts), from the clock: new on every run.
    let id = format!(
        "{:032x}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    let opts = CreateOpts {
        explicit_domain_id: Some(id.clone()),
        ..CreateOpts::new(unique("explicit"))
    };
    let d = domains::create(&identity, &opts).await.extract().unwrap();
    assert_eq!(d.id, id);
    let off = UpdateOpts {
        enabled: Some(false),
        ..Default::default()
    };
    domains::update(&identity, &d.id, &off).await.ok().unwrap();
    domains::delete(&identity, &d.id).await.ok().unwrap();
}
