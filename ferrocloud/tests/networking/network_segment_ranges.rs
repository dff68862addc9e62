//! Network segment ranges: CRUD with the official samples, typed available and used
//! IDs, If-Match, filters, find, and the checks made before anything is sent.

use crate::common::*;
use crate::{network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::network_segment_ranges::{
    self, CreateOpts, ListOpts, UpdateOpts,
};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/network_segment_ranges";
const ID: &str = "59b38ee8-6642-418a-88b7-756861606ecb";
const PROJECT: &str = "7011dc7fccac4efda89dc3b7f0d0975a";

#[tokio::test]
async fn create_show_update_if_revision_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("POST"))
        .and(path("/network/v2.0/network_segment_ranges"))
        .and(body_json(sample_json(&format!(
            "{S}/network_segment_range-create-request.json"
        ))))
        .respond_with(reply(S, 201, "network_segment_range-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts::vlan("physnet1", 10, 20)
        .name("range_vlan_physnet1")
        .description("network segment range for testing")
        .project_id(PROJECT);
    let range = network_segment_ranges::create(&client, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(range.id, ID);
    assert!(!range.default && !range.shared);
    assert_eq!(range.project_id.as_deref(), Some(PROJECT));
    assert_eq!(range.available, (10..=20).collect::<Vec<u32>>());
    assert!(range.used.is_empty());

    // The show sample is malformed (see skipped.toml): answer with the list's first item.
    let listed = sample_json(&format!("{S}/network_segment_ranges-list-response.json"));
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/network_segment_ranges/{ID}")))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(
                json!({"network_segment_range": listed["network_segment_ranges"][0]}),
            ),
        )
        .expect(1)
        .mount(&server)
        .await;
    let shown = network_segment_ranges::get(&client, ID)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        shown.used.get(&17).map(String::as_str),
        Some("5fc1cd2f16ab4c8fbba2e780891b9de3")
    );
    assert_eq!(shown.used.len(), 2);
    assert!(!shown.available.contains(&17));

    let other = "50089a13-4a9f-4421-85ba-5222e84610c3";
    Mock::given(method("PUT"))
        .and(path(format!(
            "/network/v2.0/network_segment_ranges/{other}"
        )))
        .and(header("If-Match", "revision_number=1"))
        .and(body_json(sample_json(&format!(
            "{S}/network_segment_range-update-request.json"
        ))))
        .respond_with(reply(S, 200, "network_segment_range-update-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let update = UpdateOpts::default()
        .name("new_range")
        .minimum(10)
        .maximum(20)
        .description("network segment range updated for testing");
    let updated = network_segment_ranges::update_if_revision(&client, other, 1, &update)
        .await
        .extract()
        .unwrap();
    assert_eq!(updated.network_type, "vxlan");
    assert_eq!(updated.physical_network, None);
    assert_eq!(updated.revision_number, 2);
    assert!(updated.updated_at.is_some());

    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/network_segment_ranges/{ID}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    network_segment_ranges::delete(&client, ID)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn list_default_ranges_as_neutron_sends_them_and_find() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    // A default range as the real Neutron lists it: no name, project_id or updated_at,
    // and "" for a tunnel's physical network.
    let default = json!({"id": "58edbcfe-c243-4323-a0e7-85ab2f0b7436", "default": true,
        "shared": true, "network_type": "vxlan", "physical_network": "", "minimum": 1,
        "maximum": 3, "revision_number": 0, "created_at": "2026-12-04T20:42:27Z",
        "available": [3], "used": {"1": "p1", "2": "p2"}, "description": null, "tags": []});
    let mut page = sample_json(&format!("{S}/network_segment_ranges-list-response.json"));
    page["network_segment_ranges"]
        .as_array_mut()
        .unwrap()
        .push(default);
    Mock::given(method("GET"))
        .and(path("/network/v2.0/network_segment_ranges"))
        .and(query_param("network_type", "vxlan"))
        .and(query_param("shared", "true"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        network_type: Some("vxlan".into()),
        shared: Some(true),
        ..ListOpts::default()
    };
    let all = network_segment_ranges::list(&client, &opts)
        .all()
        .await
        .unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(all[1].project_id, None);
    let d = &all[2];
    assert!(d.default && d.name.is_empty() && d.description.is_empty());
    assert_eq!((d.physical_network.as_ref(), d.updated_at), (None, None));
    assert_eq!(d.used.keys().copied().collect::<Vec<u32>>(), [1, 2]);

    Mock::given(method("GET"))
        .and(path("/network/v2.0/network_segment_ranges/range_vxlan"))
        .respond_with(
            ResponseTemplate::new(404).set_body_json(json!({"NeutronError": {
            "type": "NetworkSegmentRangeNotFound", "message": "not found", "detail": ""}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let mut by_name = sample_json(&format!("{S}/network_segment_ranges-list-response.json"));
    by_name["network_segment_ranges"]
        .as_array_mut()
        .unwrap()
        .remove(0);
    Mock::given(method("GET"))
        .and(path("/network/v2.0/network_segment_ranges"))
        .and(query_param("name", "range_vxlan"))
        .respond_with(ResponseTemplate::new(200).set_body_json(by_name))
        .expect(1)
        .mount(&server)
        .await;
    let found = network_segment_ranges::find(&client, "range_vxlan")
        .await
        .unwrap();
    assert_eq!(found.id, "91ea6e31-3a6d-4541-8432-b49b4cacf893");

    for bad in [
        CreateOpts::tunnel("vxlan", 20, 10),
        CreateOpts::tunnel("vxlan", 1, 2).shared(false),
    ] {
        let err = network_segment_ranges::create(&client, &bad)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    }
}
