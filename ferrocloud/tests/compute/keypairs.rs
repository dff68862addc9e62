//! Key pairs: generate, import, list (paged from 2.35), show, delete, per user (2.10).

use crate::common::*;
use ferrocloud::openstack::compute::v2::keypairs::{self, CreateOpts, KeyType, ListOpts, UserOpts};
use ferrocloud::{EndpointOpts, ErrorKind, ExposeSecret, ServiceClient, openstack};
use wiremock::matchers::{body_json, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/os-keypairs";

async fn compute(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap()
}

fn reply(rel: &str, status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_string(sample(&format!("{S}/{rel}")))
}

#[tokio::test]
async fn generate_a_pair_and_keep_the_private_key_secret() {
    let server = MockServer::start().await;
    let compute = compute(&server).await.with_microversion("2.10");
    Mock::given(method("POST"))
        .and(path("/compute/v2.1/os-keypairs"))
        .and(body_json(sample_json(&format!(
            "{S}/v2.10/keypairs-post-req.json"
        ))))
        .respond_with(reply("v2.10/keypairs-post-resp.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts::new("keypair-ab9ff2e6-a6d7-4915-a241-044c369c07f9")
        .key_type(KeyType::Ssh)
        .user_id("fake");
    let kp = keypairs::create(&compute, &opts).await.extract().unwrap();
    assert_eq!(kp.key_type.as_deref(), Some("ssh"));
    assert_eq!(kp.user_id.as_deref(), Some("fake"));
    let private = kp.private_key.as_ref().unwrap();
    assert!(
        private
            .expose_secret()
            .starts_with("-----BEGIN RSA PRIVATE KEY-----")
    );
    let shown = format!("{kp:?}");
    assert!(!shown.contains("BEGIN RSA PRIVATE KEY"), "{shown}");
    assert!(shown.contains("REDACTED"), "{shown}");
    server.verify().await;
}

#[tokio::test]
async fn create_and_import_samples_at_every_microversion() {
    for (mv, rel_req, rel_resp) in [
        (None, "keypairs-post-req.json", "keypairs-post-resp.json"),
        (
            None,
            "keypairs-import-post-req.json",
            "keypairs-import-post-resp.json",
        ),
        (
            Some("2.2"),
            "v2.2/keypairs-post-req.json",
            "v2.2/keypairs-post-resp.json",
        ),
        (
            Some("2.2"),
            "v2.2/keypairs-import-post-req.json",
            "v2.2/keypairs-import-post-resp.json",
        ),
        (
            Some("2.10"),
            "v2.10/keypairs-import-post-req.json",
            "v2.10/keypairs-import-post-resp.json",
        ),
        (
            Some("2.35"),
            "v2.35/keypairs-post-req.json",
            "v2.35/keypairs-post-resp.json",
        ),
        (
            Some("2.92"),
            "v2.92/keypairs-import-post-req.json",
            "v2.92/keypairs-import-post-resp.json",
        ),
    ] {
        let server = MockServer::start().await;
        let mut compute = compute(&server).await;
        if let Some(mv) = mv {
            compute = compute.with_microversion(mv);
        }
        let req = sample_json(&format!("{S}/{rel_req}"));
        Mock::given(method("POST"))
            .and(path("/compute/v2.1/os-keypairs"))
            .and(body_json(req.clone()))
            .respond_with(reply(rel_resp, 200))
            .expect(1)
            .mount(&server)
            .await;
        let opts: CreateOpts = serde_json::from_value(req["keypair"].clone()).unwrap();
        let kp = keypairs::create(&compute, &opts).await.extract().unwrap();
        assert!(!kp.fingerprint.is_empty(), "{rel_resp}");
        assert_eq!(
            kp.private_key.is_some(),
            opts.public_key.is_none(),
            "{rel_resp}"
        );
        server.verify().await;
    }
}

#[tokio::test]
async fn fields_newer_than_the_client_are_refused() {
    let server = MockServer::start().await;
    let base = compute(&server).await;
    let err = keypairs::create(&base, &CreateOpts::new("k").key_type(KeyType::X509))
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(
        err.to_string().contains("type") && err.to_string().contains("2.2"),
        "{err}"
    );
    let err = keypairs::create(
        &base.with_microversion("2.9"),
        &CreateOpts::new("k").user_id("u"),
    )
    .await
    .ok()
    .unwrap_err();
    assert!(err.to_string().contains("user_id"), "{err}");
    // From 2.92 Nova no longer generates key pairs.
    let err = keypairs::create(&base.with_microversion("2.92"), &CreateOpts::new("k"))
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("public_key"), "{err}");
    let err = keypairs::create(&base, &CreateOpts::new(""))
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("name"), "{err}");
    let opts = ListOpts {
        limit: Some(1),
        ..Default::default()
    };
    let err = keypairs::list(&base.with_microversion("2.34"), &opts)
        .all_pages()
        .await
        .unwrap_err();
    assert!(err.to_string().contains("limit"), "{err}");
    let err = keypairs::get_with(
        &base,
        "k",
        &UserOpts {
            user_id: Some("u".into()),
        },
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(count(&server, "POST", "/compute/v2.1/os-keypairs").await, 0);
    assert_eq!(count(&server, "GET", "/compute/v2.1/os-keypairs").await, 0);
}

#[tokio::test]
async fn list_pages_by_links_at_2_35() {
    let server = MockServer::start().await;
    let compute = compute(&server).await.with_microversion("2.35");
    let first = sample(&format!("{S}/v2.35/keypairs-list-user2-resp.json")).replace(
        "http://openstack.example.com/v2.1/6f70656e737461636b20342065766572",
        &format!("{}/compute/v2.1", server.uri()),
    );
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-keypairs"))
        .and(query_param("user_id", "user2"))
        .and(query_param("limit", "1"))
        .and(query_param_is_missing("marker"))
        .respond_with(ResponseTemplate::new(200).set_body_string(first))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-keypairs"))
        .and(query_param(
            "marker",
            "keypair-5d935425-31d5-48a7-a0f1-e76e9813f2c3",
        ))
        .and(query_param("user_id", "user2"))
        .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"keypairs": []}"#))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        user_id: Some("user2".into()),
        limit: Some(1),
        marker: None,
    };
    let all =
        keypairs::extract_keypairs(&keypairs::list(&compute, &opts).all_pages().await.unwrap())
            .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].name, "keypair-5d935425-31d5-48a7-a0f1-e76e9813f2c3");
    assert_eq!(all[0].key_type.as_deref(), Some("ssh"));
    server.verify().await;
}

#[tokio::test]
async fn list_samples_parse() {
    for rel in [
        "keypairs-list-resp.json",
        "v2.2/keypairs-list-resp.json",
        "v2.10/keypairs-list-resp.json",
        "v2.35/keypairs-list-resp.json",
        "v2.35/keypairs-list-user1-resp.json",
    ] {
        let body = sample(&format!("{S}/{rel}"));
        let items: Vec<keypairs::KeypairEntry> =
            ferrocloud::request::decode(body.as_bytes(), Some("keypairs")).unwrap();
        assert_eq!(items.len(), 1, "{rel}");
        assert!(items[0].keypair.public_key.starts_with("ssh-rsa"), "{rel}");
    }
}

#[tokio::test]
async fn get_find_and_delete() {
    let server = MockServer::start().await;
    let compute = compute(&server).await.with_microversion("2.10");
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-keypairs/kp1"))
        .and(query_param("user_id", "fake"))
        .respond_with(reply("v2.10/keypairs-get-resp.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let kp = keypairs::get_with(
        &compute,
        "kp1",
        &UserOpts {
            user_id: Some("fake".into()),
        },
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(kp.id, Some(1));
    assert_eq!(kp.deleted, Some(false));
    assert_eq!(
        kp.created_at.unwrap().to_rfc3339(),
        "2014-05-07T12:06:13.681238+00:00"
    );
    assert!(kp.private_key.is_none());

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-keypairs/kp2"))
        .respond_with(reply("keypairs-get-resp.json", 200))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-keypairs/gone"))
        .respond_with(ResponseTemplate::new(404).set_body_string(
            r#"{"itemNotFound": {"code": 404, "message": "Keypair gone not found for user u"}}"#,
        ))
        .mount(&server)
        .await;
    let found = keypairs::find(&compute, "kp2").await.unwrap();
    assert_eq!(found.user_id.as_deref(), Some("fake"));
    let err = keypairs::find(&compute, "gone").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    Mock::given(method("DELETE"))
        .and(path("/compute/v2.1/os-keypairs/kp1"))
        .and(query_param_is_missing("user_id"))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    keypairs::delete(&compute, "kp1").await.ok().unwrap();
    Mock::given(method("DELETE"))
        .and(path("/compute/v2.1/os-keypairs/kp3"))
        .and(query_param("user_id", "other"))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    keypairs::delete_with(
        &compute,
        "kp3",
        &UserOpts {
            user_id: Some("other".into()),
        },
    )
    .await
    .ok()
    .unwrap();
    server.verify().await;
}
