//! Address scopes: create, list, show, update, find, delete, and refused options.

use crate::common::*;
use crate::{network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::address_scopes::{
    self, CreateOpts, ListOpts, UpdateOpts,
};
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/address-scopes";
const ID: &str = "4143da3e-d2a7-4077-ba80-215ecfd016d7";
const PROJECT: &str = "a7a7fa10fd7a4c80acb7e4b224480495";

#[tokio::test]
async fn crud_from_the_samples() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("POST"))
        .and(path("/network/v2.0/address-scopes"))
        .and(body_json(sample_json(&format!(
            "{S}/address-scope-create-request.json"
        ))))
        .respond_with(reply(S, 201, "address-scope-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let mut opts = CreateOpts::ipv4("address-scope-2")
        .shared(true)
        .project_id(PROJECT);
    opts.tenant_id = Some(PROJECT.into());
    let scope = address_scopes::create(&client, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (scope.id.as_str(), scope.ip_version, scope.shared),
        (ID, 4, true)
    );

    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/address-scopes/{ID}")))
        .and(body_json(sample_json(&format!(
            "{S}/address-scope-update-request.json"
        ))))
        .respond_with(reply(S, 200, "address-scope-update-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = UpdateOpts::default().name("address-scope-ip4").shared(true);
    address_scopes::update(&client, ID, &opts)
        .await
        .extract()
        .unwrap();

    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/address-scopes/{ID}")))
        .respond_with(reply(S, 200, "address-scope-show-response.json"))
        .expect(2)
        .mount(&server)
        .await;
    let shown = address_scopes::get(&client, ID).await.extract().unwrap();
    assert_eq!(shown.name, "address-scope-ip4");
    assert_eq!(address_scopes::find(&client, ID).await.unwrap(), shown);

    Mock::given(method("GET"))
        .and(path("/network/v2.0/address-scopes"))
        .and(query_param("ip_version", "6"))
        .respond_with(reply(S, 200, "address-scopes-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        ip_version: Some(6),
        ..ListOpts::default()
    };
    let all = address_scopes::list(&client, &opts).all().await.unwrap();
    assert_eq!(all[0].ip_version, 6);

    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/address-scopes/{ID}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    address_scopes::delete(&client, ID).await.ok().unwrap();
}

#[tokio::test]
async fn refused_options_send_nothing() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let mut v5 = CreateOpts::ipv4("x");
    v5.ip_version = 5;
    let mut two = CreateOpts::ipv6("y").project_id("a");
    two.tenant_id = Some("b".into());
    for opts in [v5, two] {
        let err = address_scopes::create(&client, &opts)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
    }
    assert_eq!(
        count(&server, "POST", "/network/v2.0/address-scopes").await,
        0
    );
}
