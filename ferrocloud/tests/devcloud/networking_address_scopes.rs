//! Address scopes against the real Neutron: CRUD for both IP versions, filters, find,
//! and sharing (admin only).

use crate::support::*;
use ferrocloud::openstack;
use ferrocloud::openstack::networking::v2::address_scopes::{
    self, CreateOpts, ListOpts, UpdateOpts,
};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_address_scopes_crud_filters_and_sharing() {
    let admin = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();
    let member = openstack::new_network_v2(&fresh(member_opts()).await, region()).unwrap();

    let name = unique("scope");
    let v6 = address_scopes::create(&member, &CreateOpts::ipv6(&name))
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (v6.name.as_str(), v6.ip_version, v6.shared),
        (name.as_str(), 6, false)
    );
    let renamed = address_scopes::update(
        &member,
        &v6.id,
        &UpdateOpts::default().name(format!("{name}-v6")),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(renamed.name, format!("{name}-v6"));
    assert_eq!(
        address_scopes::find(&member, &format!("{name}-v6"))
            .await
            .unwrap()
            .id,
        v6.id
    );
    let listed = address_scopes::list(
        &member,
        &ListOpts {
            ip_version: Some(6),
            name: Some(format!("{name}-v6")),
            ..ListOpts::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(listed, [renamed]);

    // Sharing is for admins: a member is refused, an admin's shared scope is seen by all.
    let err = address_scopes::update(&member, &v6.id, &UpdateOpts::default().shared(true))
        .await
        .extract()
        .unwrap_err();
    assert!(err.is_forbidden() || err.is_not_found(), "{err}");
    let shared = address_scopes::create(
        &admin,
        &CreateOpts::ipv4(unique("scope-shared")).shared(true),
    )
    .await
    .extract()
    .unwrap();
    let seen = address_scopes::get(&member, &shared.id)
        .await
        .extract()
        .unwrap();
    assert!(seen.shared);

    address_scopes::delete(&admin, &shared.id)
        .await
        .ok()
        .unwrap();
    address_scopes::delete(&member, &v6.id).await.ok().unwrap();
    assert!(
        address_scopes::get(&member, &v6.id)
            .await
            .extract()
            .unwrap_err()
            .is_not_found()
    );
}
