//! Tap-as-a-Service: tap services, tap flows and tap mirrors.

use crate::{expect, network, reply, request};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::taas::tap_flows::{self, Direction};
use ferrocloud::openstack::networking::v2::taas::tap_mirrors::{self, Directions, MirrorType};
use ferrocloud::openstack::networking::v2::taas::tap_services;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/taas";

#[tokio::test]
async fn tap_service_create_show_list_update_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let base = "/network/v2.0/taas/tap_services".to_string();
    let id = "2fec9339-f565-46d0-947b-1d98c2a406aa";
    expect(
        &server,
        "POST",
        base.clone(),
        Some(request(S, "tas-create-request.json")),
        reply(S, 201, "tas-create-response.json"),
    )
    .await;
    expect(
        &server,
        "GET",
        format!("{base}/1b059120-078b-4f25-bb16-e14d69706a9a"),
        None,
        reply(S, 200, "tas-show-response.json"),
    )
    .await;
    expect(
        &server,
        "PUT",
        format!("{base}/{id}"),
        Some(request(S, "tas-update-request.json")),
        reply(S, 200, "tas-update-response.json"),
    )
    .await;
    expect(
        &server,
        "DELETE",
        format!("{base}/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    Mock::given(method("GET"))
        .and(path(base.clone()))
        .and(query_param(
            "port_id",
            "a9855775-48ae-4609-8742-aa9d85db2e01",
        ))
        .respond_with(reply(S, 200, "tas-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;

    let opts = tap_services::CreateOpts::new("a9855775-48ae-4609-8742-aa9d85db2e01").name("ts1");
    let created = tap_services::create(&client, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(created.id, id);
    assert_eq!(created.status, "DOWN");
    assert_eq!(created.description, "tap service");
    let shown = tap_services::get(&client, "1b059120-078b-4f25-bb16-e14d69706a9a")
        .await
        .extract()
        .unwrap();
    assert_eq!(shown.name, "ts1");
    let list = tap_services::ListOpts {
        port_id: Some("a9855775-48ae-4609-8742-aa9d85db2e01".into()),
        ..Default::default()
    };
    let all = tap_services::list(&client, &list).all().await.unwrap();
    assert_eq!(all[0].status, "ACTIVE");
    assert_eq!(all[0].description, "");
    assert_eq!(all[0].project(), Some("dad19b09dba44e589c022000d580e9d5"));
    let update = tap_services::UpdateOpts::default().description("test tap service");
    let updated = tap_services::update(&client, id, &update)
        .await
        .extract()
        .unwrap();
    assert_eq!(updated.description, "test tas");
    tap_services::delete(&client, id).await.ok().unwrap();
}

#[tokio::test]
async fn tap_flow_create_show_update_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let base = "/network/v2.0/taas/tap_flows".to_string();
    let id = "137086d8-a77b-4bbc-825f-9c2f7b9bfa7b";
    expect(
        &server,
        "POST",
        base.clone(),
        Some(request(S, "taf-create-request.json")),
        reply(S, 201, "taf-create-response.json"),
    )
    .await;
    expect(
        &server,
        "GET",
        format!("{base}/{id}"),
        None,
        reply(S, 200, "taf-show-response.json"),
    )
    .await;
    expect(
        &server,
        "PUT",
        format!("{base}/{id}"),
        Some(request(S, "taf-update-request.json")),
        reply(S, 200, "taf-update-response.json"),
    )
    .await;
    expect(
        &server,
        "DELETE",
        format!("{base}/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;

    let opts = tap_flows::CreateOpts::new(
        "1b059120-078b-4f25-bb16-e14d69706a9a",
        "ee2911c3-08e7-44cb-81aa-fbee2cf43168",
        Direction::Both,
    )
    .name("tf1");
    let created = tap_flows::create(&client, &opts).await.extract().unwrap();
    assert_eq!(created.id, id);
    assert_eq!(created.direction, Direction::Both);
    assert_eq!(created.vlan_filter, None);
    let shown = tap_flows::get(&client, id).await.extract().unwrap();
    assert_eq!(shown.description, "test tap flow");
    let update = tap_flows::UpdateOpts::default().description("test tap flow");
    assert_eq!(
        tap_flows::update(&client, id, &update)
            .await
            .extract()
            .unwrap(),
        shown
    );
    tap_flows::delete(&client, id).await.ok().unwrap();

    let bad = tap_flows::CreateOpts::new("ts", "port", Direction::In).vlan_filter("ten");
    let e = tap_flows::create(&client, &bad)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn tap_mirror_create_show_list_update_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let base = "/network/v2.0/taas/tap_mirrors".to_string();
    let id = "207e4809-5358-4592-891b-3312bed32c47";
    expect(
        &server,
        "POST",
        base.clone(),
        Some(request(S, "tap_mirror-create-request.json")),
        reply(S, 201, "tap_mirror-create-response.json"),
    )
    .await;
    expect(
        &server,
        "GET",
        format!("{base}/0f077b67-e85b-4138-bc64-5d705b0a06ef"),
        None,
        reply(S, 200, "tap_mirror-show-response.json"),
    )
    .await;
    expect(
        &server,
        "GET",
        base.clone(),
        None,
        reply(S, 200, "tap_mirror-list-response.json"),
    )
    .await;
    expect(
        &server,
        "PUT",
        format!("{base}/{id}"),
        Some(request(S, "tap_mirror-update-request.json")),
        reply(S, 200, "tap_mirror-update-response.json"),
    )
    .await;
    expect(
        &server,
        "DELETE",
        format!("{base}/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;

    let opts = tap_mirrors::CreateOpts::new(
        "c63e4f48-da76-466c-a6f1-f4e4a4902c6a",
        "100.109.0.142",
        MirrorType::Erspanv1,
        Directions::default().inbound(99).outbound(100),
    )
    .name("mirror2")
    .description("Two direction mirror");
    let created = tap_mirrors::create(&client, &opts).await.extract().unwrap();
    assert_eq!(created.mirror_type, MirrorType::Erspanv1);
    assert_eq!(created.directions.inbound, Some(99));
    assert_eq!(created.directions.outbound, Some(100));
    let shown = tap_mirrors::get(&client, "0f077b67-e85b-4138-bc64-5d705b0a06ef")
        .await
        .extract()
        .unwrap();
    assert_eq!(shown.mirror_type, MirrorType::Gre);
    assert_eq!(shown.directions, Directions::default().inbound(99));
    let all = tap_mirrors::list(&client, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all[0].id, id);
    let update = tap_mirrors::UpdateOpts::default()
        .name("my_tap_mirror")
        .description("My fancy tap mirror with direction IN and id 99");
    let updated = tap_mirrors::update(&client, id, &update)
        .await
        .extract()
        .unwrap();
    assert_eq!(updated.name, "my_tap_mirror");
    tap_mirrors::delete(&client, id).await.ok().unwrap();
}
