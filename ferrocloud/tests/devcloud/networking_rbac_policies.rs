//! RBAC policies against the real Neutron: an admin's network shared with the member
//! project (`access_as_shared`) is seen by the member until the policy is deleted, and
//! offered to it as external (`access_as_external`); typed listing filters and the
//! target's update.

use crate::support::*;
use ferrocloud::openstack;
use ferrocloud::openstack::networking::v2::extensions::external::External;
use ferrocloud::openstack::networking::v2::networks::{self, CreateOpts as NetworkOpts, Network};
use ferrocloud::openstack::networking::v2::rbac_policies::{
    self, Action, CreateOpts, EVERY_PROJECT, ListOpts, ObjectType, UpdateOpts,
};
use ferrocloud::request::With;

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_rbac_policies_share_a_network_with_a_member_project() {
    let admin_provider = fresh(admin_opts()).await;
    let member_provider = fresh(member_opts()).await;
    let admin = openstack::new_network_v2(&admin_provider, region()).unwrap();
    let member = openstack::new_network_v2(&member_provider, region()).unwrap();
    let member_project = member_provider.auth_info().unwrap().project.unwrap().id;

    let net = networks::create(&admin, &NetworkOpts::new(unique("rbac-net")))
        .await
        .extract()
        .unwrap();
    assert!(
        networks::get(&member, &net.id)
            .await
            .extract()
            .unwrap_err()
            .is_not_found()
    );

    // Shared with the member project: the member sees it, as shared.
    let opts = CreateOpts::new(
        ObjectType::Network,
        &net.id,
        Action::AccessAsShared,
        &member_project,
    );
    let policy = rbac_policies::create(&admin, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (&policy.object_type, &policy.action),
        (&ObjectType::Network, &Action::AccessAsShared)
    );
    assert_eq!(policy.target_tenant, member_project);
    assert_eq!(policy.object_id, net.id);
    let seen = networks::get(&member, &net.id).await.extract().unwrap();
    assert!(seen.shared);
    let listed = networks::list(
        &member,
        &networks::ListOpts {
            id: Some(net.id.clone()),
            ..networks::ListOpts::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(listed.len(), 1);

    // Typed filters find the policy; the shown policy is the created one.
    let found = rbac_policies::list(
        &admin,
        &ListOpts {
            object_type: Some(ObjectType::Network),
            object_id: Some(net.id.clone()),
            action: Some(Action::AccessAsShared),
            ..ListOpts::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(
        rbac_policies::get(&admin, &policy.id)
            .await
            .extract()
            .unwrap(),
        found[0]
    );

    // Deleted: the member stops seeing it.
    rbac_policies::delete(&admin, &policy.id)
        .await
        .ok()
        .unwrap();
    assert!(
        networks::get(&member, &net.id)
            .await
            .extract()
            .unwrap_err()
            .is_not_found()
    );

    // Offered as external to the member, then to every project.
    let opts = CreateOpts::new(
        ObjectType::Network,
        &net.id,
        Action::AccessAsExternal,
        &member_project,
    );
    let external = rbac_policies::create(&admin, &opts)
        .await
        .extract()
        .unwrap();
    let seen = networks::get(&member, &net.id)
        .await
        .extract_into::<With<Network, External>>()
        .unwrap();
    assert_eq!(seen.ext.external, Some(true));
    assert!(!seen.shared);
    let updated = rbac_policies::update(&admin, &external.id, &UpdateOpts::new(EVERY_PROJECT))
        .await
        .extract()
        .unwrap();
    assert_eq!(updated.target_tenant, EVERY_PROJECT);
    assert_eq!(updated.action, Action::AccessAsExternal);
    rbac_policies::delete(&admin, &external.id)
        .await
        .ok()
        .unwrap();
    assert!(
        rbac_policies::get(&admin, &external.id)
            .await
            .extract()
            .unwrap_err()
            .is_not_found()
    );

    networks::delete(&admin, &net.id).await.ok().unwrap();
}
