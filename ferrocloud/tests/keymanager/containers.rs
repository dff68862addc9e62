//! Containers: the three kinds, secrets named by reference or UUID, listings, and
//! adding and removing secrets.

use ferrocloud::ErrorKind;
use ferrocloud::openstack::keymanager::v1::common::{Paging, Status};
use ferrocloud::openstack::keymanager::v1::containers::{
    self, ContainerType, CreateOpts, ListOpts, SecretEntry,
};
use serde_json::json;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer};

use crate::{BASE, barbican, expect, href, reply, sent};

const ID: &str = "74bbd3fd-9ba8-42ee-b87e-2eecf10e47b9";

fn container_json(server: &MockServer, id: &str, kind: &str) -> serde_json::Value {
    json!({
        "type": kind, "status": "ACTIVE", "name": "container name", "consumers": [],
        "container_ref": href(server, &format!("containers/{id}")),
        "secret_refs": [{"name": "private_key", "secret_ref": href(server, "secrets/b616")}],
        "created": "2015-03-26T21:10:45.417835", "updated": "2015-03-26T21:10:45.417835"
    })
}

#[tokio::test]
async fn create_with_references_and_uuids() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    // The UUIDs become references on the client's endpoint.
    expect(
        &server,
        "POST",
        "containers",
        Some(json!({"type": "rsa", "name": "pair", "secret_refs": [
            {"name": "public_key", "secret_ref": href(&server, "secrets/pub-1")},
            {"name": "private_key", "secret_ref": "https://other.example/v1/secrets/priv-1"},
            {"name": "private_key_passphrase", "secret_ref": href(&server, "secrets/pass-1")}]})),
        201,
        Some(json!({"container_ref": href(&server, &format!("containers/{ID}"))})),
    )
    .await;
    let opts = CreateOpts::rsa("pub-1", "https://other.example/v1/secrets/priv-1")
        .secret("private_key_passphrase", "pass-1")
        .name("pair");
    let r = containers::create(&client, &opts).await.extract().unwrap();
    assert_eq!(r.id(), ID);
}

#[tokio::test]
async fn kinds_are_checked_before_sending() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    let cases = [
        CreateOpts::new(ContainerType::Rsa).secret("public_key", "a"),
        CreateOpts::rsa("a", "b").secret("certificate", "c"),
        CreateOpts::new(ContainerType::Certificate).secret("private_key", "a"),
        CreateOpts::generic().secret("x", ""),
        CreateOpts::generic().secret("x", "http://h/v1/containers/not-a-secret"),
    ];
    for opts in cases {
        let err = containers::create(&client, &opts)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{opts:?}");
    }
    let err = containers::get(&client, &href(&server, "secrets/x"))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(sent(&server).await, 0);
}

#[tokio::test]
async fn list_show_and_delete() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/containers")))
        .and(query_param("type", "certificate"))
        .and(query_param("limit", "1"))
        .respond_with(reply(
            200,
            Some(
                json!({"containers": [container_json(&server, "c1", "certificate")],
                "total": 2, "next": href(&server, "containers?limit=1&offset=1")}),
            ),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/containers")))
        .and(query_param("offset", "1"))
        .respond_with(reply(
            200,
            Some(
                json!({"containers": [container_json(&server, "c2", "certificate")],
                "total": 2, "previous": href(&server, "containers?limit=1&offset=0")}),
            ),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        kind: Some(ContainerType::Certificate),
        paging: Paging::default().limit(1),
        ..Default::default()
    };
    let all = containers::extract_containers(
        &containers::list(&client, &opts).all_pages().await.unwrap(),
    )
    .unwrap();
    assert_eq!(all.iter().map(|c| c.id()).collect::<Vec<_>>(), ["c1", "c2"]);

    expect(
        &server,
        "GET",
        &format!("containers/{ID}"),
        None,
        200,
        Some(container_json(&server, ID, "generic")),
    )
    .await;
    let c = containers::get(&client, &href(&server, &format!("containers/{ID}")))
        .await
        .extract()
        .unwrap();
    assert_eq!(c.kind, ContainerType::Generic);
    assert_eq!(c.status, Status::Active);
    assert_eq!(c.name.as_deref(), Some("container name"));
    assert_eq!(
        c.secret("private_key"),
        Some(href(&server, "secrets/b616").as_str())
    );
    assert_eq!(c.secret_refs[0].id(), "b616");
    assert_eq!(c.created.to_rfc3339(), "2015-03-26T21:10:45.417835+00:00");

    expect(&server, "GET", "containers/gone", None, 404, None).await;
    let err = containers::get(&client, "gone")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    expect(
        &server,
        "DELETE",
        &format!("containers/{ID}"),
        None,
        204,
        None,
    )
    .await;
    containers::delete(&client, ID).await.ok().unwrap();
}

#[tokio::test]
async fn add_and_remove_secrets() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    let entry = json!({"name": "private_key", "secret_ref": href(&server, "secrets/b616")});
    expect(
        &server,
        "POST",
        &format!("containers/{ID}/secrets"),
        Some(entry.clone()),
        201,
        Some(json!({"container_ref": href(&server, &format!("containers/{ID}"))})),
    )
    .await;
    let r = containers::add_secret(&client, ID, &SecretEntry::new("private_key", "b616"))
        .await
        .extract()
        .unwrap();
    assert_eq!(r.id(), ID);

    expect(
        &server,
        "DELETE",
        &format!("containers/{ID}/secrets"),
        Some(entry),
        204,
        None,
    )
    .await;
    containers::remove_secret(
        &client,
        &href(&server, &format!("containers/{ID}")),
        &SecretEntry::new("private_key", href(&server, "secrets/b616")),
    )
    .await
    .ok()
    .unwrap();
}
