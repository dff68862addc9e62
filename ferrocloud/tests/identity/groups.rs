use crate::common::*;
use ferrocloud::openstack::identity::v3::groups::{
    self, CreateOpts, ListOpts, ListUsersOpts, UpdateOpts,
};
use ferrocloud::pagination::collect;
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
async fn create_get_update_delete() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("POST"))
        .and(path("/identity/v3/groups"))
        .and(body_json(sample_json(&format!(
            "{S}/group-create-request.json"
        ))))
        .respond_with(reply("group-show-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts::new("Contract developers")
        .description("Contract developers")
        .domain_id("default");
    let g = groups::create(&identity, &opts).await.extract().unwrap();
    assert_eq!(g.id, "c0d675eac29945ad9dfd08aa1bb75751");

    Mock::given(method("GET"))
        .and(path("/identity/v3/groups/c0d675"))
        .respond_with(reply("group-show-response.json", 200))
        .mount(&server)
        .await;
    let g = groups::get(&identity, "c0d675").await.extract().unwrap();
    assert_eq!(g.domain_id, "default");

    Mock::given(method("PATCH"))
        .and(path("/identity/v3/groups/c0d675"))
        .and(body_json(sample_json(&format!(
            "{S}/group-update-request.json"
        ))))
        .respond_with(reply("group-update-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let upd = UpdateOpts {
        name: Some("Contract developers 2016".into()),
        description: Some("Contract developers 2016".into()),
        ..Default::default()
    };
    let g = groups::update(&identity, "c0d675", &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(g.name, "Contract developers 2016");

    Mock::given(method("DELETE"))
        .and(path("/identity/v3/groups/c0d675"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    groups::delete(&identity, "c0d675").await.ok().unwrap();

    let err = groups::create(&identity, &CreateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("name"));
    server.verify().await;
}

#[tokio::test]
async fn list_and_find() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/groups"))
        .and(query_param("domain_id", "default"))
        .respond_with(reply("groups-list-response.json", 200))
        .mount(&server)
        .await;
    let opts = ListOpts {
        domain_id: Some("default".into()),
        ..Default::default()
    };
    let all =
        groups::extract_groups(&groups::list(&identity, &opts).all_pages().await.unwrap()).unwrap();
    assert_eq!(all[1].name, "admins");

    Mock::given(method("GET"))
        .and(path("/identity/v3/groups/admins"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/groups"))
        .and(query_param("name", "admins"))
        .respond_with(reply("groups-list-response.json", 200))
        .mount(&server)
        .await;
    assert_eq!(
        groups::find(&identity, "admins").await.unwrap().id,
        "9ce0ad4e58a84d7a97b92f7955d10c92"
    );
}

#[tokio::test]
async fn members() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    // The reference's sample misses a comma; the rest of it is what Keystone sends.
    let body = sample(&format!("{S}/group-users-list-response.json")).replace(
        "\"acd565a08293c1e48bc0dd0d72ad5d5d\"\n",
        "\"acd565a08293c1e48bc0dd0d72ad5d5d\",\n",
    );
    Mock::given(method("GET"))
        .and(path("/identity/v3/groups/g1/users"))
        .and(query_param(
            "password_expires_at",
            "gt:2016-01-01T00:00:00Z",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_string(body))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListUsersOpts {
        password_expires_at: Some("gt:2016-01-01T00:00:00Z".into()),
    };
    let users = collect(groups::list_users(&identity, "g1", &opts))
        .await
        .unwrap();
    assert_eq!(users.len(), 2);
    assert_eq!(users[1].name, "Paul");
    assert!(users[1].password_expires_at.is_some());

    Mock::given(method("PUT"))
        .and(path("/identity/v3/groups/g1/users/u1"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("HEAD"))
        .and(path("/identity/v3/groups/g1/users/u1"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(method("HEAD"))
        .and(path("/identity/v3/groups/g1/users/u2"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/identity/v3/groups/g1/users/u1"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    groups::add_user(&identity, "g1", "u1").await.ok().unwrap();
    assert!(groups::is_member(&identity, "g1", "u1").await.unwrap());
    assert!(!groups::is_member(&identity, "g1", "u2").await.unwrap());
    groups::remove_user(&identity, "g1", "u1")
        .await
        .ok()
        .unwrap();
    let err = groups::add_user(&identity, "g1", "")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    server.verify().await;
}
