//! Address groups: create, list, show, update, add and remove addresses, find, delete.

use crate::common::*;
use crate::{network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::address_groups::{
    self, CreateOpts, ListOpts, UpdateOpts,
};
use serde_json::json;
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/address-groups";
const ID: &str = "9ace2ef6-bd57-426a-9223-cf1751d26db9";

#[tokio::test]
async fn create_update_and_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("POST"))
        .and(path("/network/v2.0/address-groups"))
        .and(body_json(sample_json(&format!(
            "{S}/address-group-create-request.json"
        ))))
        .respond_with(reply(S, 201, "address-group-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts::new("address-group-2")
        .description("docs example group")
        .addresses(Vec::<String>::new());
    let group = address_groups::create(&client, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(group.name, "address-group-2");
    assert!(group.addresses.is_empty());
    assert_eq!(group.revision_number, None, "the samples have no revision");

    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/address-groups/{ID}")))
        .and(body_json(sample_json(&format!(
            "{S}/address-group-update-request.json"
        ))))
        .respond_with(reply(S, 200, "address-group-update-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let updated = address_groups::update(
        &client,
        ID,
        &UpdateOpts::default().description("AG description"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(updated.description, "AG description");
    assert_eq!(updated.addresses.len(), 3);

    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/address-groups/{ID}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    address_groups::delete(&client, ID).await.ok().unwrap();
}

#[tokio::test]
async fn add_and_remove_addresses() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("PUT"))
        .and(path(format!(
            "/network/v2.0/address-groups/{ID}/add_addresses"
        )))
        .and(body_json(sample_json(&format!(
            "{S}/address-group-add-addresses-request.json"
        ))))
        .respond_with(reply(S, 200, "address-group-add-addresses-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let group = address_groups::add_addresses(&client, ID, ["10.0.2.100/32"])
        .await
        .extract()
        .unwrap();
    assert!(group.addresses.contains(&"10.0.2.100/32".to_string()));

    Mock::given(method("PUT"))
        .and(path(format!(
            "/network/v2.0/address-groups/{ID}/remove_addresses"
        )))
        .and(body_json(sample_json(&format!(
            "{S}/address-group-remove-addresses-request.json"
        ))))
        .respond_with(reply(
            S,
            200,
            "address-group-remove-addresses-response.json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let group = address_groups::remove_addresses(&client, ID, ["10.0.2.100/32"])
        .await
        .extract()
        .unwrap();
    assert_eq!(group.addresses, ["10.0.1.34/32", "192.168.100.0/24"]);

    // Nothing to add, or an empty address: refused before sending.
    let none: [&str; 0] = [];
    for err in [
        address_groups::add_addresses(&client, ID, none)
            .await
            .extract()
            .unwrap_err(),
        address_groups::remove_addresses(&client, ID, [" "])
            .await
            .extract()
            .unwrap_err(),
    ] {
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
    }
}

#[tokio::test]
async fn show_list_and_find() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    // The reference's show sample lacks the envelope; Neutron sends it.
    let shown =
        json!({"address_group": sample_json(&format!("{S}/address-group-show-response.json"))});
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/address-groups/{ID}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(shown))
        .expect(1)
        .mount(&server)
        .await;
    let group = address_groups::get(&client, ID).await.extract().unwrap();
    assert_eq!(group.name, "doc-address-group");

    Mock::given(method("GET"))
        .and(path("/network/v2.0/address-groups/doc-address-group"))
        .respond_with(
            ResponseTemplate::new(404).set_body_json(json!({"NeutronError": {
            "type": "AddressGroupNotFound", "message": "not found", "detail": ""}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/address-groups"))
        .and(query_param("name", "doc-address-group"))
        .respond_with(reply(S, 200, "address-groups-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let found = address_groups::find(&client, "doc-address-group")
        .await
        .unwrap();
    assert_eq!(found.id, ID);

    Mock::given(method("GET"))
        .and(path("/network/v2.0/address-groups"))
        .and(query_param(
            "project_id",
            "c9a6f447205640e89523df967c26f4d5",
        ))
        .respond_with(reply(S, 200, "address-groups-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        project_id: Some("c9a6f447205640e89523df967c26f4d5".into()),
        ..ListOpts::default()
    };
    let all = address_groups::list(&client, &opts).all().await.unwrap();
    assert_eq!(all[0].addresses.len(), 3);
}
