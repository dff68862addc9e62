//! QoS specs against a mock Cinder answering with the official samples.

use crate::{V2, V3, expect, expect_at, volume, volume_v2};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::blockstorage::v3::qos_specs::{self, Consumer, CreateOpts};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const QOS: &str = "599ef437-1c99-42ec-9fc6-239d0519fef1";
const TYPE: &str = "6685584b-1eac-4da6-b5c3-555430cf68ff";

fn sample(rel: &str) -> String {
    format!("{V3}/qos/{rel}")
}

#[tokio::test]
async fn create_list_show_set_unset_delete() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    expect(
        &server,
        "POST",
        "qos-specs",
        Some(&sample("qos-create-request.json")),
        200,
        Some(&sample("qos-create-response.json")),
    )
    .await;
    let q = qos_specs::create(&client, &CreateOpts::new("reliability-spec"))
        .await
        .extract()
        .unwrap();
    assert_eq!((q.id.as_str(), &q.consumer), (QOS, &Consumer::BackEnd));

    expect(
        &server,
        "GET",
        "qos-specs",
        None,
        200,
        Some(&sample("qos-list-response.json")),
    )
    .await;
    assert_eq!(qos_specs::list(&client).all().await.unwrap().len(), 1);
    expect(
        &server,
        "GET",
        &format!("qos-specs/{QOS}"),
        None,
        200,
        Some(&sample("qos-show-response.json")),
    )
    .await;
    qos_specs::get(&client, QOS).await.extract().unwrap();

    expect(
        &server,
        "PUT",
        &format!("qos-specs/{QOS}"),
        Some(&sample("qos-update-request.json")),
        200,
        Some(&sample("qos-update-response.json")),
    )
    .await;
    let set = qos_specs::set_keys(
        &client,
        QOS,
        &[("delay".to_string(), "1".to_string())].into(),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(set["delay"], "1");
    expect(
        &server,
        "PUT",
        &format!("qos-specs/{QOS}/delete_keys"),
        Some(&sample("qos-unset-request.json")),
        202,
        None,
    )
    .await;
    qos_specs::unset_keys(&client, QOS, &["key1"])
        .await
        .ok()
        .unwrap();

    Mock::given(method("DELETE"))
        .and(path(format!("/volume/v3/p1/qos-specs/{QOS}")))
        .and(query_param("force", "true"))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    qos_specs::delete(&client, QOS, true).await.ok().unwrap();

    // Specs named like the fields of their own are refused before sending.
    let err = qos_specs::create(&client, &CreateOpts::new("x").spec("consumer", "both"))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = qos_specs::unset_keys(&client, QOS, &[])
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn associations() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    expect(
        &server,
        "GET",
        &format!("qos-specs/{QOS}/associations"),
        None,
        200,
        Some(&sample("qos_show_response.json")),
    )
    .await;
    assert!(
        qos_specs::associations(&client, QOS)
            .all()
            .await
            .unwrap()
            .is_empty()
    );
    for action in ["associate", "disassociate"] {
        Mock::given(method("GET"))
            .and(path(format!("/volume/v3/p1/qos-specs/{QOS}/{action}")))
            .and(query_param("vol_type_id", TYPE))
            .respond_with(ResponseTemplate::new(202))
            .expect(1)
            .mount(&server)
            .await;
    }
    qos_specs::associate(&client, QOS, TYPE).await.ok().unwrap();
    qos_specs::disassociate(&client, QOS, TYPE)
        .await
        .ok()
        .unwrap();
    expect(
        &server,
        "GET",
        &format!("qos-specs/{QOS}/disassociate_all"),
        None,
        202,
        None,
    )
    .await;
    qos_specs::disassociate_all(&client, QOS)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn v2_create() {
    let server = MockServer::start().await;
    let client = volume_v2(&server).await;
    expect_at(
        &server,
        "POST",
        "/volume/v2/p1/qos-specs",
        None,
        200,
        Some(&format!("{V2}/qos-create-response.json")),
    )
    .await;
    let q = qos_specs::create(
        &client,
        &CreateOpts::new("reliability-spec").consumer(Consumer::Both),
    )
    .await
    .extract()
    .unwrap();
    assert!(!q.id.is_empty());
}
