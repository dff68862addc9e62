use ferrocloud::ErrorKind;
use ferrocloud::openstack::image::v2::images::{
    self, AddLocationOpts, CreateOpts, ImageStatus, ListOpts, UpdateOpts, Visibility,
};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{expect, image, reply};

const ID: &str = "1bea47ed-f6a9-463b-b423-14b9cca9ad27";

#[tokio::test]
async fn create_show_update_and_delete() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    expect(
        &server,
        "POST",
        "images",
        Some("image-create-request.json"),
        201,
        Some("image-create-response.json"),
    )
    .await;
    let opts = CreateOpts::new("Ubuntu")
        .container_format("bare")
        .disk_format("raw")
        .id("b2173dd3-7ad6-4362-baa6-a68bce3565cb");
    let created = images::create(&client, &opts).await.extract().unwrap();
    assert_eq!(created.status, ImageStatus::Queued);
    assert_eq!(created.checksum, None);

    expect(
        &server,
        "GET",
        &format!("images/{ID}"),
        None,
        200,
        Some("image-show-response.json"),
    )
    .await;
    let shown = images::get(&client, ID).await.extract().unwrap();
    assert_eq!(shown.status, ImageStatus::Active);
    assert_eq!(shown.visibility, Visibility::Public);
    assert_eq!(shown.size, Some(13167616));
    assert_eq!(shown.os_hash_algo.as_deref(), Some("sha512"));
    assert_eq!(shown.virtual_size, None);

    // The patch goes with Glance's media type, exactly as the sample writes it.
    Mock::given(method("PATCH"))
        .and(path(format!("/image/v2/images/{ID}")))
        .and(header(
            "content-type",
            "application/openstack-images-v2.1-json-patch",
        ))
        .and(body_json(crate::common::sample_json(&format!(
            "image/{}/image-update-request.json",
            crate::V2
        ))))
        .respond_with(reply(200, Some("image-update-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let change = UpdateOpts::new()
        .name("Fedora 17")
        .tags(["fedora", "beefy"]);
    let updated = images::update(&client, ID, &change)
        .await
        .extract()
        .unwrap();
    assert_eq!(updated.tags, vec!["beefy", "fedora"]);

    expect(&server, "DELETE", &format!("images/{ID}"), None, 204, None).await;
    images::delete(&client, ID).await.ok().unwrap();
}

#[tokio::test]
async fn bad_changes_are_refused_before_sending() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    let err = images::update(&client, ID, &UpdateOpts::new())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = images::update(
        &client,
        ID,
        &UpdateOpts::new().set_property("status", "active"),
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("status"), "{err}");
    let err = images::create(&client, &CreateOpts::new("x").tag(""))
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
            .all(|r| !r.url.path().starts_with("/image"))
    );
}

#[tokio::test]
async fn listing_follows_glances_root_relative_next_links_under_the_endpoint_path() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    let one = |id: &str| {
        let mut v =
            crate::common::sample_json(&format!("image/{}/image-show-response.json", crate::V2));
        v["id"] = json!(id);
        v
    };
    Mock::given(method("GET"))
        .and(path("/image/v2/images"))
        .and(query_param("marker", "a"))
        .and(query_param("tag", "x"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "images": [one("b")], "first": "/v2/images", "schema": "/v2/schemas/images"})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/image/v2/images"))
        .and(query_param("visibility", "all"))
        .and(query_param("status", "active"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "images": [one("a")], "first": "/v2/images",
            "next": "/v2/images?marker=a&tag=x", "schema": "/v2/schemas/images"})))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        all_visibilities: true,
        status: Some(ImageStatus::Active),
        ..Default::default()
    };
    let all = images::list(&client, &opts).all().await.unwrap();
    let ids: Vec<_> = all.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
}

#[tokio::test]
async fn the_sample_listing_reads() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    expect(
        &server,
        "GET",
        "images",
        None,
        200,
        Some("images-list-response.json"),
    )
    .await;
    let page = images::list(&client, &ListOpts::default())
        .all()
        .await
        .unwrap();
    assert_eq!(page.len(), 2);
    assert_eq!(page[1].name.as_deref(), Some("F17-x86_64-cfntools"));
}

#[tokio::test]
async fn deactivate_reactivate_tasks_and_locations() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    expect(
        &server,
        "POST",
        &format!("images/{ID}/actions/deactivate"),
        None,
        204,
        None,
    )
    .await;
    expect(
        &server,
        "POST",
        &format!("images/{ID}/actions/reactivate"),
        None,
        204,
        None,
    )
    .await;
    images::deactivate(&client, ID).await.ok().unwrap();
    images::reactivate(&client, ID).await.ok().unwrap();

    expect(
        &server,
        "GET",
        &format!("images/{ID}/tasks"),
        None,
        200,
        Some("image-tasks-show-response.json"),
    )
    .await;
    let tasks = images::list_tasks(&client, ID).await.extract().unwrap();
    assert_eq!(tasks[0].kind, "api_image_import");
    assert_eq!(
        tasks[0].request_id.as_deref(),
        Some("rrrrrrr-rrrr-rrrr-rrrr-rrrrrrrrrrrr")
    );

    expect(
        &server,
        "POST",
        &format!("images/{ID}/locations"),
        Some("add-location-request.json"),
        202,
        None,
    )
    .await;
    let opts = AddLocationOpts::new("cinder://lvmdriver-1/39e6ffab-7502-4199-9609-416601615ca3").validation_data(
        "sha512",
        "c5041ae163cf0f65600acfe7f6a63f212101687d41a57a4e18ffd2a07a452cd8175b8f5a4868dd2330bfe5ae123f18216bdbc9e0f80d131e64b94913a7b40bb5",
    );
    images::add_location(&client, ID, &opts).await.ok().unwrap();
    expect(
        &server,
        "GET",
        &format!("images/{ID}/locations"),
        None,
        200,
        Some("locations-list-detail-response.json"),
    )
    .await;
    let locations = images::list_locations(&client, ID).await.extract().unwrap();
    assert_eq!(locations[0].metadata["store"], "lvmdriver-1");
}
