use crate::support::*;
use ferrocloud::ErrorKind;
use ferrocloud::openstack::identity::v3::services::{self, CreateOpts, ListOpts, UpdateOpts};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn service_round_trip() {
    let identity = admin_identity().await;
    let service_type = unique("type");
    let name = unique("service");
    let s = services::create(
        &identity,
        &CreateOpts::new(&service_type)
            .name(&name)
            .description("made by a test"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(s.service_type, service_type);
    assert_eq!(s.name.as_deref(), Some(name.as_str()));
    assert!(s.enabled);

    let got = services::get(&identity, &s.id).await.extract().unwrap();
    assert_eq!(got.description.as_deref(), Some("made by a test"));
    let by_type = services::extract_services(
        &services::list(
            &identity,
            &ListOpts {
                service_type: Some(service_type.clone()),
                ..Default::default()
            },
        )
        .all_pages()
        .await
        .unwrap(),
    )
    .unwrap();
    assert_eq!(by_type.len(), 1);
    let by_name = services::extract_services(
        &services::list(
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
    assert_eq!(by_name.len(), 1);

    let upd = UpdateOpts {
        enabled: Some(false),
        description: Some("changed".into()),
        ..Default::default()
    };
    let s2 = services::update(&identity, &s.id, &upd)
        .await
        .extract()
        .unwrap();
    assert!(!s2.enabled);
    assert_eq!(s2.description.as_deref(), Some("changed"));

    services::delete(&identity, &s.id).await.ok().unwrap();
    let err = services::get(&identity, &s.id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}
