//! Extended port bindings: list, create (inactive), activate, delete.

use crate::common::*;
use crate::{network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::extensions::binding::VnicType;
use ferrocloud::openstack::networking::v2::port_bindings::{self, CreateOpts, ListOpts};
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/port_bindings";
const PORT: &str = "46d4bfb9-b26e-41f3-bd2e-e6dcc1ccedb2";

#[tokio::test]
async fn list_create_activate_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let base = format!("/network/v2.0/ports/{PORT}/bindings");
    Mock::given(method("GET"))
        .and(path(base.as_str()))
        .and(query_param("status", "ACTIVE"))
        .respond_with(reply(S, 200, "port-binding-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        status: Some("ACTIVE".into()),
        ..ListOpts::default()
    };
    let bindings = port_bindings::list(&client, PORT, &opts)
        .all()
        .await
        .unwrap();
    assert_eq!(bindings.len(), 1);
    assert_eq!(bindings[0].host, "jammy");
    assert_eq!(bindings[0].status, "ACTIVE");
    assert_eq!(bindings[0].vnic_type, VnicType::Normal);
    assert_eq!(bindings[0].vif_details["bridge_name"], "br-int");

    Mock::given(method("POST"))
        .and(path(base.as_str()))
        .and(body_json(sample_json(&format!(
            "{S}/port-binding-create-request.json"
        ))))
        .respond_with(reply(S, 201, "port-binding-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let created = port_bindings::create(&client, PORT, &CreateOpts::new("compute"))
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (created.host.as_str(), created.status.as_str()),
        ("compute", "INACTIVE")
    );
    assert!(created.profile.is_empty());

    Mock::given(method("PUT"))
        .and(path(format!("{base}/compute/activate")))
        // Neutron answers with the binding without an envelope (the sample has one).
        .respond_with(ResponseTemplate::new(200).set_body_json(
            sample_json(&format!("{S}/port-binding-activate-response.json"))["binding"].clone(),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let active = port_bindings::activate(&client, PORT, "compute")
        .await
        .extract()
        .unwrap();
    assert_eq!(active.status, "ACTIVE");
    assert_eq!(active.vif_type, "ovs");

    Mock::given(method("DELETE"))
        .and(path(format!("{base}/jammy")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    port_bindings::delete(&client, PORT, "jammy")
        .await
        .ok()
        .unwrap();

    let err = port_bindings::create(&client, PORT, &CreateOpts::new(""))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}
