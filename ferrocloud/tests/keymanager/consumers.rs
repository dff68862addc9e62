//! Consumers of secrets and of containers.

use ferrocloud::ErrorKind;
use ferrocloud::openstack::keymanager::v1::common::{Paging, Status};
use ferrocloud::openstack::keymanager::v1::{container_consumers, secret_consumers};
use serde_json::json;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer};

use crate::{BASE, barbican, expect, href, reply, sent};

const SECRET: &str = "74bbd3fd-9ba8-42ee-b87e-2eecf10e47b9";
const CONTAINER: &str = "b61613fc-be53-4696-ac01-c3a789e87973";

#[tokio::test]
async fn secret_consumers() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    let secret_ref = href(&server, &format!("secrets/{SECRET}"));
    let c = |service: &str, rt: &str, id: &str| {
        json!({"created": "2015-10-15T21:17:08.092408", "updated": "2015-10-15T21:17:08.092416",
            "status": "ACTIVE", "service": service, "resource_type": rt, "resource_id": id})
    };
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/secrets/{SECRET}/consumers")))
        .and(query_param("limit", "1"))
        .and(query_param("offset", "1"))
        .respond_with(reply(
            200,
            Some(json!({"total": 3,
                "next": format!("{secret_ref}/consumers?limit=1&offset=2"),
                "previous": format!("{secret_ref}/consumers?limit=1&offset=0"),
                "consumers": [c("volume", "volume", "123e4567-e89b-12d3-a456-426614174002")]})),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/secrets/{SECRET}/consumers")))
        .and(query_param("offset", "2"))
        .respond_with(reply(
            200,
            Some(json!({"total": 3,
                "consumers": [c("load-balancer", "listener", "123e4567-e89b-12d3-a456-426614174003")]})),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let pages = secret_consumers::list(&client, &secret_ref, &Paging::default().offset(1).limit(1))
        .all_pages()
        .await
        .unwrap();
    let all = secret_consumers::extract_consumers(&pages).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].service, "volume");
    assert_eq!(all[1].resource_type, "listener");
    assert_eq!(all[1].status, Some(Status::Active));
    assert!(all[1].created.is_some());

    let body = json!({"service": "image", "resource_type": "image",
        "resource_id": "123e4567-e89b-12d3-a456-426614174000"});
    let answer = |consumers: serde_json::Value| {
        json!({"status": "ACTIVE", "updated": "2015-10-15T17:56:18.626724", "name": "secret name",
            "consumers": consumers, "created": "2015-10-15T17:55:44.380002",
            "secret_ref": secret_ref, "creator_id": "b17c815d80f946ea8505c34347a2aeba",
            "secret_type": "opaque", "expiration": null, "algorithm": "aes", "bit_length": 256,
            "mode": "cbc"})
    };
    expect(
        &server,
        "POST",
        &format!("secrets/{SECRET}/consumers"),
        Some(body.clone()),
        200,
        Some(answer(json!([body]))),
    )
    .await;
    let opts = secret_consumers::ConsumerOpts::new(
        "image",
        "image",
        "123e4567-e89b-12d3-a456-426614174000",
    );
    let s = secret_consumers::register(&client, SECRET, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(s.consumers.len(), 1);
    assert_eq!(
        s.consumers[0].resource_id,
        "123e4567-e89b-12d3-a456-426614174000"
    );
    assert_eq!(s.consumers[0].status, None);
    assert!(s.content_types.is_empty());

    expect(
        &server,
        "DELETE",
        &format!("secrets/{SECRET}/consumers"),
        Some(body),
        200,
        Some(answer(json!([]))),
    )
    .await;
    let s = secret_consumers::remove(&client, &secret_ref, &opts)
        .await
        .extract()
        .unwrap();
    assert!(s.consumers.is_empty());

    let err = secret_consumers::register(
        &client,
        SECRET,
        &secret_consumers::ConsumerOpts::new("", "image", "x"),
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn container_consumers() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    let container_ref = href(&server, &format!("containers/{CONTAINER}"));
    expect(
        &server,
        "GET",
        &format!("containers/{CONTAINER}/consumers"),
        None,
        200,
        Some(json!({"total": 2, "consumers": [
            {"status": "ACTIVE", "URL": "consumerurl", "updated": "2015-10-15T21:06:33.123878",
             "name": "consumername", "created": "2015-10-15T21:06:33.123872"},
            {"status": "ACTIVE", "URL": "consumerURL2", "updated": "2015-10-15T21:17:08.092416",
             "name": "consumername2", "created": "2015-10-15T21:17:08.092408"}]})),
    )
    .await;
    let all = container_consumers::extract_consumers(
        &container_consumers::list(&client, &container_ref, &Paging::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all[1].url, "consumerURL2");
    assert_eq!(all[1].name, "consumername2");

    let answer = |consumers: serde_json::Value| {
        json!({"status": "ACTIVE", "updated": "2015-10-15T17:56:18.626724", "name": "container name",
            "consumers": consumers, "created": "2015-10-15T17:55:44.380002",
            "container_ref": container_ref, "creator_id": "b17c815d80f946ea8505c34347a2aeba",
            "secret_refs": [{"secret_ref": href(&server, "secrets/b616"), "name": "private_key"}],
            "type": "generic"})
    };
    let body = json!({"name": "ConsumerName", "URL": "ConsumerURL"});
    expect(
        &server,
        "POST",
        &format!("containers/{CONTAINER}/consumers"),
        Some(body.clone()),
        200,
        Some(answer(
            json!([{"URL": "ConsumerURL", "name": "ConsumerName"}]),
        )),
    )
    .await;
    let opts = container_consumers::ConsumerOpts::new("ConsumerName", "ConsumerURL");
    let c = container_consumers::register(&client, CONTAINER, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(c.consumers[0].url, "ConsumerURL");
    assert_eq!(c.id(), CONTAINER);

    expect(
        &server,
        "DELETE",
        &format!("containers/{CONTAINER}/consumers"),
        Some(body),
        200,
        Some(answer(json!([]))),
    )
    .await;
    let c = container_consumers::remove(&client, &container_ref, &opts)
        .await
        .extract()
        .unwrap();
    assert!(c.consumers.is_empty());

    expect(
        &server,
        "DELETE",
        &format!("containers/{CONTAINER}/consumers"),
        Some(json!({"name": "Other", "URL": "OtherURL"})),
        404,
        Some(crate::error_body(404, "Not Found", "Consumer not found.")),
    )
    .await;
    let other = container_consumers::ConsumerOpts::new("Other", "OtherURL");
    let err = container_consumers::remove(&client, CONTAINER, &other)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    let before = sent(&server).await;
    let long = container_consumers::ConsumerOpts::new("n".repeat(37), "u");
    let err = container_consumers::register(&client, CONTAINER, &long)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    // A secret's reference where a container's is expected.
    let err = container_consumers::register(&client, &href(&server, "secrets/x"), &opts)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(sent(&server).await, before);
}
