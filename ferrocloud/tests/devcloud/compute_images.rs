//! Images through Nova's proxy (to the real Glance) at microversion 2.35.

use crate::support::*;
use ferrocloud::http::Method;
use ferrocloud::openstack::compute::v2::images::{self, ListOpts, MetadataOpts};
use ferrocloud::{ErrorKind, Operation, ServiceClient, openstack};
use serde_json::json;

async fn admin_compute() -> ServiceClient {
    openstack::new_compute_v2(&crate::support::fresh(admin_opts()).await, region())
        .unwrap()
        .with_microversion("2.35")
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_images_list_get_and_metadata_on_devcloud_raw() {
    let compute = admin_compute().await;
    let img = images::find(&compute, "devcloud-raw").await.unwrap();
    assert_eq!(img.status, "ACTIVE");
    assert_eq!(img.progress, 100);
    assert!(img.size.unwrap() > 0);
    assert!(img.created.timestamp() > 0);
    assert!(img.links.iter().any(|l| l.rel == "alternate"));

    let again = images::get(&compute, &img.id).await.extract().unwrap();
    assert_eq!(again.name, "devcloud-raw");
    let simple = images::list_simple(&compute, &ListOpts::default())
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(simple.iter().any(|i| i.id == img.id));
    let by_name = images::extract_images(
        &images::list(
            &compute,
            &ListOpts {
                name: Some("devcloud-raw".into()),
                status: Some("ACTIVE".into()),
                ..Default::default()
            },
        )
        .all_pages()
        .await
        .unwrap(),
    )
    .unwrap();
    assert_eq!(by_name.len(), 1);
    assert_eq!(by_name[0].id, img.id);

    // Metadata on the shared image: one item of our own, removed at the end.
    let key = unique("meta");
    let all = images::update_metadata(&compute, &img.id, &MetadataOpts::new().set(&key, "one"))
        .await
        .extract()
        .unwrap();
    assert_eq!(all[&key], "one");
    let listed = images::get_metadata(&compute, &img.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(listed[&key], "one");
    let item = images::get_metadata_item(&compute, &img.id, &key)
        .await
        .extract()
        .unwrap();
    assert_eq!(item.len(), 1);
    assert_eq!(item[&key], "one");
    let item = images::set_metadata_item(&compute, &img.id, &key, "two")
        .await
        .extract()
        .unwrap();
    assert_eq!(item[&key], "two");
    let shown = images::get(&compute, &img.id).await.extract().unwrap();
    assert_eq!(shown.metadata[&key], "two");
    // Still served at 2.38.
    let at_238 = compute.with_microversion("2.38");
    assert_eq!(
        images::get_metadata_item(&at_238, &img.id, &key)
            .await
            .extract()
            .unwrap()[&key],
        "two"
    );
    images::delete_metadata_item(&compute, &img.id, &key)
        .await
        .ok()
        .unwrap();
    let err = images::get_metadata_item(&compute, &img.id, &key)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(
        !images::get_metadata(&compute, &img.id)
            .await
            .extract()
            .unwrap()
            .contains_key(&key)
    );

    // Refused by the SDK before sending once removed.
    let at_236 = compute.with_microversion("2.36");
    let err = images::get(&at_236, &img.id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.status().is_none());
    assert!(
        err.to_string().contains("removed after microversion 2.35"),
        "{err}"
    );
    let err = images::get_metadata(&compute.with_microversion("2.39"), &img.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(
        err.to_string().contains("removed after microversion 2.38"),
        "{err}"
    );
}

static CREATE_GLANCE_IMAGE: Operation = Operation::new("image", Method::POST, "/images");
static DELETE_GLANCE_IMAGE: Operation =
    Operation::new("image", Method::DELETE, "/images/{image_id}");

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_images_replace_metadata_and_delete_a_scratch_image() {
    let provider = crate::support::fresh(admin_opts()).await;
    let glance = openstack::new_image_v2(&provider, region()).unwrap();
    let compute = admin_compute().await;
    let name = unique("image");
    let created = glance
        .request(&CREATE_GLANCE_IMAGE, &[])
        .json(
            &json!({"name": name, "disk_format": "raw", "container_format": "bare",
                      "visibility": "private", "min_ram": 64}),
        )
        .send_raw()
        .await
        .unwrap();
    let id = serde_json::from_slice::<serde_json::Value>(created.body()).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();

    // A queued image (no data): Nova calls it SAVING, at 25 %, of size 0.
    let img = images::get(&compute, &id).await.extract().unwrap();
    assert_eq!(img.name, name);
    assert_eq!(img.status, "SAVING");
    assert_eq!(img.progress, 25);
    assert_eq!(img.size.unwrap_or(0), 0);
    assert_eq!(img.min_ram, 64);

    let md = images::update_metadata(
        &compute,
        &id,
        &MetadataOpts::new().set("a", "1").set("b", "2"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!((md["a"].as_str(), md["b"].as_str()), (Some("1"), Some("2")));
    let md = images::replace_metadata(
        &compute,
        &id,
        &MetadataOpts::new()
            .set("c", "3")
            .set("auto_disk_config", "False"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(md.len(), 2);
    let md = images::get_metadata(&compute, &id).await.extract().unwrap();
    assert!(!md.contains_key("a"), "{md:?}");
    assert_eq!(md["c"], "3");
    let img = images::get(&compute, &id).await.extract().unwrap();
    assert_eq!(
        img.disk_config,
        Some(ferrocloud::openstack::compute::v2::extensions::diskconfig::DiskConfig::Manual)
    );

    let deleted = images::delete(&compute, &id).await;
    if deleted.ok().is_err() {
        let _ = glance
            .request(&DELETE_GLANCE_IMAGE, &[&id])
            .send_raw()
            .await;
    }
    assert_eq!(deleted.status().map(|s| s.as_u16()), Some(204));
    let err = images::get(&compute, &id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}
