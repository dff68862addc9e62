//! Manageable volumes against a mock Cinder answering with the official samples.

use crate::{V2, V3, expect_at, reply, volume, volume_v2};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::blockstorage::v2;
use ferrocloud::openstack::blockstorage::v3::manageable_volumes::{self, ListOpts, ManageOpts};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer};

fn existing_lv() -> ManageOpts {
    let mut reference = std::collections::BTreeMap::new();
    reference.insert("source-name".to_string(), json!("existingLV"));
    reference.insert("source-id".to_string(), json!("1234"));
    ManageOpts::new("geraint-VirtualBox", reference)
        .name("New Volume")
        .description("Volume imported from existingLV")
        .bootable(true)
        .metadata("key1", "value1")
        .metadata("key2", "value2")
}

fn in_az2(mut o: ManageOpts) -> ManageOpts {
    o.availability_zone = Some("az2".into());
    o
}

/// The sample without its `null` members (the SDK leaves unset fields out).
fn without_nulls(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        other => other,
    }
}

#[tokio::test]
async fn list_and_list_detail_need_3_8_and_a_host() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let opts = ListOpts {
        host: Some("cinder@lvm".into()),
        ..Default::default()
    };
    let e = manageable_volumes::list(&client, &opts)
        .all()
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let client = client.with_microversion("3.8");
    let e = manageable_volumes::list(&client, &ListOpts::default())
        .all()
        .await
        .unwrap_err();
    assert!(e.to_string().contains("host"), "{e}");
    assert_eq!(sent_to_cinder(&server).await, 0);

    Mock::given(method("GET"))
        .and(path("/volume/v3/p1/manageable_volumes"))
        .and(query_param("host", "cinder@lvm"))
        .and(header("openstack-api-version", "volume 3.8"))
        .respond_with(reply(
            200,
            Some(&format!("{V3}/volume-manage-list-response.json")),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let short = manageable_volumes::list(&client, &opts)
        .all()
        .await
        .unwrap();
    assert!(!short[0].safe_to_manage && short[1].safe_to_manage);
    assert_eq!(short[1].reference["source-name"], "lvol0");

    Mock::given(method("GET"))
        .and(path("/volume/v3/p1/manageable_volumes/detail"))
        .and(query_param("host", "cinder@lvm"))
        .respond_with(reply(
            200,
            Some(&format!("{V3}/volume-manage-list-detail-response.json")),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let detail = manageable_volumes::list_detail(&client, &opts)
        .all()
        .await
        .unwrap();
    assert_eq!(
        detail[0].reason_not_safe.as_deref(),
        Some("already managed")
    );
    assert_eq!(
        detail[0].cinder_id.as_deref(),
        Some("9ba5bb53-4a18-4b38-be06-992999da338d")
    );
    assert!(detail[1].cinder_id.is_none() && detail[1].extra_info.is_none());
}

#[tokio::test]
async fn manage_sends_the_samples() {
    let server = MockServer::start().await;
    let client = volume(&server).await.with_microversion("3.16");
    Mock::given(method("POST"))
        .and(path("/volume/v3/p1/manageable_volumes"))
        .and(body_json(without_nulls(crate::common::sample_json(
            &format!("block-storage/{V3}/volume_manage_extensions/volume-manage-request.json"),
        ))))
        .respond_with(reply(
            202,
            Some(&format!(
                "{V3}/volume_manage_extensions/volume-manage-response.json"
            )),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let v = manageable_volumes::manage(&client, &in_az2(existing_lv()))
        .await
        .extract()
        .unwrap();
    assert_eq!(v.id, "23cf872b-c781-4cd4-847d-5f2ec8cbd91c");
    // The sample writes encrypted as text.
    assert!(!v.encrypted);

    Mock::given(method("POST"))
        .and(path("/volume/v3/p1/manageable_volumes"))
        .and(body_json(without_nulls(crate::common::sample_json(
            &format!("block-storage/{V3}/volume-manage-request-cluster.json"),
        ))))
        .respond_with(reply(
            202,
            Some(&format!(
                "{V3}/volume_manage_extensions/volume-manage-response.json"
            )),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let mut in_cluster = in_az2(existing_lv());
    in_cluster.host = None;
    in_cluster.cluster = Some("cluster@backend".into());
    manageable_volumes::manage(&client, &in_cluster)
        .await
        .extract()
        .unwrap();
    let e = manageable_volumes::manage(&client.with_microversion("3.15"), &in_cluster)
        .await
        .ok()
        .unwrap_err();
    assert!(e.to_string().contains("3.16"), "{e}");

    let mut nowhere = existing_lv();
    nowhere.host = None;
    let e = manageable_volumes::manage(&client, &nowhere)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let e = manageable_volumes::manage(&client, &ManageOpts::new("h", Default::default()))
        .await
        .ok()
        .unwrap_err();
    assert!(e.to_string().contains("ref"), "{e}");
}

#[tokio::test]
async fn v2_manages_through_os_volume_manage() {
    let server = MockServer::start().await;
    let client = volume_v2(&server).await;
    // The v3 path needs 3.8, which a v2 client never has.
    let e = v2::manageable_volumes::manage(&client, &existing_lv())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    expect_at(
        &server,
        "POST",
        "/volume/v2/p1/os-volume-manage",
        None,
        202,
        Some(&format!("{V2}/volume-manage-response.json")),
    )
    .await;
    let v = v2::manageable_volumes::manage_v2(&client, &in_az2(existing_lv()))
        .await
        .extract()
        .unwrap();
    assert_eq!(v.availability_zone.as_deref(), Some("az2"));
    let sent: Value = serde_json::from_slice(
        &server
            .received_requests()
            .await
            .unwrap()
            .last()
            .unwrap()
            .body,
    )
    .unwrap();
    assert_eq!(
        sent,
        without_nulls(crate::common::sample_json(&format!(
            "block-storage/{V2}/volume-manage-request.json"
        )))
    );
}

/// How many requests reached the mock Cinder (besides Keystone's).
async fn sent_to_cinder(server: &MockServer) -> usize {
    let reqs = server.received_requests().await.unwrap();
    reqs.iter()
        .filter(|r| r.url.path().starts_with("/volume/"))
        .count()
}
