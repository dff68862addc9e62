//! QoS: policies (CRUD, If-Match, find, typed rules), every rule kind under a policy
//! and by rule ID alone, rule types, and the checks made before anything is sent.

use crate::common::*;
use crate::{expect, network};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::common::ListControls;
use ferrocloud::openstack::networking::v2::qos::policies::{self, Rule};
use ferrocloud::openstack::networking::v2::qos::rule_types::{
    self, Choice, ParameterType, ParameterValues, RuleType,
};
use ferrocloud::openstack::networking::v2::qos::{
    Direction, bandwidth_limit_rules, dscp_marking_rules, minimum_bandwidth_rules,
    minimum_packet_rate_rules, packet_rate_limit_rules,
};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/qos";
const POLICY: &str = "46ebaec0-0570-43ac-82f6-60d2b03168c4";
const BASE: &str = "/network/v2.0/qos";

fn qos_sample(rel: &str) -> Value {
    sample_json(&format!("{S}/{rel}"))
}

/// A request sample with its numbers written as strings made numbers (Neutron converts
/// them; the SDK sends numbers).
fn numeric(v: Value) -> Value {
    match v {
        Value::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
            json!(s.parse::<u64>().unwrap())
        }
        Value::Object(m) => Value::Object(m.into_iter().map(|(k, v)| (k, numeric(v))).collect()),
        other => other,
    }
}

/// The object of a response sample, under another envelope key (the alias paths').
fn rewrap(sample: Value, from: &str, to: &str) -> Value {
    json!({ to: sample[from].clone() })
}

#[tokio::test]
async fn policy_create_show_update_if_revision_list_find_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;

    expect(
        &server,
        "POST",
        &format!("{BASE}/policies"),
        Some(qos_sample("policy-create-request.json")),
        ResponseTemplate::new(201).set_body_json(qos_sample("policy-create-response.json")),
    )
    .await;
    let opts = policies::CreateOpts::new("10Mbit")
        .description("This policy limits the ports to 10Mbit max.")
        .shared(false);
    let created = policies::create(&client, &opts).await.extract().unwrap();
    assert_eq!(created.name, "10Mbit");
    assert!(!created.shared && !created.is_default);
    assert_eq!(created.revision_number, 1);

    expect(
        &server,
        "GET",
        &format!("{BASE}/policies/{POLICY}"),
        None,
        ResponseTemplate::new(200).set_body_json(qos_sample("policy-show-response.json")),
    )
    .await;
    let shown = policies::get(&client, POLICY).await.extract().unwrap();
    assert_eq!(shown.rules.len(), 2);
    assert_eq!(shown.rules[0].qos_policy_id, POLICY);
    match &shown.rules[0].rule {
        Rule::BandwidthLimit(r) => {
            assert_eq!((r.max_kbps, r.max_burst_kbps), (10000, 0));
            // The sample predates `qos-bw-limit-direction`: Neutron's default.
            assert_eq!(r.direction, Direction::Egress);
        }
        other => panic!("expected a bandwidth limit rule, got {other:?}"),
    }
    assert!(matches!(&shown.rules[1].rule, Rule::DscpMarking(d) if d.dscp_mark == 26));
    assert_eq!(shown.rules[1].rule.rule_type(), RuleType::DscpMarking);

    Mock::given(method("PUT"))
        .and(path(format!("{BASE}/policies/{POLICY}")))
        .and(header("If-Match", "revision_number=3"))
        .and(body_json(qos_sample("policy-update-request.json")))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(qos_sample("policy-update-response.json")),
        )
        .expect(1)
        .mount(&server)
        .await;
    let update = policies::UpdateOpts::default()
        .name("10Mbit")
        .description("This policy limits the ports to 10Mbit max.")
        .shared(false);
    let updated = policies::update_if_revision(&client, POLICY, 3, &update)
        .await
        .extract()
        .unwrap();
    assert_eq!(updated.id, POLICY);
    assert!(updated.rules.is_empty());

    Mock::given(method("GET"))
        .and(path(format!("{BASE}/policies")))
        .and(query_param("name", "10Mbit"))
        .and(query_param("is_default", "false"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(qos_sample("policies-list-response.json")),
        )
        .expect(1)
        .mount(&server)
        .await;
    let listed = policies::list(
        &client,
        &policies::ListOpts {
            name: Some("10Mbit".into()),
            is_default: Some(false),
            ..policies::ListOpts::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].tags, ["tag1,tag2"]);

    // find: not an ID (404), then by name alone.
    expect(
        &server,
        "GET",
        &format!("{BASE}/policies/10Mbit"),
        None,
        ResponseTemplate::new(404)
            .set_body_json(json!({"NeutronError": {"type": "QosPolicyNotFound",
            "message": "QoS policy 10Mbit could not be found.", "detail": ""}})),
    )
    .await;
    let mut by_name = qos_sample("policies-list-response.json");
    by_name["policies"][0]["name"] = json!("10Mbit");
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/policies")))
        .and(query_param("name", "10Mbit"))
        .and(wiremock::matchers::query_param_is_missing("is_default"))
        .respond_with(ResponseTemplate::new(200).set_body_json(by_name))
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(policies::find(&client, "10Mbit").await.unwrap().id, POLICY);

    expect(
        &server,
        "DELETE",
        &format!("{BASE}/policies/{POLICY}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    policies::delete(&client, POLICY).await.ok().unwrap();
}

#[tokio::test]
async fn bandwidth_limit_rules_under_a_policy_and_by_alias() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let rules = format!("{BASE}/policies/{POLICY}/bandwidth_limit_rules");
    let id = "5f126d84-551a-4dcf-bb01-0e9c0df0c793";

    expect(
        &server,
        "POST",
        &rules,
        Some(numeric(qos_sample(
            "bandwidth_limit_rule-create-request.json",
        ))),
        ResponseTemplate::new(201)
            .set_body_json(qos_sample("bandwidth_limit_rule-create-response.json")),
    )
    .await;
    let rule = bandwidth_limit_rules::create(
        &client,
        POLICY,
        &bandwidth_limit_rules::CreateOpts::new(10000),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!((rule.max_kbps, rule.direction), (10000, Direction::Egress));

    expect(
        &server,
        "GET",
        &rules,
        None,
        ResponseTemplate::new(200)
            .set_body_json(qos_sample("bandwidth_limit_rules-list-response.json")),
    )
    .await;
    let listed = bandwidth_limit_rules::list(&client, POLICY, &ListControls::default())
        .all()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, id);

    let show = qos_sample("bandwidth_limit_rule-show-response.json");
    expect(
        &server,
        "GET",
        &format!("{rules}/{id}"),
        None,
        ResponseTemplate::new(200).set_body_json(show.clone()),
    )
    .await;
    let shown = bandwidth_limit_rules::get(&client, POLICY, id)
        .await
        .extract()
        .unwrap();
    assert_eq!(shown.id, id);

    expect(
        &server,
        "PUT",
        &format!("{rules}/{id}"),
        Some(numeric(qos_sample(
            "bandwidth_limit_rule-update-request.json",
        ))),
        ResponseTemplate::new(200)
            .set_body_json(qos_sample("bandwidth_limit_rule-update-response.json")),
    )
    .await;
    let updated = bandwidth_limit_rules::update(
        &client,
        POLICY,
        id,
        &bandwidth_limit_rules::UpdateOpts::default().max_kbps(10000),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(updated.max_kbps, 10000);

    expect(
        &server,
        "DELETE",
        &format!("{rules}/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    bandwidth_limit_rules::delete(&client, POLICY, id)
        .await
        .ok()
        .unwrap();

    // By rule ID alone: the alias path and envelope.
    let alias = format!("{BASE}/alias_bandwidth_limit_rules/{id}");
    let aliased = rewrap(show, "bandwidth_limit_rule", "alias_bandwidth_limit_rule");
    expect(
        &server,
        "GET",
        &alias,
        None,
        ResponseTemplate::new(200).set_body_json(aliased.clone()),
    )
    .await;
    assert_eq!(
        bandwidth_limit_rules::get_alias(&client, id)
            .await
            .extract()
            .unwrap()
            .id,
        id
    );
    expect(
        &server,
        "PUT",
        &alias,
        Some(json!({"alias_bandwidth_limit_rule": {"direction": "ingress"}})),
        ResponseTemplate::new(200).set_body_json(aliased),
    )
    .await;
    bandwidth_limit_rules::update_alias(
        &client,
        id,
        &bandwidth_limit_rules::UpdateOpts::default().direction(Direction::Ingress),
    )
    .await
    .extract()
    .unwrap();
    expect(&server, "DELETE", &alias, None, ResponseTemplate::new(204)).await;
    bandwidth_limit_rules::delete_alias(&client, id)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn dscp_marking_rules_under_a_policy_and_by_alias() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let rules = format!("{BASE}/policies/{POLICY}/dscp_marking_rules");
    let id = "5f126d84-551a-4dcf-bb01-0e9c0df0c794";

    expect(
        &server,
        "POST",
        &rules,
        Some(numeric(qos_sample("dscp_marking_rule-create-request.json"))),
        ResponseTemplate::new(201)
            .set_body_json(qos_sample("dscp_marking_rule-create-response.json")),
    )
    .await;
    let rule =
        dscp_marking_rules::create(&client, POLICY, &dscp_marking_rules::CreateOpts::new(26))
            .await
            .extract()
            .unwrap();
    assert_eq!(rule.dscp_mark, 26);

    expect(
        &server,
        "GET",
        &rules,
        None,
        ResponseTemplate::new(200)
            .set_body_json(qos_sample("dscp_marking_rules-list-response.json")),
    )
    .await;
    let listed = dscp_marking_rules::list(&client, POLICY, &ListControls::default())
        .all()
        .await
        .unwrap();
    assert!(!listed.is_empty());

    let show = qos_sample("dscp_marking_rule-show-response.json");
    expect(
        &server,
        "GET",
        &format!("{rules}/{id}"),
        None,
        ResponseTemplate::new(200).set_body_json(show.clone()),
    )
    .await;
    assert_eq!(
        dscp_marking_rules::get(&client, POLICY, id)
            .await
            .extract()
            .unwrap()
            .dscp_mark,
        26
    );

    expect(
        &server,
        "PUT",
        &format!("{rules}/{id}"),
        Some(numeric(qos_sample("dscp_marking_rule-update-request.json"))),
        ResponseTemplate::new(200)
            .set_body_json(qos_sample("dscp_marking_rule-update-response.json")),
    )
    .await;
    let updated = dscp_marking_rules::update(
        &client,
        POLICY,
        id,
        &dscp_marking_rules::UpdateOpts::default().dscp_mark(16),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(updated.dscp_mark, 16);

    expect(
        &server,
        "DELETE",
        &format!("{rules}/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    dscp_marking_rules::delete(&client, POLICY, id)
        .await
        .ok()
        .unwrap();

    let alias = format!("{BASE}/alias_dscp_marking_rules/{id}");
    let aliased = rewrap(show, "dscp_marking_rule", "alias_dscp_marking_rule");
    expect(
        &server,
        "GET",
        &alias,
        None,
        ResponseTemplate::new(200).set_body_json(aliased.clone()),
    )
    .await;
    assert_eq!(
        dscp_marking_rules::get_alias(&client, id)
            .await
            .extract()
            .unwrap()
            .dscp_mark,
        26
    );
    expect(
        &server,
        "PUT",
        &alias,
        Some(json!({"alias_dscp_marking_rule": {"dscp_mark": 26}})),
        ResponseTemplate::new(200).set_body_json(aliased),
    )
    .await;
    dscp_marking_rules::update_alias(
        &client,
        id,
        &dscp_marking_rules::UpdateOpts::default().dscp_mark(26),
    )
    .await
    .extract()
    .unwrap();
    expect(&server, "DELETE", &alias, None, ResponseTemplate::new(204)).await;
    dscp_marking_rules::delete_alias(&client, id)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn minimum_bandwidth_rules_under_a_policy_and_by_alias() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let rules = format!("{BASE}/policies/{POLICY}/minimum_bandwidth_rules");
    let id = "1eddf7af-0b4c-42c5-8ae1-390b32f1de08";

    expect(
        &server,
        "POST",
        &rules,
        Some(numeric(qos_sample(
            "minimum_bandwidth_rule-create-request.json",
        ))),
        ResponseTemplate::new(201)
            .set_body_json(qos_sample("minimum_bandwidth_rule-create-response.json")),
    )
    .await;
    let rule = minimum_bandwidth_rules::create(
        &client,
        POLICY,
        &minimum_bandwidth_rules::CreateOpts::new(10000),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!((rule.min_kbps, rule.direction), (10000, Direction::Egress));

    expect(
        &server,
        "GET",
        &rules,
        None,
        ResponseTemplate::new(200)
            .set_body_json(qos_sample("minimum_bandwidth_rules-list-response.json")),
    )
    .await;
    let listed = minimum_bandwidth_rules::list(&client, POLICY, &ListControls::default())
        .all()
        .await
        .unwrap();
    assert!(!listed.is_empty());

    let show = qos_sample("minimum_bandwidth_rule-show-response.json");
    expect(
        &server,
        "GET",
        &format!("{rules}/{id}"),
        None,
        ResponseTemplate::new(200).set_body_json(show.clone()),
    )
    .await;
    assert_eq!(
        minimum_bandwidth_rules::get(&client, POLICY, id)
            .await
            .extract()
            .unwrap()
            .id,
        id
    );

    expect(
        &server,
        "PUT",
        &format!("{rules}/{id}"),
        Some(numeric(qos_sample(
            "minimum_bandwidth_rule-update-request.json",
        ))),
        ResponseTemplate::new(200)
            .set_body_json(qos_sample("minimum_bandwidth_rule-update-response.json")),
    )
    .await;
    let updated = minimum_bandwidth_rules::update(
        &client,
        POLICY,
        id,
        &minimum_bandwidth_rules::UpdateOpts::default().min_kbps(20000),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(updated.min_kbps, 20000);

    expect(
        &server,
        "DELETE",
        &format!("{rules}/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    minimum_bandwidth_rules::delete(&client, POLICY, id)
        .await
        .ok()
        .unwrap();

    let alias = format!("{BASE}/alias_minimum_bandwidth_rules/{id}");
    let aliased = rewrap(
        show,
        "minimum_bandwidth_rule",
        "alias_minimum_bandwidth_rule",
    );
    expect(
        &server,
        "GET",
        &alias,
        None,
        ResponseTemplate::new(200).set_body_json(aliased.clone()),
    )
    .await;
    minimum_bandwidth_rules::get_alias(&client, id)
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "PUT",
        &alias,
        Some(json!({"alias_minimum_bandwidth_rule": {"min_kbps": 5}})),
        ResponseTemplate::new(200).set_body_json(aliased),
    )
    .await;
    minimum_bandwidth_rules::update_alias(
        &client,
        id,
        &minimum_bandwidth_rules::UpdateOpts::default().min_kbps(5),
    )
    .await
    .extract()
    .unwrap();
    expect(&server, "DELETE", &alias, None, ResponseTemplate::new(204)).await;
    minimum_bandwidth_rules::delete_alias(&client, id)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn minimum_packet_rate_rules_under_a_policy_and_by_alias() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let rules = format!("{BASE}/policies/{POLICY}/minimum_packet_rate_rules");
    let id = "5f126d84-551a-4dcf-bb01-0e9c0df0c793";

    expect(
        &server,
        "POST",
        &rules,
        Some(qos_sample("minimum_packet_rate_rule-create-request.json")),
        ResponseTemplate::new(201)
            .set_body_json(qos_sample("minimum_packet_rate_rule-create-response.json")),
    )
    .await;
    let rule = minimum_packet_rate_rules::create(
        &client,
        POLICY,
        &minimum_packet_rate_rules::CreateOpts::new(1000).direction(Direction::Any),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(rule.min_kpps, 1000);

    expect(
        &server,
        "GET",
        &rules,
        None,
        ResponseTemplate::new(200)
            .set_body_json(qos_sample("minimum_packet_rate_rules-list-response.json")),
    )
    .await;
    let listed = minimum_packet_rate_rules::list(&client, POLICY, &ListControls::default())
        .all()
        .await
        .unwrap();
    assert!(!listed.is_empty());

    let show = qos_sample("minimum_packet_rate_rule-show-response.json");
    expect(
        &server,
        "GET",
        &format!("{rules}/{id}"),
        None,
        ResponseTemplate::new(200).set_body_json(show.clone()),
    )
    .await;
    let shown = minimum_packet_rate_rules::get(&client, POLICY, id)
        .await
        .extract()
        .unwrap();
    assert_eq!((shown.min_kpps, shown.direction), (1000, Direction::Egress));

    expect(
        &server,
        "PUT",
        &format!("{rules}/{id}"),
        Some(qos_sample("minimum_packet_rate_rule-update-request.json")),
        ResponseTemplate::new(200)
            .set_body_json(qos_sample("minimum_packet_rate_rule-update-response.json")),
    )
    .await;
    let updated = minimum_packet_rate_rules::update(
        &client,
        POLICY,
        id,
        &minimum_packet_rate_rules::UpdateOpts::default()
            .min_kpps(2000)
            .direction(Direction::Any),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(updated.direction, Direction::Any);

    expect(
        &server,
        "DELETE",
        &format!("{rules}/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    minimum_packet_rate_rules::delete(&client, POLICY, id)
        .await
        .ok()
        .unwrap();

    let alias = format!("{BASE}/alias_minimum_packet_rate_rules/{id}");
    let aliased = rewrap(
        show,
        "minimum_packet_rate_rule",
        "alias_minimum_packet_rate_rule",
    );
    expect(
        &server,
        "GET",
        &alias,
        None,
        ResponseTemplate::new(200).set_body_json(aliased.clone()),
    )
    .await;
    minimum_packet_rate_rules::get_alias(&client, id)
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "PUT",
        &alias,
        Some(json!({"alias_minimum_packet_rate_rule": {"min_kpps": 7}})),
        ResponseTemplate::new(200).set_body_json(aliased),
    )
    .await;
    minimum_packet_rate_rules::update_alias(
        &client,
        id,
        &minimum_packet_rate_rules::UpdateOpts::default().min_kpps(7),
    )
    .await
    .extract()
    .unwrap();
    expect(&server, "DELETE", &alias, None, ResponseTemplate::new(204)).await;
    minimum_packet_rate_rules::delete_alias(&client, id)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn packet_rate_limit_rules_under_a_policy() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let rules = format!("{BASE}/policies/{POLICY}/packet_rate_limit_rules");
    let id = "1eddf7af-0b4c-42c5-8ae1-390b32f1de08";

    expect(
        &server,
        "POST",
        &rules,
        Some(numeric(qos_sample(
            "packet_rate_limit_rule-create-request.json",
        ))),
        ResponseTemplate::new(201)
            .set_body_json(qos_sample("packet_rate_limit_rule-create-response.json")),
    )
    .await;
    let rule = packet_rate_limit_rules::create(
        &client,
        POLICY,
        &packet_rate_limit_rules::CreateOpts::new(10000).max_burst_kpps(10000),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!((rule.max_kpps, rule.max_burst_kpps), (10000, 10000));

    expect(
        &server,
        "GET",
        &rules,
        None,
        ResponseTemplate::new(200)
            .set_body_json(qos_sample("packet_rate_limit_rules-list-response.json")),
    )
    .await;
    let listed = packet_rate_limit_rules::list(&client, POLICY, &ListControls::default())
        .all()
        .await
        .unwrap();
    assert!(!listed.is_empty());

    expect(
        &server,
        "GET",
        &format!("{rules}/{id}"),
        None,
        ResponseTemplate::new(200)
            .set_body_json(qos_sample("packet_rate_limit_rule-show-response.json")),
    )
    .await;
    assert_eq!(
        packet_rate_limit_rules::get(&client, POLICY, id)
            .await
            .extract()
            .unwrap()
            .direction,
        Direction::Egress
    );

    expect(
        &server,
        "PUT",
        &format!("{rules}/{id}"),
        Some(numeric(qos_sample(
            "packet_rate_limit_rule-update-request.json",
        ))),
        ResponseTemplate::new(200)
            .set_body_json(qos_sample("packet_rate_limit_rule-update-response.json")),
    )
    .await;
    let updated = packet_rate_limit_rules::update(
        &client,
        POLICY,
        id,
        &packet_rate_limit_rules::UpdateOpts::default()
            .max_kpps(20000)
            .max_burst_kpps(20000),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(updated.max_kpps, 20000);

    expect(
        &server,
        "DELETE",
        &format!("{rules}/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    packet_rate_limit_rules::delete(&client, POLICY, id)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn rule_types_list_and_show_with_drivers_and_parameters() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/rule-types")))
        .and(query_param("all_rules", "true"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(qos_sample("rule_types-list-response.json")),
        )
        .expect(1)
        .mount(&server)
        .await;
    let types = rule_types::list(
        &client,
        &rule_types::ListOpts {
            all_rules: Some(true),
            ..rule_types::ListOpts::default()
        },
    )
    .all()
    .await
    .unwrap();
    let names: Vec<RuleType> = types.into_iter().map(|t| t.rule_type).collect();
    assert_eq!(
        names,
        [
            RuleType::BandwidthLimit,
            RuleType::DscpMarking,
            RuleType::MinimumBandwidth
        ]
    );

    // Neutron wraps the answer in `rule_type`; the sample shows the object alone.
    for (kind, file) in [
        (
            "bandwidth_limit",
            "rule_type-details-bandwidth_limit-response.json",
        ),
        (
            "dscp_marking",
            "rule_type-details-dscp_marking-response.json",
        ),
    ] {
        expect(
            &server,
            "GET",
            &format!("{BASE}/rule-types/{kind}"),
            None,
            ResponseTemplate::new(200).set_body_json(json!({"rule_type": qos_sample(file)})),
        )
        .await;
    }
    let bw = rule_types::get(&client, &RuleType::BandwidthLimit)
        .await
        .extract()
        .unwrap();
    assert_eq!(bw.rule_type, RuleType::BandwidthLimit);
    assert_eq!(bw.drivers.len(), 2);
    assert_eq!(bw.drivers[0].name, "openvswitch");
    let max = &bw.drivers[0].supported_parameters[0];
    assert_eq!(
        (max.parameter_name.as_str(), max.parameter_type),
        ("max_kbps", ParameterType::Range)
    );
    assert!(
        matches!(max.parameter_values, ParameterValues::Range(r) if r.start == 0 && r.end == 2147483647)
    );
    let dir = &bw.drivers[0].supported_parameters[1];
    assert_eq!(
        dir.parameter_values,
        ParameterValues::Choices(vec![
            Choice::Name("ingress".into()),
            Choice::Name("egress".into())
        ])
    );
    let dscp = rule_types::get(&client, &RuleType::DscpMarking)
        .await
        .extract()
        .unwrap();
    match &dscp.drivers[1].supported_parameters[0].parameter_values {
        ParameterValues::Choices(marks) => {
            assert_eq!(marks.len(), dscp_marking_rules::VALID_MARKS.len());
            assert_eq!(marks[10], Choice::Number(26));
        }
        other => panic!("expected choices, got {other:?}"),
    }
}

#[tokio::test]
async fn bad_rule_options_are_refused_before_sending() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let errors = [
        dscp_marking_rules::create(&client, POLICY, &dscp_marking_rules::CreateOpts::new(27))
            .await
            .extract()
            .unwrap_err(),
        bandwidth_limit_rules::create(
            &client,
            POLICY,
            &bandwidth_limit_rules::CreateOpts::new(10).direction(Direction::Any),
        )
        .await
        .extract()
        .unwrap_err(),
        packet_rate_limit_rules::update(
            &client,
            POLICY,
            "r",
            &packet_rate_limit_rules::UpdateOpts::default().max_kpps(u32::MAX),
        )
        .await
        .extract()
        .unwrap_err(),
        minimum_bandwidth_rules::get(&client, POLICY, "")
            .await
            .extract()
            .unwrap_err(),
    ];
    for e in &errors {
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
    }
    assert!(
        errors[0].to_string().contains("dscp_mark 27"),
        "{}",
        errors[0]
    );
    assert!(errors[2].to_string().contains("max_kpps"), "{}", errors[2]);
    let requests = server.received_requests().await.unwrap_or_default();
    assert!(
        requests
            .iter()
            .all(|r| !r.url.path().starts_with("/network")),
        "nothing reaches Neutron"
    );
}
