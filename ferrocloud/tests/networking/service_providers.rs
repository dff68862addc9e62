//! Service providers and API versions.

use crate::common::*;
use crate::network;
use ferrocloud::openstack::networking::v2::service_providers::{self, ListOpts};
use ferrocloud::openstack::networking::v2::versions;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples";

fn reply(rel: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/{rel}")))
}

#[tokio::test]
async fn list_service_providers_by_type() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/service-providers"))
        .and(query_param("service_type", "FIREWALL"))
        .respond_with(reply("service-type-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        service_type: Some("FIREWALL".into()),
        ..ListOpts::default()
    };
    let all = service_providers::list(&client, &opts).all().await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(
        (
            all[0].service_type.as_str(),
            all[0].name.as_str(),
            all[0].default
        ),
        ("FIREWALL", "haproxy", true)
    );
}

#[tokio::test]
async fn versions_at_the_root_and_resources_of_v2() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    // The catalog's endpoint is {uri}/network: the versions are listed there, the v2.0
    // resources under it.
    Mock::given(method("GET"))
        .and(path("/network/"))
        .respond_with(reply("networks/versions-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/"))
        .respond_with(reply("networks/version-show-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let all = versions::list(&client).all().await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(
        (all[0].id.as_str(), all[0].status.as_str()),
        ("v2.0", "CURRENT")
    );
    assert_eq!(all[0].links[0].href, "http://23.253.228.211:9696/v2.0");
    let resources = versions::get(&client).all().await.unwrap();
    let collections: Vec<&str> = resources.iter().map(|r| r.collection.as_str()).collect();
    assert!(collections.contains(&"subnets") && collections.contains(&"networks"));
    assert_eq!(resources[0].name, "subnet");
    assert_eq!(resources[0].links[0].rel, "self");
}
