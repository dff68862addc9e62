//! Host aggregates: CRUD, hosts, metadata, image caching (2.81), find.

use std::collections::BTreeMap;

use crate::common::*;
use ferrocloud::openstack::compute::v2::aggregates::{
    self, CacheImagesOpts, CreateOpts, UpdateOpts,
};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/os-aggregates";

async fn compute(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap()
}

fn reply(rel: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/{rel}")))
}

#[tokio::test]
async fn crud_at_2_41() {
    let server = MockServer::start().await;
    let compute = compute(&server).await.with_microversion("2.41");
    Mock::given(method("POST"))
        .and(path("/compute/v2.1/os-aggregates"))
        .and(body_json(sample_json(&format!(
            "{S}/v2.41/aggregate-post-req.json"
        ))))
        .respond_with(reply("v2.41/aggregate-post-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let agg = aggregates::create(&compute, &CreateOpts::new("name").availability_zone("nova"))
        .await
        .extract()
        .unwrap();
    assert_eq!(agg.id, "1");
    assert_eq!(
        agg.uuid.as_deref(),
        Some("86a0da0e-9f0c-4f51-a1e0-3c25edab3783")
    );
    assert!(agg.hosts.is_empty() && agg.metadata.is_empty());
    assert_eq!(
        agg.created_at.to_rfc3339(),
        "2016-12-27T22:51:32.877711+00:00"
    );

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-aggregates/1"))
        .respond_with(reply("v2.41/aggregates-get-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let agg = aggregates::get(&compute, "1").await.extract().unwrap();
    assert_eq!(agg.metadata["availability_zone"], "london");

    Mock::given(method("PUT"))
        .and(path("/compute/v2.1/os-aggregates/1"))
        .and(body_json(sample_json(&format!(
            "{S}/v2.41/aggregate-update-post-req.json"
        ))))
        .respond_with(reply("v2.41/aggregate-update-post-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let upd = UpdateOpts {
        name: Some("newname".into()),
        availability_zone: Some("nova2".into()),
    };
    let agg = aggregates::update(&compute, "1", &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(agg.name, "newname");
    assert!(agg.updated_at.is_some());

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-aggregates"))
        .respond_with(reply("v2.41/aggregates-list-get-resp.json"))
        .mount(&server)
        .await;
    let all =
        aggregates::extract_aggregates(&aggregates::list(&compute).all_pages().await.unwrap())
            .unwrap();
    assert_eq!(all[0].hosts, ["compute"]);

    Mock::given(method("DELETE"))
        .and(path("/compute/v2.1/os-aggregates/1"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    aggregates::delete(&compute, "1").await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn hosts_and_metadata_actions() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    Mock::given(method("POST"))
        .and(path("/compute/v2.1/os-aggregates/1/action"))
        .and(body_json(sample_json(&format!(
            "{S}/aggregate-add-host-post-req.json"
        ))))
        .respond_with(reply("aggregates-add-host-post-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let agg = aggregates::add_host(&compute, "1", "21549b2f665945baaa7101926a00143c")
        .await
        .extract()
        .unwrap();
    assert_eq!(agg.hosts, ["21549b2f665945baaa7101926a00143c"]);
    assert_eq!(agg.uuid, None);

    Mock::given(method("POST"))
        .and(path("/compute/v2.1/os-aggregates/1/action"))
        .and(body_json(sample_json(&format!(
            "{S}/aggregate-remove-host-post-req.json"
        ))))
        .respond_with(reply("aggregates-remove-host-post-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let agg = aggregates::remove_host(&compute, "1", "bf1454b3d71145d49fca2101c56c728d")
        .await
        .extract()
        .unwrap();
    assert!(agg.hosts.is_empty());

    Mock::given(method("POST"))
        .and(path("/compute/v2.1/os-aggregates/1/action"))
        .and(body_json(sample_json(&format!(
            "{S}/aggregate-metadata-post-req.json"
        ))))
        .respond_with(reply("aggregates-metadata-post-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let meta = BTreeMap::from([("key".to_string(), Some("value".to_string()))]);
    let agg = aggregates::set_metadata(&compute, "1", &meta)
        .await
        .extract()
        .unwrap();
    assert_eq!(agg.metadata["key"], "value");

    // None removes a key: sent as null.
    Mock::given(method("POST"))
        .and(path("/compute/v2.1/os-aggregates/2/action"))
        .and(body_json(
            serde_json::json!({"set_metadata": {"metadata": {"key": null}}}),
        ))
        .respond_with(reply("aggregates-get-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let meta = BTreeMap::from([("key".to_string(), None)]);
    aggregates::set_metadata(&compute, "2", &meta)
        .await
        .extract()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn cache_images_needs_2_81() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    let opts = CacheImagesOpts::new(["70a599e0-31e7-49b7-b260-868f441e862b"]);
    let err = aggregates::cache_images(&compute, "1", &opts)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("2.81"), "{err}");

    let compute = compute.with_microversion("2.81");
    Mock::given(method("POST"))
        .and(path("/compute/v2.1/os-aggregates/1/images"))
        .and(body_json(sample_json(&format!(
            "{S}/v2.81/aggregate-images-post-req.json"
        ))))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    aggregates::cache_images(&compute, "1", &opts)
        .await
        .ok()
        .unwrap();
    let err = aggregates::cache_images(&compute, "1", &CacheImagesOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("cache"), "{err}");
    server.verify().await;
}

#[tokio::test]
async fn samples_at_2_81_parse() {
    for rel in [
        "v2.81/aggregate-post-resp.json",
        "v2.81/aggregate-update-post-resp.json",
        "v2.81/aggregates-add-host-post-resp.json",
        "v2.81/aggregates-get-resp.json",
        "v2.81/aggregates-metadata-post-resp.json",
        "v2.81/aggregates-remove-host-post-resp.json",
        "aggregate-post-resp.json",
        "aggregate-update-post-resp.json",
    ] {
        let body = sample(&format!("{S}/{rel}"));
        let a: aggregates::Aggregate =
            ferrocloud::request::decode(body.as_bytes(), Some("aggregate")).unwrap();
        assert_eq!(a.id, "1", "{rel}");
    }
    for rel in [
        "v2.81/aggregate-post-req.json",
        "v2.41/aggregate-post-req.json",
    ] {
        let v = sample_json(&format!("{S}/{rel}"));
        let o: CreateOpts = serde_json::from_value(v["aggregate"].clone()).unwrap();
        assert_eq!(serde_json::to_value(&o).unwrap(), v["aggregate"]);
    }
}

#[tokio::test]
async fn find_by_id_uuid_or_name_and_validation() {
    let server = MockServer::start().await;
    let compute = compute(&server).await.with_microversion("2.41");
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-aggregates"))
        .respond_with(reply("v2.41/aggregates-list-get-resp.json"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-aggregates/1"))
        .respond_with(reply("v2.41/aggregates-get-resp.json"))
        .mount(&server)
        .await;
    assert_eq!(aggregates::find(&compute, "1").await.unwrap().id, "1");
    assert_eq!(aggregates::find(&compute, "name").await.unwrap().id, "1");
    let by_uuid = aggregates::find(&compute, "6ba28ba7-f29b-45cc-a30b-6e3a40c2fb14")
        .await
        .unwrap();
    assert_eq!(by_uuid.name, "name");
    let err = aggregates::find(&compute, "nope").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    let err = aggregates::create(&compute, &CreateOpts::new("  "))
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("name"), "{err}");
    let err = aggregates::update(&compute, "1", &UpdateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = aggregates::add_host(&compute, "1", "")
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("host"), "{err}");
    assert_eq!(
        count(&server, "POST", "/compute/v2.1/os-aggregates").await,
        0
    );
}
