//! Address groups against the real Neutron: CRUD, adding and removing addresses (and
//! the errors for duplicates and absent ones), compare-and-swap updates, find, and a
//! security group rule whose remote is the group.

use crate::support::*;
use ferrocloud::openstack::networking::v2::address_groups::{
    self, CreateOpts, ListOpts, UpdateOpts,
};
use ferrocloud::openstack::networking::v2::security_group_rules::{
    self, CreateOpts as RuleOpts, ListOpts as RuleListOpts, RuleSpec,
};
use ferrocloud::openstack::networking::v2::security_groups;
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_address_groups_crud_addresses_and_rule_remotes() {
    let member = openstack::new_network_v2(&fresh(member_opts()).await, region()).unwrap();
    let name = unique("ag");
    let group = address_groups::create(
        &member,
        &CreateOpts::new(&name)
            .description("office")
            .addresses(["192.0.2.0/24"]),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(group.addresses, ["192.0.2.0/24"]);
    assert!(group.revision_number.is_some() && group.created_at.is_some());

    // Addresses are normalized (a host is a /32) and kept sorted.
    let group = address_groups::add_addresses(&member, &group.id, ["198.51.100.7", "10.1.0.0/16"])
        .await
        .extract()
        .unwrap();
    assert_eq!(
        group.addresses,
        ["10.1.0.0/16", "192.0.2.0/24", "198.51.100.7/32"]
    );
    let err = address_groups::add_addresses(&member, &group.id, ["10.1.0.0/16"])
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest, "{err}");
    let group = address_groups::remove_addresses(&member, &group.id, ["192.0.2.0/24"])
        .await
        .extract()
        .unwrap();
    assert_eq!(group.addresses, ["10.1.0.0/16", "198.51.100.7/32"]);
    let err = address_groups::remove_addresses(&member, &group.id, ["192.0.2.0/24"])
        .await
        .extract()
        .unwrap_err();
    assert!(err.is_not_found(), "{err}");

    // Compare-and-swap update, find, list.
    let shown = address_groups::get(&member, &group.id)
        .await
        .extract()
        .unwrap();
    let rev = shown.revision_number.unwrap();
    let updated = address_groups::update_if_revision(
        &member,
        &group.id,
        rev,
        &UpdateOpts::default().description("branch office"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(updated.description, "branch office");
    let err = address_groups::update_if_revision(
        &member,
        &group.id,
        rev,
        &UpdateOpts::default().name("stale"),
    )
    .await
    .extract()
    .unwrap_err();
    assert!(err.is_precondition_failed(), "{err}");
    assert_eq!(
        address_groups::find(&member, &name).await.unwrap().id,
        group.id
    );
    let listed = address_groups::list(
        &member,
        &ListOpts {
            name: Some(name.clone()),
            ..ListOpts::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(listed.len(), 1);

    // A rule whose remote is the address group.
    let sg = security_groups::create(&member, &security_groups::CreateOpts::new(unique("sg-ag")))
        .await
        .extract()
        .unwrap();
    let rule = security_group_rules::create(
        &member,
        &RuleOpts::new(
            &sg.id,
            RuleSpec::ingress().remote_address_group_id(&group.id),
        ),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        rule.remote_address_group_id.as_deref(),
        Some(group.id.as_str())
    );
    let by_group = security_group_rules::list(
        &member,
        &RuleListOpts {
            remote_address_group_id: Some(group.id.clone()),
            ..RuleListOpts::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(by_group.len(), 1);
    // In use by a rule: Neutron refuses to delete the group.
    let err = address_groups::delete(&member, &group.id)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
    security_groups::delete(&member, &sg.id).await.ok().unwrap();

    address_groups::delete(&member, &group.id)
        .await
        .ok()
        .unwrap();
    assert!(
        address_groups::get(&member, &group.id)
            .await
            .extract()
            .unwrap_err()
            .is_not_found()
    );
}
