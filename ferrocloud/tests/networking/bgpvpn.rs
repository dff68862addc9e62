//! BGP VPNs: CRUD with route targets, and the network, router and port associations
//! (typed port routes).

use crate::common::*;
use crate::{expect, network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::bgpvpn::port_associations::Route;
use ferrocloud::openstack::networking::v2::bgpvpn::{
    bgpvpns, network_associations, port_associations, router_associations,
};
use serde_json::json;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/bgpvpn";
const VPN: &str = "0f9d472a-908f-40f5-8574-b4e8a63ccbf0";

#[tokio::test]
async fn bgpvpn_create_show_list_update_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let base = "/network/v2.0/bgpvpn/bgpvpns".to_string();
    expect(
        &server,
        "POST",
        base.clone(),
        Some(json!({"bgpvpn": {
        "tenant_id": "b7549121395844bea941bb92feb3fad9",
        "route_targets": ["64512:1444"], "import_targets": ["64512:1555"],
        "export_targets": ["64512:1666"],
        "route_distinguishers": ["64512:1777", "64512:1888", "64512:1999"],
        "type": "l3", "vni": 1000}})),
        reply(S, 201, "bgpvpns/bgpvpn-create-response.json"),
    )
    .await;
    expect(
        &server,
        "GET",
        format!("{base}/460ac411-3dfb-45bb-8116-ed1a7233d143"),
        None,
        reply(S, 200, "bgpvpns/bgpvpn-show-response.json"),
    )
    .await;
    expect(
        &server,
        "PUT",
        format!("{base}/{VPN}"),
        Some(sample_json(&format!(
            "{S}/bgpvpns/bgpvpn-update-request.json"
        ))),
        reply(S, 200, "bgpvpns/bgpvpn-update-response.json"),
    )
    .await;
    expect(
        &server,
        "DELETE",
        format!("{base}/{VPN}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    Mock::given(method("GET"))
        .and(path(base.clone()))
        .and(query_param(
            "networks",
            "a4f2b8df-cb42-4893-a333-d0b5c36ade17",
        ))
        .respond_with(reply(S, 200, "bgpvpns/bgpvpns-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;

    let mut opts = bgpvpns::CreateOpts::default()
        .kind(bgpvpns::BgpvpnType::L3)
        .route_targets(["64512:1444"])
        .import_targets(["64512:1555"])
        .export_targets(["64512:1666"])
        .route_distinguishers(["64512:1777", "64512:1888", "64512:1999"])
        .vni(1000);
    opts.tenant_id = Some("b7549121395844bea941bb92feb3fad9".into());
    let vpn = bgpvpns::create(&client, &opts).await.extract().unwrap();
    assert_eq!(vpn.id, VPN);
    assert_eq!(vpn.kind, bgpvpns::BgpvpnType::L3);
    assert_eq!(vpn.route_distinguishers.len(), 3);
    assert_eq!(vpn.vni, Some(1000));
    assert_eq!(vpn.local_pref, None);
    assert!(vpn.ports.is_empty());

    let shown = bgpvpns::get(&client, "460ac411-3dfb-45bb-8116-ed1a7233d143")
        .await
        .extract()
        .unwrap();
    assert_eq!(shown.name, "foo");
    assert_eq!(shown.networks, ["a4f2b8df-cb42-4893-a333-d0b5c36ade17"]);

    let list = bgpvpns::ListOpts {
        networks: Some("a4f2b8df-cb42-4893-a333-d0b5c36ade17".into()),
        ..Default::default()
    };
    assert_eq!(bgpvpns::list(&client, &list).all().await.unwrap(), [vpn]);

    let update = bgpvpns::UpdateOpts::default()
        .name("foo")
        .route_targets(["64512:1444"])
        .export_targets(Vec::<String>::new())
        .import_targets(Vec::<String>::new());
    let updated = bgpvpns::update(&client, VPN, &update)
        .await
        .extract()
        .unwrap();
    assert_eq!(updated.route_distinguishers, ["12345:1234"]);
    assert_eq!(updated.project(), Some("b7549121395844bea941bb92feb3fad9"));
    bgpvpns::delete(&client, VPN).await.ok().unwrap();

    let bad = bgpvpns::CreateOpts::new("bad").route_targets(["not-a-target"]);
    let e = bgpvpns::create(&client, &bad).await.extract().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn network_associations_create_show_list_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let base = format!("/network/v2.0/bgpvpn/bgpvpns/{VPN}/network_associations");
    let id = "1b09fd12-c769-4be7-9c26-dececa474acf";
    expect(
        &server,
        "POST",
        base.clone(),
        Some(sample_json(&format!(
            "{S}/network_associations/network_association-create-request.json"
        ))),
        reply(
            S,
            201,
            "network_associations/network_association-create-response.json",
        ),
    )
    .await;
    expect(
        &server,
        "GET",
        format!("{base}/{id}"),
        None,
        reply(
            S,
            200,
            "network_associations/network_association-show-response.json",
        ),
    )
    .await;
    expect(
        &server,
        "GET",
        base.clone(),
        None,
        reply(
            S,
            200,
            "network_associations/network_association-list-response.json",
        ),
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

    let created = network_associations::create(
        &client,
        VPN,
        &network_associations::CreateOpts::new("8c5d88dc-60ac-4b02-a65a-36b65888ddcd"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(created.id, "73238ca1-e05d-4c7a-b4d4-70407b4b8730");
    let shown = network_associations::get(&client, VPN, id)
        .await
        .extract()
        .unwrap();
    assert_eq!(shown.network_id, "a4f2b8df-cb42-4893-a333-d0b5c36ade17");
    let all = network_associations::list(&client, VPN, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1], shown);
    network_associations::delete(&client, VPN, id)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn router_associations_create_show_list_update_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let base = format!("/network/v2.0/bgpvpn/bgpvpns/{VPN}/router_associations");
    let id = "c63149a0-a0b3-4ca7-aba4-9aaa1b39d7f3";
    expect(
        &server,
        "POST",
        base.clone(),
        Some(sample_json(&format!(
            "{S}/router_associations/router_association-create-request.json"
        ))),
        reply(
            S,
            201,
            "router_associations/router_association-create-response.json",
        ),
    )
    .await;
    expect(
        &server,
        "GET",
        format!("{base}/{id}"),
        None,
        reply(
            S,
            200,
            "router_associations/router_association-show-response.json",
        ),
    )
    .await;
    expect(
        &server,
        "GET",
        base.clone(),
        None,
        reply(
            S,
            200,
            "router_associations/router_association-list-response.json",
        ),
    )
    .await;
    expect(
        &server,
        "PUT",
        format!("{base}/{id}"),
        Some(sample_json(&format!(
            "{S}/router_associations/router_association-update-request.json"
        ))),
        reply(
            S,
            200,
            "router_associations/router_association-update-response.json",
        ),
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

    let created = router_associations::create(
        &client,
        VPN,
        &router_associations::CreateOpts::new("b58a6241-6e49-4b11-87c6-8e0606dde796"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(created.id, id);
    assert_eq!(created.advertise_extra_routes, Some(true));
    let shown = router_associations::get(&client, VPN, id)
        .await
        .extract()
        .unwrap();
    assert_eq!(shown.router_id, "46a1a80b-7c42-4c45-88fd-b531e636969f");
    let all = router_associations::list(&client, VPN, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all[0].id, "95277be7-a231-4e96-9625-8f9fe41de9d6");
    let mut update = router_associations::UpdateOpts::default().advertise_extra_routes(false);
    update.router_id = Some("46a1a80b-7c42-4c45-88fd-b531e636969f".into());
    let updated = router_associations::update(&client, VPN, id, &update)
        .await
        .extract()
        .unwrap();
    assert_eq!(updated.advertise_extra_routes, Some(false));
    router_associations::delete(&client, VPN, id)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn port_associations_with_typed_routes() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let base = format!("/network/v2.0/bgpvpn/bgpvpns/{VPN}/port_associations");
    let id = "c63149a0-a0b3-4ca7-aba4-9aaa1b39d7f3";
    expect(
        &server,
        "POST",
        base.clone(),
        Some(sample_json(&format!(
            "{S}/port_associations/port_association-create-request.json"
        ))),
        reply(
            S,
            201,
            "port_associations/port_association-create-response.json",
        ),
    )
    .await;
    expect(
        &server,
        "GET",
        format!("{base}/{id}"),
        None,
        reply(
            S,
            200,
            "port_associations/port_association-show-response.json",
        ),
    )
    .await;
    expect(
        &server,
        "GET",
        base.clone(),
        None,
        reply(
            S,
            200,
            "port_associations/port_association-list-response.json",
        ),
    )
    .await;
    expect(
        &server,
        "PUT",
        format!("{base}/{id}"),
        Some(sample_json(&format!(
            "{S}/port_associations/port_association-update-request.json"
        ))),
        reply(
            S,
            200,
            "port_associations/port_association-update-response.json",
        ),
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

    let opts = port_associations::CreateOpts::new("b58a6241-6e49-4b11-87c6-8e0606dde796")
        .routes([Route::prefix("20.1.0.0/16")]);
    let created = port_associations::create(&client, VPN, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(created.routes, [Route::prefix("20.1.0.0/16")]);
    assert!(created.advertise_fixed_ips);
    let shown = port_associations::get(&client, VPN, id)
        .await
        .extract()
        .unwrap();
    assert_eq!(shown, created);
    let all = port_associations::list(&client, VPN, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all[0].port_id, "61222227-49eb-4dcc-b2d6-66bbfb2fdd7a");
    let mut update = port_associations::UpdateOpts::default()
        .routes([Route::bgpvpn("180630e3-9eae-4ba7-9939-d5f47966e1f0").local_pref(111)])
        .advertise_fixed_ips(false);
    update.port_id = Some("46a1a80b-7c42-4c45-88fd-b531e636969f".into());
    let updated = port_associations::update(&client, VPN, id, &update)
        .await
        .extract()
        .unwrap();
    match &updated.routes[..] {
        [
            Route::Bgpvpn {
                bgpvpn_id,
                local_pref,
            },
        ] => {
            assert_eq!(bgpvpn_id, "180630e3-9eae-4ba7-9939-d5f47966e1f0");
            assert_eq!(*local_pref, Some(111));
        }
        other => panic!("unexpected routes {other:?}"),
    }
    assert!(!updated.advertise_fixed_ips);
    port_associations::delete(&client, VPN, id)
        .await
        .ok()
        .unwrap();
}
