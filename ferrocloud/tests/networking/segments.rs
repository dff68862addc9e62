//! Segments: CRUD with the official samples, If-Match, filters, find; no bulk creation.

use crate::common::*;
use crate::{network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::segments::{self, CreateOpts, ListOpts, UpdateOpts};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/segments";
const ID: &str = "57fe85e4-ca2f-4192-b3cd-d5c249d7a21f";
const NET: &str = "5c0cb560-4089-41dd-be29-469907a23b49";

#[tokio::test]
async fn create_show_update_if_revision_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("POST"))
        .and(path("/network/v2.0/segments"))
        .and(body_json(sample_json(&format!(
            "{S}/segment-create-request.json"
        ))))
        .respond_with(reply(S, 201, "segment-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts::new(NET, "vlan")
        .physical_network("segment-1")
        .segmentation_id(2000);
    let seg = segments::create(&client, &opts).await.extract().unwrap();
    assert_eq!(seg.id, ID);
    assert_eq!(seg.name, None);
    assert_eq!(
        (
            seg.network_type.as_str(),
            seg.physical_network.as_deref(),
            seg.segmentation_id
        ),
        ("vlan", Some("segment-1"), Some(2000))
    );

    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/segments/{ID}")))
        .respond_with(reply(S, 200, "segment-show-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let shown = segments::get(&client, ID).await.extract().unwrap();
    assert_eq!(shown.network_id, NET);
    assert_eq!(shown.revision_number, 1);

    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/segments/{ID}")))
        .and(header("If-Match", "revision_number=1"))
        .and(body_json(sample_json(&format!(
            "{S}/segment-update-request.json"
        ))))
        .respond_with(reply(S, 200, "segment-update-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let updated = segments::update_if_revision(
        &client,
        ID,
        1,
        &UpdateOpts::default().name("1").description("Segment One"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        (updated.name.as_deref(), updated.description.as_deref()),
        (Some("1"), Some("Segment One"))
    );
    assert_eq!(updated.revision_number, 4);

    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/segments/{ID}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    segments::delete(&client, ID).await.ok().unwrap();
}

#[tokio::test]
async fn list_with_filters_and_find_by_name() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/segments"))
        .and(query_param("network_id", NET))
        .and(query_param("network_type", "vlan"))
        .respond_with(reply(S, 200, "segments-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        network_id: Some(NET.into()),
        network_type: Some("vlan".into()),
        ..ListOpts::default()
    };
    let all = segments::list(&client, &opts).all().await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].physical_network.as_deref(), Some("segment-2"));

    Mock::given(method("GET"))
        .and(path("/network/v2.0/segments/rack-1"))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({"NeutronError": {
            "type": "SegmentNotFound", "message": "Segment rack-1 could not be found.", "detail": ""}})))
        .expect(1)
        .mount(&server)
        .await;
    let mut listed = sample_json(&format!("{S}/segments-list-response.json"));
    listed["segments"][1]["name"] = json!("rack-1");
    listed["segments"].as_array_mut().unwrap().remove(0);
    Mock::given(method("GET"))
        .and(path("/network/v2.0/segments"))
        .and(query_param("name", "rack-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(listed))
        .expect(1)
        .mount(&server)
        .await;
    let found = segments::find(&client, "rack-1").await.unwrap();
    assert_eq!(found.id, "f1364c3a-4fc1-4206-b2dc-3254bc25cbfc");

    let err = segments::create(&client, &CreateOpts::new(NET, ""))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}
