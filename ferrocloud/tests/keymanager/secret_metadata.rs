//! Secret metadata: the whole set and one item at a time.

use ferrocloud::ErrorKind;
use ferrocloud::openstack::keymanager::v1::secret_metadata::{self, MetadataOpts, Metadatum};
use serde_json::json;
use wiremock::MockServer;

use crate::{barbican, expect, href, sent};

const ID: &str = "48d24158-b4b4-45b8-9669-d9f0ef793c23";

#[tokio::test]
async fn the_whole_metadata() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    let items = json!({"description": "contains the AES key", "geolocation": "12.3456, -98.7654"});
    expect(
        &server,
        "GET",
        &format!("secrets/{ID}/metadata"),
        None,
        200,
        Some(json!({"metadata": items})),
    )
    .await;
    let m = secret_metadata::list(&client, &href(&server, &format!("secrets/{ID}")))
        .await
        .extract()
        .unwrap();
    assert_eq!(m.len(), 2);
    assert_eq!(m["geolocation"], "12.3456, -98.7654");

    expect(
        &server,
        "PUT",
        &format!("secrets/{ID}/metadata"),
        Some(json!({"metadata": items})),
        201,
        Some(json!({"metadata_ref": href(&server, &format!("secrets/{ID}/metadata"))})),
    )
    .await;
    let opts = MetadataOpts::from_iter([
        ("description", "contains the AES key"),
        ("geolocation", "12.3456, -98.7654"),
    ]);
    let r = secret_metadata::replace(&client, ID, &opts)
        .await
        .extract()
        .unwrap();
    assert!(r.metadata_ref.ends_with(&format!("/secrets/{ID}/metadata")));
}

#[tokio::test]
async fn one_item() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    let item = json!({"key": "access-limit", "value": "11"});
    expect(
        &server,
        "POST",
        &format!("secrets/{ID}/metadata/"),
        Some(item.clone()),
        201,
        Some(item.clone()),
    )
    .await;
    let created = secret_metadata::create(&client, ID, &Metadatum::new("access-limit", "11"))
        .await
        .extract()
        .unwrap();
    assert_eq!(created.value, "11");

    expect(
        &server,
        "GET",
        &format!("secrets/{ID}/metadata/access-limit"),
        None,
        200,
        Some(json!({"key": "access-limit", "value": "0"})),
    )
    .await;
    let got = secret_metadata::get(&client, ID, "access-limit")
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (got.key.as_str(), got.value.as_str()),
        ("access-limit", "0")
    );

    expect(
        &server,
        "PUT",
        &format!("secrets/{ID}/metadata/access-limit"),
        Some(item.clone()),
        200,
        Some(item),
    )
    .await;
    secret_metadata::update(&client, ID, &Metadatum::new("access-limit", "11"))
        .await
        .extract()
        .unwrap();

    expect(
        &server,
        "DELETE",
        &format!("secrets/{ID}/metadata/access-limit"),
        None,
        204,
        None,
    )
    .await;
    secret_metadata::delete(&client, ID, "access-limit")
        .await
        .ok()
        .unwrap();

    expect(
        &server,
        "GET",
        &format!("secrets/{ID}/metadata/nope"),
        None,
        404,
        None,
    )
    .await;
    let err = secret_metadata::get(&client, ID, "nope")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn keys_barbican_refuses_are_refused_before_sending() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    let bad_key = MetadataOpts::from_iter([("geo.location", "x")]);
    let err = secret_metadata::replace(&client, ID, &bad_key)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let long = "v".repeat(256);
    let err = secret_metadata::create(&client, ID, &Metadatum::new("k", long))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = secret_metadata::list(&client, &href(&server, "orders/x"))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(sent(&server).await, 0);
}
