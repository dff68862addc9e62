use crate::common::*;
use ferrocloud::openstack::identity::v3::services::{self, CreateOpts, ListOpts, UpdateOpts};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
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
        .and(path("/identity/v3/services"))
        .and(body_json(sample_json(&format!(
            "{S}/service-create-request.json"
        ))))
        .respond_with(reply("service-show-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts::new("compute")
        .name("compute2")
        .description("Compute service 2");
    let s = services::create(&identity, &opts).await.extract().unwrap();
    assert_eq!(s.id, "686766");

    Mock::given(method("GET"))
        .and(path("/identity/v3/services/686766"))
        .respond_with(reply("service-show-response.json", 200))
        .mount(&server)
        .await;
    let s = services::get(&identity, "686766").await.extract().unwrap();
    assert_eq!(s.service_type, "identity");
    assert!(s.enabled);

    Mock::given(method("PATCH"))
        .and(path("/identity/v3/services/5789da"))
        .and(body_json(sample_json(&format!(
            "{S}/service-update-request.json"
        ))))
        .respond_with(reply("service-update-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let upd = UpdateOpts {
        description: Some("Block Storage Service V2".into()),
        ..Default::default()
    };
    let s = services::update(&identity, "5789da", &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(s.service_type, "volumev2");

    Mock::given(method("GET"))
        .and(path("/identity/v3/services"))
        .and(query_param("type", "compute"))
        .and(query_param("name", "nova"))
        .respond_with(reply("services-list-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        name: Some("nova".into()),
        service_type: Some("compute".into()),
    };
    let all =
        services::extract_services(&services::list(&identity, &opts).all_pages().await.unwrap())
            .unwrap();
    assert_eq!(all.len(), 9);
    assert_eq!(all[0].name.as_deref(), Some("nova"));

    Mock::given(method("DELETE"))
        .and(path("/identity/v3/services/686766"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    services::delete(&identity, "686766").await.ok().unwrap();

    let err = services::create(&identity, &CreateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("type"), "{err}");
    server.verify().await;
}
