//! The read-only listings: API extensions, availability zones, network IP availability.

use crate::common::*;
use crate::{expect, network, reply};
use ferrocloud::openstack::networking::v2::{
    api_extensions, availability_zones, network_ip_availability,
};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples";

#[tokio::test]
async fn extensions_list_show_and_is_loaded() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    expect(
        &server,
        "GET",
        "/network/v2.0/extensions",
        None,
        reply(S, 200, "extensions/extensions-list-response.json"),
    )
    .await;
    let all = api_extensions::list(&client).all().await.unwrap();
    assert!(all.iter().any(|e| e.alias == "agent"), "{all:?}");
    expect(
        &server,
        "GET",
        "/network/v2.0/extensions/agent",
        None,
        reply(S, 200, "extensions/extension-show-response.json"),
    )
    .await;
    assert!(api_extensions::is_loaded(&client, "agent").await.unwrap());
    expect(
        &server,
        "GET",
        "/network/v2.0/extensions/nothing",
        None,
        ResponseTemplate::new(404),
    )
    .await;
    assert!(!api_extensions::is_loaded(&client, "nothing").await.unwrap());
}

#[tokio::test]
async fn availability_zones_with_filters() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/availability_zones"))
        .and(query_param("resource", "router"))
        .respond_with(ResponseTemplate::new(200).set_body_string(sample(&format!(
            "{S}/availability-zones/azs-list-response.json"
        ))))
        .expect(1)
        .mount(&server)
        .await;
    let opts = availability_zones::ListOpts {
        resource: Some("router".into()),
        ..Default::default()
    };
    let zones = availability_zones::list(&client, &opts)
        .all()
        .await
        .unwrap();
    assert_eq!(zones[0].name, "nova");
    assert_eq!(zones[0].state, "available");
}

#[tokio::test]
async fn ip_availability_counts_beyond_u64() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let id = "6801d9c8-20e6-4b27-945d-62499f00002e";
    expect(
        &server,
        "GET",
        &format!("/network/v2.0/network-ip-availabilities/{id}"),
        None,
        reply(
            S,
            200,
            "network-ip-availability/network-ip-availability-show.json",
        ),
    )
    .await;
    let a = network_ip_availability::get(&client, id)
        .await
        .extract()
        .unwrap();
    assert_eq!(a.total_ips, 18446744073709551253);
    assert_eq!(a.used_ips, 4);
    let details = a.ip_availability_details.unwrap();
    assert_eq!(details.total_ips_in_subnet, 18446744073709551870);
    assert_eq!(a.subnet_ip_availability[0].total_ips, 253);

    expect(
        &server,
        "GET",
        "/network/v2.0/network-ip-availabilities",
        None,
        reply(
            S,
            200,
            "network-ip-availability/network-ip-availability-list.json",
        ),
    )
    .await;
    let all = network_ip_availability::list(&client, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all[0].network_name, "public");
}
