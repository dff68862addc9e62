use std::panic::AssertUnwindSafe;

use crate::support::*;
use ferrocloud::openstack::identity::v3::endpoints::{
    self, CreateOpts, Interface, ListOpts, UpdateOpts,
};
use ferrocloud::openstack::identity::v3::services;
use ferrocloud::{ErrorKind, ServiceClient};
use futures::FutureExt;

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn endpoint_round_trip() {
    let identity = admin_identity().await;
    let s = services::create(
        &identity,
        &services::CreateOpts::new(unique("type")).name(unique("service")),
    )
    .await
    .extract()
    .unwrap();
    let outcome = AssertUnwindSafe(exercise(&identity, &s.id))
        .catch_unwind()
        .await;
    services::delete(&identity, &s.id).await.ok().unwrap();
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

async fn exercise(identity: &ServiceClient, service_id: &str) {
    let e = endpoints::create(
        identity,
        &CreateOpts::new(service_id, Interface::Public, "http://127.0.0.1:9/v1")
            .region_id("RegionOne"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(e.interface, Interface::Public);
    assert_eq!(e.service_id, service_id);
    assert_eq!(e.region_id.as_deref(), Some("RegionOne"));
    assert!(e.enabled);
    let internal = endpoints::create(
        identity,
        &CreateOpts {
            name: Some("internal one".into()),
            description: Some("made by a test".into()),
            enabled: Some(false),
            ..CreateOpts::new(service_id, Interface::Internal, "http://10.0.0.1:9/v1")
        },
    )
    .await
    .extract()
    .unwrap();
    assert!(!internal.enabled);

    let got = endpoints::get(identity, &internal.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(got.name.as_deref(), Some("internal one"));
    assert_eq!(got.description.as_deref(), Some("made by a test"));

    let of_service = endpoints::extract_endpoints(
        &endpoints::list(
            identity,
            &ListOpts {
                service_id: Some(service_id.to_string()),
                ..Default::default()
            },
        )
        .all_pages()
        .await
        .unwrap(),
    )
    .unwrap();
    assert_eq!(of_service.len(), 2);
    let public = endpoints::extract_endpoints(
        &endpoints::list(
            identity,
            &ListOpts {
                service_id: Some(service_id.to_string()),
                interface: Some(Interface::Public),
                region_id: Some("RegionOne".into()),
            },
        )
        .all_pages()
        .await
        .unwrap(),
    )
    .unwrap();
    assert_eq!(
        public.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(),
        [e.id.as_str()]
    );

    let upd = UpdateOpts {
        url: Some("http://127.0.0.1:10/v2".into()),
        interface: Some(Interface::Admin),
        ..Default::default()
    };
    let e2 = endpoints::update(identity, &e.id, &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(e2.url, "http://127.0.0.1:10/v2");
    assert_eq!(e2.interface, Interface::Admin);

    endpoints::delete(identity, &e.id).await.ok().unwrap();
    let err = endpoints::get(identity, &e.id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    endpoints::delete(identity, &internal.id)
        .await
        .ok()
        .unwrap();
}
