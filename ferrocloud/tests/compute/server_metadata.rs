//! Server metadata items.

use std::collections::BTreeMap;

use crate::common::*;
use ferrocloud::openstack::compute::v2::server_metadata::{self, MetaItem};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use serde_json::json;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/server-metadata";
const BASE: &str = "/compute/v2.1/servers/srv-1/metadata";

async fn compute(server: &MockServer) -> ServiceClient {
    openstack::new_compute_v2(&provider(server).await, EndpointOpts::default()).unwrap()
}

fn reply(name: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/{name}")))
}

fn foo() -> BTreeMap<String, String> {
    BTreeMap::from([("foo".to_string(), "Foo Value".to_string())])
}

#[tokio::test]
async fn list_set_and_replace() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    Mock::given(method("GET"))
        .and(path(BASE))
        .respond_with(reply("server-metadata-all-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(
        server_metadata::list(&compute, "srv-1")
            .await
            .extract()
            .unwrap(),
        foo()
    );

    let req = sample_json(&format!("{S}/server-metadata-all-req.json"));
    for m in ["POST", "PUT"] {
        Mock::given(method(m))
            .and(path(BASE))
            .and(body_json(&req))
            .respond_with(reply("server-metadata-all-resp.json"))
            .expect(1)
            .mount(&server)
            .await;
    }
    let merged = server_metadata::set(&compute, "srv-1", &foo())
        .await
        .extract()
        .unwrap();
    assert_eq!(merged["foo"], "Foo Value");
    let replaced = server_metadata::replace(&compute, "srv-1", &foo())
        .await
        .extract()
        .unwrap();
    assert_eq!(replaced, foo());

    // An empty replace removes everything: `{"metadata": {}}` is sent.
    Mock::given(method("PUT"))
        .and(path("/compute/v2.1/servers/srv-2/metadata"))
        .and(body_json(json!({"metadata": {}})))
        .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"metadata": {}}"#))
        .expect(1)
        .mount(&server)
        .await;
    assert!(
        server_metadata::replace(&compute, "srv-2", &BTreeMap::new())
            .await
            .extract()
            .unwrap()
            .is_empty()
    );
    server.verify().await;
}

#[tokio::test]
async fn one_item() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/foo")))
        .respond_with(reply("server-metadata-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let item = server_metadata::get_item(&compute, "srv-1", "foo")
        .await
        .extract()
        .unwrap();
    assert_eq!(item, MetaItem::new("foo", "Foo Value"));

    Mock::given(method("PUT"))
        .and(path(format!("{BASE}/foo")))
        .and(body_json(sample_json(&format!(
            "{S}/server-metadata-req.json"
        ))))
        .respond_with(
            ResponseTemplate::new(200).set_body_string(r#"{"meta": {"foo": "Bar Value"}}"#),
        )
        .expect(1)
        .mount(&server)
        .await;
    let item = server_metadata::set_item(&compute, "srv-1", "foo", "Bar Value")
        .await
        .extract()
        .unwrap();
    assert_eq!(item.value, "Bar Value");

    // Keys are path segments, percent-encoded.
    Mock::given(method("DELETE"))
        .and(path(format!("{BASE}/a%20b%3Ac")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    server_metadata::delete_item(&compute, "srv-1", "a b:c")
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn bad_items_are_refused_before_sending() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    let bad_key = BTreeMap::from([("a/b".to_string(), "x".to_string())]);
    let err = server_metadata::set(&compute, "srv-1", &bad_key)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("a/b"), "{err}");
    let long = BTreeMap::from([("k".to_string(), "v".repeat(256))]);
    let err = server_metadata::replace(&compute, "srv-1", &long)
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("255"), "{err}");
    let err = server_metadata::set_item(&compute, "srv-1", "", "v")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = server_metadata::set_item(&compute, "srv-1", &"k".repeat(256), "v")
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("metadata key"), "{err}");
    assert_eq!(
        count(&server, "POST", BASE).await + count(&server, "PUT", BASE).await,
        0
    );
}

#[test]
fn meta_item_reads_exactly_one_entry() {
    assert!(serde_json::from_str::<MetaItem>(r#"{}"#).is_err());
    assert!(serde_json::from_str::<MetaItem>(r#"{"a": "1", "b": "2"}"#).is_err());
}
