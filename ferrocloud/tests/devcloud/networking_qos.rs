//! QoS against the real Neutron (the `qos` plugin with ML2's no-op mechanism driver,
//! which brings no QoS driver): policies (CRUD, find, If-Match, in use), every rule kind
//! under a policy and by rule ID alone, rule types, and applying a policy to a network.

use crate::support::*;
use ferrocloud::openstack::networking::v2::common::ListControls;
use ferrocloud::openstack::networking::v2::extensions::qos::QosPolicyId;
use ferrocloud::openstack::networking::v2::networks::{self, Network};
use ferrocloud::openstack::networking::v2::qos::policies::{self, CreateOpts, Rule, UpdateOpts};
use ferrocloud::openstack::networking::v2::qos::rule_types::{self, RuleType};
use ferrocloud::openstack::networking::v2::qos::{
    Direction, bandwidth_limit_rules, dscp_marking_rules, minimum_bandwidth_rules,
    minimum_packet_rate_rules, packet_rate_limit_rules,
};
use ferrocloud::request::With;
use ferrocloud::{ErrorKind, ServiceClient, openstack};

async fn admin_network() -> ServiceClient {
    openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap()
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_qos_policies_crud_find_if_match_and_networks() {
    let admin = admin_network().await;
    let name = unique("qos");
    let policy = policies::create(&admin, &CreateOpts::new(&name).description("by the tests"))
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (policy.name.as_str(), policy.description.as_str()),
        (name.as_str(), "by the tests")
    );
    assert!(!policy.shared && !policy.is_default && policy.rules.is_empty());
    assert_eq!(policies::find(&admin, &name).await.unwrap().id, policy.id);
    let listed = policies::list(
        &admin,
        &policies::ListOpts {
            name: Some(name.clone()),
            shared: Some(false),
            ..policies::ListOpts::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(listed.len(), 1);

    // Compare-and-swap on the revision.
    let rev = policy.revision_number;
    let updated = policies::update_if_revision(
        &admin,
        &policy.id,
        rev,
        &UpdateOpts::default().shared(true).description("v2"),
    )
    .await
    .extract()
    .unwrap();
    assert!(updated.shared && updated.revision_number > rev);
    let err =
        policies::update_if_revision(&admin, &policy.id, rev, &UpdateOpts::default().name("x"))
            .await
            .extract()
            .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::PreconditionFailed, "{err}");

    // A policy without rules applies to a network; in use, it cannot be deleted.
    let with_policy = With::new(
        networks::CreateOpts::new(unique("qos-net")),
        QosPolicyId::default().qos_policy_id(policy.id.as_str()),
    );
    let net = networks::create(&admin, &with_policy)
        .await
        .extract_into::<With<Network, QosPolicyId>>()
        .unwrap();
    assert_eq!(net.ext.qos_policy_id.as_deref(), Some(policy.id.as_str()));
    let err = policies::delete(&admin, &policy.id).await.ok().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
    assert!(err.to_string().contains("QoS Policy"), "{err}");
    networks::delete(&admin, &net.id).await.ok().unwrap();

    // A rule of a kind no loaded QoS driver supports: Neutron refuses to apply the
    // policy to a network (409, QosRuleNotSupportedByNetwork).
    bandwidth_limit_rules::create(
        &admin,
        &policy.id,
        &bandwidth_limit_rules::CreateOpts::new(1000),
    )
    .await
    .extract()
    .unwrap();
    let err = networks::create(&admin, &with_policy)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
    assert!(
        err.to_string().contains("not supported by network"),
        "{err}"
    );

    policies::delete(&admin, &policy.id).await.ok().unwrap();
    let err = policies::get(&admin, &policy.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_qos_rules_of_every_kind_under_a_policy_and_by_alias() {
    let admin = admin_network().await;
    let policy = policies::create(&admin, &CreateOpts::new(unique("qos-rules")))
        .await
        .extract()
        .unwrap();
    let pid = policy.id.as_str();
    let none = ListControls::default();

    // Bandwidth limit: create, list, show, update, and by alias (show, update, delete).
    let bw = bandwidth_limit_rules::create(
        &admin,
        pid,
        &bandwidth_limit_rules::CreateOpts::new(10_000)
            .max_burst_kbps(800)
            .direction(Direction::Ingress),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        (bw.max_kbps, bw.max_burst_kbps, bw.direction),
        (10_000, 800, Direction::Ingress)
    );
    let listed = bandwidth_limit_rules::list(&admin, pid, &none)
        .all()
        .await
        .unwrap();
    assert_eq!(listed, std::slice::from_ref(&bw));
    assert_eq!(
        bandwidth_limit_rules::get(&admin, pid, &bw.id)
            .await
            .extract()
            .unwrap(),
        bw
    );
    let bw2 = bandwidth_limit_rules::update(
        &admin,
        pid,
        &bw.id,
        &bandwidth_limit_rules::UpdateOpts::default().max_kbps(20_000),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(bw2.max_kbps, 20_000);
    assert_eq!(
        bandwidth_limit_rules::get_alias(&admin, &bw.id)
            .await
            .extract()
            .unwrap(),
        bw2
    );
    let bw3 = bandwidth_limit_rules::update_alias(
        &admin,
        &bw.id,
        &bandwidth_limit_rules::UpdateOpts::default().direction(Direction::Egress),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(bw3.direction, Direction::Egress);

    // DSCP marking.
    let dscp = dscp_marking_rules::create(&admin, pid, &dscp_marking_rules::CreateOpts::new(26))
        .await
        .extract()
        .unwrap();
    assert_eq!(dscp.dscp_mark, 26);
    let dscp = dscp_marking_rules::update_alias(
        &admin,
        &dscp.id,
        &dscp_marking_rules::UpdateOpts::default().dscp_mark(16),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        dscp_marking_rules::get(&admin, pid, &dscp.id)
            .await
            .extract()
            .unwrap()
            .dscp_mark,
        16
    );
    assert_eq!(
        dscp_marking_rules::list(&admin, pid, &none)
            .all()
            .await
            .unwrap()
            .len(),
        1
    );

    // Minimum bandwidth.
    let minbw = minimum_bandwidth_rules::create(
        &admin,
        pid,
        &minimum_bandwidth_rules::CreateOpts::new(1000),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!((minbw.min_kbps, minbw.direction), (1000, Direction::Egress));
    let minbw = minimum_bandwidth_rules::update(
        &admin,
        pid,
        &minbw.id,
        &minimum_bandwidth_rules::UpdateOpts::default().min_kbps(2000),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        minimum_bandwidth_rules::get_alias(&admin, &minbw.id)
            .await
            .extract()
            .unwrap(),
        minbw
    );
    assert_eq!(
        minimum_bandwidth_rules::list(&admin, pid, &none)
            .all()
            .await
            .unwrap(),
        std::slice::from_ref(&minbw)
    );

    // Minimum packet rate, in both directions at once.
    let minpps = minimum_packet_rate_rules::create(
        &admin,
        pid,
        &minimum_packet_rate_rules::CreateOpts::new(1000).direction(Direction::Any),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!((minpps.min_kpps, minpps.direction), (1000, Direction::Any));
    let minpps = minimum_packet_rate_rules::update_alias(
        &admin,
        &minpps.id,
        &minimum_packet_rate_rules::UpdateOpts::default().min_kpps(1500),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        minimum_packet_rate_rules::get(&admin, pid, &minpps.id)
            .await
            .extract()
            .unwrap(),
        minpps
    );
    assert_eq!(
        minimum_packet_rate_rules::list(&admin, pid, &none)
            .all()
            .await
            .unwrap()
            .len(),
        1
    );

    // Packet rate limit (no alias paths).
    let pps = packet_rate_limit_rules::create(
        &admin,
        pid,
        &packet_rate_limit_rules::CreateOpts::new(5000),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!((pps.max_kpps, pps.max_burst_kpps), (5000, 0));
    let pps = packet_rate_limit_rules::update(
        &admin,
        pid,
        &pps.id,
        &packet_rate_limit_rules::UpdateOpts::default().max_burst_kpps(100),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        packet_rate_limit_rules::get(&admin, pid, &pps.id)
            .await
            .extract()
            .unwrap(),
        pps
    );
    assert_eq!(
        packet_rate_limit_rules::list(&admin, pid, &none)
            .all()
            .await
            .unwrap(),
        vec![pps.clone()]
    );

    // The policy lists every rule, typed by kind.
    let shown = policies::get(&admin, pid).await.extract().unwrap();
    let mut kinds: Vec<String> = shown
        .rules
        .iter()
        .map(|r| r.rule.rule_type().to_string())
        .collect();
    kinds.sort();
    assert_eq!(
        kinds,
        [
            "bandwidth_limit",
            "dscp_marking",
            "minimum_bandwidth",
            "minimum_packet_rate",
            "packet_rate_limit"
        ]
    );
    assert!(shown.rules.iter().all(|r| r.qos_policy_id == pid));
    assert!(
        shown
            .rules
            .iter()
            .any(|r| r.rule == Rule::PacketRateLimit(pps.clone()))
    );

    // Neutron's own checks: one minimum packet rate rule per direction set.
    let err = minimum_packet_rate_rules::create(
        &admin,
        pid,
        &minimum_packet_rate_rules::CreateOpts::new(10).direction(Direction::Egress),
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");

    // Deletion, under the policy and by alias.
    bandwidth_limit_rules::delete_alias(&admin, &bw.id)
        .await
        .ok()
        .unwrap();
    dscp_marking_rules::delete_alias(&admin, &dscp.id)
        .await
        .ok()
        .unwrap();
    minimum_bandwidth_rules::delete_alias(&admin, &minbw.id)
        .await
        .ok()
        .unwrap();
    minimum_packet_rate_rules::delete_alias(&admin, &minpps.id)
        .await
        .ok()
        .unwrap();
    packet_rate_limit_rules::delete(&admin, pid, &pps.id)
        .await
        .ok()
        .unwrap();
    let err = bandwidth_limit_rules::get_alias(&admin, &bw.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    assert!(
        policies::get(&admin, pid)
            .await
            .extract()
            .unwrap()
            .rules
            .is_empty()
    );
    policies::delete(&admin, pid).await.ok().unwrap();
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_qos_rule_types_list_and_show() {
    let admin = admin_network().await;
    let all = rule_types::list(
        &admin,
        &rule_types::ListOpts {
            all_rules: Some(true),
            ..rule_types::ListOpts::default()
        },
    )
    .all()
    .await
    .unwrap();
    let mut kinds: Vec<RuleType> = all.into_iter().map(|t| t.rule_type).collect();
    kinds.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    assert_eq!(
        kinds,
        [
            RuleType::BandwidthLimit,
            RuleType::DscpMarking,
            RuleType::MinimumBandwidth,
            RuleType::MinimumPacketRate,
            RuleType::PacketRateLimit
        ]
    );
    // The no-op mechanism driver brings no QoS driver: nothing is supported.
    let supported = rule_types::list(&admin, &rule_types::ListOpts::default())
        .all()
        .await
        .unwrap();
    assert!(supported.is_empty(), "{supported:?}");
    let details = rule_types::get(&admin, &RuleType::DscpMarking)
        .await
        .extract()
        .unwrap();
    assert_eq!(details.rule_type, RuleType::DscpMarking);
    assert!(details.drivers.is_empty());
}
