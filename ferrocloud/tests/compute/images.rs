//! Images through the compute API (proxy to Glance, until 2.35; metadata until 2.38).

use crate::common::*;
use ferrocloud::openstack::compute::v2::extensions::diskconfig::DiskConfig;
use ferrocloud::openstack::compute::v2::images::{self, ListOpts, MetadataOpts};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SAMPLES: &str = "compute/doc/api_samples/images";
const IMG: &str = "70a599e0-31e7-49b7-b260-868f441e862b";

async fn setup() -> (MockServer, ServiceClient) {
    let server = MockServer::start().await;
    let provider = provider(&server).await;
    let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
    (server, compute)
}

fn ok_sample(status: u16, file: &str) -> ResponseTemplate {
    ResponseTemplate::new(status)
        .insert_header("x-openstack-request-id", "req-img")
        .set_body_string(sample(&format!("{SAMPLES}/{file}")))
}

#[tokio::test]
async fn list_detail_with_filters_and_links() {
    let (server, compute) = setup().await;
    let compute = compute.with_microversion("2.35");
    let next = format!(
        "{}/compute/v2.1/images/detail?marker=last&limit=2",
        server.uri()
    );
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/images/detail"))
        .and(header("x-openstack-nova-api-version", "2.35"))
        .and(query_param("status", "ACTIVE"))
        .and(query_param("minRam", "512"))
        .and(query_param("property-os_distro", "cirros"))
        .and(query_param_is_missing("marker"))
        .respond_with(ResponseTemplate::new(200).set_body_json({
            let mut v = sample_json(&format!("{SAMPLES}/images-details-get-resp.json"));
            v["images_links"] = json!([{"rel": "next", "href": next}]);
            v
        }))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/images/detail"))
        .and(query_param("marker", "last"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"images": []})))
        .expect(1)
        .mount(&server)
        .await;
    let mut opts = ListOpts {
        status: Some("ACTIVE".into()),
        min_ram: Some(512),
        ..Default::default()
    };
    opts.extra
        .insert("property-os_distro".into(), "cirros".into());
    let all =
        images::extract_images(&images::list(&compute, &opts).all_pages().await.unwrap()).unwrap();
    let expected = sample_json(&format!("{SAMPLES}/images-details-get-resp.json"));
    assert_eq!(all.len(), expected["images"].as_array().unwrap().len());
    let first = &all[0];
    assert_eq!(first.id, "155d900f-4e14-4e4c-a73d-069cbf4541e6");
    assert_eq!(first.name, "fakeimage123456");
    assert_eq!(first.status, "ACTIVE");
    assert_eq!(first.progress, 100);
    assert_eq!(first.size, Some(25165824));
    assert_eq!(first.metadata["architecture"], "x86_64");
    assert_eq!(first.created.to_rfc3339(), "2011-01-01T01:02:03+00:00");
    assert_eq!(first.links.len(), 3);
    assert_eq!(
        first.links[2].media_type.as_deref(),
        Some("application/vnd.openstack.image")
    );
    // A null property value and the disk configuration.
    let with_null = all
        .iter()
        .find(|i| i.id == "c905cedb-7281-47e4-8a62-f26bc5fc4c77")
        .unwrap();
    assert!(with_null.metadata["ramdisk_id"].is_null());
    let manual = all
        .iter()
        .find(|i| i.id == "a440c04b-79fa-479c-bed1-0b816eaec379")
        .unwrap();
    assert_eq!(manual.disk_config, Some(DiskConfig::Manual));
    server.verify().await;
}

#[tokio::test]
async fn list_simple_get_and_snapshot_server() {
    let (server, compute) = setup().await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/images"))
        .and(query_param("limit", "3"))
        .respond_with(ok_sample(200, "images-list-get-resp.json"))
        .mount(&server)
        .await;
    let refs = images::list_simple(
        &compute,
        &ListOpts {
            limit: Some(3),
            ..Default::default()
        },
    )
    .all_pages()
    .await
    .unwrap()
    .extract()
    .unwrap();
    assert!(!refs.is_empty());
    assert_eq!(refs[0].name, "fakeimage123456");
    assert_eq!(refs[0].links[0].rel, "self");

    Mock::given(method("GET"))
        .and(path(format!("/compute/v2.1/images/{IMG}")))
        .respond_with(ok_sample(200, "image-get-resp.json"))
        .mount(&server)
        .await;
    let r = images::get(&compute, IMG).await;
    let img = r.extract().unwrap();
    assert_eq!(r.request_id(), Some("req-img"));
    assert_eq!(img.name, "fakeimage7");
    assert_eq!(img.min_disk, 0);
    assert_eq!(img.min_ram, 0);
    assert_eq!(img.disk_config, Some(DiskConfig::Auto));
    assert_eq!(img.size, Some(74185822));
    assert!(img.server.is_none());

    // A snapshot of a server, as Nova shows it (from its view builder), with a queued
    // image's null size and name.
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/images/snap"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"image": {
            "id": "snap", "name": null, "minRam": 0, "minDisk": 1,
            "metadata": {"instance_uuid": "3912f2b4", "block_device_mapping": [{"boot_index": 0}]},
            "created": "2026-01-02T03:04:05Z", "updated": null, "status": "SAVING", "progress": 25,
            "OS-EXT-IMG-SIZE:size": null,
            "server": {"id": "3912f2b4", "links": [{"rel": "self", "href": "http://nova/servers/3912f2b4"},
                                                   {"rel": "bookmark", "href": "http://nova/servers/3912f2b4"}]},
            "links": []}})))
        .mount(&server)
        .await;
    let snap = images::get(&compute, "snap").await.extract().unwrap();
    assert_eq!(snap.name, "");
    assert_eq!(snap.size, None);
    assert_eq!(snap.updated, None);
    assert_eq!(snap.server.unwrap().id, "3912f2b4");
    assert!(snap.metadata["block_device_mapping"].is_array());
}

#[tokio::test]
async fn delete_and_find() {
    let (server, compute) = setup().await;
    Mock::given(method("DELETE"))
        .and(path(format!("/compute/v2.1/images/{IMG}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    images::delete(&compute, IMG).await.ok().unwrap();

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/images/fakeimage7"))
        .respond_with(
            ResponseTemplate::new(404).set_body_json(
                json!({"itemNotFound": {"code": 404, "message": "Image not found."}}),
            ),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/images/detail"))
        .and(query_param("name", "fakeimage7"))
        .respond_with(ok_sample(200, "images-details-get-resp.json"))
        .mount(&server)
        .await;
    let found = images::find(&compute, "fakeimage7").await.unwrap();
    assert_eq!(found.id, IMG);
    server.verify().await;
}

#[tokio::test]
async fn metadata_calls_send_the_official_requests() {
    let (server, compute) = setup().await;
    let base = format!("/compute/v2.1/images/{IMG}/metadata");
    Mock::given(method("GET"))
        .and(path(base.as_str()))
        .respond_with(ok_sample(200, "image-metadata-get-resp.json"))
        .mount(&server)
        .await;
    let md = images::get_metadata(&compute, IMG).await.extract().unwrap();
    assert_eq!(md["kernel_id"], "nokernel");
    assert_eq!(md.len(), 4);

    Mock::given(method("POST"))
        .and(path(base.as_str()))
        .and(body_json(sample_json(&format!(
            "{SAMPLES}/image-metadata-post-req.json"
        ))))
        .respond_with(ok_sample(200, "image-metadata-post-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = MetadataOpts::new()
        .set("kernel_id", "False")
        .set("Label", "UpdatedImage");
    let md = images::update_metadata(&compute, IMG, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(md["Label"], "UpdatedImage");
    assert_eq!(md.len(), 5);

    Mock::given(method("PUT"))
        .and(path(base.as_str()))
        .and(body_json(sample_json(&format!(
            "{SAMPLES}/image-metadata-put-req.json"
        ))))
        .respond_with(ok_sample(200, "image-metadata-put-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts: MetadataOpts = [("auto_disk_config", "True"), ("Label", "Changed")]
        .into_iter()
        .collect();
    let md = images::replace_metadata(&compute, IMG, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(md.len(), 2);

    Mock::given(method("GET"))
        .and(path(format!("{base}/kernel_id")))
        .respond_with(ok_sample(200, "image-meta-key-get.json"))
        .mount(&server)
        .await;
    let item = images::get_metadata_item(&compute, IMG, "kernel_id")
        .await
        .extract()
        .unwrap();
    assert_eq!(item["kernel_id"], "nokernel");

    Mock::given(method("PUT"))
        .and(path(format!("{base}/auto_disk_config")))
        .and(body_json(sample_json(&format!(
            "{SAMPLES}/image-meta-key-put-req.json"
        ))))
        .respond_with(ok_sample(200, "image-meta-key-put-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let item = images::set_metadata_item(&compute, IMG, "auto_disk_config", "False")
        .await
        .extract()
        .unwrap();
    assert_eq!(item["auto_disk_config"], "False");

    Mock::given(method("DELETE"))
        .and(path(format!("{base}/Label")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    images::delete_metadata_item(&compute, IMG, "Label")
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn bad_metadata_is_refused_before_sending() {
    let (server, compute) = setup().await;
    let long = "x".repeat(256);
    for (opts, field) in [
        (MetadataOpts::new().set("a/b", "x"), "a/b"),
        (MetadataOpts::new().set("", "x"), "\"\""),
        (MetadataOpts::new().set("k", long.as_str()), "metadata.k"),
    ] {
        let err = images::update_metadata(&compute, IMG, &opts)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains(field), "{err}");
    }
    let err = images::set_metadata_item(&compute, IMG, "bad/key", "v")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(
        server
            .received_requests()
            .await
            .unwrap()
            .iter()
            .all(|r| !r.url.path().contains("/images"))
    );
}

#[tokio::test]
async fn removed_microversions_are_refused_before_sending() {
    let (server, compute) = setup().await;
    // 2.36 and later: the image calls are gone; metadata stays until 2.38.
    let at_236 = compute.with_microversion("2.36");
    let err = images::get(&at_236, IMG).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("2.35"), "{err}");
    let err = images::list(&at_236, &ListOpts::default())
        .all_pages()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        images::list_simple(&at_236, &ListOpts::default())
            .all_pages()
            .await
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidInput
    );
    assert_eq!(
        images::delete(&at_236, IMG).await.ok().unwrap_err().kind(),
        ErrorKind::InvalidInput
    );

    Mock::given(method("GET"))
        .and(path(format!("/compute/v2.1/images/{IMG}/metadata")))
        .and(header("x-openstack-nova-api-version", "2.38"))
        .respond_with(ok_sample(200, "image-metadata-get-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let at_238 = compute.with_microversion("2.38");
    images::get_metadata(&at_238, IMG).await.extract().unwrap();

    let at_239 = compute.with_microversion("2.39");
    let err = images::get_metadata(&at_239, IMG)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("2.38"), "{err}");
    assert_eq!(
        images::delete_metadata_item(&at_239, IMG, "k")
            .await
            .ok()
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidInput
    );
    assert_eq!(
        count(&server, "GET", &format!("/compute/v2.1/images/{IMG}")).await,
        0
    );
    assert_eq!(
        count(&server, "GET", "/compute/v2.1/images/detail").await,
        0
    );
    server.verify().await;
}
