use crate::common::*;
use ferrocloud::openstack::identity::v3::limits::{self, CreateOpts, ListOpts, UpdateOpts};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "identity/api-ref/source/v3/samples/admin";
const L: &str = "/identity/v3/limits";

async fn identity(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_identity_v3(&p, EndpointOpts::default()).unwrap()
}

fn reply(sample_name: &str, status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_string(sample(&format!("{S}/{sample_name}")))
}

#[tokio::test]
async fn model() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("{L}/model")))
        .respond_with(reply("limit-flat-model-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let m = limits::get_model(&identity).await.extract().unwrap();
    assert_eq!(m.name, "flat");
    assert!(m.description.contains("hierarchy"));
    server.verify().await;
}

#[tokio::test]
async fn create_update_get_delete() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("POST"))
        .and(path(L))
        .and(body_json(sample_json(&format!(
            "{S}/limits-create-request.json"
        ))))
        .respond_with(reply("limits-create-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    let svc = "9408080f1970482aa0e38bc2d4ea34b7";
    let opts = [
        CreateOpts::for_project("3a705b9f56bb439381b43c4fe59dccce", svc, "snapshot", 5)
            .region_id("RegionOne"),
        CreateOpts::for_domain("edbafc92be354ffa977c58aa79c7bdb2", svc, "volume", 10)
            .description("Number of volumes for project 3a705b9f56bb439381b43c4fe59dccce"),
    ];
    let created = limits::create(&identity, &opts).await.extract().unwrap();
    assert_eq!(created.len(), 2);
    assert_eq!(
        created[0].domain_id.as_deref(),
        Some("edbafc92be354ffa977c58aa79c7bdb2")
    );
    assert!(created[0].project_id.is_none());
    assert_eq!(created[1].resource_limit, 5);
    assert_eq!(created[1].region_id.as_deref(), Some("RegionOne"));

    Mock::given(method("PATCH"))
        .and(path(format!("{L}/3229b3")))
        .and(body_json(sample_json(&format!(
            "{S}/limits-update-request.json"
        ))))
        .respond_with(reply("limits-update-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let upd = UpdateOpts {
        resource_limit: Some(5),
        description: Some(
            "Number of snapshots for project 3a705b9f56bb439381b43c4fe59dccce".into(),
        ),
    };
    let l = limits::update(&identity, "3229b3", &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(l.resource_name, "snapshot");

    Mock::given(method("GET"))
        .and(path(format!("{L}/25a04c")))
        .respond_with(reply("limit-show-response.json", 200))
        .mount(&server)
        .await;
    let l = limits::get(&identity, "25a04c").await.extract().unwrap();
    assert_eq!(l.resource_limit, 11);
    assert!(l.region_id.is_none() && l.description.is_none());
    assert_eq!(l.service_id, svc);

    Mock::given(method("DELETE"))
        .and(path(format!("{L}/25a04c")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    limits::delete(&identity, "25a04c").await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn list() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path(L))
        .and(query_param("project_id", "3a705b"))
        .and(query_param("service_id", "940808"))
        .and(query_param("region_id", "RegionOne"))
        .and(query_param("resource_name", "volume"))
        .respond_with(reply("limits-list-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        project_id: Some("3a705b".into()),
        service_id: Some("940808".into()),
        region_id: Some("RegionOne".into()),
        resource_name: Some("volume".into()),
        ..Default::default()
    };
    let all =
        limits::extract_limits(&limits::list(&identity, &opts).all_pages().await.unwrap()).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].id, "25a04c7a065c430590881c646cdcdd58");
    server.verify().await;
}

#[tokio::test]
async fn invalid_options_are_refused_before_sending() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let ok = CreateOpts::for_project("p", "s", "cores", 1);
    let mut both = ok.clone();
    both.domain_id = Some("d".into());
    let mut neither = ok.clone();
    neither.project_id = None;
    let cases: Vec<(Vec<CreateOpts>, &str)> = vec![
        (vec![], "at least one"),
        (
            vec![ok.clone(), CreateOpts::for_project("p", "", "cores", 1)],
            "limits[1].service_id",
        ),
        (
            vec![CreateOpts::for_project("p", "s", "", 1)],
            "limits[0].resource_name",
        ),
        (vec![both], "limits[0].project_id"),
        (vec![neither], "limits[0].domain_id"),
        (
            vec![CreateOpts::for_project("p", "s", "cores", -2)],
            "resource_limit",
        ),
    ];
    for (opts, field) in cases {
        let err = limits::create(&identity, &opts).await.ok().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains(field), "{err}");
    }
    let upd = UpdateOpts {
        resource_limit: Some(-5),
        ..Default::default()
    };
    let err = limits::update(&identity, "l", &upd).await.ok().unwrap_err();
    assert!(err.to_string().contains("resource_limit"), "{err}");
    assert_eq!(count(&server, "POST", L).await, 0);
}
