//! Trunks: create, show, list, update, subports (add, remove, get), find, delete.

use crate::common::*;
use crate::{network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::common::ListControls;
use ferrocloud::openstack::networking::v2::trunks::{
    self, CreateOpts, ListOpts, Subport, UpdateOpts,
};
use serde_json::json;
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/trunks";
const TRUNK: &str = "114a26b1-d124-4835-bb4f-021d3d886023";
const PARENT: &str = "8027c4da-772f-4e43-bfbf-023b4a4e63de";
const CHILD: &str = "4b4c691b-086d-43d2-8a65-5487e9434155";

#[tokio::test]
async fn create_show_list_update() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("POST"))
        .and(path("/network/v2.0/trunks"))
        .and(body_json(sample_json(&format!(
            "{S}/trunk-create-request.json"
        ))))
        .respond_with(reply(S, 201, "trunks-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let trunk = trunks::create(
        &client,
        &CreateOpts::new(PARENT).name("test").admin_state_up(true),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!((trunk.id.as_str(), trunk.port_id.as_str()), (TRUNK, PARENT));
    assert_eq!(trunk.status, "DOWN");
    assert!(trunk.sub_ports.is_empty());

    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/trunks/{TRUNK}")))
        .respond_with(reply(S, 200, "trunk-show-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let shown = trunks::get(&client, TRUNK).await.extract().unwrap();
    assert_eq!(shown.id, TRUNK);

    Mock::given(method("GET"))
        .and(path("/network/v2.0/trunks"))
        .and(query_param("port_id", PARENT))
        .and(query_param("tags", "a"))
        .respond_with(reply(S, 200, "trunks-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        port_id: Some(PARENT.into()),
        controls: ListControls::default().tags(["a"]),
        ..ListOpts::default()
    };
    let listed = trunks::list(&client, &opts).all().await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].port_id, PARENT);

    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/trunks/{TRUNK}")))
        .and(body_json(sample_json(&format!(
            "{S}/trunk-update-request.json"
        ))))
        .respond_with(reply(S, 200, "trunk-update-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let updated = trunks::update(
        &client,
        TRUNK,
        &UpdateOpts::default().name("foo").admin_state_up(true),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(updated.name, "foo");
    assert_eq!(updated.sub_ports, [Subport::vlan(CHILD, 44)]);
}

#[tokio::test]
async fn subports_add_get_remove_and_bad_input() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/trunks/{TRUNK}/add_subports")))
        .and(body_json(sample_json(&format!(
            "{S}/trunk-add-subports-request.json"
        ))))
        .respond_with(reply(S, 200, "trunk-add-subports-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let trunk = trunks::add_subports(&client, TRUNK, &[Subport::vlan(CHILD, 44)])
        .await
        .extract()
        .unwrap();
    assert_eq!(trunk.id, TRUNK);
    assert_eq!(trunk.sub_ports[0].segmentation_id, Some(44));

    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/trunks/{TRUNK}/get_subports")))
        .respond_with(reply(S, 200, "trunk-list-subports-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let subports = trunks::get_subports(&client, TRUNK)
        .await
        .extract()
        .unwrap();
    assert_eq!(subports, [Subport::vlan(CHILD, 44)]);

    Mock::given(method("PUT"))
        .and(path(format!(
            "/network/v2.0/trunks/{TRUNK}/remove_subports"
        )))
        .and(body_json(sample_json(&format!(
            "{S}/trunk-remove-subports-request.json"
        ))))
        .respond_with(reply(S, 200, "trunk-remove-subports-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let trunk = trunks::remove_subports(&client, TRUNK, &[CHILD])
        .await
        .extract()
        .unwrap();
    assert!(trunk.sub_ports.is_empty());

    let err = trunks::add_subports(&client, TRUNK, &[Subport::vlan(CHILD, 5000)])
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let none: [&str; 0] = [];
    let err = trunks::remove_subports(&client, TRUNK, &none)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn find_by_name_and_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/trunks/test"))
        .respond_with(
            ResponseTemplate::new(404).set_body_json(json!({"NeutronError": {
            "type": "TrunkNotFound", "message": "Trunk test could not be found.", "detail": ""}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/trunks"))
        .and(query_param("name", "test"))
        .respond_with(reply(S, 200, "trunks-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let found = trunks::find(&client, "test").await.unwrap();
    assert_eq!(found.id, "ee98bdb4-a817-43af-943f-4318bff98f51");
    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/trunks/{}", found.id)))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    trunks::delete(&client, &found.id).await.ok().unwrap();
}
