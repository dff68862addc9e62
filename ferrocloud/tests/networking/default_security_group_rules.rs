//! Default security group rules (templates): create from the sample, list with filters,
//! show, delete.

use crate::common::*;
use crate::{network, reply};
use ferrocloud::openstack::networking::v2::default_security_group_rules::{
    self, CreateOpts, ListOpts, PARENT,
};
use ferrocloud::openstack::networking::v2::security_group_rules::{
    Direction, Ethertype, Protocol, RuleSpec,
};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/security-group-default-rules";

#[tokio::test]
async fn create_from_the_sample_show_and_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    // The sample writes the ports as strings; the SDK sends integers.
    let mut body = sample_json(&format!(
        "{S}/security-group-default-rule-create-request.json"
    ));
    body["default_security_group_rule"]["port_range_min"] = json!(80);
    body["default_security_group_rule"]["port_range_max"] = json!(80);
    // Neutron requires both flags, which the sample leaves out.
    body["default_security_group_rule"]["used_in_default_sg"] = json!(false);
    body["default_security_group_rule"]["used_in_non_default_sg"] = json!(true);
    Mock::given(method("POST"))
        .and(path("/network/v2.0/default-security-group-rules"))
        .and(body_json(body))
        .respond_with(reply(
            S,
            201,
            "security-group-default-rule-create-response.json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let spec = RuleSpec::ingress()
        .ethertype(Ethertype::Ipv4)
        .protocol(Protocol::Tcp)
        .ports(80, 80);
    let rule = default_security_group_rules::create(&client, &CreateOpts::other_groups(spec))
        .await
        .extract()
        .unwrap();
    assert_eq!(rule.id, "2bc0accf-312e-429a-956e-e4407625eb62");
    assert_eq!(rule.protocol, Some(Protocol::Tcp));
    assert!(!rule.used_in_default_sg && rule.used_in_non_default_sg);

    Mock::given(method("GET"))
        .and(path(format!(
            "/network/v2.0/default-security-group-rules/{}",
            rule.id
        )))
        .respond_with(reply(
            S,
            200,
            "security-group-default-rule-show-response.json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let shown = default_security_group_rules::get(&client, &rule.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(shown, rule);

    Mock::given(method("DELETE"))
        .and(path(format!(
            "/network/v2.0/default-security-group-rules/{}",
            rule.id
        )))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    default_security_group_rules::delete(&client, &rule.id)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn list_with_filters_reads_parent_remotes() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    // The sample misspells used_in_non_default_sg (used_in_default_non_sg).
    let mut listed = sample_json(&format!(
        "{S}/security-group-default-rules-list-response.json"
    ));
    for r in listed["default_security_group_rules"]
        .as_array_mut()
        .unwrap()
    {
        let o = r.as_object_mut().unwrap();
        let v = o
            .remove("used_in_default_non_sg")
            .unwrap_or(Value::Bool(true));
        o.insert("used_in_non_default_sg".into(), v);
    }
    Mock::given(method("GET"))
        .and(path("/network/v2.0/default-security-group-rules"))
        .and(query_param("direction", "ingress"))
        .and(query_param("used_in_default_sg", "true"))
        .respond_with(ResponseTemplate::new(200).set_body_json(listed))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        direction: Some(Direction::Ingress),
        used_in_default_sg: Some(true),
        ..ListOpts::default()
    };
    let rules = default_security_group_rules::list(&client, &opts)
        .all()
        .await
        .unwrap();
    assert_eq!(rules.len(), 6);
    let parents = rules
        .iter()
        .filter(|r| r.remote_group_id.as_deref() == Some(PARENT))
        .count();
    assert_eq!(parents, 2);
    assert_eq!(rules[4].description, "Allow SSH connections over IPv6");
    assert_eq!(rules[4].port_range_min, Some(22));
}
