//! Subnet pools: create, show and list (prefix lengths as text or numbers), update with
//! If-Match, add and remove prefixes, onboard a network's subnets, find, delete.

use crate::common::*;
use crate::{network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::subnet_pools::{self, CreateOpts, ListOpts, UpdateOpts};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/subnets";
const ID: &str = "03f761e6-eee0-43fc-a921-8acf64c14988";

#[tokio::test]
async fn create_and_update_if_revision() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    // The sample sends shared as the string "false"; the SDK sends a boolean.
    let mut body = sample_json(&format!("{S}/subnetpool-create-request.json"));
    body["subnetpool"]["shared"] = json!(false);
    Mock::given(method("POST"))
        .and(path("/network/v2.0/subnetpools"))
        .and(body_json(body))
        .respond_with(reply(S, 201, "subnetpool-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts::new("my-subnet-pool", ["192.168.0.0/16", "10.10.0.0/21"])
        .default_prefixlen(25)
        .min_prefixlen(24)
        .max_prefixlen(30)
        .shared(false);
    let pool = subnet_pools::create(&client, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (
            pool.min_prefixlen,
            pool.default_prefixlen,
            pool.max_prefixlen
        ),
        (24, 25, 30)
    );
    assert_eq!(pool.default_quota, None);
    assert_eq!(pool.address_scope_id, None);
    assert_eq!(pool.revision_number, 1);

    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/subnetpools/{ID}")))
        .and(header("If-Match", "revision_number=1"))
        .and(body_json(sample_json(&format!(
            "{S}/subnetpool-update-request.json"
        ))))
        .respond_with(reply(S, 200, "subnetpool-update-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = UpdateOpts::default()
        .name("my-new-subnetpool-name")
        .prefixes(["2001:db8::/64", "2001:db8:0:1::/64", "2001:db8:0:2::/64"])
        .min_prefixlen(64)
        .default_prefixlen(64)
        .max_prefixlen(64);
    let pool = subnet_pools::update_if_revision(&client, ID, 1, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(pool.prefixes, ["2001:db8::/63", "2001:db8:0:2::/64"]);

    for bad in [
        CreateOpts::new("p", Vec::<String>::new()),
        CreateOpts::new("p", ["10.0.0.0/8"])
            .min_prefixlen(24)
            .max_prefixlen(16),
        CreateOpts::new("p", ["::/0"]).max_prefixlen(129),
    ] {
        let err = subnet_pools::create(&client, &bad)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
    }
}

#[tokio::test]
async fn show_list_and_find_read_text_prefix_lengths() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/subnetpools/{ID}")))
        .respond_with(reply(S, 200, "subnetpool-show-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let pool = subnet_pools::get(&client, ID).await.extract().unwrap();
    assert_eq!((pool.ip_version, pool.default_prefixlen), (6, 64));

    Mock::given(method("GET"))
        .and(path("/network/v2.0/subnetpools/my-subnet-pool-ipv4"))
        .respond_with(
            ResponseTemplate::new(404).set_body_json(json!({"NeutronError": {
            "type": "SubnetPoolNotFound", "message": "not found", "detail": ""}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let mut listed = sample_json(&format!("{S}/subnetpools-list-response.json"));
    listed["subnetpools"].as_array_mut().unwrap().remove(0);
    Mock::given(method("GET"))
        .and(path("/network/v2.0/subnetpools"))
        .and(query_param("name", "my-subnet-pool-ipv4"))
        .respond_with(ResponseTemplate::new(200).set_body_json(listed))
        .expect(1)
        .mount(&server)
        .await;
    let found = subnet_pools::find(&client, "my-subnet-pool-ipv4")
        .await
        .unwrap();
    assert_eq!((found.min_prefixlen, found.max_prefixlen), (24, 30));

    Mock::given(method("GET"))
        .and(path("/network/v2.0/subnetpools"))
        .and(query_param("ip_version", "6"))
        .and(query_param("is_default", "false"))
        .respond_with(reply(S, 200, "subnetpools-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        ip_version: Some(6),
        is_default: Some(false),
        ..ListOpts::default()
    };
    assert_eq!(
        subnet_pools::list(&client, &opts)
            .all()
            .await
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn add_and_remove_prefixes_onboard_and_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/subnetpools/{ID}/add_prefixes")))
        .and(body_json(sample_json(&format!(
            "{S}/subnetpool-add-prefixes-request.json"
        ))))
        .respond_with(reply(S, 200, "subnetpool-add-prefixes-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let after = subnet_pools::add_prefixes(
        &client,
        ID,
        ["192.168.0.0/24", "192.168.1.0/24", "172.16.0.0/21"],
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(after.prefixes, ["192.168.0.0/23", "172.16.0.0/21"]);

    Mock::given(method("PUT"))
        .and(path(format!(
            "/network/v2.0/subnetpools/{ID}/remove_prefixes"
        )))
        .and(body_json(sample_json(&format!(
            "{S}/subnetpool-remove-prefixes-request.json"
        ))))
        .respond_with(reply(S, 200, "subnetpool-remove-prefixes-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let after = subnet_pools::remove_prefixes(&client, ID, ["192.168.0.0/24"])
        .await
        .extract()
        .unwrap();
    assert_eq!(after.prefixes, ["192.168.1.0/24", "172.16.0.0/21"]);
    let none: [&str; 0] = [];
    let err = subnet_pools::remove_prefixes(&client, ID, none)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);

    // Neutron answers the onboarding with the subnets it moved (the sample shows one
    // {"subnetpool_id", "cidr"} object instead).
    Mock::given(method("PUT"))
        .and(path(format!(
            "/network/v2.0/subnetpools/{ID}/onboard_network_subnets"
        )))
        .and(body_json(sample_json(&format!(
            "{S}/subnets-onboard-request.json"
        ))))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([
            {"id": "064364ee-385e-42ab-9e34-ae3275e198f9", "cidr": "10.0.2.0/24"}])))
        .expect(1)
        .mount(&server)
        .await;
    let moved =
        subnet_pools::onboard_network_subnets(&client, ID, "30640c16-a281-4ec5-8ec0-da05a0a5578d")
            .await
            .extract()
            .unwrap();
    assert_eq!(moved.len(), 1);
    assert_eq!(moved[0].cidr, "10.0.2.0/24");

    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/subnetpools/{ID}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    subnet_pools::delete(&client, ID).await.ok().unwrap();
}
