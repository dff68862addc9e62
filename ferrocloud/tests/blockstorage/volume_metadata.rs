//! Volume metadata against a mock Cinder answering with the official samples.

use crate::{V3, expect, expect_at, volume, volume_v2};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::blockstorage::{v2, v3::volume_metadata};
use wiremock::MockServer;

const ID: &str = "6edbc2f4-1507-44f8-ac0d-eed1d2608d38";

fn items(pairs: &[(&str, &str)]) -> volume_metadata::Metadata {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[tokio::test]
async fn list_set_replace_and_items() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let base = format!("volumes/{ID}/metadata");
    expect(
        &server,
        "GET",
        &base,
        None,
        200,
        Some(&format!("{V3}/volumes/volume-metadata-show-response.json")),
    )
    .await;
    let all = volume_metadata::list(&client, ID).await.extract().unwrap();
    assert!(all.is_empty());

    expect(
        &server,
        "POST",
        &base,
        Some(&format!("{V3}/volumes/volume-metadata-create-request.json")),
        200,
        Some(&format!(
            "{V3}/volumes/volume-metadata-create-response.json"
        )),
    )
    .await;
    let merged = volume_metadata::set(&client, ID, &items(&[("name", "metadata0")]))
        .await
        .extract()
        .unwrap();
    assert_eq!(merged["name"], "metadata0");

    expect(
        &server,
        "PUT",
        &base,
        Some(&format!("{V3}/volumes/volume-metadata-update-request.json")),
        200,
        Some(&format!(
            "{V3}/volumes/volume-metadata-update-response.json"
        )),
    )
    .await;
    let replaced = volume_metadata::replace(&client, ID, &items(&[("name", "metadata1")]))
        .await
        .extract()
        .unwrap();
    assert_eq!(replaced, items(&[("name", "metadata1")]));

    expect(
        &server,
        "GET",
        &format!("{base}/name"),
        None,
        200,
        Some(&format!(
            "{V3}/volumes/volume-metadata-show-key-response.json"
        )),
    )
    .await;
    let one = volume_metadata::get_item(&client, ID, "name")
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (one.key.as_str(), one.value.as_str()),
        ("name", "metadata1")
    );

    expect(
        &server,
        "PUT",
        &format!("{base}/name"),
        Some(&format!(
            "{V3}/volumes/volume-metadata-update-key-request.json"
        )),
        200,
        Some(&format!(
            "{V3}/volumes/volume-metadata-update-key-response.json"
        )),
    )
    .await;
    let set = volume_metadata::set_item(&client, ID, "name", "new_name")
        .await
        .extract()
        .unwrap();
    assert_eq!(set.value, "new_name");

    expect(&server, "DELETE", &format!("{base}/name"), None, 200, None).await;
    volume_metadata::delete_item(&client, ID, "name")
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn bad_items_are_refused_before_sending() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let long = "x".repeat(256);
    for bad in [
        items(&[("", "v")]),
        items(&[("a*b", "v")]),
        items(&[("k", &long)]),
    ] {
        let e = volume_metadata::set(&client, ID, &bad)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{bad:?}");
    }
    let e = volume_metadata::set_item(&client, ID, "k", &long)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    // Cinder takes '/' in keys, unlike Nova.
    expect(
        &server,
        "PUT",
        &format!("volumes/{ID}/metadata/a%2Fb"),
        None,
        200,
        None,
    )
    .await;
    let _ = volume_metadata::set_item(&client, ID, "a/b", "v").await;
    assert_eq!(
        server
            .received_requests()
            .await
            .unwrap()
            .iter()
            .filter(|r| r.method.as_str() == "PUT")
            .count(),
        1
    );
}

#[tokio::test]
async fn v2_uses_the_same_functions_under_its_endpoint() {
    let server = MockServer::start().await;
    let client = volume_v2(&server).await;
    expect_at(
        &server,
        "GET",
        &format!("/volume/v2/p1/volumes/{ID}/metadata"),
        None,
        200,
        Some(&format!("{}/volume-metadata-show-response.json", crate::V2)),
    )
    .await;
    let all = v2::volume_metadata::list(&client, ID)
        .await
        .extract()
        .unwrap();
    assert!(all.is_empty());
}
