use crate::common::*;
use ferrocloud::openstack::identity::v3::registered_limits::{
    self, CreateOpts, ListOpts, UpdateOpts,
};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "identity/api-ref/source/v3/samples/admin";
const R: &str = "/identity/v3/registered_limits";

async fn identity(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_identity_v3(&p, EndpointOpts::default()).unwrap()
}

fn reply(sample_name: &str, status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_string(sample(&format!("{S}/{sample_name}")))
}

#[tokio::test]
async fn create_update_get_delete() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("POST"))
        .and(path(R))
        .and(body_json(sample_json(&format!(
            "{S}/registered-limits-create-request.json"
        ))))
        .respond_with(reply("registered-limits-create-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    let svc = "9408080f1970482aa0e38bc2d4ea34b7";
    let opts = [
        CreateOpts::new(svc, "snapshot", 5).region_id("RegionOne"),
        CreateOpts::new(svc, "volume", 10).description("Number of volumes"),
    ];
    let created = registered_limits::create(&identity, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(created.len(), 2);
    assert_eq!(created[0].resource_name, "volume");
    assert_eq!(created[0].default_limit, 10);
    assert_eq!(created[1].region_id.as_deref(), Some("RegionOne"));
    assert!(created[1].description.is_none());

    Mock::given(method("PATCH"))
        .and(path(format!("{R}/e35a96")))
        .and(body_json(sample_json(&format!(
            "{S}/registered-limits-update-request.json"
        ))))
        .respond_with(reply("registered-limits-update-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let upd = UpdateOpts {
        service_id: Some(svc.into()),
        region_id: Some("RegionOne".into()),
        resource_name: Some("snapshot".into()),
        default_limit: Some(5),
        description: Some("Number of snapshots".into()),
    };
    let r = registered_limits::update(&identity, "e35a96", &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(r.description.as_deref(), Some("Number of snapshots"));

    Mock::given(method("GET"))
        .and(path(format!("{R}/773147")))
        .respond_with(reply("registered-limit-show-response.json", 200))
        .mount(&server)
        .await;
    let r = registered_limits::get(&identity, "773147")
        .await
        .extract()
        .unwrap();
    assert_eq!(r.id, "773147dd53cd4a17b921d555cf17c633");
    assert!(r.links.self_link.is_some());

    Mock::given(method("DELETE"))
        .and(path(format!("{R}/773147")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    registered_limits::delete(&identity, "773147")
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn list() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path(R))
        .and(query_param("service_id", "940808"))
        .and(query_param("region_id", "RegionOne"))
        .and(query_param("resource_name", "volume"))
        .respond_with(reply("registered-limits-list-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        service_id: Some("940808".into()),
        region_id: Some("RegionOne".into()),
        resource_name: Some("volume".into()),
    };
    let all = registered_limits::extract_registered_limits(
        &registered_limits::list(&identity, &opts)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].default_limit, 5);
    server.verify().await;
}

#[tokio::test]
async fn invalid_options_are_refused_before_sending() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let cases: Vec<(Vec<CreateOpts>, &str)> = vec![
        (vec![], "at least one"),
        (
            vec![
                CreateOpts::new("s", "cores", 1),
                CreateOpts::new("", "cores", 1),
            ],
            "registered_limits[1].service_id",
        ),
        (
            vec![CreateOpts::new("s", "", 1)],
            "registered_limits[0].resource_name",
        ),
        (vec![CreateOpts::new("s", "cores", -3)], "default_limit"),
        (
            vec![CreateOpts::new("s", "cores", 1).region_id("")],
            "region_id",
        ),
    ];
    for (opts, field) in cases {
        let err = registered_limits::create(&identity, &opts)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains(field), "{err}");
    }
    let upd = UpdateOpts {
        resource_name: Some(String::new()),
        ..Default::default()
    };
    let err = registered_limits::update(&identity, "r", &upd)
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("resource_name"), "{err}");
    assert_eq!(count(&server, "POST", R).await, 0);
}
