use crate::common::*;
use ferrocloud::openstack::identity::v3::projects::{self, CreateOpts, ListOpts, UpdateOpts};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use serde_json::json;
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
async fn create_update_get_delete() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("POST"))
        .and(path("/identity/v3/projects"))
        .and(body_json(sample_json(&format!(
            "{S}/project-create-request.json"
        ))))
        .respond_with(reply("project-show-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    let mut opts = CreateOpts::new("myNewProject")
        .description("My new project")
        .domain_id("default");
    opts.enabled = Some(true);
    opts.is_domain = Some(false);
    opts.options = Some(Default::default());
    let p = projects::create(&identity, &opts).await.extract().unwrap();
    assert_eq!(p.id, "0c4e939acacf4376bdcd1129f1a054ad");
    assert_eq!(
        p.links.self_link.as_deref(),
        Some("http://example.com/identity/v3/projects/0c4e939acacf4376bdcd1129f1a054ad")
    );

    Mock::given(method("PATCH"))
        .and(path("/identity/v3/projects/p1"))
        .and(body_json(sample_json(&format!(
            "{S}/project-update-request.json"
        ))))
        .respond_with(reply("project-update-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let upd = UpdateOpts {
        name: Some("myUpdatedProject".into()),
        description: Some("My updated project".into()),
        ..Default::default()
    };
    let p = projects::update(&identity, "p1", &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(p.name, "myUpdatedProject");

    Mock::given(method("GET"))
        .and(path("/identity/v3/projects/263fd9"))
        .and(query_param("parents_as_list", "true"))
        .respond_with(reply("project-show-parents-response.json", 200))
        .mount(&server)
        .await;
    let opts = projects::GetOpts {
        parents_as_list: true,
        ..Default::default()
    };
    let p = projects::get_with(&identity, "263fd9", &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(p.parents.unwrap()[0]["project"]["id"], "183ab2");

    Mock::given(method("DELETE"))
        .and(path("/identity/v3/projects/p1"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    projects::delete(&identity, "p1").await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn invalid_options_are_refused_before_sending() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let err = projects::create(&identity, &CreateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("name"), "{err}");
    let err = projects::update(
        &identity,
        "p",
        &UpdateOpts {
            name: Some(String::new()),
            ..Default::default()
        },
    )
    .await
    .ok()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(count(&server, "POST", "/identity/v3/projects").await, 0);
}

#[tokio::test]
async fn list_and_find() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/projects"))
        .and(query_param("domain_id", "default"))
        .respond_with(reply("projects-list-response.json", 200))
        .mount(&server)
        .await;
    let opts = ListOpts {
        domain_id: Some("default".into()),
        ..Default::default()
    };
    let all =
        projects::extract_projects(&projects::list(&identity, &opts).all_pages().await.unwrap())
            .unwrap();
    assert!(all.len() >= 3);
    assert_eq!(all[1].name, "demo");

    Mock::given(method("GET"))
        .and(path("/identity/v3/projects/demo"))
        .respond_with(ResponseTemplate::new(404).set_body_json(
            json!({"error": {"code": 404, "message": "Could not find project: demo."}}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/projects"))
        .and(query_param("name", "demo"))
        .respond_with(reply("projects-list-response.json", 200))
        .mount(&server)
        .await;
    let p = projects::find(&identity, "demo").await.unwrap();
    assert_eq!(p.id, "0cbd49cbf76d405d9c86562e1d579bd3");
}

#[tokio::test]
async fn tags() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/projects/p/tags"))
        .respond_with(reply("project-tags-list-response.json", 200))
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/identity/v3/projects/p/tags"))
        .and(body_json(sample_json(&format!(
            "{S}/project-tags-update-request.json"
        ))))
        .respond_with(reply("project-tags-update-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/identity/v3/projects/p/tags/new%20tag"))
        .respond_with(ResponseTemplate::new(201))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/projects/p/tags/foo"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/projects/p/tags/nope"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/identity/v3/projects/p/tags"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(
        projects::list_tags(&identity, "p")
            .await
            .extract()
            .unwrap()
            .tags,
        ["foo", "bar"]
    );
    // The official sample answers with a project listing; the call succeeds either way.
    projects::replace_tags(&identity, "p", &["foo", "bar"])
        .await
        .ok()
        .unwrap();
    projects::add_tag(&identity, "p", "new tag")
        .await
        .ok()
        .unwrap();
    assert!(projects::has_tag(&identity, "p", "foo").await.unwrap());
    assert!(!projects::has_tag(&identity, "p", "nope").await.unwrap());
    projects::delete_tags(&identity, "p").await.ok().unwrap();
    server.verify().await;
}
