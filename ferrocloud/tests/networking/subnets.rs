//! Subnets: create from a CIDR, bulk, update (gateway removed), list with filters, find,
//! delete, and refused options.

use crate::common::*;
use crate::{network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::extensions::service_types::ServiceTypes;
use ferrocloud::openstack::networking::v2::subnets::{self, CreateOpts, ListOpts, UpdateOpts};
use ferrocloud::request::With;
use serde_json::json;
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/subnets";

#[tokio::test]
async fn create_one_and_in_bulk_from_the_samples() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("POST"))
        .and(path("/network/v2.0/subnets"))
        .and(body_json(sample_json(&format!(
            "{S}/subnet-create-request.json"
        ))))
        .respond_with(reply(S, 201, "subnet-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts::ipv4("d32019d3-bc6e-4319-9c1d-6722fc136a22", "192.168.199.0/24");
    let subnet = subnets::create(&client, &opts).await.extract().unwrap();
    assert_eq!(subnet.cidr, "192.168.199.0/24");
    assert_eq!(subnet.gateway_ip.as_deref(), Some("192.168.199.1"));
    assert_eq!(subnet.allocation_pools[0].start, "192.168.199.2");

    Mock::given(method("POST"))
        .and(path("/network/v2.0/subnets"))
        .and(body_json(sample_json(&format!(
            "{S}/subnets-create-bulk-request.json"
        ))))
        .respond_with(reply(S, 201, "subnets-create-bulk-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = [
        CreateOpts::ipv4("e6031bc2-901a-4c66-82da-f4c32ed89406", "192.168.199.0/24"),
        CreateOpts::ipv4("64239a54-dcc4-4b39-920b-b37c2144effa", "10.56.4.0/22"),
    ];
    let created = subnets::create_bulk(&client, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(created.len(), 2);
    assert_eq!(created[1].cidr, "10.56.4.0/22");
}

#[tokio::test]
async fn options_neutron_would_refuse_are_refused_before_sending() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let mut no_cidr = CreateOpts::ipv4("n1", "10.0.0.0/24");
    no_cidr.cidr = None;
    let err = subnets::create(&client, &no_cidr)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("subnet pool"), "{err}");
    let mut bad_version = CreateOpts::ipv4("n1", "10.0.0.0/24");
    bad_version.ip_version = 5;
    let err = subnets::create(&client, &bad_version)
        .await
        .extract()
        .unwrap_err();
    assert!(err.to_string().contains("ip_version"), "{err}");
    assert_eq!(count(&server, "POST", "/network/v2.0/subnets").await, 0);
}

#[tokio::test]
async fn update_removes_the_gateway_with_null_and_sends_extensions() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let id = "08eae331-0402-425a-923c-34f7cfe39c1b";
    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/subnets/{id}")))
        .and(body_json(
            json!({"subnet": {"name": "my_subnet", "gateway_ip": null,
            "service_types": ["compute:nova"]}}),
        ))
        .respond_with(reply(S, 200, "subnet-update-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = With::new(
        UpdateOpts::default().name("my_subnet").gateway_ip(None),
        ServiceTypes::default().service_types(vec!["compute:nova".to_string()]),
    );
    let subnet = subnets::update(&client, id, &opts).await.extract().unwrap();
    assert_eq!(subnet.id, id);
    assert_eq!(subnet.ipv6_address_mode, None);
}

#[tokio::test]
async fn list_filters_find_and_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let listed = sample_json(&format!("{S}/subnets-list-response.json"));
    let first = listed["subnets"][0].clone();
    let (id, name) = (
        first["id"].as_str().unwrap().to_string(),
        first["name"].as_str().unwrap().to_string(),
    );
    Mock::given(method("GET"))
        .and(path("/network/v2.0/subnets"))
        .and(query_param("ip_version", "4"))
        .and(query_param("enable_dhcp", "true"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&listed))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        ip_version: Some(4),
        enable_dhcp: Some(true),
        ..ListOpts::default()
    };
    let all = subnets::list(&client, &opts).all().await.unwrap();
    assert_eq!(all.len(), listed["subnets"].as_array().unwrap().len());

    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/subnets/{name}")))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/subnets"))
        .and(query_param("name", name.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"subnets": [first]})))
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(subnets::find(&client, &name).await.unwrap().id, id);

    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/subnets/{id}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    subnets::delete(&client, &id).await.ok().unwrap();
}
