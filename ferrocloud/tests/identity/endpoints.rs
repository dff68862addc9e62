use crate::common::*;
use ferrocloud::openstack::identity::v3::endpoints::{
    self, CreateOpts, Interface, ListOpts, UpdateOpts,
};
use ferrocloud::{Availability, EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "identity/api-ref/source/v3/samples/admin";

async fn identity(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_identity_v3(&p, EndpointOpts::default()).unwrap()
}

fn reply(sample_name: &str, status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_string(sample(&format!("{S}/{sample_name}")))
}

#[tokio::test]
async fn crud_and_list() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("POST"))
        .and(path("/identity/v3/endpoints"))
        .and(body_json(sample_json(&format!(
            "{S}/endpoint-create-request.json"
        ))))
        .respond_with(reply("endpoint-show-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts::new(
        "9242e05f0c23467bbd1cf1f7a6e5e596",
        Interface::Public,
        "http://example.com/identity/v3/endpoints/828384",
    )
    .region_id("RegionOne");
    let e = endpoints::create(&identity, &opts).await.extract().unwrap();
    assert_eq!(e.interface, Interface::Admin);
    assert_eq!(Availability::from(e.interface), Availability::Admin);

    Mock::given(method("GET"))
        .and(path("/identity/v3/endpoints/01c3d5"))
        .respond_with(reply("endpoint-show-response.json", 200))
        .mount(&server)
        .await;
    let e = endpoints::get(&identity, "01c3d5").await.extract().unwrap();
    assert_eq!(e.url, "http://23.253.211.234:9696/");
    assert_eq!(e.region_id.as_deref(), Some("RegionOne"));
    assert!(e.enabled);

    Mock::given(method("PATCH"))
        .and(path("/identity/v3/endpoints/828384"))
        .and(body_json(sample_json(&format!(
            "{S}/endpoint-update-request.json"
        ))))
        .respond_with(reply("endpoint-update-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let upd = UpdateOpts {
        interface: Some(Interface::Public),
        region_id: Some("north".into()),
        url: Some("http://example.com/identity/v3/endpoints/828384".into()),
        service_id: Some("345678".into()),
        ..Default::default()
    };
    let e = endpoints::update(&identity, "828384", &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(e.region_id.as_deref(), Some("north"));
    assert!(e.region.is_none());

    Mock::given(method("GET"))
        .and(path("/identity/v3/endpoints"))
        .and(query_param("interface", "internal"))
        .and(query_param("service_id", "s1"))
        .and(query_param("region_id", "RegionOne"))
        .respond_with(reply("endpoints-list-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        interface: Some(Interface::Internal),
        service_id: Some("s1".into()),
        region_id: Some("RegionOne".into()),
    };
    let all =
        endpoints::extract_endpoints(&endpoints::list(&identity, &opts).all_pages().await.unwrap())
            .unwrap();
    assert_eq!(all.len(), 27);
    assert!(all[0].url.contains("$(tenant_id)s"));

    Mock::given(method("DELETE"))
        .and(path("/identity/v3/endpoints/828384"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    endpoints::delete(&identity, "828384").await.ok().unwrap();

    let err = endpoints::create(&identity, &CreateOpts::new("s", Interface::Public, ""))
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("url"), "{err}");
    server.verify().await;
}
