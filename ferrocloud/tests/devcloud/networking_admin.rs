//! Neutron's administrative resources against the real Neutron: quotas, service
//! providers, versions, metering labels and rules, logs, flavors and service profiles,
//! and agents (the devcloud runs none: their listings are empty, and showing, updating,
//! deleting agents and DHCP scheduling are tested with the mock server only).

use crate::support::*;
use ferrocloud::openstack::identity::v3::projects;
use ferrocloud::openstack::networking::v2::agents::{self, AgentType};
use ferrocloud::openstack::networking::v2::dhcp_agent_scheduler as dhcp;
use ferrocloud::openstack::networking::v2::flavors;
use ferrocloud::openstack::networking::v2::logs::{self, Event};
use ferrocloud::openstack::networking::v2::metering_label_rules::{self as rules, Direction};
use ferrocloud::openstack::networking::v2::metering_labels as labels;
use ferrocloud::openstack::networking::v2::networks;
use ferrocloud::openstack::networking::v2::quotas::{self, Limit, UpdateOpts};
use ferrocloud::openstack::networking::v2::service_profiles as profiles;
use ferrocloud::openstack::networking::v2::{service_providers, versions};
use ferrocloud::{ErrorKind, openstack};

const SINGLE_NODE: &str =
    "neutron.services.l3_router.service_providers.single_node.SingleNodeDriver";

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_quotas_show_defaults_details_update_reset() {
    let admin = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();
    let member = openstack::new_network_v2(&fresh(member_opts()).await, region()).unwrap();
    let demo = projects::find(&admin_identity().await, "demo")
        .await
        .unwrap()
        .id;

    let defaults = quotas::get_defaults(&admin, &demo).await.extract().unwrap();
    assert!(defaults.network.allows(1));
    // The devcloud loads the L3 and trunk plugins: their quotas are there.
    assert!(defaults.router.is_some() && defaults.floatingip.is_some() && defaults.trunk.is_some());
    let own = quotas::get(&member, &demo).await.extract().unwrap();
    assert_eq!(own.subnetpool, defaults.subnetpool);

    // Usage: the member's own network counts.
    let net = networks::create(&member, &networks::CreateOpts::new(unique("quota")))
        .await
        .extract()
        .unwrap();
    let details = quotas::get_details(&admin, &demo).await.extract().unwrap();
    assert!(details.network.used >= 1);
    assert_eq!(details.network.limit, defaults.network);
    assert_eq!(details.get("router").map(|u| u.limit), defaults.router);

    // Change two limits (one to unlimited), see them listed, refuse one below usage.
    let opts = UpdateOpts::default()
        .rbac_policy(Limit::Max(37))
        .security_group(Limit::Unlimited);
    let q = quotas::update(&admin, &demo, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (q.rbac_policy, q.security_group),
        (Limit::Max(37), Limit::Unlimited)
    );
    let listed = quotas::list(&admin).all().await.unwrap();
    let mine = listed
        .iter()
        .find(|p| p.project_id == demo)
        .expect("demo listed");
    assert_eq!(mine.quota.rbac_policy, Limit::Max(37));
    let err = quotas::update(&admin, &demo, &UpdateOpts::default().network(0u64))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest);
    // A member may not change its quotas.
    let err = quotas::update(&member, &demo, &UpdateOpts::default().rbac_policy(1u64))
        .await
        .extract()
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::Forbidden | ErrorKind::NotFound),
        "{err}"
    );

    // Reset: back to the defaults, and no longer listed.
    quotas::delete(&admin, &demo).await.ok().unwrap();
    let q = quotas::get(&admin, &demo).await.extract().unwrap();
    assert_eq!(q, defaults);
    networks::delete(&member, &net.id).await.ok().unwrap();
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_service_providers_and_versions() {
    let member = openstack::new_network_v2(&fresh(member_opts()).await, region()).unwrap();
    let all = service_providers::list(&member, &Default::default())
        .all()
        .await
        .unwrap();
    assert!(
        all.iter()
            .any(|p| p.service_type == "L3_ROUTER_NAT" && p.name == "single_node")
    );
    let opts = service_providers::ListOpts {
        service_type: Some("L3_ROUTER_NAT".into()),
        ..Default::default()
    };
    let l3 = service_providers::list(&member, &opts).all().await.unwrap();
    assert!(!l3.is_empty() && l3.iter().all(|p| p.service_type == "L3_ROUTER_NAT"));

    let v = versions::list(&member).all().await.unwrap();
    assert_eq!(v.len(), 1);
    assert_eq!(
        (v[0].id.as_str(), v[0].status.as_str()),
        ("v2.0", "CURRENT")
    );
    let resources = versions::get(&member).all().await.unwrap();
    assert!(
        resources
            .iter()
            .any(|r| r.name == "network" && r.collection == "networks")
    );
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_metering_labels_and_rules_crud() {
    let admin = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();
    let name = unique("meter");
    let label = labels::create(
        &admin,
        &labels::CreateOpts::new(&name)
            .description("tests")
            .shared(true),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        (
            label.name.as_str(),
            label.description.as_str(),
            label.shared
        ),
        (name.as_str(), "tests", true)
    );
    assert_eq!(labels::find(&admin, &name).await.unwrap().id, label.id);
    let opts = labels::ListOpts {
        shared: Some(true),
        ..Default::default()
    };
    assert!(
        labels::list(&admin, &opts)
            .all()
            .await
            .unwrap()
            .iter()
            .any(|l| l.id == label.id)
    );

    let remote = rules::create(
        &admin,
        &rules::CreateOpts::new(&label.id, Direction::Ingress).remote_ip_prefix("10.0.0.0/24"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(remote.remote_ip_prefix.as_deref(), Some("10.0.0.0/24"));
    assert_eq!(
        (remote.source_ip_prefix.as_deref(), remote.excluded),
        (None, false)
    );
    let source = rules::create(
        &admin,
        &rules::CreateOpts::new(&label.id, Direction::Egress)
            .source_ip_prefix("10.1.0.0/24")
            .excluded(true),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(source.remote_ip_prefix, None);
    assert_eq!(
        (source.source_ip_prefix.as_deref(), source.excluded),
        (Some("10.1.0.0/24"), true)
    );
    let opts = rules::ListOpts {
        metering_label_id: Some(label.id.clone()),
        ..Default::default()
    };
    let mut ids: Vec<String> = rules::list(&admin, &opts)
        .all()
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
    ids.sort();
    let mut want = vec![remote.id.clone(), source.id.clone()];
    want.sort();
    assert_eq!(ids, want);
    assert_eq!(
        rules::get(&admin, &source.id)
            .await
            .extract()
            .unwrap()
            .direction,
        Direction::Egress
    );
    rules::delete(&admin, &remote.id).await.ok().unwrap();
    // Deleting the label deletes its rules.
    labels::delete(&admin, &label.id).await.ok().unwrap();
    let err = rules::get(&admin, &source.id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(
        labels::get(&admin, &label.id)
            .await
            .extract()
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_logs_loggable_resources_and_crud() {
    let admin = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();
    let types = logs::list_loggable_resources(&admin).all().await.unwrap();
    // The devcloud's logging driver is FWaaS's: firewall groups only.
    let t = types
        .first()
        .expect("a loggable resource type")
        .resource_type
        .clone();
    let name = unique("log");
    let log = logs::create(
        &admin,
        &logs::CreateOpts::new(&t).name(&name).event(Event::Drop),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        (log.resource_type.as_str(), log.event, log.enabled),
        (t.as_str(), Event::Drop, true)
    );
    assert_eq!(
        (log.resource_id.as_deref(), log.target_id.as_deref()),
        (None, None)
    );
    assert_eq!(logs::find(&admin, &name).await.unwrap().id, log.id);
    let updated = logs::update(
        &admin,
        &log.id,
        &logs::UpdateOpts::default()
            .enabled(false)
            .description("off"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        (updated.enabled, updated.description.as_str()),
        (false, "off")
    );
    assert!(updated.revision_number > log.revision_number);
    let opts = logs::ListOpts {
        enabled: Some(false),
        name: Some(name.clone()),
        ..Default::default()
    };
    assert_eq!(logs::list(&admin, &opts).all().await.unwrap().len(), 1);
    logs::delete(&admin, &log.id).await.ok().unwrap();
    assert_eq!(
        logs::get(&admin, &log.id)
            .await
            .extract()
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );

    // A type no driver logs is refused.
    let err = logs::create(&admin, &logs::CreateOpts::new("no_such_type"))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_flavors_and_service_profiles() {
    let admin = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();
    let profile = profiles::create(
        &admin,
        &profiles::CreateOpts::driver(SINGLE_NODE)
            .description("tests")
            .metainfo("{}"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        (
            profile.driver.as_str(),
            profile.enabled,
            profile.metainfo.as_str()
        ),
        (SINGLE_NODE, true, "{}")
    );
    // Changes are accepted while no flavor uses it.
    let p = profiles::update(
        &admin,
        &profile.id,
        &profiles::UpdateOpts::default().description("changed"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(p.description, "changed");
    let opts = profiles::ListOpts {
        driver: Some(SINGLE_NODE.into()),
        ..Default::default()
    };
    assert!(
        profiles::list(&admin, &opts)
            .all()
            .await
            .unwrap()
            .iter()
            .any(|p| p.id == profile.id)
    );

    let name = unique("flavor");
    let flavor = flavors::create(
        &admin,
        &flavors::CreateOpts::new("L3_ROUTER_NAT").name(&name),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        (flavor.service_type.as_str(), flavor.enabled),
        ("L3_ROUTER_NAT", true)
    );
    assert!(flavor.service_profiles.is_empty());
    // Neutron answers with the flavor's ID here (not the profile's).
    flavors::associate(&admin, &flavor.id, &profile.id)
        .await
        .extract()
        .unwrap();
    let shown = flavors::get(&admin, &flavor.id).await.extract().unwrap();
    assert_eq!(shown.service_profiles, std::slice::from_ref(&profile.id));
    // In use: Neutron refuses changes to the profile.
    let err = profiles::update(
        &admin,
        &profile.id,
        &profiles::UpdateOpts::default().enabled(false),
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    let updated = flavors::update(
        &admin,
        &flavor.id,
        &flavors::UpdateOpts::default()
            .enabled(false)
            .description("off"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        (updated.enabled, updated.description.as_str()),
        (false, "off")
    );
    assert_eq!(flavors::find(&admin, &name).await.unwrap().id, flavor.id);
    let opts = flavors::ListOpts {
        service_type: Some("L3_ROUTER_NAT".into()),
        enabled: Some(false),
        ..Default::default()
    };
    assert!(
        flavors::list(&admin, &opts)
            .all()
            .await
            .unwrap()
            .iter()
            .any(|f| f.id == flavor.id)
    );
    // Bulk creation is refused by Neutron for flavors: the SDK has none.
    flavors::disassociate(&admin, &flavor.id, &profile.id)
        .await
        .ok()
        .unwrap();
    assert!(
        flavors::get(&admin, &flavor.id)
            .await
            .extract()
            .unwrap()
            .service_profiles
            .is_empty()
    );
    flavors::delete(&admin, &flavor.id).await.ok().unwrap();
    profiles::delete(&admin, &profile.id).await.ok().unwrap();
    assert_eq!(
        profiles::get(&admin, &profile.id)
            .await
            .extract()
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
}

/// The devcloud runs no agents: the listings are empty and an agent ID is unknown.
/// Showing, updating and deleting agents and scheduling networks to DHCP agents are
/// tested with the mock server only (they need a running agent).
#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_agents_none_running_mock_only_for_the_rest() {
    let admin = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();
    let all = agents::list(&admin, &Default::default())
        .all()
        .await
        .unwrap();
    assert!(all.is_empty(), "the devcloud runs no agents: {all:?}");
    let opts = agents::ListOpts {
        agent_type: Some(AgentType::Dhcp),
        alive: Some(true),
        ..Default::default()
    };
    assert!(agents::list(&admin, &opts).all().await.unwrap().is_empty());
    let unknown = "00000000-0000-0000-0000-000000000000";
    assert_eq!(
        agents::get(&admin, unknown)
            .await
            .extract()
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
    let err = dhcp::list_networks(&admin, unknown)
        .all()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    let net = networks::create(&admin, &networks::CreateOpts::new(unique("dhcp")))
        .await
        .extract()
        .unwrap();
    assert!(
        dhcp::list_agents(&admin, &net.id)
            .all()
            .await
            .unwrap()
            .is_empty()
    );
    networks::delete(&admin, &net.id).await.ok().unwrap();
}
