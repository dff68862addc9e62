//! Server tags (2.26+).

use crate::common::*;
use ferrocloud::openstack::compute::v2::server_tags::{self, Tags};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/os-server-tags/v2.26";
const BASE: &str = "/compute/v2.1/servers/srv-1/tags";

async fn compute(server: &MockServer, mv: Option<&str>) -> ServiceClient {
    let c = openstack::new_compute_v2(&provider(server).await, EndpointOpts::default()).unwrap();
    match mv {
        Some(v) => c.with_microversion(v),
        None => c,
    }
}

#[tokio::test]
async fn list_replace_and_delete_all() {
    let server = MockServer::start().await;
    let compute = compute(&server, Some("2.26")).await;
    Mock::given(method("GET"))
        .and(path(BASE))
        .and(header("x-openstack-nova-api-version", "2.26"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(sample(&format!("{S}/server-tags-index-resp.json"))),
        )
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(
        server_tags::list(&compute, "srv-1")
            .await
            .extract()
            .unwrap()
            .tags,
        ["tag1", "tag2"]
    );

    Mock::given(method("PUT"))
        .and(path(BASE))
        .and(body_json(sample_json(&format!(
            "{S}/server-tags-put-all-req.json"
        ))))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(sample(&format!("{S}/server-tags-put-all-resp.json"))),
        )
        .expect(1)
        .mount(&server)
        .await;
    let tags = server_tags::replace(&compute, "srv-1", &["tag1", "tag2"])
        .await
        .extract()
        .unwrap();
    assert_eq!(tags, Tags::new(["tag1", "tag2"]));

    Mock::given(method("DELETE"))
        .and(path(BASE))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    server_tags::delete_all(&compute, "srv-1")
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn one_tag() {
    let server = MockServer::start().await;
    let compute = compute(&server, Some("2.90")).await;
    Mock::given(method("PUT"))
        .and(path(format!("{BASE}/prod")))
        .respond_with(ResponseTemplate::new(201).insert_header(
            "location",
            "http://openstack.example.com/v2.1/servers/srv-1/tags/prod",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let added = server_tags::add(&compute, "srv-1", "prod").await;
    added.ok().unwrap();
    assert_eq!(added.status().unwrap().as_u16(), 201);
    assert!(
        added
            .response()
            .unwrap()
            .header("location")
            .unwrap()
            .ends_with("/tags/prod")
    );

    Mock::given(method("GET"))
        .and(path(format!("{BASE}/prod")))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/dev")))
        .respond_with(ResponseTemplate::new(404).set_body_string(
            r#"{"itemNotFound": {"code": 404, "message": "Tag dev could not be found."}}"#,
        ))
        .mount(&server)
        .await;
    assert!(server_tags::has(&compute, "srv-1", "prod").await.unwrap());
    assert!(!server_tags::has(&compute, "srv-1", "dev").await.unwrap());

    // Tags are path segments: spaces and other characters are encoded.
    Mock::given(method("DELETE"))
        .and(path(format!("{BASE}/a%20b")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    server_tags::delete(&compute, "srv-1", "a b")
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn refused_before_sending() {
    let server = MockServer::start().await;
    // Tags need 2.26.
    let old = compute(&server, None).await;
    let err = server_tags::list(&old, "srv-1")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("2.26"), "{err}");
    let err = server_tags::add(&old.with_microversion("2.25"), "srv-1", "x")
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("2.26"), "{err}");

    let compute = old.with_microversion("2.26");
    for bad in ["", "a/b", "a,b"] {
        let err = server_tags::add(&compute, "srv-1", bad)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{bad:?}");
    }
    let long = "t".repeat(61);
    let err = server_tags::has(&compute, "srv-1", &long)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("60"), "{err}");
    let many: Vec<String> = (0..51).map(|i| format!("t{i}")).collect();
    let err = server_tags::replace(&compute, "srv-1", &many)
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("50"), "{err}");
    assert!(
        server
            .received_requests()
            .await
            .unwrap()
            .iter()
            .all(|r| !r.url.path().contains("/servers/"))
    );
}
