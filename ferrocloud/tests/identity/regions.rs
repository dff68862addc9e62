use crate::common::*;
use ferrocloud::openstack::identity::v3::regions::{self, CreateOpts, ListOpts, UpdateOpts};
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
        .and(path("/identity/v3/regions"))
        .and(body_json(sample_json(&format!(
            "{S}/region-create-request.json"
        ))))
        .respond_with(reply("region-show-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts::new("RegionOneSubRegion")
        .description("My subregion")
        .parent_region_id("RegionOne");
    let r = regions::create(&identity, &opts).await.extract().unwrap();
    assert_eq!(r.parent_region_id.as_deref(), Some("RegionOne"));

    Mock::given(method("GET"))
        .and(path("/identity/v3/regions/RegionThree"))
        .respond_with(reply("region-show-response.json", 200))
        .mount(&server)
        .await;
    let r = regions::get(&identity, "RegionThree")
        .await
        .extract()
        .unwrap();
    assert_eq!(r.id, "RegionThree");
    assert_eq!(r.description, "My subregion 3");

    Mock::given(method("PATCH"))
        .and(path("/identity/v3/regions/RegionThree"))
        .and(body_json(sample_json(&format!(
            "{S}/region-update-request.json"
        ))))
        .respond_with(reply("region-update-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let upd = UpdateOpts {
        description: Some("My subregion 3".into()),
        ..Default::default()
    };
    regions::update(&identity, "RegionThree", &upd)
        .await
        .extract()
        .unwrap();

    Mock::given(method("GET"))
        .and(path("/identity/v3/regions"))
        .and(query_param("parent_region_id", "RegionOne"))
        .respond_with(reply("regions-list-response.json", 200))
        .mount(&server)
        .await;
    let all = regions::extract_regions(
        &regions::list(
            &identity,
            &ListOpts {
                parent_region_id: Some("RegionOne".into()),
            },
        )
        .all_pages()
        .await
        .unwrap(),
    )
    .unwrap();
    assert_eq!(all[0].id, "RegionOne");
    assert!(all[0].parent_region_id.is_none());

    Mock::given(method("DELETE"))
        .and(path("/identity/v3/regions/RegionThree"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    regions::delete(&identity, "RegionThree")
        .await
        .ok()
        .unwrap();

    let err = regions::update(&identity, "RegionThree", &UpdateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = regions::create(&identity, &CreateOpts::new("R").parent_region_id("R"))
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("parent_region_id"), "{err}");
    server.verify().await;
}
