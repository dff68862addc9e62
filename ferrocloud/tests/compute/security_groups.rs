//! Security groups and rules through the compute API (proxy to Neutron, until 2.35).

use crate::common::*;
use ferrocloud::openstack::compute::v2::security_groups::{
    self, CreateOpts, CreateRuleOpts, ListOpts, UpdateOpts,
};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SAMPLES: &str = "compute/doc/api_samples/os-security-groups";
const SG: &str = "4e469db4-3b60-43c7-8dfa-2c60e2f27075";

async fn setup() -> (MockServer, ServiceClient) {
    let server = MockServer::start().await;
    let provider = provider(&server).await;
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
    (server, compute)
}

fn answer(status: u16, file: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_string(sample(&format!("{SAMPLES}/{file}")))
}

#[tokio::test]
async fn list_get_and_find() {
    let (server, compute) = setup().await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-security-groups"))
        .and(query_param("all_tenants", "1"))
        .and(query_param("limit", "10"))
        .respond_with(answer(200, "security-groups-list-get-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        all_tenants: true,
        limit: Some(10),
        ..Default::default()
    };
    let groups = security_groups::extract_security_groups(
        &security_groups::list(&compute, &opts)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].name, "default");
    assert_eq!(groups[0].tenant_id, "6f70656e737461636b20342065766572");
    assert!(groups[0].rules.is_empty());

    // A group as Nova shows Neutron's default group: rules admitting the group itself,
    // with null protocol and ports.
    Mock::given(method("GET"))
        .and(path(format!("/compute/v2.1/os-security-groups/{SG}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"security_group": {
            "id": SG, "description": "Default security group", "name": "default",
            "tenant_id": "ea30367d", "rules": [
                {"id": "b92139a7", "parent_group_id": SG, "ip_protocol": null, "from_port": null,
                 "to_port": null, "group": {"name": "default", "tenant_id": "ea30367d"}, "ip_range": {}},
                {"id": "c0ffee00", "parent_group_id": SG, "ip_protocol": "tcp", "from_port": 22,
                 "to_port": 22, "group": {}, "ip_range": {"cidr": "0.0.0.0/0"}}]}})))
        .mount(&server)
        .await;
    let sg = security_groups::get(&compute, SG).await.extract().unwrap();
    assert_eq!(sg.rules.len(), 2);
    assert_eq!(sg.rules[0].ip_protocol, None);
    assert_eq!(sg.rules[0].from_port, None);
    assert_eq!(sg.rules[0].group.name.as_deref(), Some("default"));
    assert_eq!(sg.rules[0].ip_range.cidr, None);
    assert_eq!(sg.rules[1].to_port, Some(22));
    assert_eq!(sg.rules[1].ip_range.cidr.as_deref(), Some("0.0.0.0/0"));
    assert_eq!(sg.rules[1].group.tenant_id, None);

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-security-groups/default"))
        .respond_with(
            ResponseTemplate::new(400).set_body_json(json!({"badRequest": {
            "code": 400, "message": "Invalid input received: default is not a valid UUID"}})),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-security-groups"))
        .respond_with(answer(200, "security-groups-list-get-resp.json"))
        .mount(&server)
        .await;
    let found = security_groups::find(&compute, "default").await.unwrap();
    assert_eq!(found.id, SG);
    server.verify().await;
}

#[tokio::test]
async fn create_update_delete_send_the_official_requests() {
    let (server, compute) = setup().await;
    let compute = compute.with_microversion("2.35");
    Mock::given(method("POST"))
        .and(path("/compute/v2.1/os-security-groups"))
        .and(header("x-openstack-nova-api-version", "2.35"))
        .and(body_json(sample_json(&format!(
            "{SAMPLES}/security-group-post-req.json"
        ))))
        .respond_with(answer(200, "security-groups-create-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let sg = security_groups::create(&compute, &CreateOpts::new("test", "description"))
        .await
        .extract()
        .unwrap();
    assert_eq!(sg.id, SG);
    assert_eq!(sg.description.as_deref(), Some("default"));

    Mock::given(method("PUT"))
        .and(path(format!("/compute/v2.1/os-security-groups/{SG}")))
        .and(body_json(sample_json(&format!(
            "{SAMPLES}/security-group-post-req.json"
        ))))
        .respond_with(answer(200, "security-groups-get-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    security_groups::update(&compute, SG, &UpdateOpts::new("test", "description"))
        .await
        .extract()
        .unwrap();

    // The description is sent even when empty: Nova requires it.
    Mock::given(method("POST"))
        .and(path("/compute/v2.1/os-security-groups"))
        .and(body_json(
            json!({"security_group": {"name": "bare", "description": ""}}),
        ))
        .respond_with(answer(200, "security-groups-create-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    security_groups::create(&compute, &CreateOpts::new("bare", ""))
        .await
        .extract()
        .unwrap();

    Mock::given(method("DELETE"))
        .and(path(format!("/compute/v2.1/os-security-groups/{SG}")))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    security_groups::delete(&compute, SG).await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn rules() {
    let (server, compute) = setup().await;
    Mock::given(method("POST"))
        .and(path("/compute/v2.1/os-security-group-rules"))
        .and(body_json(sample_json(&format!(
            "{SAMPLES}/security-group-rules-post-req.json"
        ))))
        .respond_with(answer(200, "security-group-rules-post-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateRuleOpts::new("d6f86d8c-06ef-4bef-8e7c-8bf8f9ba9b7a")
        .protocol("tcp")
        .ports(22, 22)
        .cidr("10.0.0.0/24");
    let rule = security_groups::create_rule(&compute, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(rule.id, "baed7fb4-16b9-4b99-a2fd-02d0b1a4d9b2");
    assert_eq!(rule.ip_protocol.as_deref(), Some("tcp"));
    assert_eq!((rule.from_port, rule.to_port), (Some(22), Some(22)));
    assert_eq!(rule.ip_range.cidr.as_deref(), Some("10.0.0.0/24"));
    assert_eq!(rule.group, Default::default());

    Mock::given(method("POST"))
        .and(path("/compute/v2.1/os-security-group-rules"))
        .and(body_json(json!({"security_group_rule": {
            "parent_group_id": SG, "ip_protocol": "icmp", "from_port": -1, "to_port": -1,
            "group_id": "5b95f90a"}})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"security_group_rule": {
            "id": "r2", "parent_group_id": SG, "ip_protocol": "icmp", "from_port": -1,
            "to_port": -1, "group": {"name": "default", "tenant_id": "ea30367d"}, "ip_range": {}}})))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateRuleOpts::new(SG)
        .protocol("icmp")
        .ports(-1, -1)
        .group_id("5b95f90a");
    let rule = security_groups::create_rule(&compute, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(rule.group.name.as_deref(), Some("default"));

    Mock::given(method("DELETE"))
        .and(path("/compute/v2.1/os-security-group-rules/r2"))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    security_groups::delete_rule(&compute, "r2")
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn bad_input_and_2_36_are_refused_before_sending() {
    let (server, compute) = setup().await;
    let long = "x".repeat(256);
    for (opts, field) in [
        (CreateOpts::new("", "d"), "name"),
        (CreateOpts::new(long.as_str(), "d"), "name"),
        (CreateOpts::new("ok", long.as_str()), "description"),
    ] {
        let err = security_groups::create(&compute, &opts)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains(field), "{err}");
    }
    let err = security_groups::update(&compute, SG, &UpdateOpts::new(" ", ""))
        .await
        .extract()
        .unwrap_err();
    assert!(err.to_string().contains("name"), "{err}");
    for (opts, field) in [
        (CreateRuleOpts::default(), "parent_group_id"),
        (
            CreateRuleOpts::new(SG).cidr("0.0.0.0/0").group_id("g"),
            "cidr, group_id",
        ),
        (
            CreateRuleOpts::new(SG).protocol("tcp").ports(0, 70000),
            "to_port",
        ),
        (
            CreateRuleOpts::new(SG).protocol("tcp").ports(-2, 1),
            "from_port",
        ),
        (
            CreateRuleOpts::new(SG).protocol("TCP").ports(80, 22),
            "from_port (80)",
        ),
    ] {
        let err = security_groups::create_rule(&compute, &opts)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains(field), "{err}");
    }

    let new = compute.with_microversion("2.36");
    for err in [
        security_groups::list(&new, &ListOpts::default())
            .all_pages()
            .await
            .unwrap_err(),
        security_groups::get(&new, SG).await.extract().unwrap_err(),
        security_groups::create(&new, &CreateOpts::new("a", "b"))
            .await
            .extract()
            .unwrap_err(),
        security_groups::update(&new, SG, &UpdateOpts::new("a", "b"))
            .await
            .extract()
            .unwrap_err(),
        security_groups::delete(&new, SG).await.ok().unwrap_err(),
        security_groups::create_rule(&new, &CreateRuleOpts::new(SG))
            .await
            .extract()
            .unwrap_err(),
        security_groups::delete_rule(&new, "r")
            .await
            .ok()
            .unwrap_err(),
    ] {
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
        assert!(
            err.to_string().contains("removed after microversion 2.35"),
            "{err}"
        );
    }
    assert!(
        server
            .received_requests()
            .await
            .unwrap()
            .iter()
            .all(|r| !r.url.path().starts_with("/compute"))
    );
}
