//! Secrets: one-step and two-step creation, listings with filters and `next` links,
//! metadata, payloads in any media type, deletion, and the payload kept out of Debug
//! and errors.

use ferrocloud::openstack::blockstorage::v3::common::SortDir;
use ferrocloud::openstack::keymanager::v1::common::{Paging, Status};
use ferrocloud::openstack::keymanager::v1::secrets::{
    self, Compare, CreateOpts, DateFilter, ListOpts, SecretType,
};
use ferrocloud::{ErrorKind, ExposeSecret};
use serde_json::json;
use wiremock::matchers::{body_bytes, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{BASE, barbican, error_body, expect, href, reply, sent};

const ID: &str = "48d24158-b4b4-45b8-9669-d9f0ef793c23";

fn secret_json(server: &MockServer, id: &str, name: Option<&str>) -> serde_json::Value {
    json!({
        "status": "ACTIVE",
        "created": "2015-03-23T20:46:51.650515",
        "updated": "2015-03-23T20:46:51.654116",
        "expiration": "2015-12-28T19:14:44.180394",
        "algorithm": "aes",
        "bit_length": 256,
        "mode": "cbc",
        "name": name,
        "secret_ref": href(server, &format!("secrets/{id}")),
        "secret_type": "opaque",
        "content_types": {"default": "application/octet-stream"},
        "creator_id": "3a7e3d2421384f56a8fb6cf082a8efab"
    })
}

#[tokio::test]
async fn create_in_one_step_with_a_binary_payload() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    expect(
        &server,
        "POST",
        "secrets",
        Some(json!({
            "name": "AES key",
            "expiration": "2030-12-28T19:14:44Z",
            "algorithm": "aes",
            "bit_length": 256,
            "mode": "cbc",
            "payload": "YmVlcg==",
            "payload_content_type": "application/octet-stream",
            "payload_content_encoding": "base64"
        })),
        201,
        Some(json!({"secret_ref": href(&server, &format!("secrets/{ID}"))})),
    )
    .await;
    let opts = CreateOpts::default()
        .name("AES key")
        .expiration("2030-12-28T19:14:44Z".parse().unwrap())
        .algorithm("aes")
        .bit_length(256)
        .mode("cbc")
        .payload_bytes(b"beer", "application/octet-stream");
    let created = secrets::create(&client, &opts).await.extract().unwrap();
    assert_eq!(created.id(), ID);
    assert_eq!(created.secret_ref, href(&server, &format!("secrets/{ID}")));
}

#[tokio::test]
async fn create_with_a_text_payload_and_a_type() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    expect(
        &server,
        "POST",
        "secrets",
        Some(json!({
            "name": "db password",
            "secret_type": "passphrase",
            "payload": "correct horse battery staple",
            "payload_content_type": "text/plain"
        })),
        201,
        Some(json!({"secret_ref": href(&server, &format!("secrets/{ID}"))})),
    )
    .await;
    let opts = CreateOpts::default()
        .name("db password")
        .secret_type(SecretType::Passphrase)
        .payload_text("correct horse battery staple");
    assert_eq!(
        secrets::create(&client, &opts)
            .await
            .extract()
            .unwrap()
            .id(),
        ID
    );
}

#[tokio::test]
async fn the_payload_never_shows_in_debug_or_errors() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    let payload = "TOP-SECRET-payload-1234";
    let opts = CreateOpts::default()
        .name("leaky")
        .payload(payload, "text/plain", None);
    assert!(!format!("{opts:?}").contains(payload));
    assert!(!format!("{opts:#?}").contains(payload));

    // A Barbican that echoes the request in its error message.
    Mock::given(method("POST"))
        .and(path(format!("{BASE}/secrets")))
        .respond_with(reply(
            400,
            Some(error_body(
                400,
                "Bad Request",
                &format!("Provided object does not match schema 'Secret': payload {payload:?} is not valid"),
            )),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let err = secrets::create(&client, &opts).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest);
    let shown = format!("{err} {err:?} {}", err.service_message());
    assert!(!shown.contains(payload), "{shown}");
    assert!(shown.contains("[REDACTED]"), "{shown}");

    // The same for a payload added later as raw bytes.
    Mock::given(method("PUT"))
        .and(path(format!("{BASE}/secrets/{ID}")))
        .respond_with(reply(
            400,
            Some(error_body(
                400,
                "Bad Request",
                &format!("cannot store {payload}"),
            )),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let bytes = secrecy::SecretSlice::from(payload.as_bytes().to_vec());
    let err = secrets::set_payload(&client, ID, &bytes, "text/plain")
        .await
        .ok()
        .unwrap_err();
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains(payload), "{shown}");
}

#[tokio::test]
async fn bad_options_are_refused_before_sending() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    let no_type = CreateOpts {
        payload: Some("x-payload".into()),
        ..Default::default()
    };
    let zero_bits = CreateOpts::default().bit_length(0);
    let empty = CreateOpts::default().payload_text("");
    let encoding = CreateOpts::default().payload("abc", "text/plain", Some("hex"));
    for opts in [no_type, zero_bits, empty, encoding] {
        let err = secrets::create(&client, &opts).await.extract().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{opts:?}");
    }
    // A container's reference where a secret's is expected.
    let wrong = href(&server, "containers/74bbd3fd");
    let err = secrets::get(&client, &wrong).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = secrets::delete(&client, &wrong).await.ok().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let empty = secrecy::SecretSlice::from(Vec::new());
    let err = secrets::set_payload(&client, ID, &empty, "application/octet-stream")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = secrets::get_payload_legacy(&client, ID, "application/json")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(sent(&server).await, 0);
}

#[tokio::test]
async fn create_in_two_steps() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    expect(
        &server,
        "POST",
        "secrets",
        Some(json!({"name": "later", "secret_type": "symmetric"})),
        201,
        Some(json!({"secret_ref": href(&server, &format!("secrets/{ID}"))})),
    )
    .await;
    let r = secrets::create(
        &client,
        &CreateOpts::default()
            .name("later")
            .secret_type(SecretType::Symmetric),
    )
    .await
    .extract()
    .unwrap();

    let key: Vec<u8> = (0u8..32).collect();
    Mock::given(method("PUT"))
        .and(path(format!("{BASE}/secrets/{ID}")))
        .and(header("content-type", "application/octet-stream"))
        .and(body_bytes(key.clone()))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let secret = secrecy::SecretSlice::from(key);
    // By reference, as Barbican gave it.
    secrets::set_payload(&client, &r.secret_ref, &secret, "application/octet-stream")
        .await
        .ok()
        .unwrap();

    Mock::given(method("PUT"))
        .and(path(format!("{BASE}/secrets/{ID}")))
        .and(header("content-type", "application/octet-stream"))
        .and(header("content-encoding", "base64"))
        .and(body_bytes(b"YmxhaA==".to_vec()))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    secrets::set_payload_base64(
        &client,
        ID,
        &ferrocloud::SecretString::from("YmxhaA=="),
        "application/octet-stream",
    )
    .await
    .ok()
    .unwrap();
}

#[tokio::test]
async fn list_with_filters_and_next_links() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    let second_page = href(&server, "secrets?limit=2&offset=2");
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/secrets")))
        .and(query_param("name", "AES key"))
        .and(query_param("alg", "aes"))
        .and(query_param("mode", "cbc"))
        .and(query_param("bits", "256"))
        .and(query_param("secret_type", "symmetric"))
        .and(query_param("acl_only", "true"))
        .and(query_param(
            "expiration",
            "gte:2020-01-01T00:00:00Z,lt:2020-02-01T00:00:00Z",
        ))
        .and(query_param("sort", "created:desc,name:asc"))
        .and(query_param("offset", "0"))
        .and(query_param("limit", "2"))
        .respond_with(reply(
            200,
            Some(json!({
                "next": second_page,
                "secrets": [secret_json(&server, "s1", Some("AES key")), {
                    "algorithm": null, "bit_length": null,
                    "content_types": {"default": "application/octet-stream"},
                    "created": "2015-04-07T03:41:02.184159",
                    "creator_id": "3a7e3d2421384f56a8fb6cf082a8efab",
                    "expiration": null, "mode": null, "name": null,
                    "secret_ref": href(&server, "secrets/s2"),
                    "secret_type": "opaque", "status": "ACTIVE",
                    "updated": "2015-04-07T03:41:02.187823"}],
                "total": 3
            })),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/secrets")))
        .and(query_param("offset", "2"))
        .respond_with(reply(
            200,
            Some(json!({
                "previous": href(&server, "secrets?limit=2&offset=0"),
                "secrets": [secret_json(&server, "s3", Some("AES key"))],
                "total": 3
            })),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        name: Some("AES key".into()),
        alg: Some("aes".into()),
        mode: Some("cbc".into()),
        bits: Some(256),
        secret_type: Some(SecretType::Symmetric),
        acl_only: Some(true),
        expiration: Some(
            DateFilter::default()
                .and(Compare::Gte, "2020-01-01T00:00:00Z".parse().unwrap())
                .and(Compare::Lt, "2020-02-01T00:00:00Z".parse().unwrap()),
        ),
        paging: Paging::default().offset(0).limit(2),
        ..Default::default()
    }
    .sort("created", SortDir::Desc)
    .sort("name", SortDir::Asc);
    let all = secrets::extract_secrets(&secrets::list(&client, &opts).all_pages().await.unwrap())
        .unwrap();
    let ids: Vec<&str> = all.iter().map(|s| s.id()).collect();
    assert_eq!(ids, ["s1", "s2", "s3"]);
    assert_eq!(all[0].bit_length, Some(256));
    assert_eq!(all[1].name, None);
    assert_eq!(all[1].algorithm, None);
    assert_eq!(all[1].expiration, None);
    assert_eq!(all[1].secret_type, SecretType::Opaque);
}

#[tokio::test]
async fn show_metadata_and_read_payloads() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/secrets/{ID}")))
        .and(header("accept", "application/json"))
        .respond_with(reply(200, Some(secret_json(&server, ID, Some("AES key")))))
        .expect(1)
        .mount(&server)
        .await;
    let s = secrets::get(&client, ID).await.extract().unwrap();
    assert_eq!(s.status, Status::Active);
    assert_eq!(s.name.as_deref(), Some("AES key"));
    assert_eq!(s.algorithm.as_deref(), Some("aes"));
    assert_eq!(s.mode.as_deref(), Some("cbc"));
    assert_eq!(
        s.expiration.unwrap().to_rfc3339(),
        "2015-12-28T19:14:44.180394+00:00"
    );
    assert_eq!(
        s.content_types.get("default").map(String::as_str),
        Some("application/octet-stream")
    );
    assert_eq!(
        s.creator_id.as_deref(),
        Some("3a7e3d2421384f56a8fb6cf082a8efab")
    );
    assert!(s.consumers.is_empty());

    Mock::given(method("GET"))
        .and(path(format!("{BASE}/secrets/{ID}/payload")))
        .and(header("accept", "text/plain"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(b"beer".to_vec(), "text/plain; charset=utf-8"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let p = secrets::get_payload(&client, &s.secret_ref, "text/plain")
        .await
        .unwrap();
    assert_eq!(p.expose(), b"beer");
    assert_eq!(p.to_text().unwrap().expose_secret(), "beer");
    assert_eq!(p.content_type(), Some("text/plain; charset=utf-8"));
    assert!(!format!("{p:?}").contains("beer"));

    // The older way: the secret's own URL with a non-JSON Accept.
    let binary = vec![0u8, 159, 146, 150];
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/secrets/{ID}")))
        .and(header("accept", "application/octet-stream"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(binary.clone(), "application/octet-stream"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let p = secrets::get_payload_legacy(&client, ID, "application/octet-stream")
        .await
        .unwrap();
    assert_eq!(p.expose(), &binary[..]);
    assert_eq!(p.to_text().unwrap_err().kind(), ErrorKind::Decode);
}

#[tokio::test]
async fn missing_secrets_and_deletion() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    expect(
        &server,
        "GET",
        "secrets/gone",
        None,
        404,
        Some(error_body(404, "Not Found", "Secret not found.")),
    )
    .await;
    let err = secrets::get(&client, "gone").await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.service_message(), "Secret not found.");

    expect(&server, "GET", "secrets/gone/payload", None, 404, None).await;
    let err = secrets::get_payload(&client, "gone", "text/plain")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    expect(&server, "DELETE", &format!("secrets/{ID}"), None, 204, None).await;
    secrets::delete(&client, &href(&server, &format!("secrets/{ID}")))
        .await
        .ok()
        .unwrap();
}

#[test]
fn unknown_types_and_statuses_still_parse() {
    let s: secrets::Secret = serde_json::from_value(json!({
        "status": "SUSPENDED", "created": "2015-03-23T20:46:51", "updated": "2015-03-23T20:46:51",
        "expiration": null, "algorithm": null, "bit_length": null, "mode": null, "name": null,
        "secret_ref": "http://h/v1/secrets/x", "secret_type": "hmac", "new_field": [1]}))
    .unwrap();
    assert_eq!(s.status, Status::Other("SUSPENDED".into()));
    assert_eq!(s.secret_type, SecretType::Other("hmac".into()));
    // A field Barbican always sends is required.
    assert!(
        serde_json::from_value::<secrets::Secret>(json!({
            "status": "ACTIVE", "created": "2015-03-23T20:46:51", "updated": "2015-03-23T20:46:51",
            "secret_ref": "http://h/v1/secrets/x", "secret_type": "opaque"}))
        .is_err()
    );
}
