//! Metering labels and their rules: list, show, create, delete, find.

use crate::common::*;
use crate::{network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::metering_label_rules::{
    self as rules, Direction, ListOpts as RuleListOpts,
};
use ferrocloud::openstack::networking::v2::metering_labels::{
    self as labels, CreateOpts, ListOpts,
};
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/metering";

#[tokio::test]
async fn labels_create_list_show_find_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let id = "a6700594-5b7a-4105-8bfe-723b346ce866";
    Mock::given(method("POST"))
        .and(path("/network/v2.0/metering/metering-labels"))
        .and(body_json(sample_json(&format!(
            "{S}/metering-label-create-request.json"
        ))))
        .respond_with(reply(S, 201, "metering-label-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/metering/metering-labels"))
        .and(query_param("shared", "false"))
        .respond_with(reply(S, 200, "metering-labels-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/metering/metering-labels/{id}")))
        .respond_with(reply(S, 200, "metering-label-show-response.json"))
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/metering/metering-labels/{id}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;

    let opts = CreateOpts::new("label1").description("description of label1");
    let label = labels::create(&client, &opts).await.extract().unwrap();
    assert_eq!(label.id, "bc91b832-8465-40a7-a5d8-ba87de442266");
    assert_eq!((label.name.as_str(), label.shared), ("label1", false));
    assert_eq!(label.project_id, "45345b0ee1ea477fac0f541b2cb79cd4");

    let opts = ListOpts {
        shared: Some(false),
        ..ListOpts::default()
    };
    let all = labels::list(&client, &opts).all().await.unwrap();
    assert_eq!(
        all.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(),
        ["label1", "label2"]
    );

    let shown = labels::get(&client, id).await.extract().unwrap();
    assert_eq!(shown.description, "label1 description");
    assert_eq!(labels::find(&client, id).await.unwrap().id, id);
    labels::delete(&client, id).await.ok().unwrap();
}

#[tokio::test]
async fn rules_create_list_show_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let label = "e131d186-b02d-4c0b-83d5-0c0725c4f812";
    let id = "9536641a-7d14-4dc5-afaf-93a973ce0eb8";
    Mock::given(method("POST"))
        .and(path("/network/v2.0/metering/metering-label-rules"))
        .and(body_json(sample_json(&format!(
            "{S}/metering-label-rule-create-request.json"
        ))))
        .respond_with(reply(S, 201, "metering-label-rule-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/metering/metering-label-rules"))
        .and(query_param("metering_label_id", label))
        .and(query_param("direction", "ingress"))
        .respond_with(reply(S, 200, "metering-label-rules-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/network/v2.0/metering/metering-label-rules/{id}"
        )))
        .respond_with(reply(S, 200, "metering-label-rule-show-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!(
            "/network/v2.0/metering/metering-label-rules/{id}"
        )))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;

    let opts = rules::CreateOpts::new(label, Direction::Ingress).remote_ip_prefix("10.0.1.0/24");
    let rule = rules::create(&client, &opts).await.extract().unwrap();
    assert_eq!(rule.direction, Direction::Ingress);
    assert_eq!(rule.remote_ip_prefix.as_deref(), Some("10.0.1.0/24"));
    assert_eq!(
        (rule.source_ip_prefix.as_deref(), rule.excluded),
        (None, false)
    );

    let opts = RuleListOpts {
        metering_label_id: Some(label.into()),
        direction: Some(Direction::Ingress),
        ..RuleListOpts::default()
    };
    let all = rules::list(&client, &opts).all().await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].remote_ip_prefix.as_deref(), Some("10.0.0.0/24"));
    let shown = rules::get(&client, id).await.extract().unwrap();
    assert_eq!(shown.metering_label_id, label);
    rules::delete(&client, id).await.ok().unwrap();

    // A rule without a prefix, or with both kinds, is refused before sending.
    let none = rules::CreateOpts::new(label, Direction::Egress);
    let both = none
        .clone()
        .remote_ip_prefix("10.0.0.0/8")
        .destination_ip_prefix("0.0.0.0/0");
    for bad in [none, both] {
        let err = rules::create(&client, &bad).await.ok().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
    }
}
