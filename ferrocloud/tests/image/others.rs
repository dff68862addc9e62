//! Members, tags, tasks, imports, stores, usage and the cache.

use ferrocloud::ErrorKind;
use ferrocloud::openstack::image::v2::cache::{self, ClearTarget};
use ferrocloud::openstack::image::v2::imports::{self, ImportMethod, ImportOpts};
use ferrocloud::openstack::image::v2::members::{self, MemberStatus};
use ferrocloud::openstack::image::v2::tasks::{self, TaskStatus};
use ferrocloud::openstack::image::v2::{stores, tags, usage};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{expect, image};

const IMG: &str = "a96be11e-8536-4910-92cb-de50aa19dfe6";
const MEMBER: &str = "8989447062e04a818baf9e073fd04fa7";

#[tokio::test]
async fn members() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    expect(
        &server,
        "POST",
        &format!("images/{IMG}/members"),
        Some("image-member-create-request.json"),
        200,
        Some("image-member-create-response.json"),
    )
    .await;
    let m = members::create(&client, IMG, MEMBER)
        .await
        .extract()
        .unwrap();
    assert_eq!(m.status, MemberStatus::Pending);
    expect(
        &server,
        "GET",
        &format!("images/{IMG}/members/{MEMBER}"),
        None,
        200,
        Some("image-member-details-response.json"),
    )
    .await;
    members::get(&client, IMG, MEMBER).await.extract().unwrap();
    expect(
        &server,
        "GET",
        &format!("images/{IMG}/members"),
        None,
        200,
        Some("image-members-list-response.json"),
    )
    .await;
    let all = members::list(&client, IMG).await.extract().unwrap();
    assert_eq!(all[1].status, MemberStatus::Accepted);
    expect(
        &server,
        "PUT",
        &format!("images/{IMG}/members/{MEMBER}"),
        Some("image-member-update-request.json"),
        200,
        Some("image-member-update-response.json"),
    )
    .await;
    let m = members::update(&client, IMG, MEMBER, MemberStatus::Accepted)
        .await
        .extract()
        .unwrap();
    assert_eq!(m.status, MemberStatus::Accepted);
    expect(
        &server,
        "DELETE",
        &format!("images/{IMG}/members/{MEMBER}"),
        None,
        204,
        None,
    )
    .await;
    members::delete(&client, IMG, MEMBER).await.ok().unwrap();
    let err = members::update(&client, IMG, MEMBER, MemberStatus::Other("maybe".into()))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn tags_are_path_segments() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    expect(
        &server,
        "PUT",
        &format!("images/{IMG}/tags/a%20b%3Fc"),
        None,
        204,
        None,
    )
    .await;
    tags::add(&client, IMG, "a b?c").await.ok().unwrap();
    let err = tags::add(&client, IMG, "a/b").await.ok().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    expect(
        &server,
        "DELETE",
        &format!("images/{IMG}/tags/gold"),
        None,
        204,
        None,
    )
    .await;
    tags::delete(&client, IMG, "gold").await.ok().unwrap();
    assert_eq!(
        tags::add(&client, IMG, "").await.ok().unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
}

#[tokio::test]
async fn tasks() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    expect(
        &server,
        "POST",
        "tasks",
        Some("task-create-request.json"),
        201,
        Some("task-create-response.json"),
    )
    .await;
    let input = crate::common::sample_json(&format!(
        "image/{}/task-create-request.json",
        crate::V2
    ))["input"]
        .clone();
    let t = tasks::create(&client, &tasks::CreateOpts::new("import", input))
        .await
        .extract()
        .unwrap();
    assert_eq!(t.status, TaskStatus::Pending);
    expect(
        &server,
        "GET",
        "tasks",
        None,
        200,
        Some("tasks-list-response.json"),
    )
    .await;
    let all = tasks::list(&client, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all[0].status, TaskStatus::Processing);
    expect(
        &server,
        "GET",
        "tasks/805f47d2-8814-4cd7-bef3-37037389a998",
        None,
        200,
        Some("task-show-success-response.json"),
    )
    .await;
    let t = tasks::get(&client, "805f47d2-8814-4cd7-bef3-37037389a998")
        .await
        .extract()
        .unwrap();
    assert_eq!(t.status, TaskStatus::Success);
    assert_eq!(
        t.result.unwrap()["image_id"],
        "2b61ed2b-f800-4da0-99ff-396b742b8646"
    );
    // A failed task ends its wait with its message.
    Mock::given(method("GET"))
        .and(path("/image/v2/tasks/t-failed"))
        .respond_with(crate::reply(200, Some("task-show-failure-response.json")))
        .mount(&server)
        .await;
    let opts = ferrocloud::wait::WaitOpts::new(std::time::Duration::from_secs(5));
    let err = tasks::wait_for_completion(&client, "t-failed", &opts)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ServerError);
    let sample = format!("image/{}/task-show-failure-response.json", crate::V2);
    let message = crate::common::sample_json(&sample)["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(err.to_string().contains(&message), "{err}");
}

#[tokio::test]
async fn imports_send_each_methods_sample() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    expect(
        &server,
        "GET",
        "info/import",
        None,
        200,
        Some("image-info-import-response.json"),
    )
    .await;
    let methods = imports::get_methods(&client).await.extract().unwrap();
    assert_eq!(methods.value, ["glance-direct", "web-download"]);
    let cases = [
        (
            "image-import-c-i-request.json",
            ImportOpts::new(ImportMethod::CopyImage)
                .stores(["common", "cheap", "fast", "reliable"])
                .all_stores_must_succeed(false)
                .all_stores(false),
        ),
        (
            "image-import-w-d-request.json",
            ImportOpts::new(ImportMethod::web_download(
                "https://download.cirros-cloud.net/0.4.0/cirros-0.4.0-ppc64le-disk.img",
            ))
            .all_stores(true)
            .all_stores_must_succeed(true),
        ),
        (
            "image-import-g-d-request.json",
            ImportOpts::new(ImportMethod::GlanceDirect)
                .stores(["common", "cheap", "fast", "reliable"])
                .all_stores_must_succeed(false),
        ),
        (
            "image-import-gd-request.json",
            ImportOpts::new(ImportMethod::GlanceDownload {
                glance_image_id: "c4705b36-b281-40f6-a01d-bf98883ead8e".into(),
                glance_region: "REGION2".into(),
                glance_service_interface: Some("public".into()),
            }),
        ),
    ];
    for (i, (sample, opts)) in cases.into_iter().enumerate() {
        let id = format!("img{i}");
        expect(
            &server,
            "POST",
            &format!("images/{id}/import"),
            Some(sample),
            202,
            None,
        )
        .await;
        imports::import(&client, &id, &opts).await.ok().unwrap();
    }
    let bad = ImportOpts::new(ImportMethod::web_download("not a url"));
    assert_eq!(
        imports::import(&client, "x", &bad)
            .await
            .ok()
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidInput
    );
}

#[tokio::test]
async fn stores_and_usage() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    expect(
        &server,
        "GET",
        "info/stores",
        None,
        200,
        Some("stores-list-response.json"),
    )
    .await;
    let all = stores::list(&client).await.extract().unwrap();
    assert!(all[1].default && !all[0].default && all[3].read_only);
    expect(
        &server,
        "GET",
        "info/stores/detail",
        None,
        200,
        Some("stores-list-detail-response.json"),
    )
    .await;
    let detail = stores::list_detail(&client).await.extract().unwrap();
    assert_eq!(
        (detail[0].kind.as_str(), detail[0].weight),
        ("rbd", Some(100))
    );
    expect(&server, "DELETE", "stores/fast/img1", None, 204, None).await;
    stores::delete_image(&client, "fast", "img1")
        .await
        .ok()
        .unwrap();
    expect(
        &server,
        "GET",
        "info/usage",
        None,
        200,
        Some("usage-response.json"),
    )
    .await;
    let u = usage::get(&client).await.extract().unwrap();
    assert_eq!(u["image_size_total"].limit, 1024);
    assert_eq!(u["image_count_total"].usage, 2);
}

#[tokio::test]
async fn the_cache() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    expect(
        &server,
        "GET",
        "cache",
        None,
        200,
        Some("cache-list-response.json"),
    )
    .await;
    let state = cache::list(&client).await.extract().unwrap();
    assert_eq!(state.cached_images[0].size, 987654);
    assert_eq!(state.queued_images.len(), 2);
    expect(&server, "PUT", "cache/img1", None, 202, None).await;
    cache::queue(&client, "img1").await.ok().unwrap();
    expect(&server, "DELETE", "cache/img1", None, 204, None).await;
    cache::delete(&client, "img1").await.ok().unwrap();
    Mock::given(method("DELETE"))
        .and(path("/image/v2/cache"))
        .and(header("x-image-cache-clear-target", "queue"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    cache::clear(&client, ClearTarget::Queue)
        .await
        .ok()
        .unwrap();
    expect(&server, "POST", "cache/clean", None, 200, None).await;
    cache::clean(&client).await.ok().unwrap();
    Mock::given(method("POST"))
        .and(path("/image/v2/cache/prune"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            serde_json::json!({"total_files_pruned": 2, "total_bytes_pruned": 4096}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(
        cache::prune(&client)
            .await
            .extract()
            .unwrap()
            .total_bytes_pruned,
        4096
    );
}
