//! Orders: key, asymmetric and certificate orders, listings, waiting, failures.

use std::time::Duration;

use ferrocloud::ErrorKind;
use ferrocloud::openstack::keymanager::v1::common::{Paging, Status};
use ferrocloud::openstack::keymanager::v1::orders::{self, CreateOpts, OrderType};
use ferrocloud::wait::WaitOpts;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer};

use crate::{BASE, barbican, expect, href, reply, sent};

const ID: &str = "5443d349-fe0c-4bfd-bd9d-99c4a9770638";

fn order_json(server: &MockServer, id: &str, status: &str) -> serde_json::Value {
    json!({
        "created": "2015-10-20T18:49:02", "creator_id": "40540f978fbd45c1af18910e3e02b63f",
        "meta": {"algorithm": "AES", "bit_length": 256, "expiration": null, "mode": "cbc",
            "name": "secretname", "payload_content_type": "application/octet-stream"},
        "order_ref": href(server, &format!("orders/{id}")),
        "secret_ref": href(server, "secrets/16f8d4f3-d3dd-4160-a5bd-8e5095a42613"),
        "status": status, "sub_status": "Unknown", "sub_status_message": "Unknown",
        "type": "key", "updated": "2015-10-20T18:49:02"
    })
}

#[tokio::test]
async fn create_key_asymmetric_and_certificate_orders() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    expect(
        &server,
        "POST",
        "orders",
        Some(
            json!({"type": "key", "meta": {"name": "secretname", "algorithm": "AES",
            "bit_length": 256, "mode": "cbc",
            "payload_content_type": "application/octet-stream"}}),
        ),
        202,
        Some(json!({"order_ref": href(&server, &format!("orders/{ID}"))})),
    )
    .await;
    let opts = CreateOpts::key("AES", 256)
        .mode("cbc")
        .name("secretname")
        .payload_content_type("application/octet-stream");
    let r = orders::create(&client, &opts).await.extract().unwrap();
    assert_eq!(r.id(), ID);

    expect(
        &server,
        "POST",
        "orders",
        Some(
            json!({"type": "asymmetric", "meta": {"algorithm": "rsa", "bit_length": 2048,
            "passphrase": "pass phrase"}}),
        ),
        202,
        Some(json!({"order_ref": href(&server, "orders/o2")})),
    )
    .await;
    let asym = CreateOpts::asymmetric("rsa", 2048).passphrase("pass phrase");
    assert!(!format!("{asym:?}").contains("pass phrase"));
    orders::create(&client, &asym).await.extract().unwrap();

    expect(
        &server,
        "POST",
        "orders",
        Some(
            json!({"type": "certificate", "meta": {"request_type": "simple-cmc",
            "request_data": "MIICsDCCAZgCAQAw", "ca_id": "ca-1"}}),
        ),
        202,
        Some(json!({"order_ref": href(&server, "orders/o3")})),
    )
    .await;
    let mut cert = CreateOpts::certificate("simple-cmc").request_data("MIICsDCCAZgCAQAw");
    cert.meta.ca_id = Some("ca-1".into());
    orders::create(&client, &cert).await.extract().unwrap();

    let before = sent(&server).await;
    for bad in [
        CreateOpts::new(OrderType::Key, Default::default()),
        CreateOpts::key("aes", 0),
    ] {
        let err = orders::create(&client, &bad).await.extract().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
    }
    assert_eq!(sent(&server).await, before);
}

#[tokio::test]
async fn list_show_wait_and_delete() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    expect(
        &server,
        "GET",
        "orders",
        None,
        200,
        Some(json!({"orders": [order_json(&server, "o1", "ACTIVE"),
            order_json(&server, "o2", "PENDING")], "total": 2})),
    )
    .await;
    let all = orders::extract_orders(
        &orders::list(&client, &Paging::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].kind, OrderType::Key);
    assert_eq!(all[0].meta.algorithm.as_deref(), Some("AES"));
    assert_eq!(all[0].meta.bit_length, Some(256));
    assert_eq!(all[0].meta.expiration, None);
    assert_eq!(all[1].status, Status::Pending);
    assert_eq!(all[1].sub_status.as_deref(), Some("Unknown"));

    // Pending first, then active.
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/orders/{ID}")))
        .respond_with(reply(200, Some(order_json(&server, ID, "PENDING"))))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/orders/{ID}")))
        .respond_with(reply(200, Some(order_json(&server, ID, "ACTIVE"))))
        .mount(&server)
        .await;
    let wait = WaitOpts {
        interval: Duration::from_millis(10),
        max_interval: Duration::from_millis(10),
        timeout: Duration::from_secs(5),
        ..Default::default()
    };
    let done = orders::wait_for_completion(&client, &href(&server, &format!("orders/{ID}")), &wait)
        .await
        .unwrap();
    assert_eq!(done.status, Status::Active);
    assert!(
        done.secret_ref
            .unwrap()
            .ends_with("/secrets/16f8d4f3-d3dd-4160-a5bd-8e5095a42613")
    );
    assert_eq!(
        done.creator_id.as_deref(),
        Some("40540f978fbd45c1af18910e3e02b63f")
    );

    let mut failed = order_json(&server, "bad", "ERROR");
    failed["error_status_code"] = json!("400");
    failed["error_reason"] = json!("Invalid key length");
    expect(&server, "GET", "orders/bad", None, 200, Some(failed)).await;
    let err = orders::wait_for_completion(&client, "bad", &wait)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("Invalid key length"), "{err}");

    expect(&server, "DELETE", &format!("orders/{ID}"), None, 204, None).await;
    orders::delete(&client, ID).await.ok().unwrap();
    expect(&server, "DELETE", "orders/gone", None, 404, None).await;
    let err = orders::delete(&client, "gone").await.ok().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}
