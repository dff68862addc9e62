//! Resource tags: list, replace all, add several, check, add one, remove one, remove all.

use crate::common::*;
use crate::{network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::tags::{self, ResourceType};
use serde_json::json;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/tag";
const NET: &str = "6a8454ad";

#[tokio::test]
async fn list_replace_and_add_several() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let base = format!("/network/v2.0/networks/{NET}/tags");
    let net = ResourceType::Networks;
    Mock::given(method("GET"))
        .and(path(base.as_str()))
        .respond_with(reply(S, 200, "tag-obtain-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(
        tags::list(&client, &net, NET).await.extract().unwrap(),
        ["red", "blue"]
    );

    Mock::given(method("PUT"))
        .and(path(base.as_str()))
        .and(body_json(sample_json(&format!(
            "{S}/tag-update-request.json"
        ))))
        .respond_with(reply(S, 200, "tag-update-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let now = tags::replace_all(&client, &net, NET, &["red", "blue"])
        .await
        .extract()
        .unwrap();
    assert_eq!(now, ["red", "blue"]);

    Mock::given(method("POST"))
        .and(path(base.as_str()))
        .and(body_json(sample_json(&format!(
            "{S}/tag-create-request.json"
        ))))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"tags": ["red", "blue"]})))
        .expect(1)
        .mount(&server)
        .await;
    let added = tags::add_all(&client, &net, NET, &["red", "blue"])
        .await
        .extract()
        .unwrap();
    assert_eq!(added, ["red", "blue"]);

    let err = tags::replace_all(&client, &net, NET, &["a", "a"])
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let many: Vec<String> = (0..51).map(|i| format!("t{i}")).collect();
    let err = tags::add_all(&client, &net, NET, &many)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn one_tag_check_add_remove_and_remove_all() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let port = ResourceType::Ports;
    let qos = ResourceType::QosPolicies;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/ports/p1/tags/red"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/ports/p1/tags/green"))
        .respond_with(
            ResponseTemplate::new(404).set_body_json(json!({"NeutronError": {
            "type": "TagNotFound", "message": "Tag green could not be found.", "detail": ""}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    assert!(tags::check(&client, &port, "p1", "red").await.unwrap());
    assert!(!tags::check(&client, &port, "p1", "green").await.unwrap());

    // Neutron answers 201 with a `null` body.
    Mock::given(method("PUT"))
        .and(path("/network/v2.0/policies/q1/tags/gold"))
        .respond_with(ResponseTemplate::new(201).set_body_string("null"))
        .expect(1)
        .mount(&server)
        .await;
    tags::add(&client, &qos, "q1", "gold").await.ok().unwrap();

    Mock::given(method("DELETE"))
        .and(path("/network/v2.0/ports/p1/tags/red"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    tags::remove(&client, &port, "p1", "red")
        .await
        .ok()
        .unwrap();

    Mock::given(method("DELETE"))
        .and(path("/network/v2.0/security-groups/sg1/tags"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    tags::remove_all(&client, &ResourceType::SecurityGroups, "sg1")
        .await
        .ok()
        .unwrap();

    let err = tags::add(&client, &port, "p1", "a/b")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = tags::check(&client, &port, "p1", "").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}
