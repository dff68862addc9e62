//! Security groups: create with the stateful flag, show with typed embedded rules, list
//! with filters, compare-and-swap update, find, delete, and refused names.

use crate::common::*;
use crate::{network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::security_group_rules::{Direction, Ethertype};
use ferrocloud::openstack::networking::v2::security_groups::{
    self, CreateOpts, ListOpts, UpdateOpts,
};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/security-groups";

#[tokio::test]
async fn create_sends_the_sample_and_reads_the_embedded_rules() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("POST"))
        .and(path("/network/v2.0/security-groups"))
        .and(body_json(sample_json(&format!(
            "{S}/security-group-create-request.json"
        ))))
        .respond_with(reply(S, 201, "security-group-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts::new("new-webservers")
        .description("security group for webservers")
        .stateful(true);
    let sg = security_groups::create(&client, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(sg.id, "2076db17-a522-4506-91de-c6dd8e837028");
    assert_eq!(sg.stateful, Some(true));
    assert_eq!(sg.shared, Some(false));
    assert_eq!(sg.security_group_rules.len(), 2);
    let rule = &sg.security_group_rules[1];
    assert_eq!(
        (rule.direction, rule.ethertype),
        (Direction::Egress, Ethertype::Ipv6)
    );
    assert_eq!(rule.protocol, None);
    assert_eq!(rule.port_range_min, None);
    assert_eq!(rule.security_group_id, sg.id);
    assert_eq!(rule.belongs_to_default_sg, Some(false));

    // "default" belongs to Neutron: refused before anything is sent.
    let err = security_groups::create(&client, &CreateOpts::new("Default"))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn show_list_with_filters_and_find_by_name() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let id = "85cc3048-abc3-43cc-89b3-377341426ac5";
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/security-groups/{id}")))
        .respond_with(reply(S, 200, "security-group-show-response.json"))
        .expect(2)
        .mount(&server)
        .await;
    let sg = security_groups::get(&client, id).await.extract().unwrap();
    assert_eq!((sg.name.as_str(), sg.revision_number), ("default", 4));
    let ingress: Vec<_> = sg
        .security_group_rules
        .iter()
        .filter(|r| r.direction == Direction::Ingress)
        .collect();
    assert_eq!(ingress.len(), 2);
    assert!(
        ingress
            .iter()
            .all(|r| r.remote_group_id.as_deref() == Some(id))
    );

    Mock::given(method("GET"))
        .and(path("/network/v2.0/security-groups"))
        .and(query_param("name", "default"))
        .and(query_param("stateful", "true"))
        .and(query_param(
            "project_id",
            "e4f50856753b4dc6afee5fa6b9b6c550",
        ))
        .respond_with(reply(S, 200, "security-groups-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        name: Some("default".into()),
        stateful: Some(true),
        project_id: Some("e4f50856753b4dc6afee5fa6b9b6c550".into()),
        ..ListOpts::default()
    };
    let all = security_groups::list(&client, &opts).all().await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].security_group_rules.len(), 4);
    assert_eq!(all[0].revision_number, 8);

    // find: the ID answers first.
    let found = security_groups::find(&client, id).await.unwrap();
    assert_eq!(found.id, id);
}

#[tokio::test]
async fn update_if_revision_sends_if_match_and_the_sample() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let id = "01fbade5-b664-42f6-83ae-4e214f4263fa";
    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/security-groups/{id}")))
        .and(header("If-Match", "revision_number=3"))
        .and(body_json(sample_json(&format!(
            "{S}/security-group-update-request.json"
        ))))
        .respond_with(reply(S, 200, "security-group-update-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = UpdateOpts::default()
        .name("mysecgroup")
        .description("my security group")
        .stateful(true);
    let sg = security_groups::update_if_revision(&client, id, 3, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!((sg.name.as_str(), sg.revision_number), ("mysecgroup", 4));
    assert!(sg.security_group_rules.is_empty());

    let err = security_groups::update(&client, id, &UpdateOpts::default().name("default"))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn delete_and_a_group_in_use() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let id = "e470bdfc-4869-459b-a561-cb3377efae59";
    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/security-groups/{id}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .up_to_n_times(1)
        .mount(&server)
        .await;
    security_groups::delete(&client, id).await.ok().unwrap();
    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/security-groups/{id}")))
        .respond_with(
            ResponseTemplate::new(409).set_body_json(json!({"NeutronError": {
            "type": "SecurityGroupInUse",
            "message": "Security Group e470bdfc in use.", "detail": ""}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let err = security_groups::delete(&client, id).await.ok().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
}
