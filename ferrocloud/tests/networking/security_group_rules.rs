//! Security group rules: create one and in bulk, list with typed filters, show, delete,
//! protocols by name or number, and refused rules.

use crate::common::*;
use crate::{network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::common::ListControls;
use ferrocloud::openstack::networking::v2::security_group_rules::{
    self, CreateOpts, Direction, Ethertype, ListOpts, Protocol, RuleSpec,
};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/security-groups";
const SG: &str = "a7734e61-b545-452d-a3cd-0189cbd9747a";

/// A request sample with its port numbers as integers (the sample writes them as
/// strings, which Neutron converts; the SDK sends integers).
fn with_integer_ports(mut v: Value) -> Value {
    fn fix(rule: &mut Value) {
        for key in ["port_range_min", "port_range_max"] {
            if let Some(Value::String(s)) = rule.get(key) {
                rule[key] = json!(s.parse::<u16>().unwrap());
            }
        }
    }
    match v.get_mut("security_group_rules") {
        Some(Value::Array(rules)) => rules.iter_mut().for_each(fix),
        _ => fix(&mut v["security_group_rule"]),
    }
    v
}

fn http_rule(port: u16) -> CreateOpts {
    let spec = RuleSpec::ingress()
        .ethertype(Ethertype::Ipv4)
        .protocol(Protocol::Tcp)
        .ports(port, port)
        .remote_group_id("85cc3048-abc3-43cc-89b3-377341426ac5")
        .remote_address_group_id("a9baa1eb-0614-4d68-870e-fec6d8f8c221");
    CreateOpts::new(SG, spec)
}

/// The sample without `remote_address_group_id`: it also sets `remote_group_id`, and
/// Neutron refuses a rule with several remotes (`SecurityGroupMultipleRemoteEntites`).
fn one_remote(mut v: Value) -> Value {
    let strip = |r: &mut Value| {
        r.as_object_mut().unwrap().remove("remote_address_group_id");
    };
    match v.get_mut("security_group_rules") {
        Some(Value::Array(rules)) => rules.iter_mut().for_each(strip),
        _ => strip(&mut v["security_group_rule"]),
    }
    v
}

#[tokio::test]
async fn create_from_the_sample_and_refuse_two_remotes() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let mut opts = http_rule(80);
    let err = security_group_rules::create(&client, &opts)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("remote"), "{err}");

    Mock::given(method("POST"))
        .and(path("/network/v2.0/security-group-rules"))
        .and(body_json(one_remote(with_integer_ports(sample_json(
            &format!("{S}/security-group-rule-create-request.json"),
        )))))
        .respond_with(reply(S, 201, "security-group-rule-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    opts.rule.remote_address_group_id = None;
    let rule = security_group_rules::create(&client, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(rule.id, "2bc0accf-312e-429a-956e-e4407625eb62");
    assert_eq!(rule.protocol, Some(Protocol::Tcp));
    assert_eq!(
        (rule.port_range_min, rule.port_range_max),
        (Some(80), Some(80))
    );
    assert_eq!(rule.direction, Direction::Ingress);
    assert_eq!(
        rule.remote_group_id.as_deref(),
        Some("85cc3048-abc3-43cc-89b3-377341426ac5")
    );
    assert_eq!(rule.description.as_deref(), Some(""));
    assert_eq!(rule.belongs_to_default_sg, Some(false));
}

#[tokio::test]
async fn bulk_create_sends_every_rule() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let rule = |port: u16| {
        let mut opts = http_rule(port);
        opts.rule.remote_address_group_id = None;
        opts
    };
    let expected = one_remote(with_integer_ports(sample_json(&format!(
        "{S}/security-group-rule-bulk-create-request.json"
    ))));
    Mock::given(method("POST"))
        .and(path("/network/v2.0/security-group-rules"))
        .and(body_json(expected))
        .respond_with(reply(
            S,
            201,
            "security-group-rule-bulk-create-response.json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let rules = security_group_rules::create_bulk(&client, &[rule(80), rule(443)])
        .await
        .extract()
        .unwrap();
    assert_eq!(rules.len(), 2);
    assert_eq!(rules[1].port_range_min, Some(443));
    assert!(rules.iter().all(|r| r.security_group_id == SG));
}

#[tokio::test]
async fn list_sends_typed_filters() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/security-group-rules"))
        .and(query_param(
            "security_group_id",
            "85cc3048-abc3-43cc-89b3-377341426ac5",
        ))
        .and(query_param("direction", "egress"))
        .and(query_param("ethertype", "IPv6"))
        .and(query_param("protocol", "112"))
        .and(query_param("port_range_min", "1"))
        .and(query_param("remote_ip_prefix", "10.0.0.0/8"))
        .and(query_param("remote_address_group_id", "ag"))
        .and(query_param("sort_key", "id"))
        .respond_with(reply(S, 200, "security-group-rules-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        security_group_id: Some("85cc3048-abc3-43cc-89b3-377341426ac5".into()),
        direction: Some(Direction::Egress),
        ethertype: Some(Ethertype::Ipv6),
        protocol: Some(Protocol::Number(112)),
        port_range_min: Some(1),
        remote_ip_prefix: Some("10.0.0.0/8".into()),
        remote_address_group_id: Some("ag".into()),
        controls: ListControls::default().sort(
            "id",
            ferrocloud::openstack::networking::v2::common::SortDir::Asc,
        ),
        ..ListOpts::default()
    };
    let rules = security_group_rules::list(&client, &opts)
        .all()
        .await
        .unwrap();
    assert_eq!(rules.len(), 4);
    assert_eq!(rules[2].revision_number, 2);
    assert_eq!(
        rules[3].remote_group_id.as_deref(),
        Some("85cc3048-abc3-43cc-89b3-377341426ac5")
    );
}

#[tokio::test]
async fn show_and_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let id = "3c0e45ff-adaf-4124-b083-bf390e5482ff";
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/security-group-rules/{id}")))
        .respond_with(reply(S, 200, "security-group-rule-show-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let rule = security_group_rules::get(&client, id)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (rule.direction, rule.ethertype),
        (Direction::Egress, Ethertype::Ipv6)
    );
    assert_eq!(rule.description, None);
    assert_eq!(rule.created_at.to_rfc3339(), "2018-03-19T19:16:56+00:00");

    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/security-group-rules/{id}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    security_group_rules::delete(&client, id)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn refused_rules_send_nothing() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let bad = [
        CreateOpts::new("", RuleSpec::ingress()),
        CreateOpts::new(SG, RuleSpec::ingress().ports(22, 22)),
        CreateOpts::new(
            SG,
            RuleSpec::ingress().protocol(Protocol::Tcp).ports(90, 80),
        ),
        CreateOpts::new(
            SG,
            RuleSpec::ingress()
                .protocol(Protocol::Number(17))
                .ports(0, 0),
        ),
        CreateOpts::new(
            SG,
            RuleSpec::ingress()
                .remote_ip_prefix("10.0.0.0/8")
                .remote_address_group_id("ag"),
        ),
    ];
    for opts in &bad {
        let err = security_group_rules::create(&client, opts)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{opts:?}");
    }
    // ICMP type 8 code 0: min > max is fine for ICMP.
    let icmp = CreateOpts::new(SG, RuleSpec::ingress().protocol(Protocol::Icmp).ports(8, 0));
    use ferrocloud::request::Validate;
    icmp.validate().unwrap();
    assert_eq!(
        count(&server, "POST", "/network/v2.0/security-group-rules").await,
        0
    );
}
