//! The security groups of a server.

use crate::common::*;
use ferrocloud::openstack::compute::v2::server_security_groups;
use ferrocloud::{EndpointOpts, openstack};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn list_with_rules() {
    let server = MockServer::start().await;
    let compute =
        openstack::new_compute_v2(&provider(&server).await, EndpointOpts::default()).unwrap();
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/srv-1/os-security-groups"))
        .respond_with(ResponseTemplate::new(200).set_body_string(sample(
            "compute/doc/api_samples/os-security-groups/server-security-groups-list-resp.json",
        )))
        .expect(1)
        .mount(&server)
        .await;
    let page = server_security_groups::list(&compute, "srv-1")
        .all_pages()
        .await
        .unwrap();
    let groups = server_security_groups::extract_security_groups(&page).unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].name, "default");
    assert_eq!(groups[0].id, "4e469db4-3b60-43c7-8dfa-2c60e2f27075");
    assert_eq!(groups[0].description.as_deref(), Some("default"));
    assert_eq!(groups[0].tenant_id, "6f70656e737461636b20342065766572");
    assert!(groups[0].rules.is_empty());

    // Rules by CIDR and by group, as Nova converts them from Neutron.
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/srv-2/os-security-groups"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"security_groups": [{
            "id": "g1", "name": "web", "description": null, "tenant_id": "p1",
            "rules": [
                {"id": "r1", "parent_group_id": "g1", "ip_protocol": "tcp", "from_port": 22, "to_port": 22,
                 "ip_range": {"cidr": "0.0.0.0/0"}, "group": {}},
                {"id": "r2", "parent_group_id": "g1", "ip_protocol": null, "from_port": null, "to_port": null,
                 "ip_range": {}, "group": {"name": "web", "tenant_id": "p1"}}
            ]}]})))
        .mount(&server)
        .await;
    let groups = server_security_groups::extract_security_groups(
        &server_security_groups::list(&compute, "srv-2")
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    let rules = &groups[0].rules;
    assert_eq!(groups[0].description, None);
    assert_eq!(
        (
            rules[0].ip_protocol.as_deref(),
            rules[0].from_port,
            rules[0].to_port
        ),
        (Some("tcp"), Some(22), Some(22))
    );
    assert_eq!(rules[0].ip_range.cidr.as_deref(), Some("0.0.0.0/0"));
    assert_eq!(rules[1].group.name.as_deref(), Some("web"));
    assert_eq!(rules[1].ip_protocol, None);
    server.verify().await;
}
