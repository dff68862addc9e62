//! FWaaS v2 against the real Neutron (neutron-fwaas, no firewall agent): rules,
//! policies with rule insertion and removal, groups, find, and the conflicts Neutron
//! raises for what is in use.

use crate::support::*;
use ferrocloud::openstack;
use ferrocloud::openstack::networking::v2::fwaas::{groups, policies, rules};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_fwaas_rules_policies_groups_crud() {
    let net = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();

    let r1 = rules::create(
        &net,
        &rules::CreateOpts::new(unique("fw-http"), rules::Action::Allow)
            .protocol(rules::Protocol::Tcp)
            .destination_port("80"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        (r1.action.clone(), r1.protocol.clone()),
        (rules::Action::Allow, Some(rules::Protocol::Tcp))
    );
    assert_eq!(r1.ip_version, rules::IpVersion::V4);
    assert!(r1.firewall_policy_id.is_empty() && r1.enabled);
    let r2 = rules::create(
        &net,
        &rules::CreateOpts::new(unique("fw-deny"), rules::Action::Deny),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(r2.protocol, None);

    let policy = policies::create(
        &net,
        &policies::CreateOpts::new(unique("fw-pol")).firewall_rules([r1.id.as_str()]),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(policy.firewall_rules, [r1.id.as_str()]);
    // Insert r2 before r1, then remove it: the answers are the policy, without envelope.
    let inserted = policies::insert_rule(
        &net,
        &policy.id,
        &policies::InsertRuleOpts::new(&r2.id).insert_before(&r1.id),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(inserted.firewall_rules, [r2.id.clone(), r1.id.clone()]);
    let shown = rules::get(&net, &r2.id).await.extract().unwrap();
    assert_eq!(shown.firewall_policy_id, [policy.id.as_str()]);
    let removed = policies::remove_rule(&net, &policy.id, &r2.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(removed.firewall_rules, [r1.id.as_str()]);

    let group = groups::create(
        &net,
        &groups::CreateOpts::new(unique("fw-grp")).ingress_firewall_policy_id(&policy.id),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(group.status, "INACTIVE");
    assert!(group.ports.is_empty());
    assert_eq!(
        group.ingress_firewall_policy_id.as_deref(),
        Some(policy.id.as_str())
    );
    assert_eq!(groups::find(&net, &group.name).await.unwrap().id, group.id);
    let updated = groups::update(
        &net,
        &group.id,
        &groups::UpdateOpts::default()
            .description("v2")
            .ingress_firewall_policy_id(None),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        (
            updated.description.as_str(),
            updated.ingress_firewall_policy_id
        ),
        ("v2", None)
    );
    let listed = groups::list(
        &net,
        &groups::ListOpts {
            name: Some(group.name.clone()),
            ..Default::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(listed.len(), 1);

    let r1u = rules::update(
        &net,
        &r1.id,
        &rules::UpdateOpts::default()
            .enabled(false)
            .destination_port("8000:8080"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        (r1u.enabled, r1u.destination_port.as_deref()),
        (false, Some("8000:8080"))
    );
    let p2 = policies::update(
        &net,
        &policy.id,
        &policies::UpdateOpts::default().firewall_rules([r2.id.as_str(), r1.id.as_str()]),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(p2.firewall_rules, [r2.id.clone(), r1.id.clone()]);
    // A rule in a policy cannot be deleted.
    let err = rules::delete(&net, &r1.id).await.ok().unwrap_err();
    assert_eq!(err.status_code(), Some(409), "{err}");

    groups::delete(&net, &group.id).await.ok().unwrap();
    policies::delete(&net, &policy.id).await.ok().unwrap();
    rules::delete(&net, &r1.id).await.ok().unwrap();
    rules::delete(&net, &r2.id).await.ok().unwrap();
    assert!(!rules::get(&net, &r1.id).await.exists().unwrap());
}
