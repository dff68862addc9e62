use crate::common::*;
use ferrocloud::openstack::identity::v3::endpoint_filter::{
    self, CreateGroupOpts, Filters, ListGroupsOpts, UpdateGroupOpts,
};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use serde_json::json;
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "identity/api-ref/source/v3-ext/samples/OS-EP-FILTER";
const F: &str = "/identity/v3/OS-EP-FILTER";

async fn identity(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_identity_v3(&p, EndpointOpts::default()).unwrap()
}

fn reply(sample_name: &str, status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_string(sample(&format!("{S}/{sample_name}")))
}

async fn mount(server: &MockServer, m: &str, p: String, r: ResponseTemplate) {
    Mock::given(method(m))
        .and(path(p))
        .respond_with(r)
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn endpoint_group_crud() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("POST"))
        .and(path(format!("{F}/endpoint_groups")))
        .and(body_json(sample_json(&format!(
            "{S}/create-endpoint-group-request.json"
        ))))
        .respond_with(reply("endpoint-group-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    let filters = Filters {
        interface: Some("admin".into()),
        service_id: Some("1b501a".into()),
        ..Default::default()
    };
    let mut opts = CreateGroupOpts::new("endpoint group name", filters);
    opts.description = Some("endpoint group description".into());
    let g = endpoint_filter::create_group(&identity, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(g.id, "ac4861");
    assert_eq!(g.filters.service_id.as_deref(), Some("1b501a"));

    Mock::given(method("PATCH"))
        .and(path(format!("{F}/endpoint_groups/ac4861")))
        .and(body_json(sample_json(&format!(
            "{S}/update-endpoint-group-request.json"
        ))))
        .respond_with(reply("update-endpoint-group-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let upd = UpdateGroupOpts {
        filters: Some(Filters {
            interface: Some("public".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    let g = endpoint_filter::update_group(&identity, "ac4861", &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(g.filters.interface.as_deref(), Some("public"));

    mount(
        &server,
        "GET",
        format!("{F}/endpoint_groups/ac4861"),
        reply("endpoint-group-response.json", 200),
    )
    .await;
    mount(
        &server,
        "HEAD",
        format!("{F}/endpoint_groups/ac4861"),
        ResponseTemplate::new(200),
    )
    .await;
    mount(
        &server,
        "HEAD",
        format!("{F}/endpoint_groups/nope"),
        ResponseTemplate::new(404),
    )
    .await;
    mount(
        &server,
        "DELETE",
        format!("{F}/endpoint_groups/ac4861"),
        ResponseTemplate::new(204),
    )
    .await;
    let g = endpoint_filter::get_group(&identity, "ac4861")
        .await
        .extract()
        .unwrap();
    assert_eq!(g.name, "endpoint group name");
    assert_eq!(g.description.as_deref(), Some("endpoint group description"));
    assert!(
        endpoint_filter::group_exists(&identity, "ac4861")
            .await
            .unwrap()
    );
    assert!(
        !endpoint_filter::group_exists(&identity, "nope")
            .await
            .unwrap()
    );
    endpoint_filter::delete_group(&identity, "ac4861")
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn endpoint_group_listings_wrapped_or_plain() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    // The API reference wraps each listed group in {"endpoint_group": ...}.
    Mock::given(method("GET"))
        .and(path(format!("{F}/endpoint_groups")))
        .and(query_param("name", "endpoint group name #2"))
        .respond_with(reply("endpoint-groups-response.json", 200))
        .mount(&server)
        .await;
    let opts = ListGroupsOpts {
        name: Some("endpoint group name #2".into()),
    };
    let all = endpoint_filter::extract_groups(
        &endpoint_filter::list_groups(&identity, &opts)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].id, "3de68c");
    assert!(all[1].filters.service_id.is_none());

    // Keystone lists them plain.
    mount(
        &server,
        "GET",
        format!("{F}/projects/p1/endpoint_groups"),
        ResponseTemplate::new(200).set_body_json(json!({
            "endpoint_groups": [{"id": "g1", "name": "public", "description": null,
                "filters": {"interface": "public", "region_id": "RegionOne"},
                "links": {"self": "http://k/v3/OS-EP-FILTER/endpoint_groups/g1"}}],
            "links": {"next": null, "previous": null, "self": "http://k/v3/OS-EP-FILTER/projects/p1/endpoint_groups"}
        })),
    )
    .await;
    let all = endpoint_filter::list_project_groups(&identity, "p1")
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(all[0].id, "g1");
    assert_eq!(all[0].filters.region_id.as_deref(), Some("RegionOne"));
    assert!(all[0].description.is_none());

    // find: by name, after the ID lookup fails.
    Mock::given(method("GET"))
        .and(path(format!("{F}/endpoint_groups/endpoint group name #2")))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    let g = endpoint_filter::find_group(&identity, "endpoint group name #2")
        .await
        .unwrap();
    assert_eq!(g.id, "3de68c");
    server.verify().await;
}

#[tokio::test]
async fn project_endpoint_associations() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let one = format!("{F}/projects/263fd9/endpoints/6fedc0");
    mount(&server, "PUT", one.clone(), ResponseTemplate::new(204)).await;
    mount(&server, "HEAD", one.clone(), ResponseTemplate::new(204)).await;
    mount(&server, "DELETE", one.clone(), ResponseTemplate::new(204)).await;
    mount(
        &server,
        "HEAD",
        format!("{F}/projects/263fd9/endpoints/nope"),
        ResponseTemplate::new(404),
    )
    .await;
    mount(
        &server,
        "GET",
        format!("{F}/projects/263fd9/endpoints"),
        reply("list-associations-by-project-response.json", 200),
    )
    .await;
    mount(
        &server,
        "GET",
        format!("{F}/endpoints/6fedc0/projects"),
        reply("list-associations-by-endpoint-response.json", 200),
    )
    .await;
    endpoint_filter::add_endpoint_to_project(&identity, "263fd9", "6fedc0")
        .await
        .ok()
        .unwrap();
    assert!(
        endpoint_filter::project_has_endpoint(&identity, "263fd9", "6fedc0")
            .await
            .unwrap()
    );
    assert!(
        !endpoint_filter::project_has_endpoint(&identity, "263fd9", "nope")
            .await
            .unwrap()
    );
    endpoint_filter::remove_endpoint_from_project(&identity, "263fd9", "6fedc0")
        .await
        .ok()
        .unwrap();
    let endpoints = endpoint_filter::list_project_endpoints(&identity, "263fd9")
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(endpoints.len(), 2);
    assert_eq!(endpoints[1].region.as_deref(), Some("south"));
    let projects = endpoint_filter::list_endpoint_projects(&identity, "6fedc0")
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(projects[1].id, "61a1b7");
    server.verify().await;
}

#[tokio::test]
async fn endpoint_group_project_associations() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let one = format!("{F}/endpoint_groups/ac4861/projects/263fd9");
    mount(&server, "PUT", one.clone(), ResponseTemplate::new(204)).await;
    mount(
        &server,
        "GET",
        one.clone(),
        reply("endpoint-project-response.json", 200),
    )
    .await;
    mount(&server, "HEAD", one.clone(), ResponseTemplate::new(200)).await;
    mount(&server, "DELETE", one.clone(), ResponseTemplate::new(204)).await;
    mount(
        &server,
        "HEAD",
        format!("{F}/endpoint_groups/ac4861/projects/nope"),
        ResponseTemplate::new(404),
    )
    .await;
    mount(
        &server,
        "GET",
        format!("{F}/endpoint_groups/ac4861/projects"),
        reply("list-associations-by-endpoint-response.json", 200),
    )
    .await;
    // The official sample of this listing is not valid JSON.
    mount(
        &server,
        "GET",
        format!("{F}/endpoint_groups/ac4861/endpoints"),
        ResponseTemplate::new(200).set_body_json(json!({
            "endpoints": [{"enabled": true, "id": "6fedc0", "interface": "admin",
                "links": {"self": "http://example.com/identity/v3/endpoints/6fedc0"},
                "region": "RegionOne", "region_id": "RegionOne", "service_id": "1b501a",
                "url": "http://localhost:9292"}],
            "links": {"self": "http://k", "previous": null, "next": null}
        })),
    )
    .await;
    endpoint_filter::add_group_to_project(&identity, "ac4861", "263fd9")
        .await
        .ok()
        .unwrap();
    let p = endpoint_filter::get_group_project(&identity, "ac4861", "263fd9")
        .await
        .extract()
        .unwrap();
    assert_eq!(p.project.unwrap().name, "project name #1");
    assert!(p.project_endpoint_group.is_none());
    assert!(
        endpoint_filter::project_has_group(&identity, "ac4861", "263fd9")
            .await
            .unwrap()
    );
    assert!(
        !endpoint_filter::project_has_group(&identity, "ac4861", "nope")
            .await
            .unwrap()
    );
    endpoint_filter::remove_group_from_project(&identity, "ac4861", "263fd9")
        .await
        .ok()
        .unwrap();
    let projects = endpoint_filter::list_group_projects(&identity, "ac4861")
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(projects.len(), 2);
    let endpoints = endpoint_filter::list_group_endpoints(&identity, "ac4861")
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(endpoints[0].url, "http://localhost:9292");
    server.verify().await;
}

#[tokio::test]
async fn keystone_answers_the_group_project_association() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    mount(
        &server,
        "GET",
        format!("{F}/endpoint_groups/g1/projects/p1"),
        ResponseTemplate::new(200).set_body_json(json!({"project_endpoint_group": {
            "endpoint_group_id": "g1", "project_id": "p1",
            "links": {"self": "/OS-EP-FILTER/endpoint_groups/g1/projects/p1"}
        }})),
    )
    .await;
    let a = endpoint_filter::get_group_project(&identity, "g1", "p1")
        .await
        .extract()
        .unwrap();
    assert!(a.project.is_none());
    let assoc = a.project_endpoint_group.unwrap();
    assert_eq!(
        (assoc.endpoint_group_id.as_str(), assoc.project_id.as_str()),
        ("g1", "p1")
    );
    server.verify().await;
}

#[tokio::test]
async fn invalid_options_are_refused_before_sending() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let f = Filters {
        interface: Some("public".into()),
        ..Default::default()
    };
    let cases = [
        (CreateGroupOpts::new("", f.clone()), "name"),
        (CreateGroupOpts::new("g", Filters::default()), "filters"),
    ];
    for (opts, field) in cases {
        let err = endpoint_filter::create_group(&identity, &opts)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains(field), "{err}");
    }
    let err = endpoint_filter::update_group(&identity, "g", &UpdateGroupOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let upd = UpdateGroupOpts {
        filters: Some(Filters::default()),
        ..Default::default()
    };
    let err = endpoint_filter::update_group(&identity, "g", &upd)
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("filters"), "{err}");
    assert_eq!(
        count(&server, "POST", &format!("{F}/endpoint_groups")).await,
        0
    );
    assert_eq!(
        count(&server, "PATCH", &format!("{F}/endpoint_groups/g")).await,
        0
    );
}
