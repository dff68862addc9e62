use std::panic::AssertUnwindSafe;

use crate::support::*;
use ferrocloud::openstack::identity::v3::endpoint_policy::{self, Association};
use ferrocloud::openstack::identity::v3::endpoints::{self, Interface};
use ferrocloud::openstack::identity::v3::{policies, services};
use ferrocloud::{ErrorKind, ServiceClient};
use futures::FutureExt;

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn policy_associations_with_endpoint_service_and_region() {
    let identity = admin_identity().await;
    let blob = format!(r#"{{"{}": "role:admin"}}"#, unique("rule"));
    let policy = policies::create(
        &identity,
        &policies::CreateOpts::new("application/json", blob),
    )
    .await
    .extract()
    .unwrap();
    let outcome = AssertUnwindSafe(exercise(&identity, &policy.id))
        .catch_unwind()
        .await;
    let _ = policies::delete(&identity, &policy.id).await;
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

async fn exercise(identity: &ServiceClient, policy_id: &str) {
    // The placement service's public endpoint: nothing else here associates policies.
    let svc = services::list(
        identity,
        &services::ListOpts {
            service_type: Some("placement".into()),
            ..Default::default()
        },
    )
    .all_pages()
    .await
    .unwrap()
    .extract()
    .unwrap()
    .remove(0);
    let ep = endpoints::list(
        identity,
        &endpoints::ListOpts {
            service_id: Some(svc.id.clone()),
            interface: Some(Interface::Public),
            ..Default::default()
        },
    )
    .all_pages()
    .await
    .unwrap()
    .extract()
    .unwrap()
    .remove(0);
    let region = ep.region_id.clone().unwrap_or_else(|| "RegionOne".into());

    let associations = [
        Association::Endpoint(&ep.id),
        Association::Service(&svc.id),
        Association::ServiceInRegion {
            service_id: &svc.id,
            region_id: &region,
        },
    ];
    for with in associations {
        assert!(
            !endpoint_policy::is_associated(identity, policy_id, with)
                .await
                .unwrap()
        );
        endpoint_policy::associate(identity, policy_id, with)
            .await
            .ok()
            .unwrap();
        assert!(
            endpoint_policy::is_associated(identity, policy_id, with)
                .await
                .unwrap(),
            "{with:?}"
        );
    }
    let eps = endpoint_policy::list_endpoints(identity, policy_id)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(eps.iter().any(|e| e.id == ep.id));
    let effective = endpoint_policy::get_for_endpoint(identity, &ep.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(effective.id, policy_id);

    // The API reference documents `/policies/{id}/OS-ENDPOINT-POLICY/policy`; Keystone
    // serves no such route.
    let err = endpoint_policy::get_policy(identity, policy_id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(
        !endpoint_policy::check_policy(identity, policy_id)
            .await
            .unwrap()
    );

    for with in associations {
        endpoint_policy::dissociate(identity, policy_id, with)
            .await
            .ok()
            .unwrap();
        assert!(
            !endpoint_policy::is_associated(identity, policy_id, with)
                .await
                .unwrap()
        );
    }
    let err = endpoint_policy::get_for_endpoint(identity, &ep.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}
