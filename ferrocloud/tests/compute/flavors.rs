//! Flavor management: create, update (2.55+), delete, the name filter (2.102).

use crate::common::*;
use ferrocloud::openstack::compute::v2::flavors::{self, CreateOpts, ListOpts, UpdateOpts};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/flavor-manage";

async fn compute(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap()
}

fn reply(rel: &str, status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_string(sample(&format!("{S}/{rel}")))
}

#[tokio::test]
async fn create_at_base_version_and_at_2_102() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    Mock::given(method("POST"))
        .and(path("/compute/v2.1/flavors"))
        .and(body_json(sample_json(&format!(
            "{S}/flavor-create-post-req.json"
        ))))
        .respond_with(reply("flavor-create-post-resp.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let mut opts = CreateOpts::new("test_flavor", 1024, 2, 10);
    opts.id = Some("10".into());
    opts.rxtx_factor = Some(2.0);
    let f = flavors::create(&compute, &opts).await.extract().unwrap();
    assert_eq!(f.id, "10");
    assert_eq!(f.swap, 0, "swap \"\" reads as 0");
    assert_eq!(f.rxtx_factor, Some(2.0));
    assert!(f.is_public);
    server.verify().await;

    let server = MockServer::start().await;
    let compute = self::compute(&server).await.with_microversion("2.102");
    Mock::given(method("POST"))
        .and(path("/compute/v2.1/flavors"))
        .and(header("x-openstack-nova-api-version", "2.102"))
        .and(body_json(sample_json(&format!(
            "{S}/v2.102/flavor-create-post-req.json"
        ))))
        .respond_with(reply("v2.102/flavor-create-post-resp.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let mut opts = CreateOpts::new("test_flavor", 1024, 2, 10);
    opts.id = Some("10".into());
    opts.description = Some("test description".into());
    let f = flavors::create(&compute, &opts).await.extract().unwrap();
    assert_eq!(f.description.as_deref(), Some("test description"));
    assert_eq!(f.extra_specs, Some(Default::default()));
    assert_eq!(f.rxtx_factor, None);
    // rxtx_factor is gone at 2.102: refused before sending.
    opts.rxtx_factor = Some(1.0);
    let err = flavors::create(&compute, &opts).await.ok().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("rxtx_factor"), "{err}");
    server.verify().await;
}

#[tokio::test]
async fn create_request_samples_round_trip() {
    for rel in [
        "flavor-create-post-req.json",
        "v2.55/flavor-create-post-req.json",
        "v2.61/flavor-create-post-req.json",
        "v2.75/flavor-create-post-req.json",
        "v2.102/flavor-create-post-req.json",
    ] {
        let v = sample_json(&format!("{S}/{rel}"));
        let opts: CreateOpts = serde_json::from_value(v["flavor"].clone()).unwrap();
        assert_eq!(serde_json::to_value(&opts).unwrap(), v["flavor"], "{rel}");
    }
    for rel in [
        "flavor-access/flavor-create-req.json",
        "flavor-access/v2.7/flavor-create-req.json",
    ] {
        let v = sample_json(&format!("compute/doc/api_samples/{rel}"));
        let opts: CreateOpts = serde_json::from_value(v["flavor"].clone()).unwrap();
        assert_eq!(serde_json::to_value(&opts).unwrap(), v["flavor"], "{rel}");
    }
    for rel in [
        "flavor-create-post-resp.json",
        "v2.55/flavor-create-post-resp.json",
        "v2.61/flavor-create-post-resp.json",
        "v2.75/flavor-create-post-resp.json",
        "v2.102/flavor-create-post-resp.json",
        "v2.55/flavor-update-resp.json",
        "v2.61/flavor-update-resp.json",
        "v2.75/flavor-update-resp.json",
        "v2.102/flavor-update-resp.json",
    ] {
        let body = sample(&format!("{S}/{rel}"));
        let f: flavors::Flavor =
            ferrocloud::request::decode(body.as_bytes(), Some("flavor")).unwrap();
        assert!(!f.id.is_empty(), "{rel}");
    }
}

#[tokio::test]
async fn invalid_flavors_are_refused_before_sending() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    for (opts, field) in [
        (CreateOpts::new("", 1, 1, 0), "name"),
        (CreateOpts::new("x", 0, 1, 0), "ram"),
        (CreateOpts::new("x", 1, 0, 0), "vcpus"),
    ] {
        let err = flavors::create(&compute, &opts).await.ok().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains(field), "{err}");
    }
    // A description needs 2.55.
    let mut opts = CreateOpts::new("x", 1, 1, 0);
    opts.description = Some("d".into());
    let err = flavors::create(&compute, &opts).await.ok().unwrap_err();
    assert!(err.to_string().contains("2.55"), "{err}");
    // And so does update.
    let err = flavors::update(&compute, "1", &UpdateOpts::description("d"))
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    // The name filter needs 2.102.
    let opts = ListOpts {
        name: Some("m1.tiny".into()),
        ..Default::default()
    };
    let err = flavors::list(&compute, &opts)
        .all_pages()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("2.102"), "{err}");
    assert!(
        server
            .received_requests()
            .await
            .unwrap()
            .iter()
            .all(|r| r.url.path().starts_with("/identity"))
    );
}

#[tokio::test]
async fn update_description_and_delete() {
    let server = MockServer::start().await;
    let compute = compute(&server).await.with_microversion("2.75");
    Mock::given(method("PUT"))
        .and(path("/compute/v2.1/flavors/1"))
        .and(body_json(sample_json(&format!(
            "{S}/v2.55/flavor-update-req.json"
        ))))
        .respond_with(reply("v2.75/flavor-update-resp.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let f = flavors::update(
        &compute,
        "1",
        &UpdateOpts::description("updated description"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(f.description.as_deref(), Some("updated description"));
    assert_eq!(f.name, "m1.tiny");

    // None clears the description: it is sent as null.
    Mock::given(method("PUT"))
        .and(path("/compute/v2.1/flavors/2"))
        .and(body_json(
            serde_json::json!({"flavor": {"description": null}}),
        ))
        .respond_with(reply("v2.75/flavor-update-resp.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    flavors::update(&compute, "2", &UpdateOpts::default())
        .await
        .extract()
        .unwrap();

    Mock::given(method("DELETE"))
        .and(path("/compute/v2.1/flavors/10"))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    flavors::delete(&compute, "10").await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn list_by_name_at_2_102() {
    let server = MockServer::start().await;
    let compute = compute(&server).await.with_microversion("2.102");
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/flavors"))
        .and(query_param("name", "m1.tiny"))
        .respond_with(ResponseTemplate::new(200).set_body_string(sample(
            "compute/doc/api_samples/flavors/v2.102/flavors-list-resp.json",
        )))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        name: Some("m1.tiny".into()),
        ..Default::default()
    };
    let refs = flavors::list_simple(&compute, &opts)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(refs.len(), 7);
    assert_eq!(refs[6].description.as_deref(), Some("test description"));
    server.verify().await;
}
